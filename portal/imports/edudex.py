"""One EDU-DEX program (the dict shape of program_in in the EDU-DEX Data API, as JSON
or as read from XML by edudex_xml.py) → a `CourseRecord`, or the reasons it cannot be
imported (`Rejection`s, every problem of the program at once).

Field paths in rejections are EDU-DEX paths, e.g. "programClassification.programLevel".
"""

from flask_babel import lazy_gettext as _l

from portal.imports import edudex_parts as parts
from portal.imports import edudex_vocab as vocab
from portal.imports.records import CourseRecord, Rejection, StartRecord
from portal.imports.values import (
    ValueProblem,
    check_crebo,
    check_length,
    check_url,
    clean_text,
    parse_date,
    to_cents,
)

FORMAT_JSON = "edudex-json"
FORMAT_XML = "edudex-xml"
CLS = "programClassification"
RUNS = "programSchedule.programRun"


class _Problems:
    """Collects the rejections of one program."""

    def __init__(self, origin: str, filename: str):
        self.record = origin
        self.origin = origin
        self.filename = filename
        self.list: list[Rejection] = []

    def add(self, field: str, message) -> None:
        self.list.append(
            Rejection(self.record, field, message, self.origin, self.filename)
        )

    def check(self, field: str, func, *args):
        """func(*args), or None after noting its ValueProblem for `field`."""
        try:
            return func(*args)
        except ValueProblem as problem:
            self.add(field, problem.message)
            return None


MISSING = {
    f"{CLS}.programId": _l("Het programId ontbreekt. Dit veld is verplicht."),
    f"{CLS}.orgUnitId": _l(
        "De aanbieder (orgUnitId) ontbreekt. Dit veld is verplicht."
    ),
    "programDescriptions.programName": _l(
        "De Nederlandse naam (programName nl) ontbreekt. Dit veld is verplicht."
    ),
    f"{CLS}.programLevel": _l(
        "Het niveau (programLevel) ontbreekt. Dit veld is verplicht."
    ),
    f"{CLS}.programForm": _l("De vorm (programForm) ontbreekt. Dit veld is verplicht."),
}


def _required(problems: _Problems, field: str, value) -> bool:
    if not value:
        problems.add(field, MISSING[field])
    return bool(value)


def _starts(
    schedule: dict, problems: _Problems
) -> tuple[tuple[StartRecord, ...], dict]:
    generic_place = parts.as_dict(schedule.get("genericProgramRun")).get("location")
    starts, statuses = [], {}
    for index, raw in enumerate(parts.as_list(schedule.get("programRun"))):
        run = parts.as_dict(raw)
        field = f"{RUNS}[{index}]"
        start = run.get("startDate")
        text = clean_text(start.get("date") if isinstance(start, dict) else start)
        if not text:
            problems.add(
                f"{field}.startDate", _l("Deze uitvoering heeft geen startdatum.")
            )
            continue
        starts_on = problems.check(f"{field}.startDate", parse_date, text)
        run_id = problems.check(
            f"{field}.id", check_length, clean_text(run.get("id")), "run_id"
        )
        place = problems.check(
            f"{field}.location", parts.location, run.get("location") or generic_place
        )
        status = clean_text(run.get("status"))
        if status:
            statuses[run_id or str(index)] = status
        if starts_on is None or run_id is None:
            continue
        cancelled = status.lower() in ("canceled", "cancelled")
        starts.append(StartRecord(starts_on, run_id, cancelled, place))
    return tuple(starts), statuses


def _locations(classification: dict, problems: _Problems) -> tuple:
    found = []
    for index, raw in enumerate(parts.as_list(classification.get("programLocation"))):
        place = problems.check(
            f"{CLS}.programLocation[{index}]", parts.program_location, raw
        )
        if place and place not in found:
            found.append(place)
    return tuple(found)


def _price(schedule: dict, problems: _Problems, codes: dict) -> int | None:
    path, lines = parts.cost_lines(schedule)
    total, codes["cost"], line_problems = parts.required_total(lines, path)
    for field, message in line_problems:
        problems.add(field, message)
    if total is None:
        problems.add(
            path,
            _l("Er staat geen verplichte prijs in (cost met isRequiredCost true)."),
        )
        return None
    return None if line_problems else problems.check(path, to_cents, total)


def map_program(
    program,
    *,
    origin: str = "",
    provider_ref: str = "",
    source_format: str = FORMAT_JSON,
    filename: str = "",
) -> tuple[CourseRecord | None, list[Rejection]]:
    """Map one program. `provider_ref` is used when the program has no orgUnitId;
    `origin` says where it is in the file ("programma 3"). Returns the record, or None
    and every rejection found."""
    problems = _Problems(origin, filename)
    if not isinstance(program, dict):
        problems.add("program", _l("Dit programma is geen object met velden."))
        return None, problems.list
    classification = parts.as_dict(program.get(CLS))
    texts = parts.as_dict(program.get("programDescriptions"))
    schedule = parts.as_dict(program.get("programSchedule"))

    external_id = clean_text(classification.get("programId"))
    if external_id:
        problems.record = external_id[:120]
    _required(problems, f"{CLS}.programId", external_id)
    external_id = problems.check(
        f"{CLS}.programId", check_length, external_id, "external_id"
    )
    provider = clean_text(classification.get("orgUnitId")) or provider_ref
    _required(problems, f"{CLS}.orgUnitId", provider)
    provider = problems.check(
        f"{CLS}.orgUnitId", check_length, provider, "provider_ref"
    )

    title = clean_text(parts.localized(texts.get("programName")))
    _required(problems, "programDescriptions.programName", title)
    title = problems.check(
        "programDescriptions.programName", check_length, title, "title"
    )

    raw_level = classification.get("programLevel")
    level_code = level = None
    if _required(problems, f"{CLS}.programLevel", clean_text(raw_level)):
        level_code = problems.check(f"{CLS}.programLevel", vocab.level_code, raw_level)
        level = vocab.LEVELS.get(level_code)
    raw_forms = parts.as_list(classification.get("programForm"))
    forms = None
    if _required(problems, f"{CLS}.programForm", raw_forms):
        forms = problems.check(f"{CLS}.programForm", vocab.form_codes, raw_forms)
    program_type = problems.check(
        f"{CLS}.programType", vocab.type_code, classification.get("programType")
    )

    crebo = problems.check(
        f"{CLS}.creboCode", check_crebo, clean_text(classification.get("creboCode"))
    )
    duration = problems.check(
        f"{CLS}.programDuration", parts.duration, classification.get("programDuration")
    )
    url = problems.check(
        "programDescriptions.webLink",
        check_url,
        clean_text(parts.localized(texts.get("webLink"))),
    )
    codes = _codes(program, classification, level_code, forms, program_type)
    price_cents = _price(schedule, problems, codes)
    starts, codes["runStatus"] = _starts(schedule, problems)
    locations = _locations(classification, problems)
    if problems.list:
        return None, problems.list

    fully_online = parts.as_bool(classification.get("fullyOnline"))
    themes = parts.as_list(classification.get("theme"))
    sectors = parts.as_list(classification.get("targetSector"))
    record = CourseRecord(
        external_id=external_id,
        provider_ref=provider,
        title=title,
        level=level,
        form=vocab.form_for(forms, program_type, level),
        sector=vocab.sector_for(themes, sectors),
        delivery=vocab.delivery_for(forms, fully_online),
        price_cents=price_cents,
        description_nl=parts.description(texts),
        crebo=crebo,
        duration_nl=duration[0],
        duration_hours=duration[1],
        url=url,
        starts=starts,
        locations=locations,
        source_codes={
            key: value
            for key, value in codes.items()
            if value not in (None, "", [], {})
        },
        source_format=source_format,
        origin=origin,
    )
    return record, []


def _codes(program, classification, level_code, forms, program_type) -> dict:
    """The source's own codes, kept on the course (JSON-safe)."""
    return {
        "programLevel": level_code,
        "programForm": list(forms or ()),
        "programType": program_type,
        "degree": clean_text(classification.get("degree")),
        "fullyOnline": parts.as_bool(classification.get("fullyOnline"))
        if classification.get("fullyOnline") not in (None, "")
        else None,
        "theme": [clean_text(v) for v in parts.as_list(classification.get("theme"))],
        "targetSector": [
            clean_text(v) for v in parts.as_list(classification.get("targetSector"))
        ],
        "creboCode": clean_text(classification.get("creboCode")),
        "crohoCode": clean_text(classification.get("crohoCode")),
        "includeInCatalog": [
            clean_text(v) for v in parts.as_list(program.get("includeInCatalog"))
        ],
    }
