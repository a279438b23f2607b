"""Synonym groups from seed/synonyms.yaml, applied when searching (no reindex needed)."""

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
