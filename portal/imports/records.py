"""What every import format is read into, before anything touches the database.

The readers (EDU-DEX JSON/XML, CSV) turn a file into `CourseRecord`s and `Rejection`s;
the planner compares the records with the catalogue; applying writes the plan. A file that
cannot be read at all (wrong format, bad encoding, truncated, too big) raises
`ImportFileError` with a Dutch message and changes nothing.
"""

from dataclasses import dataclass, field
from datetime import date

# Limits; the app config may lower or raise them (IMPORT_MAX_BYTES, IMPORT_MAX_RECORDS).
MAX_BYTES = 256 * 1024 * 1024
MAX_RECORDS = 150_000


class ImportFileError(Exception):
    """The file (or one file of a folder) cannot be read. `message` is Dutch (B1)."""

    def __init__(self, message, filename: str = ""):
        super().__init__(str(message))
        self.message = message
        self.filename = filename


@dataclass(frozen=True)
class LocationRecord:
    name: str
    street: str = ""
    postcode: str = ""  # as given; the planner normalises ("7004 HA")
    town: str = ""


@dataclass(frozen=True)
class StartRecord:
    starts_on: date
    run_id: str = ""
    cancelled: bool = False
    location: LocationRecord | None = None


@dataclass(frozen=True)
class CourseRecord:
    """One course in the portal's own vocabulary (catalog/vocab.py), plus the source's
    original codes in `source_codes` (kept on the course, e.g. {"programLevel": "mbo
    niveau 2", "programForm": ["dual"], "programType": "regular", "degree": …})."""

    external_id: str
    provider_ref: str  # EDU-DEX orgUnitId or the CSV "aanbieder" column; "" if absent
    title: str
    level: str  # key of vocab.LEVELS
    form: str  # key of vocab.FORMS
    sector: str  # key of vocab.SECTORS
    delivery: str  # key of vocab.DELIVERIES
    price_cents: int  # required costs including VAT
    description_nl: str = ""
    crebo: str | None = None
    duration_nl: str = ""
    duration_hours: int | None = None
    url: str = ""
    kansrijk: bool | None = None  # None: the importer decides (fund sectors)
    starts: tuple[StartRecord, ...] = ()
    locations: tuple[LocationRecord, ...] = ()  # besides those of the starts
    source_codes: dict = field(default_factory=dict, compare=False, hash=False)
    source_format: str = ""  # "edudex-json" | "edudex-xml" | "csv"
    origin: str = ""  # where in the file, for messages: "regel 5", "programma 3"


@dataclass(frozen=True)
class Rejection:
    """A record that cannot be imported: which record, which field, why (Dutch, B1)."""

    record: str  # the external id when known, else the origin ("regel 5")
    field: str  # the field name as in the file ("programLevel", "prijs")
    message: object  # a (lazy) Dutch string
    origin: str = ""
    filename: str = ""


@dataclass
class ParseResult:
    records: list[CourseRecord] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # names of the files read
    format: str = ""  # "edudex-json" | "edudex-xml" | "csv" | "mixed"

    def extend(self, other: "ParseResult") -> None:
        self.records.extend(other.records)
        self.rejections.extend(other.rejections)
        self.files.extend(other.files)
        if not self.format:
            self.format = other.format
        elif other.format and other.format != self.format:
            self.format = "mixed"
