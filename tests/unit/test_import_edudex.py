"""EDU-DEX programs (JSON dicts and XML files) → CourseRecords or Rejections; no app."""

import copy
import json
from datetime import date
from pathlib import Path

import pytest

from portal.imports.edudex import map_program
from portal.imports.edudex_parts import duration, html_to_text
from portal.imports.edudex_xml import program_from_xml
from portal.imports.values import ValueProblem

SEED_IMPORT = Path(__file__).resolve().parents[2] / "seed" / "import"

BASE = {
    "programClassification": {
        "programId": "p-1",
        "orgUnitId": "scalda",
        "programLevel": "mbo niveau 2",
        "programForm": ["part-time"],
        "programType": "regular",
        "programLocation": [{"description": "Scalda Goes"}],
    },
    "programDescriptions": {"programName": {"nl": "Lassen"}},
    "programSchedule": {
        "genericProgramRun": {
            "cost": [
                {
                    "id": "1",
                    "amount": "100.00",
                    "costType": "tuition fee",
                    "currency": "EUR",
                    "isRequiredCost": True,
                }
            ]
        }
    },
}


def program(**changes):
    """BASE with changes; keys are dotted paths, value None deletes."""
    result = copy.deepcopy(BASE)
    for path, value in changes.items():
        *parents, last = path.split("__")
        target = result
        for part in parents:
            target = target.setdefault(part, {})
        if value is None:
            target.pop(last, None)
        else:
            target[last] = value
    return result


def costs(*lines):
    return {"programSchedule": {"genericProgramRun": {"cost": list(lines)}}}


def price_of(*lines):
    data = copy.deepcopy(BASE)
    data.update(costs(*lines))
    record, rejections = map_program(data)
    assert rejections == [], [str(r.message) for r in rejections]
    return record.price_cents


def line(amount, required=True, **extra):
    return {
        "id": "x",
        "amount": amount,
        "costType": "tuition fee",
        "currency": "EUR",
        "isRequiredCost": required,
        **extra,
    }


@pytest.mark.parametrize(
    "field,value", [("programForm", ["weekend"]), ("programType", "seminar")]
)
def test_unknown_form_or_type_is_rejected_with_the_allowed_values(field, value):
    record, rejections = map_program(
        program(**{f"programClassification__{field}": value})
    )
    assert record is None
    assert [r.field for r in rejections] == [f"programClassification.{field}"]
    assert "part-time" in str(rejections[0].message) or "regular" in str(
        rejections[0].message
    )


# --- required fields, other fields -------------------------------------------------------


@pytest.mark.parametrize(
    "path,field",
    [
        ("programClassification__programId", "programClassification.programId"),
        ("programClassification__orgUnitId", "programClassification.orgUnitId"),
        ("programDescriptions__programName", "programDescriptions.programName"),
        ("programClassification__programLevel", "programClassification.programLevel"),
        ("programClassification__programForm", "programClassification.programForm"),
        ("programSchedule", "programSchedule.genericProgramRun.cost"),
    ],
)
def test_missing_required_field_is_rejected(path, field):
    record, rejections = map_program(
        program(**{path: None}), origin="programma 7", filename="f.json"
    )
    assert record is None
    assert [r.field for r in rejections] == [field]
    rejection = rejections[0]
    assert rejection.origin == "programma 7" and rejection.filename == "f.json"
    assert rejection.record == ("programma 7" if field.endswith("programId") else "p-1")
    assert "verplicht" in str(rejection.message) or "prijs" in str(rejection.message)


def test_all_problems_of_a_program_are_reported_at_once():
    data = program(
        programClassification__programLevel="x",
        programClassification__creboCode="123",
        programDescriptions__programName=None,
    )
    _record, rejections = map_program(data)
    assert {r.field for r in rejections} == {
        "programClassification.programLevel",
        "programClassification.creboCode",
        "programDescriptions.programName",
    }


def test_default_provider_is_used_without_org_unit_id():
    record, rejections = map_program(
        program(programClassification__orgUnitId=None), provider_ref="hz"
    )
    assert rejections == [] and record.provider_ref == "hz"


def test_title_needs_dutch_but_a_plain_string_is_fine():
    assert (
        map_program(program(programDescriptions__programName={"en": "Welding"}))[0]
        is None
    )
    assert (
        map_program(program(programDescriptions__programName="Lassen"))[0].title
        == "Lassen"
    )


@pytest.mark.parametrize(
    "crebo,ok",
    [
        ("25491", True),
        ("B1234", True),
        ("2549", False),
        ("b1234", False),
        ("254910", False),
    ],
)
def test_crebo_pattern(crebo, ok):
    record, _ = map_program(program(programClassification__creboCode=crebo))
    assert (record is not None) is ok
    if ok:
        assert record.crebo == crebo and record.source_codes["creboCode"] == crebo


@pytest.mark.parametrize(
    "value,text,hours",
    [
        ({"months": 6}, "6 maanden", None),
        ({"years": 2}, "2 jaar", None),
        ({"years": 1}, "1 jaar", None),
        ({"hours": 40}, "40 uur", 40),
        ({"weeks": 1}, "1 week", None),
        ({"days": "3"}, "3 dagen", None),
        ({"months": 1, "weeks": 2, "hours": 24}, "1 maand en 2 weken (24 uur)", 24),
        ({}, "", None),
        (None, "", None),
    ],
)
def test_duration(value, text, hours):
    assert duration(value) == (text, hours)


@pytest.mark.parametrize(
    "value", [{"months": 1.5}, {"hours": "veel"}, {"days": True}, "6 maanden"]
)
def test_bad_duration(value):
    with pytest.raises(ValueProblem):
        duration(value)


def test_html_description_is_stripped():
    text = html_to_text("<p>Eén &amp; twee</p><ul><li>drie</li></ul><script>x</script>")
    assert text == "Eén & twee\ndrie\nx"
    record, _ = map_program(
        program(
            programDescriptions__programDescriptionHtml={
                "nl": "<b>Vet</b> en <i>schuin</i>"
            }
        )
    )
    assert record.description_nl == "Vet en schuin"


@pytest.mark.parametrize(
    "url,ok",
    [("https://x.nl/a", True), ("javascript:alert(1)", False), ("www.x.nl", False)],
)
def test_web_link_must_be_http(url, ok):
    record, _ = map_program(program(programDescriptions__webLink={"nl": url}))
    assert (record is not None) is ok


def test_runs_become_starts():
    runs = [
        {
            "id": "r1",
            "startDate": {"date": "2027-02-01", "isFinal": True},
            "status": "application opened",
            "location": {
                "locationName": {"nl": "Scalda Goes"},
                "address": "Straat 1",
                "zipcode": "4461 AB",
                "city": "Goes",
            },
        },
        {"id": "r2", "startDate": {"date": "2027-09-01"}, "status": "canceled"},
    ]
    record, rejections = map_program(program(programSchedule__programRun=runs))
    assert rejections == []
    first, second = record.starts
    assert (first.starts_on, first.run_id, first.cancelled) == (
        date(2027, 2, 1),
        "r1",
        False,
    )
    assert (first.location.name, first.location.postcode, first.location.town) == (
        "Scalda Goes",
        "4461 AB",
        "Goes",
    )
    assert (second.cancelled, second.location) == (True, None)
    assert record.source_codes["runStatus"] == {
        "r1": "application opened",
        "r2": "canceled",
    }


def test_bad_run_date_is_rejected():
    runs = [
        {
            "id": "r1",
            "startDate": {"date": "2027-02-30"},
            "status": "application opened",
        }
    ]
    _record, rejections = map_program(program(programSchedule__programRun=runs))
    assert [r.field for r in rejections] == ["programSchedule.programRun[0].startDate"]


def test_not_an_object():
    record, rejections = map_program(["x"], origin="programma 2")
    assert record is None and rejections[0].record == "programma 2"


def test_source_codes_are_kept_and_json_safe():
    record, _ = map_program(
        program(
            programClassification__degree="certificate",
            programClassification__theme=["sales"],
        )
    )
    codes = record.source_codes
    assert codes["programLevel"] == "mbo niveau 2" and codes["programForm"] == [
        "part-time"
    ]
    assert (
        codes["programType"] == "regular"
        and codes["degree"] == "certificate"
        and codes["theme"] == ["sales"]
    )
    assert codes["cost"][0]["costType"] == "tuition fee"
    json.dumps(codes)


# --- the samples -------------------------------------------------------------------------


def test_json_sample():
    programs = json.loads(
        (SEED_IMPORT / "edudex-voorbeeld.json").read_text(encoding="utf-8")
    )
    records = [map_program(p)[0] for p in programs]
    summary = [
        (
            r.external_id,
            r.provider_ref,
            r.level,
            r.form,
            r.sector,
            r.delivery,
            r.price_cents,
        )
        for r in records
    ]
    assert summary == [
        ("edudex-scalda-vig-bbl", "scalda", "3", "bbl", "zorg", "on_site", 69500),
        (
            "edudex-zls-mig-mag-basis",
            "zeeuwse-lasschool",
            "none",
            "training",
            "techniek",
            "on_site",
            162745,
        ),
        (
            "edudex-vista-excel-online",
            "vista-college",
            "none",
            "elearning",
            "administratie",
            "online",
            30129,
        ),
        ("edudex-hz-leiderschap-zorg", "hz", "hbo", "course", "zorg", "hybrid", 250000),
    ]
    assert [s.cancelled for s in records[0].starts] == [False, True]
    assert records[1].starts[0].starts_on == date(2025, 10, 6)
    assert (
        records[1].duration_nl == "10 weken (40 uur)"
        and records[1].duration_hours == 40
    )
    assert records[3].starts[0].location.name == "HZ Vlissingen"  # from the generic run
    assert records[3].description_nl.startswith(
        "U leert een team in de zorg te leiden.\nCoachen & motiveren"
    )


def test_xml_sample():
    data = (SEED_IMPORT / "edudex-voorbeeld.xml").read_bytes()
    record, rejections = map_program(program_from_xml(data), source_format="edudex-xml")
    assert rejections == []
    assert (record.external_id, record.provider_ref, record.title) == (
        "edudex-graafschap-heftruck",
        "graafschap-college",
        "Heftruckchauffeur – praktijkexamen",
    )
    assert (record.level, record.form, record.sector, record.delivery) == (
        "none",
        "certificate",
        "logistiek",
        "on_site",
    )
    assert (record.price_cents, record.duration_nl) == (51425, "2 dagen")
    assert [s.run_id for s in record.starts] == ["heftruck-2027-04", "heftruck-2027-06"]
    assert record.starts[0].location.postcode == "7004 HA"
    assert record.locations[0].name == "Graafschap College Doetinchem"
