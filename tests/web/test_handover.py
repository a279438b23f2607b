"""The warm handover: the question becomes a case at the recommended loket, the sender
gets a reference number (on the page and by e-mail) and, with an account, sees the
replies under "Mijn vragen"."""

import re
from urllib.parse import urlencode

from sqlalchemy import select

from portal.accounts.models import User
from portal.desk.models import CaseEvent, ContactRequest, DeskCase
from portal.extensions import db
from portal.outbox.models import OutboxMessage
from tests.conftest import make_app
from tests.web.conftest import PASSWORD

ANSWERS = {
    "audience": "resident",
    "postcode": "7101 AB",
    "situation": "employed",
    "need": "financing",
}
HANDOVER = f"/waar-moet-ik-zijn/vraag-stellen?{urlencode(ANSWERS)}"
FORM = {
    "name": "Piet Jansen",
    "email": "Piet@Voorbeeld.nl",
    "phone": "",
    "question": "Ik werk in de zorg en wil verpleegkundige worden. Kan dat met een voucher?",
    "consent": "y",
}


def test_the_form_says_what_is_shared_with_whom_and_for_how_long(desk_client):
    html = desk_client.get(HANDOVER).get_data(as_text=True)
    assert "Stuur uw vraag naar Opijver" in html
    assert "Wat wij delen:" in html and "Met wie:" in html and "Hoe lang:" in html
    assert "12 maanden" in html
    assert '<input type="checkbox" id="consent" name="consent"' in html
    assert '<label for="question">Uw vraag' in html


def test_sending_a_question_opens_a_case_with_the_answers_and_emails_the_reference(
    desk_app, desk_client
):
    response = desk_client.post(HANDOVER, data=FORM)
    assert response.status_code == 302
    assert response.headers["Location"] == "/waar-moet-ik-zijn/vraag-verstuurd"
    page = desk_client.get("/waar-moet-ik-zijn/vraag-verstuurd").get_data(as_text=True)
    reference = re.search(r"LW-2026-\d{6}", page).group(0)
    assert "piet@voorbeeld.nl" in page
    with desk_app.app_context():
        case = db.session.scalar(
            select(DeskCase).where(DeskCase.reference == reference)
        )
        assert case.kind == "contact_request" and case.status == "received"
        assert case.loket.slug == "ach-opijver-online"
        assert case.region.slug == "achterhoek"
        request = case.contact_request
        assert request.email == "piet@voorbeeld.nl"
        assert request.answers["situation"] == "employed"
        assert request.answers["municipality"] == "winterswijk"
        assert request.answers["primary"] == "ach-opijver-online"
        assert "Hoe lang: tot 12 maanden" in request.consent_text
        assert [e.action for e in case.events] == ["created"]
        mail = db.session.scalar(
            select(OutboxMessage).where(OutboxMessage.subject.contains(reference))
        )
        assert mail.recipient == "piet@voorbeeld.nl"
        assert reference in mail.subject and reference in mail.body_text
        assert "verpleegkundige" in mail.body_text


def count(app, model) -> int:
    with app.app_context():
        return len(db.session.scalars(select(model)).all())


def test_without_consent_or_a_way_to_reach_you_nothing_is_sent(desk_app, desk_client):
    before = count(desk_app, ContactRequest)
    data = {**FORM, "email": "", "consent": ""}
    response = desk_client.post(HANDOVER, data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Geef toestemming om uw vraag te delen" in html
    assert "Vul een e-mailadres of een telefoonnummer in" in html
    assert 'id="foutmeldingen"' in html
    assert "verpleegkundige worden" in html, "what was typed stays"
    assert count(desk_app, ContactRequest) == before


def test_a_phone_number_alone_is_enough_and_no_email_is_queued(desk_app, desk_client):
    mails = count(desk_app, OutboxMessage)
    data = {**FORM, "email": "", "phone": "0314 123456"}
    assert desk_client.post(HANDOVER, data=data).status_code == 302
    page = desk_client.get("/waar-moet-ik-zijn/vraag-verstuurd").get_data(as_text=True)
    assert "Bewaar dit nummer" in page
    reference = re.search(r"LW-2026-\d{6}", page).group(0)
    with desk_app.app_context():
        case = db.session.scalar(
            select(DeskCase).where(DeskCase.reference == reference)
        )
        assert case.contact_request.phone == "0314 123456"
    assert count(desk_app, OutboxMessage) == mails


def test_a_phone_number_must_have_ten_digits(desk_client):
    response = desk_client.post(HANDOVER, data={**FORM, "phone": "12345"})
    assert response.status_code == 400
    assert "10 cijfers" in response.get_data(as_text=True)


def test_the_confirmation_page_without_a_question_goes_to_the_questionnaire(
    desk_client,
):
    response = desk_client.get("/waar-moet-ik-zijn/vraag-verstuurd")
    assert response.status_code == 302
    assert response.headers["Location"] == "/waar-moet-ik-zijn"


def test_national_lokets_take_no_questions_through_leerwijzer(desk_client):
    outside = {**ANSWERS, "postcode": "1012"}
    url = f"/waar-moet-ik-zijn/vraag-stellen?{urlencode(outside)}"
    response = desk_client.post(url, data=FORM)
    assert response.status_code == 302
    assert "/waar-moet-ik-zijn/advies" in response.headers["Location"]


def test_a_logged_in_sender_sees_the_question_and_the_reply_under_mijn_vragen(
    desk_app, desk_client, new_user, login_as
):
    _, email = new_user()
    login_as(email, PASSWORD)
    form = desk_client.get(HANDOVER).get_data(as_text=True)
    assert f'value="{email}"' in form, "the account's address is filled in"
    desk_client.post(HANDOVER, data={**FORM, "email": email})
    with desk_app.app_context():
        case = db.session.scalar(
            select(DeskCase).join(DeskCase.requester).where(User.email == email)
        )
        case_id, reference = case.id, case.reference
        assert case.events[0].actor_id == case.requester_id
    mine = desk_client.get("/mijn-vragen").get_data(as_text=True)
    assert reference in mine and "Ontvangen door het loket" in mine
    assert "Mijn vragen aan lokets" in desk_client.get("/account").get_data(
        as_text=True
    )

    desk_client.post("/uitloggen")
    login_as()
    desk_client.post(
        f"/bureau/zaken/{case_id}/antwoord",
        data={"reply-body": "Ja, dat kan. Bel ons voor een afspraak."},
    )
    desk_client.post("/uitloggen")
    login_as(email, PASSWORD)
    detail = desk_client.get(f"/mijn-vragen/{case_id}").get_data(as_text=True)
    assert "Ja, dat kan. Bel ons voor een afspraak." in detail
    assert "Beantwoord" in detail


def test_an_anonymous_sender_has_no_mijn_vragen(desk_client):
    desk_client.post(HANDOVER, data=FORM)
    response = desk_client.get("/mijn-vragen")
    assert response.status_code == 302 and "/inloggen" in response.headers["Location"]


def test_sending_questions_is_rate_limited(tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 'rl.db'}", tmp_path, RATELIMIT_ENABLED=True)
    with app.app_context():
        from portal.seeding.loader import Loader
        from tests.conftest import SEED_DIR

        db.create_all()
        loader = Loader(SEED_DIR)
        loader.regions()
        loader.organisations()
        db.session.commit()
    client = app.test_client()
    statuses = [client.post(HANDOVER, data=FORM).status_code for _ in range(6)]
    assert statuses[:5] == [302] * 5
    assert statuses[5] == 429
    with app.app_context():
        assert len(db.session.scalars(select(CaseEvent)).all()) == 5
        db.engine.dispose()
