"""A resident applies for a voucher, follows it in "Mijn aanvragen" and may withdraw it;
nobody else ever sees it."""

import io
from datetime import date
from uuid import uuid4

import pytest
from sqlalchemy import select

from portal.accounts.models import User
from portal.catalog.models import Course, Provider
from portal.extensions import db
from portal.outbox.models import OutboxMessage
from portal.vouchers import application_forms, services
from portal.vouchers.models import VoucherApplication
from tests.web.conftest import PASSWORD

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


# Below the fund's four-eyes amount, so one adviser decides.
JOBSEEKER = {
    "situation": "jobseeker_other",
    "employer_kvk": "",
    "employer_email": "",
    "price": "1.500,00",
}


def form(**changes) -> dict:
    """An employed Winterswijker applies for a course of EUR 3,000 he typed in."""
    data = {
        "course_title": "Verzorgende IG",
        "course_provider": "Graafschap College",
        "price": "3.000,00",
        "sector": "zorg",
        "postcode": "7101 AB",
        "birth_date": "15-03-1985",
        "situation": "employed",
        "employer_kvk": "12345678",
        "employer_email": "hr@werkgever.nl",
        "goal": "other_employer",
        "goal_text": "Ik wil de zorg in.",
        "consent": "y",
        "quote": (io.BytesIO(PDF), "offerte.pdf"),
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def resident(new_user, login_as):
    """A logged-in resident: (client, user id)."""
    user_id, email = new_user("resident")
    return login_as(email, PASSWORD), user_id


def apply(client, data, query=""):
    return client.post(
        f"/vouchers/aanvragen{query}", data=data, content_type="multipart/form-data"
    )


def stored(desk_app, user_id) -> list[VoucherApplication]:
    with desk_app.app_context():
        found = db.session.scalars(
            select(VoucherApplication).where(VoucherApplication.applicant_id == user_id)
        ).all()
        for application in found:
            _ = application.case.status, application.case.loket.slug
            _ = application.case.events
        db.session.expunge_all()
        return found


@pytest.mark.parametrize(
    "path",
    ["/vouchers/aanvragen", "/vouchers/mijn-aanvragen", "/vouchers/mijn-aanvragen/1"],
)
def test_applying_needs_a_login(desk_client, path):
    response = desk_client.get(path)
    assert response.status_code == 302 and "/inloggen" in response.location


def test_advisers_do_not_apply_themselves(login_as):
    assert login_as().get("/vouchers/aanvragen").status_code == 403


def test_the_form_asks_only_what_the_decision_needs(resident):
    client, _ = resident
    page = client.get("/vouchers/aanvragen").get_data(as_text=True)
    assert "BSN" in page  # only in the sentence that says we never ask for it
    assert 'name="bsn"' not in page and 'name="income"' not in page
    assert 'enctype="multipart/form-data"' in page


def test_a_resident_applies_and_gets_a_reference_and_an_email(desk_app, resident):
    client, user_id = resident
    response = apply(client, form())
    assert response.status_code == 302, response.get_data(as_text=True)
    [application] = stored(desk_app, user_id)
    assert response.location.endswith(f"/vouchers/mijn-aanvragen/{application.id}")
    assert application.reference.startswith("VW-2026-")
    # Employed: the employer confirms its share first.
    assert application.case.status == "wacht_op_werkgever"
    assert application.case.loket.slug == "ach-leerwerkloket-doetinchem"
    assert (application.voucher_cents, application.employer_cents) == (200_000, 100_000)
    assert application.own_cents == 0 and application.price_cents == 300_000
    assert application.quote_pdf == PDF and application.quote_filename == "offerte.pdf"
    assert application.employer_kvk == "12345678"
    assert application.decision_due == date(2026, 12, 26)
    assert application.consent_at is not None
    with desk_app.app_context():
        user = db.session.get(User, user_id)
        mail = db.session.scalars(
            select(OutboxMessage).where(OutboxMessage.recipient == user.email)
        ).all()
    assert any(application.reference in m.subject for m in mail)
    page = client.get(response.location).get_data(as_text=True)
    assert application.reference in page and "Wacht op werkgever" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"quote": (b"MZ not a pdf", "offerte.pdf")}, "pdf-bestand"),
        ({"quote": None}, "Voeg de offerte"),
        ({"employer_kvk": "1234567"}, "8 cijfers"),
        ({"employer_email": "geen-adres"}, "geldig e-mailadres"),
        ({"consent": None}, "toestemming"),
        ({"course_title": ""}, "verplicht"),
    ],
)
def test_the_form_refuses_what_is_malformed(desk_app, resident, changes, message):
    client, user_id = resident
    # A fresh file per run: the test client closes an uploaded stream after use, and
    # the parameters are shared by the SQLite and PostgreSQL runs.
    changes = {
        key: (io.BytesIO(value[0]), value[1]) if isinstance(value, tuple) else value
        for key, value in changes.items()
    }
    response = apply(client, form(**changes))
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert stored(desk_app, user_id) == []


def test_a_quote_above_the_size_limit_is_refused(desk_app, resident, monkeypatch):
    # A small limit for the test: above 500 kB the test client spools the upload to
    # a temporary file that it never closes (a ResourceWarning, an error here).
    monkeypatch.setattr(application_forms, "QUOTE_MAX_BYTES", 1000)
    client, user_id = resident
    response = apply(client, form(quote=(io.BytesIO(b"%PDF" + b"0" * 1000), "a.pdf")))
    assert response.status_code == 400
    assert "groter dan 5 MB" in response.get_data(as_text=True)


def test_no_employer_is_asked_of_a_jobseeker(desk_app, resident):
    client, user_id = resident
    data = form(**JOBSEEKER)
    assert apply(client, data).status_code == 302
    [application] = stored(desk_app, user_id)
    assert application.employer_cents == 0 and application.employer_email == ""


def test_an_ineligible_applicant_hears_every_reason(desk_app, resident):
    client, user_id = resident
    response = apply(client, form(birth_date="01-01-2010", sector="overig"))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "U kunt deze voucher nu niet krijgen" in page
    assert stored(desk_app, user_id) == []


def test_a_course_from_the_catalogue_needs_no_quote(desk_app, resident):
    client, user_id = resident
    with desk_app.app_context():
        provider = Provider(slug=f"p-{uuid4().hex[:8]}", name="Testschool", kind="mbo")
        course = Course(
            external_id=f"c-{uuid4().hex}",
            title="Monteur elektrotechniek",
            provider=provider,
            level="mbo-3",
            form="bbl",
            sector="techniek",
            price_cents=120_000,
            delivery="klas",
            kansrijk=True,
        )
        db.session.add(course)
        db.session.commit()
        course_id = course.id
    data = form(quote=None, course_title=None, course_provider=None, price=None)
    data["course_id"] = str(course_id)
    data["situation"] = "jobseeker_uwv"
    response = apply(client, data, f"?course_id={course_id}")
    assert response.status_code == 302, response.get_data(as_text=True)
    [application] = stored(desk_app, user_id)
    assert application.course_id == course_id and application.quote_pdf is None
    assert application.voucher_cents == 120_000


def test_a_resident_never_sees_another_residents_application(
    desk_app, resident, new_user, login_as
):
    client, user_id = resident
    apply(client, form())
    [application] = stored(desk_app, user_id)
    client.post("/uitloggen")
    _, other_email = new_user("resident")
    other = login_as(other_email, PASSWORD)
    base = f"/vouchers/mijn-aanvragen/{application.id}"
    assert other.get(base).status_code == 404
    assert other.post(f"{base}/intrekken").status_code == 404
    assert other.post(f"{base}/aanvullen", data={"answer-body": "x"}).status_code == 404
    assert application.reference not in other.get("/vouchers/mijn-aanvragen").get_data(
        as_text=True
    )
    # Nor does it show up among their questions.
    assert other.get(f"/mijn-vragen/{application.case_id}").status_code == 404


def test_a_resident_withdraws_while_undecided_but_not_after_the_decision(
    desk_app, resident, new_user
):
    client, user_id = resident
    apply(client, form(**JOBSEEKER))
    apply(client, form(**JOBSEEKER))
    first, second = stored(desk_app, user_id)
    response = client.post(
        f"/vouchers/mijn-aanvragen/{first.id}/intrekken",
        data={"withdraw-reason": "Ik ga toch niet"},
    )
    assert response.status_code == 302
    with desk_app.test_request_context():
        adviser = db.session.get(User, new_user("adviser")[0])
        services.approve(db.session.get(VoucherApplication, second.id), adviser)
        db.session.commit()
    client.post(f"/vouchers/mijn-aanvragen/{second.id}/intrekken")
    first, second = stored(desk_app, user_id)
    assert first.case.status == "ingetrokken"
    assert second.case.status == "goedgekeurd"
    page = client.get(f"/vouchers/mijn-aanvragen/{first.id}").get_data(as_text=True)
    assert "Ingetrokken" in page and "Ik ga toch niet" in page


def test_a_resident_answers_a_question_and_the_deadline_runs_again(
    desk_app, resident, new_user
):
    client, user_id = resident
    apply(client, form(**JOBSEEKER))
    [application] = stored(desk_app, user_id)
    with desk_app.test_request_context():
        adviser = db.session.get(User, new_user("adviser")[0])
        services.request_information(
            db.session.get(VoucherApplication, application.id),
            adviser,
            "Stuur uw diploma mee.",
            date(2026, 11, 28),
        )
        db.session.commit()
    page = client.get(f"/vouchers/mijn-aanvragen/{application.id}")
    assert "Stuur uw diploma mee." in page.get_data(as_text=True)
    response = client.post(
        f"/vouchers/mijn-aanvragen/{application.id}/aanvullen",
        data={"answer-body": "Mijn diploma volgt per post."},
    )
    assert response.status_code == 302
    [application] = stored(desk_app, user_id)
    assert application.case.status == "in_behandeling"
