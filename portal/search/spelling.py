"""Spelling suggestions ("Bedoelde u …?") from the words of the catalogue.

The word list (`words.tsv`, word and frequency) is written next to each index version
when it is built; suggestions pick the most frequent known word within two edits that
starts with the same letter.
"""

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from portal.search.analysis import fold

WORDS_FILE = "words.tsv"
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


def count_words(texts: Iterable[str], counter: Counter) -> None:
    for text in texts:
        counter.update(_WORD.findall(fold(text)))


def write_words(path: Path, counter: Counter) -> None:
    lines = (f"{word}\t{count}" for word, count in counter.most_common())
    (path / WORDS_FILE).write_text("\n".join(lines), encoding="utf-8")


def read_words(path: Path) -> dict[str, int]:
    file = path / WORDS_FILE
    if not file.exists():
        return {}
    words = {}
    for line in file.read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition("\t")
        words[word] = int(count or 0)
    return words


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau–Levenshtein distance (adjacent swaps count once), stopping past `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2, prev = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if (
                prev2 is not None
                and i > 1
                and j > 1
                and ca == b[j - 2]
                and a[i - 2] == cb
            ):
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


class Speller:
    def __init__(self, words: dict[str, int]):
        self.words = words
        self.sorted_words = sorted(words)
        self.by_letter: dict[str, list[str]] = {}
        for word in words:
            self.by_letter.setdefault(word[0], []).append(word)

    def complete(self, prefix: str, limit: int = 8) -> list[str]:
        """Known words starting with `prefix`, most frequent first (autocomplete)."""
        if len(prefix) < 2:
            return []
        start = bisect_left(self.sorted_words, prefix)
        matches = []
        for word in self.sorted_words[start : start + 2000]:
            if not word.startswith(prefix):
                break
            matches.append(word)
        return sorted(matches, key=lambda w: (-self.words[w], w))[:limit]

    def known(self, word: str) -> bool:
        return word in self.words

    def suggest(self, word: str, max_distance: int = 2) -> str | None:
        best, best_key = None, None
        for candidate in self.by_letter.get(word[:1], ()):
            distance = edit_distance(word, candidate, max_distance)
            if distance <= max_distance:
                key = (distance, -self.words[candidate])
                if best_key is None or key < best_key:
                    best, best_key = candidate, key
        return best
