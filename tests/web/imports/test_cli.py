"""`flask import courses`: dry run, apply, idempotence, --full, rollback, the log and the
search index — on SQLite and PostgreSQL, through the command a person types."""

import json
import re
import shutil

import pytest
from sqlalchemy import func, select

from portal.catalog.models import Course, Provider, ProviderLocation, StartMoment
from portal.extensions import db
from portal.imports.models import ImportRun
from portal.search import engine
from tests.conftest import SEED_DIR

SAMPLES = SEED_DIR / "import"


def counted(output: str, label: str) -> int:
    """The count on the report's line for `label` ("nieuw", "afgekeurd", …)."""
    return int(re.search(rf"^  {label} +(\d+)$", output, re.M).group(1))


def run_cli(app, *args):
    return app.test_cli_runner().invoke(args=["import", "courses", *map(str, args)])


def snapshot(app) -> dict:
    """Everything an import may change, to compare before and after."""
    with app.app_context():
        courses = db.session.execute(
            select(
                Course.external_id,
                Course.title,
                Course.price_cents,
                Course.withdrawn_at,
            ).order_by(Course.external_id)
        ).all()
        return {
            "courses": [tuple(c) for c in courses],
            "starts": db.session.scalar(select(func.count(StartMoment.id))),
            "locations": db.session.scalar(select(func.count(ProviderLocation.id))),
        }


def search_titles(app, q: str) -> list[str]:
    """Course titles the public search API finds for `q`."""
    response = app.test_client().get(
        "/api/v1/search", query_string={"q": q, "type": "course"}
    )
    assert response.status_code == 200
    return [r["title"] for r in response.get_json()["results"]]


def test_dry_run_shows_the_changes_and_changes_nothing(import_app):
    before = snapshot(import_app)
    result = run_cli(import_app, SAMPLES / "voorbeeld.csv", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "Droogtest: er is niets veranderd." in result.output
    assert counted(result.output, "nieuw") == 5
    assert (
        "+ csv-graafschap-helpende-zw  Helpende Zorg en Welzijn (BBL) (Graafschap College)"
        in result.output
    )
    assert snapshot(import_app) == before
    assert search_titles(import_app, "boekhouden") == []
    with import_app.app_context():
        run = db.session.scalar(select(ImportRun))
        assert (run.status, run.created, run.channel) == ("dry_run", 5, "cli")
        assert run.filename == "voorbeeld.csv" and len(run.sha256) == 64
        assert run.actor.startswith("cli:")


def test_apply_then_the_same_file_again_is_all_unchanged(import_app):
    first = run_cli(import_app, SAMPLES / "voorbeeld.csv")
    assert first.exit_code == 0, first.output
    assert "Ingelezen." in first.output
    after_first = snapshot(import_app)
    assert len(after_first["courses"]) == 5
    assert search_titles(import_app, "boekhouden") == ["Praktijkdiploma Boekhouden"]
    second = run_cli(import_app, SAMPLES / "voorbeeld.csv")
    assert second.exit_code == 0, second.output
    assert (
        counted(second.output, "ongewijzigd") == 5
        and counted(second.output, "nieuw") == 0
    )
    assert snapshot(import_app) == after_first
    with import_app.app_context():
        runs = db.session.scalars(select(ImportRun).order_by(ImportRun.id)).all()
        assert [(r.status, r.created, r.unchanged) for r in runs] == [
            ("applied", 5, 0),
            ("applied", 0, 5),
        ]
        assert runs[0].sha256 == runs[1].sha256 and runs[0].applied_at is not None


def test_imported_course_has_mapped_fields_and_hidden_starts(import_app):
    run_cli(import_app, SAMPLES / "edudex-voorbeeld.json")
    with import_app.app_context():
        course = db.session.scalar(
            select(Course).where(Course.external_id == "edudex-scalda-vig-bbl")
        )
        assert course.provider.slug == "scalda"
        assert (course.level, course.form, course.sector) == ("3", "bbl", "zorg")
        assert course.crebo == "25491"
        assert course.price_cents == 69500  # the required tuition only, VAT code 1
        assert course.region.slug == "zeeland"
        assert course.source_codes["programLevel"] == "mbo niveau 3"
        assert {s.run_id: s.cancelled for s in course.starts} == {
            "vig-2027-02": False,
            "vig-2027-09": True,
        }
    page = import_app.test_client().get(f"/opleiding/{course.id}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "1 februari 2027" in html
    assert "1 september 2027" not in html  # the cancelled run is not shown


def test_changed_record_updates_exactly_that_course_and_its_index_entry(
    import_app, tmp_path
):
    run_cli(import_app, SAMPLES / "voorbeeld.csv")
    text = (SAMPLES / "voorbeeld.csv").read_text(encoding="utf-8")
    changed = tmp_path / "changed.csv"
    changed.write_text(
        text.replace("Praktijkdiploma Boekhouden", "Praktijkdiploma Loonadministratie"),
        encoding="utf-8",
    )
    with import_app.app_context():
        index = engine.service().holder.index
        written = []
        original = index.write
        index.write = lambda docs, keys=(): (
            written.append(([d["key"] for d in docs], list(keys))),
            original(docs, keys),
        )[1]
        try:
            result = import_app.test_cli_runner().invoke(
                args=["import", "courses", str(changed)]
            )
        finally:
            index.write = original
        course_id = db.session.scalar(
            select(Course.id).where(Course.external_id == "csv-leeuwenborgh-boekhouden")
        )
    assert result.exit_code == 0, result.output
    assert (
        counted(result.output, "bijgewerkt") == 1
        and counted(result.output, "ongewijzigd") == 4
    )
    assert (
        "titel: Praktijkdiploma Boekhouden → Praktijkdiploma Loonadministratie"
        in result.output
    )
    assert written == [([f"course:{course_id}"], [])]
    assert search_titles(import_app, "loonadministratie") == [
        "Praktijkdiploma Loonadministratie"
    ]
    # The description still speaks of "boekhouding": found under its new title only.
    assert search_titles(import_app, "boekhouden") == [
        "Praktijkdiploma Loonadministratie"
    ]


def test_full_withdraws_missing_courses_softly(import_app, tmp_path):
    run_cli(import_app, SAMPLES / "voorbeeld.csv")
    lines = (SAMPLES / "voorbeeld.csv").read_text(encoding="utf-8").splitlines()
    only_header_and_first = tmp_path / "leeuwenborgh.csv"
    only_header_and_first.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    result = run_cli(
        import_app, only_header_and_first, "--provider", "leeuwenborgh", "--full"
    )
    assert result.exit_code == 0, result.output
    assert counted(result.output, "ingetrokken") == 0  # leeuwenborgh has only this one
    # Now the Graafschap College feed without its course: withdrawn, not deleted.
    graafschap = tmp_path / "graafschap.csv"
    graafschap.write_text(lines[0] + "\n", encoding="utf-8")
    result = run_cli(
        import_app, graafschap, "--provider", "graafschap-college", "--full"
    )
    assert result.exit_code == 0, result.output
    assert counted(result.output, "ingetrokken") == 1
    assert "- csv-graafschap-helpende-zw" in result.output
    with import_app.app_context():
        course = db.session.scalar(
            select(Course).where(Course.external_id == "csv-graafschap-helpende-zw")
        )
        assert course.withdrawn_at is not None
        assert db.session.scalar(select(func.count(Course.id))) == 5
    assert search_titles(import_app, "helpende") == []
    assert import_app.test_client().get(f"/opleiding/{course.id}").status_code == 404
    # Listed again later: back in the catalogue and the search.
    result = run_cli(import_app, SAMPLES / "voorbeeld.csv")
    assert counted(result.output, "bijgewerkt") == 1
    assert "ingetrokken: ja → nee" in result.output
    assert search_titles(import_app, "helpende") == ["Helpende Zorg en Welzijn (BBL)"]


def test_a_bad_record_rejects_the_whole_file(import_app, tmp_path):
    text = (SAMPLES / "voorbeeld.csv").read_text(encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text(text.replace("€ 1.095,00", "gratis?"), encoding="utf-8")
    before = snapshot(import_app)
    result = run_cli(import_app, bad)
    assert result.exit_code == 1
    assert "Niet ingelezen." in result.output
    assert "Er zijn 1 records afgekeurd. Er is niets veranderd" in result.output
    assert "regel 2" in result.output and "prijs" in result.output
    assert snapshot(import_app) == before
    with import_app.app_context():
        run = db.session.scalar(select(ImportRun))
        assert (run.status, run.rejected, run.created) == ("refused", 1, 4)


def test_a_failure_while_writing_rolls_everything_back(import_app, monkeypatch):
    from portal.imports import apply

    def broken(changes, located):
        raise RuntimeError("disk full")

    monkeypatch.setattr(apply, "_write_starts_and_locations", broken)
    before = snapshot(import_app)
    result = run_cli(import_app, SAMPLES / "voorbeeld.csv")
    assert result.exit_code == 1
    assert "Het importeren is mislukt. Er is niets veranderd." in result.output
    assert snapshot(import_app) == before
    with import_app.app_context():
        assert db.session.scalar(select(ImportRun.status)) == "failed"


def test_folder_of_files_and_the_xml_sample(import_app, tmp_path):
    folder = tmp_path / "feed"
    folder.mkdir()
    for name in ("edudex-voorbeeld.json", "edudex-voorbeeld.xml"):
        shutil.copy(SAMPLES / name, folder / name)
    (folder / "notities.txt").write_text("geen feed")
    result = run_cli(import_app, folder)
    assert result.exit_code == 0, result.output
    with import_app.app_context():
        run = db.session.scalar(select(ImportRun))
        assert run.format == "mixed" and run.created == 5
        xml = json.loads(SAMPLES.joinpath("edudex-voorbeeld.json").read_text())
        assert len(xml) == 4


@pytest.mark.parametrize(
    "content, message",
    [
        (
            b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><program xmlns="http://studieData.nl/schema/edudex/program">&x;</program>',
            "",
        ),
        (
            b'<?xml version="1.0"?><program xmlns="http://studieData.nl/schema/edudex/program"><programClassification>',
            "",
        ),
        (b"\xff\xfe\x00 kapot", ""),
    ],
    ids=["xxe", "truncated", "garbage"],
)
def test_unreadable_files_fail_with_a_message_and_change_nothing(
    import_app, tmp_path, content, message
):
    path = tmp_path / "feed.xml"
    path.write_bytes(content)
    before = snapshot(import_app)
    result = run_cli(import_app, path)
    assert result.exit_code == 1
    assert "Niet ingelezen." in result.output
    assert "Traceback" not in result.output
    assert snapshot(import_app) == before
    with import_app.app_context():
        run = db.session.scalar(select(ImportRun))
        assert run.status == "failed" and run.message


def test_unknown_provider_option_is_a_usage_error(import_app):
    result = run_cli(
        import_app, SAMPLES / "voorbeeld.csv", "--provider", "bestaat-niet"
    )
    assert result.exit_code == 2
    assert "aanbieder ‘bestaat-niet’ bestaat niet" in result.output


def test_provider_option_rejects_records_of_another_provider(import_app):
    result = run_cli(
        import_app, SAMPLES / "voorbeeld.csv", "--provider", "scalda", "--dry-run"
    )
    assert counted(result.output, "afgekeurd") == 4
    assert (
        "hoort bij aanbieder ‘leeuwenborgh’, niet bij de gekozen aanbieder"
        in result.output
    )


def test_records_of_a_provider_by_its_edudex_org_unit_id(import_app, tmp_path):
    with import_app.app_context():
        db.session.scalar(
            select(Provider).where(Provider.slug == "scalda")
        ).org_unit_id = "ORG-4711"
        db.session.commit()
    text = (SAMPLES / "edudex-voorbeeld.json").read_text(encoding="utf-8")
    feed = tmp_path / "feed.json"
    feed.write_text(
        text.replace('"orgUnitId": "scalda"', '"orgUnitId": "ORG-4711"'),
        encoding="utf-8",
    )
    result = run_cli(import_app, feed, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "(Scalda)" in result.output


@pytest.mark.parametrize(
    "setting, value, message",
    [
        ("IMPORT_MAX_RECORDS", 2, "meer dan 2 opleidingen"),
        ("IMPORT_MAX_BYTES", 200, "Het bestand is te groot"),
    ],
)
def test_size_and_record_limits_refuse_the_file(import_app, setting, value, message):
    import_app.config[setting] = value
    before = snapshot(import_app)
    result = run_cli(import_app, SAMPLES / "voorbeeld.csv")
    assert result.exit_code == 1
    assert "Niet ingelezen." in result.output and message in result.output
    assert snapshot(import_app) == before
