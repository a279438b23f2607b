"""Reading the portal's own CSV format (columns: csvcolumns.py) into records.

Encoding rule: the file must be UTF-8 (with or without a byte order mark). Anything
else is refused as a whole, with the advice to save it as "CSV UTF-8"; we do not guess
at other encodings, because a wrong guess silently garbles names and places.
The delimiter is ";" or ",", whichever the header line holds more of. Line numbers are
those of the file (the header is line 1), also when a cell spans several lines.
"""

import csv
import io
import re

from flask_babel import lazy_gettext as _l

from portal.imports import csvcolumns as cols
from portal.imports.csvcolumns import COLUMNS, REQUIRED, template_csv
from portal.imports.records import (
    MAX_RECORDS,
    CourseRecord,
    ImportFileError,
    LocationRecord,
    ParseResult,
    Rejection,
    StartRecord,
)
from portal.imports.values import (
    ValueProblem,
    check_crebo,
    check_length,
    check_url,
    clean_text,
    parse_date,
    parse_euros,
    to_cents,
)

__all__ = ["COLUMNS", "REQUIRED", "FORMAT", "read_csv", "template_csv"]

FORMAT = "csv"
_DATE_SPLIT_RE = re.compile(r"[;,\s]+")


def _decode(data: bytes, filename: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _l(
                "Het bestand is geen UTF-8 (fout bij teken %(position)s). Open het in Excel en kies 'Opslaan als' → 'CSV UTF-8 (door komma's gescheiden)'.",
                position=error.start + 1,
            ),
            filename,
        ) from None


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") >= header.count(",") else ","


def _header(reader, filename: str) -> list[str]:
    names = [clean_text(name).lower() for name in next(reader, [])]
    if not any(names):
        raise ImportFileError(
            _l("Het bestand is leeg: er staat geen kopregel in."), filename
        )
    doubles = sorted({name for name in names if name and names.count(name) > 1})
    if doubles:
        raise ImportFileError(
            _l(
                "Deze kolommen staan er twee keer in: %(columns)s.",
                columns=", ".join(doubles),
            ),
            filename,
        )
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        raise ImportFileError(
            _l(
                "Deze verplichte kolommen ontbreken in de kopregel: %(columns)s. Gebruik het voorbeeldbestand.",
                columns=", ".join(missing),
            ),
            filename,
        )
    return names


class _Row:
    """One data row: its cells by column name and the rejections found so far."""

    def __init__(self, cells: dict, line: int, filename: str):
        self.raw_description = cells.get("omschrijving", "")
        self.cells = {
            name: cell.strip()
            if cell.isprintable() and "  " not in cell
            else clean_text(cell)
            for name, cell in cells.items()
        }
        self.origin = f"regel {line}"
        self.filename = filename
        self.record_id = cells.get("id", "")[:120] or self.origin
        self.rejections: list[Rejection] = []

    def reject(self, column: str, message) -> None:
        self.rejections.append(
            Rejection(self.record_id, column, message, self.origin, self.filename)
        )

    def text(self, column: str) -> str:
        return self.cells.get(column, "")

    def check(self, column: str, func, *args):
        try:
            return func(*args)
        except ValueProblem as problem:
            self.reject(column, problem.message)
            return None

    def required(self, column: str) -> str:
        value = self.text(column)
        if not value:
            self.reject(
                column,
                _l(
                    "De kolom '%(column)s' is leeg. Deze kolom is verplicht.",
                    column=column,
                ),
            )
        return value

    def word(self, column: str, words: dict, default=None):
        value = self.text(column)
        if not value and default is not None:
            return default
        if not value:
            self.required(column)
            return None
        found = words.get(value.lower())
        if found is None:
            allowed = cols.ALLOWED.get(column) or ", ".join(sorted(set(words.values())))
            self.reject(
                column,
                _l(
                    "'%(value)s' kennen we niet in de kolom %(column)s. Gebruik een van deze waarden: %(allowed)s.",
                    value=value[:60],
                    column=column,
                    allowed=allowed,
                ),
            )
        return found

    def dates(self, column: str) -> list:
        found = []
        for part in _DATE_SPLIT_RE.split(self.text(column)):
            if part:
                found.append(self.check(column, parse_date, part))
        return found

    def whole_number(self, column: str) -> int | None:
        value = self.text(column)
        if not value:
            return None
        if not (value.isascii() and value.isdigit()) or len(value) > 6:
            self.reject(column, _l("'%(value)s' is geen heel getal.", value=value[:20]))
            return None
        return int(value)


def _location(row: _Row) -> LocationRecord | None:
    name, street = row.text("locatie"), row.text("adres")
    postcode, town = row.text("postcode"), row.text("plaats")
    if not (name or street or postcode or town):
        return None
    return LocationRecord(
        name=row.check("locatie", check_length, name or town or street, "location_name")
        or "",
        street=row.check("adres", check_length, street, "street") or "",
        postcode=row.check("postcode", check_length, postcode, "postcode") or "",
        town=row.check("plaats", check_length, town, "town") or "",
    )


def _record(row: _Row, provider_ref: str) -> CourseRecord | None:
    external_id = row.check("id", check_length, row.required("id"), "external_id")
    provider = row.text("aanbieder") or provider_ref
    if not provider:
        row.reject(
            "aanbieder",
            _l(
                "Er staat geen aanbieder. Vul de kolom aanbieder in of kies een opleider bij het importeren."
            ),
        )
    provider = row.check("aanbieder", check_length, provider, "provider_ref")
    title = row.check("titel", check_length, row.required("titel"), "title")
    level = row.word("niveau", cols.LEVEL_WORDS)
    form = row.word("vorm", cols.FORM_WORDS)
    sector = row.word("sector", cols.SECTOR_WORDS)
    delivery = row.word("uitvoering", cols.DELIVERY_WORDS, default="on_site")
    kansrijk = row.word("kansrijk", cols.YES_NO) if row.text("kansrijk") else None
    price_text = row.required("prijs")
    price_cents = None
    if price_text:
        amount = row.check("prijs", parse_euros, price_text)
        price_cents = None if amount is None else row.check("prijs", to_cents, amount)
    crebo = row.check("crebo", check_crebo, row.text("crebo"))
    duration = row.check("duur", check_length, row.text("duur"), "duration_nl")
    hours = row.whole_number("uren")
    url = row.check("website", check_url, row.text("website"))
    planned, cancelled = row.dates("startdata"), row.dates("geannuleerd")
    location = _location(row)
    if row.rejections:
        return None
    cancelled_set = set(cancelled)
    starts = tuple(
        StartRecord(day, cancelled=day in cancelled_set)
        for day in sorted(set(planned) | cancelled_set)
    )
    return CourseRecord(
        external_id=external_id,
        provider_ref=provider,
        title=title,
        level=level,
        form=form,
        sector=sector,
        delivery=delivery,
        price_cents=price_cents,
        description_nl=clean_text(row.raw_description, single_line=False),
        crebo=crebo,
        duration_nl=duration,
        duration_hours=hours,
        url=url,
        kansrijk=kansrijk,
        starts=starts,
        locations=(location,) if location else (),
        source_codes={},
        source_format=FORMAT,
        origin=row.origin,
    )


def read_csv(
    data: bytes,
    *,
    filename: str = "",
    provider_ref: str = "",
    max_records: int = MAX_RECORDS,
) -> ParseResult:
    """Every row of a CSV file as a record or a rejection; ImportFileError when the file
    as a whole cannot be read (encoding, header, too many rows, broken quoting)."""
    text = _decode(data, filename)
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True
    )
    result = ParseResult(files=[filename] if filename else [], format=FORMAT)
    previous = 0
    try:
        names = _header(reader, filename)
        width, previous, count = len(names), reader.line_num, 0
        for cells in reader:
            line, previous = previous + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            count += 1
            if count > max_records:
                raise ImportFileError(
                    _l(
                        "Het bestand heeft meer dan %(limit)s opleidingen. Splits het in kleinere bestanden.",
                        limit=max_records,
                    ),
                    filename,
                )
            cells_by_name = {
                name: cell for name, cell in zip(names, cells, strict=False) if name
            }
            row = _Row(cells_by_name, line, filename)
            if any(cell.strip() for cell in cells[width:]):
                row.reject(
                    "",
                    _l(
                        "Deze regel heeft meer kolommen dan de kopregel. Staat er een puntkomma of komma te veel?"
                    ),
                )
            record = _record(row, provider_ref)
            if record is None:
                result.rejections.extend(row.rejections)
            else:
                result.records.append(record)
    except csv.Error:
        raise ImportFileError(
            _l(
                'De aanhalingstekens (") kloppen niet vanaf regel %(line)s. Staat er een aanhalingsteken te veel of te weinig? Dan leest de rest van het bestand niet goed.',
                line=previous + 1,
            ),
            filename,
        ) from None
    return result
