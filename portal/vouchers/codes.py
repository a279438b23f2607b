"""The voucher code a provider bills the fund with: LW-7KQ3-M9XH-2RTB-W4NP.

Pure: no Flask, no database. Apart from the case reference (VW-2026-000123), which
counts up and can be guessed, the code is random: 16 characters from an alphabet
without look-alikes (no 0/O, 1/I/L, U), 30 letters and digits: about 78 random bits
that a person can still read out on the phone. `services` gives it once, on the first approval.
"""

import re
import secrets
from collections.abc import Callable

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "LW-"
GROUPS = 4
GROUP_SIZE = 4
PATTERN = re.compile(
    rf"^{PREFIX}[{ALPHABET}]{{{GROUP_SIZE}}}(-[{ALPHABET}]{{{GROUP_SIZE}}}){{{GROUPS - 1}}}$"
)


def new_code(choice: Callable[[str], str] = secrets.choice) -> str:
    """A fresh random code; `choice` only to make a test repeatable."""
    groups = (
        "".join(choice(ALPHABET) for _ in range(GROUP_SIZE)) for _ in range(GROUPS)
    )
    return PREFIX + "-".join(groups)


def is_code(text: str) -> bool:
    """Whether `text` has the form of a voucher code (says nothing of its existence)."""
    return bool(PATTERN.match(text))
