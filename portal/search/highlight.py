"""Highlighted snippets: the summary with the words that matched marked."""

import re

from markupsafe import Markup, escape

_WORD = re.compile(r"\w+", re.UNICODE)
_STEMS_CACHE_SIZE = 200_000


class Highlighter:
    """Marks words whose stem (or a compound part's stem) the query asked for.

    Each distinct word is analysed once and remembered, so highlighting twenty
    snippets costs a regex scan and dictionary look-ups, not twenty analyser runs."""

    def __init__(self, analyzer):
        self.analyzer = analyzer
        self._stems: dict[str, frozenset[str]] = {}

    def stems_of(self, word: str) -> frozenset[str]:
        found = self._stems.get(word)
        if found is None:
            if len(self._stems) >= _STEMS_CACHE_SIZE:
                self._stems.clear()
            found = self._stems[word] = frozenset(
                t.text for t in self.analyzer(word, mode="index")
            )
        return found

    def __call__(
        self, text: str, stems: frozenset[str], max_chars: int = 240
    ) -> Markup:
        if not text:
            return Markup("")
        spans = []
        if stems:
            for match in _WORD.finditer(text):
                if self.stems_of(match.group()) & stems:
                    spans.append(match.span())
        start = 0
        if spans and spans[0][0] > max_chars // 2:
            start = text.rfind(" ", 0, spans[0][0] - 40) + 1
        end = min(len(text), start + max_chars)
        if end < len(text):
            cut = text.rfind(" ", start, end)
            end = cut if cut > start else end
        out, pos = [], start
        for s, e in spans:
            if s < start or e > end:
                continue
            out.append(escape(text[pos:s]))
            out.append(Markup("<mark>") + escape(text[s:e]) + Markup("</mark>"))
            pos = e
        out.append(escape(text[pos:end]))
        prefix = "… " if start > 0 else ""
        suffix = " …" if end < len(text) and not text.endswith("…") else ""
        return Markup(prefix) + Markup("").join(out) + Markup(suffix)
