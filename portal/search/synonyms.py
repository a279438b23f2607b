"""Synonym groups from seed/synonyms.yaml, applied when searching (no reindex needed)."""

import time
from pathlib import Path

import yaml

from portal.search.analysis import fold


def load_synonyms(path: str | Path) -> dict[str, tuple[str, ...]]:
    """Map each folded word or phrase to the other members of its groups."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    table: dict[str, set[str]] = {}
    for group in data.get("groups") or []:
        words = [fold(str(w)).strip() for w in group if str(w).strip()]
        for word in words:
            table.setdefault(word, set()).update(w for w in words if w != word)
    return {word: tuple(sorted(others)) for word, others in table.items()}


class SynonymFile:
    """The synonym table, re-read when an admin changes the file (checked at most every
    few seconds), so additions work without a restart or a reindex."""

    CHECK_EVERY = 5.0

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.version = 0
        self._mtime = None
        self._checked = 0.0
        self._table: dict[str, tuple[str, ...]] = {}
        self.current()

    def current(self) -> dict[str, tuple[str, ...]]:
        now = time.monotonic()
        if now - self._checked >= self.CHECK_EVERY or self._mtime is None:
            self._checked = now
            try:
                mtime = self.path.stat().st_mtime_ns
            except FileNotFoundError:
                mtime = -1
            if mtime != self._mtime:
                try:
                    self._table = load_synonyms(self.path) if mtime != -1 else {}
                except (yaml.YAMLError, OSError):
                    pass  # keep the last good table; a broken edit must not stop search
                self._mtime = mtime
                self.version += 1
        return self._table
