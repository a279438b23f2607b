"""Dutch postcodes: parsing and PC4 ranges. Pure functions, no app needed."""

import re
from dataclasses import dataclass

_POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})?\s*$")
# Letter pairs PostNL never issues.
_FORBIDDEN_LETTERS = {"SA", "SD", "SS"}


class InvalidPostcode(ValueError):
    """The text is not a Dutch postcode; `message_nl` says why, for the person."""

    def __init__(self, message_nl: str):
        super().__init__(message_nl)
        self.message_nl = message_nl


@dataclass(frozen=True)
class Postcode:
    pc4: int
    letters: str | None = None

    def __str__(self) -> str:
        return f"{self.pc4} {self.letters}" if self.letters else str(self.pc4)


def parse_postcode(text: str | None) -> Postcode:
    """Accept `7101`, `7101AB` and `7101 ab`; reject everything else."""
    if not text or not text.strip():
        raise InvalidPostcode("Vul een postcode in, bijvoorbeeld 7101 AB.")
    match = _POSTCODE.match(text)
    if not match:
        raise InvalidPostcode(
            "Dit is geen geldige postcode. Een postcode heeft 4 cijfers en "
            "eventueel 2 letters, bijvoorbeeld 7101 AB."
        )
    letters = match.group(2).upper() if match.group(2) else None
    if letters in _FORBIDDEN_LETTERS:
        raise InvalidPostcode("Deze postcode bestaat niet. Controleer de letters.")
    return Postcode(int(match.group(1)), letters)


def parse_ranges(specs: list[str | int]) -> list[tuple[int, int]]:
    """Turn seed notation ["7001-7009", "7011"] into inclusive (start, end) pairs."""
    ranges = []
    for spec in specs:
        text = str(spec)
        start, _, end = text.partition("-")
        low, high = int(start), int(end or start)
        if not (1000 <= low <= high <= 9999):
            raise ValueError(f"bad PC4 range {text!r}")
        ranges.append((low, high))
    return ranges
