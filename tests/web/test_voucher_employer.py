"""The employer confirms or declines its share by a signed, expiring, single-use link."""

import re

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.outbox.models import OutboxMessage
from portal.vouchers import employer
from tests.web.test_voucher_apply import apply, form, resident, stored  # noqa: F401

LINK = re.compile(r"https?://\S+/vouchers/werkgever/\S+")


@pytest.fixture
def awaiting(desk_app, resident):  # noqa: F811
    """An employed resident applied: (client, user id, application, employer link)."""
    client, user_id = resident
    employer_email = f"hr-{user_id}@werkgever.nl"
    assert apply(client, form(employer_email=employer_email)).status_code == 302
    [application] = stored(desk_app, user_id)
    with desk_app.app_context():
        [mail] = db.session.scalars(
            select(OutboxMessage).where(OutboxMessage.recipient == employer_email)
        ).all()
    link = LINK.search(mail.body_text).group(0)
    path = link.split("leerwijzer.test", 1)[1]
    return client, user_id, application, path


def test_the_employer_gets_a_link_that_shows_its_share(desk_app, awaiting):
    _, _, application, path = awaiting
    assert application.case.status == "wacht_op_werkgever"
    page = desk_app.test_client().get(path).get_data(as_text=True)
    assert application.reference in page and "€ 1.000,00" in page.replace("\xa0", " ")


def test_the_employer_confirms_once_and_the_application_goes_to_the_desk(
    desk_app, awaiting
):
    _, user_id, _, path = awaiting
    employer_client = desk_app.test_client()
    response = employer_client.post(
        path, data={"name": "Kees Jansen", "answer": "confirm"}
    )
    assert response.status_code == 200 and "toezegging" in response.get_data(
        as_text=True
    )
    [application] = stored(desk_app, user_id)
    assert application.case.status == "ingediend"
    confirmed = application.case.events[-1]
    assert confirmed.action == "employer_confirmed" and confirmed.actor_id is None
    assert confirmed.data["employer_name"] == "Kees Jansen"
    assert confirmed.created_at is not None
    # Single use: the same link does nothing a second time.
    again = employer_client.post(path, data={"name": "X", "answer": "decline"})
    assert again.status_code == 404 and "werkt niet" in again.get_data(as_text=True)


def test_declining_needs_a_reason_and_the_resident_may_pay_the_share_instead(
    desk_app, awaiting
):
    client, user_id, _, path = awaiting
    employer_client = desk_app.test_client()
    bad = employer_client.post(path, data={"name": "Kees", "answer": "decline"})
    assert bad.status_code == 400 and "waarom" in bad.get_data(as_text=True).lower()
    employer_client.post(
        path,
        data={"name": "Kees", "answer": "decline", "reason": "Geen budget dit jaar."},
    )
    [application] = stored(desk_app, user_id)
    assert application.case.status == "aanvullen"
    assert application.suspended_on is not None
    page = client.get(f"/vouchers/mijn-aanvragen/{application.id}").get_data(
        as_text=True
    )
    assert "Geen budget dit jaar." in page and "Ik betaal dit deel zelf" in page
    client.post(f"/vouchers/mijn-aanvragen/{application.id}/zelf-betalen")
    [application] = stored(desk_app, user_id)
    assert application.case.status == "in_behandeling"
    assert (application.employer_cents, application.own_cents) == (0, 100_000)
    assert application.voucher_cents + application.own_cents == application.price_cents


def test_an_expired_or_forged_link_does_not_work(desk_app, awaiting, monkeypatch):
    _, _, _, path = awaiting
    client = desk_app.test_client()
    assert client.get(path[:-3] + "abc").status_code == 404
    monkeypatch.setattr(employer, "EMPLOYER_LINK_DAYS", -1)
    assert client.get(path).status_code == 404


def test_the_desk_cannot_approve_before_the_employer_answered(
    desk_app, awaiting, new_user, login_as
):
    _, user_id, application, _ = awaiting
    _, email = new_user("adviser", region="achterhoek")
    adviser = login_as(email, "Een-goed-wachtwoord")
    adviser.post(f"/bureau/vouchers/{application.case_id}/goedkeuren")
    [application] = stored(desk_app, user_id)
    assert application.case.status == "wacht_op_werkgever"
