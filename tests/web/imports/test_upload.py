"""The admin upload page: upload → preview → apply or discard, as an adviser or admin
does it in the browser (multipart form posts through the test client)."""

import io
import re

import pytest
from sqlalchemy import func, select

from portal.catalog.models import Course
from portal.extensions import db
from portal.imports.models import ImportRun
from tests.conftest import SEED_DIR
from tests.web.conftest import (
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    ADVISER_EMAIL,
    ADVISER_PASSWORD,
)

SAMPLES = SEED_DIR / "import"
ADMIN = (ADMIN_EMAIL, ADMIN_PASSWORD)
ADVISER = (ADVISER_EMAIL, ADVISER_PASSWORD)


def login(app, who):
    client = app.test_client()
    response = client.post("/inloggen", data={"email": who[0], "password": who[1]})
    assert response.status_code == 302
    return client


def upload(client, name: str, data: bytes, **fields):
    return client.post(
        "/beheer/import",
        data={"file": (io.BytesIO(data), name), **fields},
        content_type="multipart/form-data",
    )


def course_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(Course.id)))


def run_id_of(response) -> int:
    return int(
        re.search(r"/beheer/import/(\d+)$", response.headers["Location"]).group(1)
    )


@pytest.mark.parametrize("who", [ADMIN, ADVISER])
def test_upload_preview_then_apply(import_app, who):
    client = login(import_app, who)
    page = client.get("/beheer/import")
    assert page.status_code == 200
    assert "Opleidingen inlezen" in page.get_data(as_text=True)

    response = upload(client, "voorbeeld.csv", (SAMPLES / "voorbeeld.csv").read_bytes())
    assert response.status_code == 302
    run_id = run_id_of(response)
    preview = client.get(f"/beheer/import/{run_id}").get_data(as_text=True)
    assert "Voorbeeld, nog niet doorgevoerd" in preview
    assert "Praktijkdiploma Boekhouden" in preview
    assert "Wijzigingen doorvoeren" in preview
    assert course_count(import_app) == 0  # the preview changed nothing

    applied = client.post(f"/beheer/import/{run_id}/toepassen", follow_redirects=True)
    html = applied.get_data(as_text=True)
    assert "De wijzigingen zijn doorgevoerd." in html and "Doorgevoerd" in html
    assert course_count(import_app) == 5
    with import_app.app_context():
        run = db.session.get(ImportRun, run_id)
        assert (run.status, run.created, run.channel, run.actor) == (
            "applied",
            5,
            "web",
            who[0],
        )
        assert run.payload is None  # the upload is not kept after applying

    again = client.post(f"/beheer/import/{run_id}/toepassen", follow_redirects=True)
    assert "Deze import is al verwerkt." in again.get_data(as_text=True)
    assert course_count(import_app) == 5


def test_a_second_upload_of_the_same_file_has_nothing_to_do(import_app):
    client = login(import_app, ADMIN)
    data = (SAMPLES / "edudex-voorbeeld.json").read_bytes()
    client.post(f"/beheer/import/{run_id_of(upload(client, 'a.json', data))}/toepassen")
    page = client.get(f"/beheer/import/{run_id_of(upload(client, 'a.json', data))}")
    html = page.get_data(as_text=True)
    assert "Alles in dit bestand staat al zo in de catalogus." in html
    assert "Wijzigingen doorvoeren" not in html


def test_rejected_records_are_listed_and_cannot_be_applied(import_app):
    client = login(import_app, ADMIN)
    text = (SAMPLES / "voorbeeld.csv").read_text(encoding="utf-8")
    bad = text.replace("€ 1.095,00", "duur").replace(";bbl;zorg;", ";bbl;ruimtevaart;")
    run_id = run_id_of(upload(client, "fout.csv", bad.encode()))
    html = client.get(f"/beheer/import/{run_id}").get_data(as_text=True)
    assert "Dit bestand kan nog niet worden ingelezen" in html
    assert "regel 2" in html and "prijs" in html
    assert "regel 4" in html and "sector" in html
    assert "Wijzigingen doorvoeren" not in html
    response = client.post(f"/beheer/import/{run_id}/toepassen", follow_redirects=True)
    assert "Niet doorgevoerd: afgekeurde records" in response.get_data(as_text=True)
    assert course_count(import_app) == 0


def test_discard_keeps_the_catalogue_and_drops_the_file(import_app):
    client = login(import_app, ADMIN)
    run_id = run_id_of(
        upload(client, "v.csv", (SAMPLES / "voorbeeld.csv").read_bytes())
    )
    response = client.post(f"/beheer/import/{run_id}/annuleren", follow_redirects=True)
    assert "De import is geannuleerd. Er is niets veranderd." in response.get_data(
        as_text=True
    )
    with import_app.app_context():
        run = db.session.get(ImportRun, run_id)
        assert run.status == "discarded" and run.payload is None
    assert course_count(import_app) == 0


@pytest.mark.parametrize(
    "name, data, message",
    [
        (
            "xxe.xml",
            b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<program xmlns="http://studieData.nl/schema/edudex/program">&x;</program>',
            "bevat een DTD, entiteiten of verwijzingen",
        ),
        (
            "bom.xml",
            b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><program>&c;</program>',
            "bevat een DTD, entiteiten of verwijzingen",
        ),
        (
            "kapot.json",
            b'[{"programClassification": {"programId": "x"',
            "geen goede JSON",
        ),
        ("latin1.csv", "id;titel\nx;Cursus café\n".encode("cp1252"), "geen UTF-8"),
        ("plaatje.png", b"\x89PNG\r\n\x1a\n", "Dit soort bestand kunnen we niet lezen"),
    ],
    ids=["xxe", "billion-laughs", "truncated-json", "wrong-encoding", "wrong-format"],
)
def test_bad_files_get_a_message_and_change_nothing(import_app, name, data, message):
    client = login(import_app, ADMIN)
    response = upload(client, name, data)
    assert response.status_code == 302
    page = client.get(response.headers["Location"])
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Mislukt" in html and message in html
    assert "Wijzigingen doorvoeren" not in html
    assert course_count(import_app) == 0


def test_form_errors_are_dutch_and_keep_the_page(import_app):
    client = login(import_app, ADMIN)
    response = client.post(
        "/beheer/import", data={}, content_type="multipart/form-data"
    )
    assert response.status_code == 400
    assert "Kies een bestand." in response.get_data(as_text=True)
    response = upload(
        client, "v.csv", (SAMPLES / "voorbeeld.csv").read_bytes(), full="y"
    )
    assert response.status_code == 400
    assert (
        "Kies de aanbieder als het bestand het volledige aanbod is."
        in response.get_data(as_text=True)
    )


def test_full_upload_for_a_provider_lists_what_is_withdrawn(import_app):
    client = login(import_app, ADMIN)
    client.post(
        f"/beheer/import/{run_id_of(upload(client, 'v.csv', (SAMPLES / 'voorbeeld.csv').read_bytes()))}/toepassen"
    )
    header = (SAMPLES / "voorbeeld.csv").read_text(encoding="utf-8").splitlines()[0]
    run_id = run_id_of(
        upload(
            client, "leeg.csv", (header + "\n").encode(), provider="scalda", full="y"
        )
    )
    html = client.get(f"/beheer/import/{run_id}").get_data(as_text=True)
    assert "Ingetrokken (1)" in html and "Slim werken met AI-tools" in html
    client.post(f"/beheer/import/{run_id}/toepassen")
    with import_app.app_context():
        course = db.session.scalar(
            select(Course).where(Course.external_id == "csv-scalda-ai-tools")
        )
        assert course.withdrawn_at is not None


def test_template_download_is_the_documented_csv(import_app):
    client = login(import_app, ADVISER)
    response = client.get("/beheer/import/sjabloon.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeffid;aanbieder;titel;")
    # The template itself imports cleanly (a dry run through the page).
    run_id = run_id_of(upload(client, "sjabloon.csv", text.encode("utf-8")))
    with import_app.app_context():
        run = db.session.get(ImportRun, run_id)
        assert (run.created, run.rejected) == (1, 0)


@pytest.mark.parametrize("path", ["/beheer/import", "/beheer/import/sjabloon.csv"])
def test_residents_and_visitors_cannot_import(import_app, path):
    anonymous = import_app.test_client().get(path)
    assert anonymous.status_code == 302 and "/inloggen" in anonymous.headers["Location"]
    resident = login(import_app, ("inwoner@leerwijzer.example", "Inwoner-demo-2026"))
    assert resident.get(path).status_code == 403
    response = upload(resident, "v.csv", (SAMPLES / "voorbeeld.csv").read_bytes())
    assert response.status_code == 403
    assert course_count(import_app) == 0


def test_offer_download_round_trips_and_neutralises_formulas(import_app):
    client = login(import_app, ADVISER)
    sample = (SAMPLES / "voorbeeld.csv").read_text(encoding="utf-8")
    evil = sample.replace(
        "Praktijkdiploma Boekhouden", '=HYPERLINK("http://x.example")'
    )
    client.post(
        f"/beheer/import/{run_id_of(upload(client, 'v.csv', evil.encode()))}/toepassen"
    )

    response = client.get("/beheer/import/aanbod.csv?aanbieder=leeuwenborgh")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeffid;aanbieder;titel;")
    assert "'=HYPERLINK" in text  # shown as text by a spreadsheet, not run
    assert ";=HYPERLINK" not in text and '"=HYPERLINK' not in text

    # The downloaded offer of a provider reads back in as "unchanged" (round trip).
    graafschap = client.get("/beheer/import/aanbod.csv?aanbieder=graafschap-college")
    data = graafschap.get_data()
    with import_app.app_context():
        before = db.session.scalar(select(func.count(ImportRun.id)))
    run_id = run_id_of(upload(client, "aanbod.csv", data))
    with import_app.app_context():
        run = db.session.get(ImportRun, run_id)
        assert run.id > before
        assert (run.created, run.updated, run.unchanged, run.rejected) == (
            0,
            0,
            1,
            0,
        ), run.report


def test_offer_download_needs_a_known_provider(import_app):
    client = login(import_app, ADMIN)
    response = client.get(
        "/beheer/import/aanbod.csv?aanbieder=bestaat-niet", follow_redirects=True
    )
    assert response.status_code == 200
    assert "Kies een aanbieder om het aanbod te downloaden." in response.get_data(
        as_text=True
    )


def test_old_previews_are_discarded_by_the_daily_command(import_app):
    from datetime import UTC, datetime, timedelta

    client = login(import_app, ADMIN)
    data = (SAMPLES / "voorbeeld.csv").read_bytes()
    old_id = run_id_of(upload(client, "oud.csv", data))
    new_id = run_id_of(upload(client, "nieuw.csv", data))
    with import_app.app_context():
        db.session.get(ImportRun, old_id).created_at = datetime.now(UTC) - timedelta(
            days=8
        )
        db.session.commit()
    result = import_app.test_cli_runner().invoke(args=["import", "purge-previews"])
    assert result.exit_code == 0 and "1 oude voorbeelden geannuleerd." in result.output
    with import_app.app_context():
        old, new = db.session.get(ImportRun, old_id), db.session.get(ImportRun, new_id)
        assert (old.status, old.payload) == ("discarded", None)
        assert old.sha256 and old.created == 5  # the log entry itself stays
        assert new.status == "preview" and new.payload == data
    applied = client.post(f"/beheer/import/{old_id}/toepassen", follow_redirects=True)
    assert "Deze import is al verwerkt." in applied.get_data(as_text=True)
    assert course_count(import_app) == 0


def test_the_log_page_shows_the_seconds_per_phase_in_the_page_language(import_app):
    client = login(import_app, ADMIN)
    run_id = run_id_of(
        upload(client, "v.csv", (SAMPLES / "voorbeeld.csv").read_bytes())
    )
    client.post(f"/beheer/import/{run_id}/toepassen")
    dutch = client.get(f"/beheer/import/{run_id}").get_data(as_text=True)
    assert re.search(
        r"lezen \d+,\d s · vergelijken \d+,\d s · schrijven \d+,\d s · zoekindex \d+,\d s",
        dutch,
    )
    english = client.get(f"/beheer/import/{run_id}?lang=en").get_data(as_text=True)
    assert re.search(r"reading \d+\.\d s · comparing \d+\.\d s", english)
