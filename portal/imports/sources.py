"""Reading an import: one file (by path or as uploaded bytes) or a folder of files.

The format follows the extension (.json EDU-DEX JSON, .xml EDU-DEX XML, .csv the
portal's CSV) and the content must match it. A file that cannot be read, one that is
too big, or an import with too many records raises `ImportFileError`; nothing is read
further then. Within one import an id may occur once per provider: a later record with
the same provider and id is rejected.
"""

import json
from pathlib import Path

from flask_babel import lazy_gettext as _l

from portal.imports.csvformat import read_csv
from portal.imports.edudex import FORMAT_JSON, FORMAT_XML, map_program
from portal.imports.edudex_xml import program_from_xml
from portal.imports.records import (
    MAX_BYTES,
    MAX_RECORDS,
    ImportFileError,
    ParseResult,
    Rejection,
)

EXTENSIONS = (".json", ".xml", ".csv")
ID_FIELDS = {
    "csv": "id",
    FORMAT_JSON: "programClassification.programId",
    FORMAT_XML: "programClassification.programId",
}


def _too_big(filename: str, max_bytes: int) -> ImportFileError:
    return ImportFileError(
        _l(
            "Het bestand is te groot. Het mag hoogstens %(mb)s MB zijn.",
            mb=max(1, max_bytes // (1024 * 1024)),
        ),
        filename,
    )


def _too_many(filename: str, max_records: int) -> ImportFileError:
    return ImportFileError(
        _l(
            "Dit zijn meer dan %(limit)s opleidingen. Splits de import in kleinere delen.",
            limit=max_records,
        ),
        filename,
    )


def _reject_constant(name):
    raise ValueError(name)


def _json_programs(data: bytes, filename: str) -> list:
    try:
        value = json.loads(data.decode("utf-8-sig"), parse_constant=_reject_constant)
    except UnicodeDecodeError:
        raise ImportFileError(
            _l("Het JSON-bestand is geen UTF-8. Sla het op als UTF-8."), filename
        ) from None
    except json.JSONDecodeError as error:
        raise ImportFileError(
            _l(
                "Het bestand is geen goede JSON: de fout zit in regel %(line)s, teken %(column)s. Misschien is het niet helemaal opgeslagen.",
                line=error.lineno,
                column=error.colno,
            ),
            filename,
        ) from None
    except (ValueError, RecursionError):
        raise ImportFileError(_l("Het bestand is geen goede JSON."), filename) from None
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return value
    raise ImportFileError(
        _l(
            "Het JSON-bestand moet één programma (een object) of een lijst van programma's bevatten."
        ),
        filename,
    )


def _read_one(
    filename: str, data: bytes, max_records: int, provider_ref: str
) -> ParseResult:
    suffix = Path(filename).suffix.lower()
    if suffix == ".csv":
        return read_csv(
            data, filename=filename, provider_ref=provider_ref, max_records=max_records
        )
    result = ParseResult(files=[filename])
    if suffix == ".json":
        programs = _json_programs(data, filename)
        if len(programs) > max_records:
            raise _too_many(filename, max_records)
        result.format, origins = (
            FORMAT_JSON,
            [f"programma {n}" for n in range(1, len(programs) + 1)],
        )
    elif suffix == ".xml":
        programs, origins = [program_from_xml(data, filename)], [Path(filename).name]
        result.format = FORMAT_XML
    else:
        raise ImportFileError(
            _l(
                "Dit soort bestand kunnen we niet lezen. Gebruik een .json-, .xml- of .csv-bestand."
            ),
            filename,
        )
    for program, origin in zip(programs, origins, strict=True):
        record, rejections = map_program(
            program,
            origin=origin,
            provider_ref=provider_ref,
            source_format=result.format,
            filename=filename,
        )
        if record is None:
            result.rejections.extend(rejections)
        else:
            result.records.append(record)
    return result


def _drop_duplicates(result: ParseResult, filenames: list[str]) -> None:
    """Keep the first record per (provider, id); reject the later ones."""
    first_seen: dict[tuple[str, str], str] = {}
    kept = []
    for record, filename in zip(result.records, filenames, strict=True):
        key = (record.provider_ref, record.external_id)
        where = f"{filename}, {record.origin}" if filename else record.origin
        if key in first_seen:
            message = _l(
                "Het id '%(id)s' van %(provider)s staat al eerder in deze import (%(first)s). Een id mag maar één keer voorkomen.",
                id=record.external_id,
                provider=record.provider_ref,
                first=first_seen[key],
            )
            field = ID_FIELDS.get(record.source_format, "id")
            result.rejections.append(
                Rejection(record.external_id, field, message, record.origin, filename)
            )
            continue
        first_seen[key] = where
        kept.append(record)
    result.records = kept


def _read_many(
    named: list[tuple[str, bytes]], max_records: int, provider_ref: str
) -> ParseResult:
    result, filenames = ParseResult(), []
    for filename, data in named:
        part = _read_one(
            filename,
            data,
            max_records - len(result.records) - len(result.rejections),
            provider_ref,
        )
        result.extend(part)
        filenames.extend([filename] * len(part.records))
        if len(result.records) + len(result.rejections) > max_records:
            raise _too_many(filename, max_records)
    _drop_duplicates(result, filenames)
    return result


def read_bytes(
    filename: str,
    data: bytes,
    *,
    max_bytes: int = MAX_BYTES,
    max_records: int = MAX_RECORDS,
    provider_ref: str = "",
) -> ParseResult:
    """One uploaded file."""
    if len(data) > max_bytes:
        raise _too_big(filename, max_bytes)
    return _read_many([(filename, data)], max_records, provider_ref)


def list_folder(path) -> tuple[list[Path], list[Path]]:
    """The files of a folder (not its subfolders), sorted by name: those we read
    (.json, .xml, .csv) and those we ignore."""
    files = sorted(entry for entry in Path(path).iterdir() if entry.is_file())
    readable = [entry for entry in files if entry.suffix.lower() in EXTENSIONS]
    return readable, [entry for entry in files if entry not in readable]


def _read_file(path: Path, max_bytes: int) -> bytes:
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_big(path.name, max_bytes)
    return data


def read_path(
    path,
    *,
    max_bytes: int = MAX_BYTES,
    max_records: int = MAX_RECORDS,
    provider_ref: str = "",
) -> ParseResult:
    """A file, or every .json, .xml and .csv file of a folder (sorted, not recursive;
    see list_folder for the files left out). `max_bytes` counts the folder as a whole."""
    path = Path(path)
    if path.is_dir():
        files, _ignored = list_folder(path)
        if not files:
            raise ImportFileError(
                _l("In deze map staan geen .json-, .xml- of .csv-bestanden."), path.name
            )
    elif path.is_file():
        files = [path]
    else:
        raise ImportFileError(_l("Dit bestand of deze map bestaat niet."), str(path))
    if sum(file.stat().st_size for file in files) > max_bytes:
        raise _too_big(path.name, max_bytes)
    named, remaining = [], max_bytes
    for file in files:
        data = _read_file(file, remaining)
        remaining -= len(data)
        named.append((file.name, data))
    return _read_many(named, max_records, provider_ref)
