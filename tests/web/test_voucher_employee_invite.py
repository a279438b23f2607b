"""An employer starts a voucher application for an employee: its share is committed at
once; the employee accepts through a signed, single-use link bound to their e-mail
address (postcode, birth date, consent; the rules decide) or declines."""

import io
import re

import pytest
from sqlalchemy import select

from portal.accounts.models import User
from portal.catalog.models import Fund
from portal.extensions import db
from portal.outbox.models import OutboxMessage
from portal.vouchers import invitation
from portal.vouchers.models import VoucherApplication
from tests.web.conftest import PASSWORD
from tests.web.test_voucher_employer_dashboard import (  # noqa: F401
    make_employer,
    unique_kvk,
)

PDF = b"%PDF-1.4 offerte"
INVITE = re.compile(r"https?://[^/\s]+(/vouchers/uitnodiging/\S+)")


@pytest.fixture
def employee(desk_app, new_user):
    """A resident account (not logged in): (client, e-mail)."""
    _, email = new_user("resident")
    return desk_app.test_client(), email


def start(employer, employee_email, **changes):
    with employer.application.app_context():
        fund_id = db.session.scalar(select(Fund.id).where(Fund.slug == "opijver"))
    data = {
        "fund_id": str(fund_id),
        "course_title": "Verzorgende IG",
        "course_provider": "Graafschap College",
        "price": "3.000,00",
        "sector": "zorg",
        "quote": (io.BytesIO(PDF), "offerte.pdf"),
        "employee_name": "Sanne de Vries",
        "employee_email": employee_email,
        "goal": "better_position",
        "commitment": "y",
    }
    data.update(changes)
    return employer.post(
        "/vouchers/werkgever/aanvragen",
        data={k: v for k, v in data.items() if v is not None},
        content_type="multipart/form-data",
    )


def invited(desk_app, email) -> tuple[str, VoucherApplication]:
    """The link in the employee's e-mail and the application it is for."""
    with desk_app.app_context():
        mail = db.session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.recipient == email)
            .order_by(OutboxMessage.id)  # the invitation came first
        ).first()
        application = db.session.scalar(
            select(VoucherApplication).where(VoucherApplication.invitee_email == email)
        )
        _ = application.case.status, application.case.events, application.applicant
        db.session.expunge_all()
    return INVITE.search(mail.body_text).group(1), application


def log_in(client, email):
    client.post("/inloggen", data={"email": email, "password": PASSWORD})
    return client


ANSWER = {"postcode": "7101 AB", "birth_date": "15-03-1985", "consent": "y"}


def test_employer_commits_and_the_employee_accepts_into_the_normal_flow(
    desk_app,
    make_employer,  # noqa: F811
    employee,
):
    client, email = employee
    kvk = unique_kvk()
    employer = make_employer(kvk)
    assert start(employer, email.upper()).status_code == 302
    path, application = invited(desk_app, email)
    assert application.status == "wacht_op_medewerker"
    assert application.applicant_id is None and application.employer_kvk == kvk
    committed = [e for e in application.case.events if e.action == "employer_confirmed"]
    assert committed[0].actor_id is not None and committed[0].data["employer_cents"]
    page = employer.get("/vouchers/werkgever").get_data(as_text=True)
    assert "Sanne de Vries" in page and "Wacht op werknemer" in page
    # Not logged in: only the way to log in or register, no data.
    anonymous = client.get(path).get_data(as_text=True)
    assert "/inloggen?next=" in anonymous and "Verzorgende IG" not in anonymous
    log_in(client, email)
    shown = client.get(path).get_data(as_text=True)
    assert "Verzorgende IG" in shown and "€ 1.000,00" in shown.replace("\xa0", " ")
    assert client.post(path, data={**ANSWER, "consent": ""}).status_code == 400
    done = client.post(path, data=ANSWER)
    assert done.status_code == 302 and "/vouchers/mijn-aanvragen/" in done.location
    _, application = invited(desk_app, email)
    # The employer's share was confirmed at the start: straight to the queue.
    assert application.status == "ingediend" and application.applicant_id
    assert application.postcode == "7101 AB" and application.consent_at
    assert [e.action for e in application.case.events][-1] == "employee_consented"
    with desk_app.app_context():
        told = db.session.scalars(
            select(OutboxMessage.subject).where(
                OutboxMessage.recipient == application.employer_email
            )
        ).all()
    assert any("Ingediend" in subject for subject in told)
    # Single use.
    again = client.get(path)
    assert again.status_code == 404 and "Deze link werkt niet" in again.get_data(
        as_text=True
    )
    page = employer.get("/vouchers/werkgever").get_data(as_text=True)
    assert "Toegezegd door" in page and "Ingediend" in page


def test_the_rules_decide_with_the_employees_own_data(
    desk_app,
    make_employer,  # noqa: F811
    employee,
):
    client, email = employee
    start(make_employer(unique_kvk()), email)
    path, _ = invited(desk_app, email)
    log_in(client, email)
    refused = client.post(path, data={**ANSWER, "birth_date": "01-01-1950"})
    assert refused.status_code == 422
    assert "U kunt deze voucher nu niet krijgen" in refused.get_data(as_text=True)
    outside = client.post(path, data={**ANSWER, "postcode": "4331 AA"})
    assert outside.status_code == 422
    _, application = invited(desk_app, email)
    assert application.status == "wacht_op_medewerker"


def test_another_resident_cannot_accept_an_invitation_for_another_address(
    desk_app,
    make_employer,  # noqa: F811
    employee,
    new_user,
):
    _, email = employee
    start(make_employer(unique_kvk()), email)
    path, _ = invited(desk_app, email)
    _, other_email = new_user("resident")
    other = log_in(desk_app.test_client(), other_email)
    refused = other.get(path)
    assert refused.status_code == 403
    assert "Verzorgende IG" not in refused.get_data(as_text=True)
    assert other.post(path, data=ANSWER).status_code == 403
    assert other.post(path + "/weigeren").status_code == 403
    _, application = invited(desk_app, email)
    assert application.status == "wacht_op_medewerker"


def test_the_employee_declines_and_the_employer_is_told(
    desk_app,
    make_employer,  # noqa: F811
    employee,
):
    client, email = employee
    employer = make_employer(unique_kvk())
    start(employer, email)
    path, _ = invited(desk_app, email)
    log_in(client, email)
    done = client.post(path + "/weigeren", data={"decline-reason": "Geen tijd."})
    assert done.status_code == 200 and "geweigerd" in done.get_data(as_text=True)
    _, application = invited(desk_app, email)
    assert application.status == "ingetrokken"
    assert application.case.events[-1].action == "employee_declined"
    with desk_app.app_context():
        assert db.session.scalar(
            select(OutboxMessage.id).where(
                OutboxMessage.recipient == application.employer_email,
                OutboxMessage.subject.contains("Ingetrokken"),
            )
        )
    assert "Ingetrokken" in employer.get("/vouchers/werkgever").get_data(as_text=True)


def test_only_the_employer_itself_sees_and_withdraws_its_invitation(
    desk_app,
    make_employer,  # noqa: F811
    employee,
):
    _, email = employee
    employer = make_employer(unique_kvk())
    start(employer, email)
    path, application = invited(desk_app, email)
    other = make_employer(unique_kvk())
    assert "Sanne de Vries" not in other.get("/vouchers/werkgever").get_data(
        as_text=True
    )
    withdraw = f"/vouchers/werkgever/{application.id}/intrekken"
    assert other.post(withdraw).status_code == 404
    assert employer.post(withdraw).status_code == 302
    _, application = invited(desk_app, email)
    assert application.status == "ingetrokken"
    assert desk_app.test_client().get(path).status_code == 404


@pytest.mark.parametrize("tamper", ["cut", "forged", "expired"])
def test_a_broken_invitation_link_gives_a_dutch_page_never_an_error(
    desk_app,
    make_employer,  # noqa: F811
    employee,
    monkeypatch,
    tamper,
):
    client, email = employee
    start(make_employer(unique_kvk()), email)
    path, _ = invited(desk_app, email)
    log_in(client, email)
    if tamper == "cut":
        path = path[:-5]
    elif tamper == "forged":
        path = "/vouchers/uitnodiging/eyJhcHBsaWNhdGlvbiI6MX0.AAAA.BBBB"
    else:
        monkeypatch.setattr(invitation, "INVITE_LINK_DAYS", -1)
    for response in (client.get(path), client.post(path, data=ANSWER)):
        assert response.status_code == 404
        assert "Deze link werkt niet" in response.get_data(as_text=True)


def test_the_employer_start_checks_its_form_and_the_fund(
    desk_app,
    make_employer,  # noqa: F811
):
    employer = make_employer(unique_kvk())
    form = employer.get("/vouchers/werkgever/aanvragen").get_data(as_text=True)
    assert "bindende toezegging" in form
    missing = start(employer, "geen-adres", commitment=None)
    text = missing.get_data(as_text=True)
    assert missing.status_code == 400 and "Zonder uw toezegging" in text
    assert "Vul een geldig e-mailadres in" in text
    wrong_sector = start(employer, "a@voorbeeld.nl", sector="horeca")
    assert wrong_sector.status_code in (400, 422)
    no_kvk = make_employer(None)
    assert no_kvk.get("/vouchers/werkgever/aanvragen").status_code == 403


def test_a_new_employee_registers_and_comes_back_to_the_invitation(
    desk_app,
    make_employer,  # noqa: F811
):
    email = f"nieuw-{unique_kvk()}@voorbeeld.nl"
    start(make_employer(unique_kvk()), email)
    path, _ = invited(desk_app, email)
    client = desk_app.test_client()
    registered = client.post(
        f"/registreren?next={path}",
        data={
            "role": "resident",
            "name": "Sanne de Vries",
            "email": email,
            "password": PASSWORD,
            "password_again": PASSWORD,
        },
    )
    assert registered.status_code == 302 and registered.location.endswith(path)
    assert client.post(path, data=ANSWER).status_code == 302
    with desk_app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        application = db.session.scalar(
            select(VoucherApplication).where(VoucherApplication.applicant_id == user.id)
        )
        assert application.status == "ingediend"
