"""CSV for spreadsheets: semicolons (as Dutch Excel expects), a BOM, and no formulas.

Any text a person or a feed typed may start with "=", "+", "-" or "@"; a spreadsheet
would run it as a formula (CSV injection). Such cells get a leading apostrophe, which
spreadsheets show as plain text. Numbers we write ourselves are not touched.
"""

import csv
import io
from collections.abc import Iterable

# Also the full-width forms, which some spreadsheets treat the same way.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
BOM = "\ufeff"


def safe_cell(value) -> str:
    """`value` as text that a spreadsheet will not evaluate."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def euros(cents: int) -> str:
    """An amount as a Dutch spreadsheet reads it: 125000 → "1250,00"."""
    return f"{cents // 100},{cents % 100:02d}"


def to_csv(rows: Iterable[Iterable], *, bom: bool = True) -> str:
    """Rows as `;`-separated CSV; ints are written as they are, all else made safe."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow(
            [
                c if isinstance(c, int) and not isinstance(c, bool) else safe_cell(c)
                for c in row
            ]
        )
    return (BOM if bom else "") + out.getvalue()
