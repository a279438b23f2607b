"""Register, log in and out, reset a password through the e-mail outbox."""

import re

import pytest
from sqlalchemy import select

from portal.accounts.models import User
from portal.extensions import db
from portal.outbox.models import OutboxMessage

REGISTER = {
    "role": "resident",
    "name": "Anna Bakker",
    "email": "Anna@Voorbeeld.nl",
    "password": "fiets-boom-koffie",
    "password_again": "fiets-boom-koffie",
}


def outbox(app):
    with app.app_context():
        return db.session.scalars(
            select(OutboxMessage).order_by(OutboxMessage.id)
        ).all()


def test_a_resident_registers_is_logged_in_and_gets_a_welcome_mail(app, fresh_client):
    response = fresh_client.post("/registreren", data=REGISTER)
    assert response.status_code == 302 and response.headers["Location"].endswith(
        "/account"
    )
    html = fresh_client.get("/account").get_data(as_text=True)
    assert "Anna Bakker" in html and "anna@voorbeeld.nl" in html and "Inwoner" in html
    with app.app_context():
        user = db.session.scalar(select(User))
        assert user.email == "anna@voorbeeld.nl" and user.role == "resident"
        assert (
            user.password_hash.startswith("scrypt:")
            and "fiets" not in user.password_hash
        )
    assert [m.recipient for m in outbox(app)] == ["anna@voorbeeld.nl"]


def test_an_employer_registers_with_a_kvk_number(app, fresh_client):
    data = dict(
        REGISTER,
        role="employer",
        organisation_name="Bakkerij Bakker",
        kvk_number="12 34 56 78",
    )
    assert fresh_client.post("/registreren", data=data).status_code == 302
    with app.app_context():
        user = db.session.scalar(select(User))
        assert (user.role, user.kvk_number, user.organisation_name) == (
            "employer",
            "12345678",
            "Bakkerij Bakker",
        )


@pytest.mark.parametrize(
    "changes, message",
    [
        (
            {"role": "employer", "organisation_name": "X", "kvk_number": "1234"},
            "precies 8 cijfers",
        ),
        (
            {"role": "employer", "kvk_number": "12345678"},
            "Vul de naam van uw organisatie in.",
        ),
        ({"password": "kort", "password_again": "kort"}, "minstens 10 tekens"),
        ({"password_again": "iets-anders-dan-dat"}, "niet gelijk"),
        ({"email": "geen-adres"}, "geldig e-mailadres"),
        ({"name": ""}, "Dit veld is verplicht."),
    ],
)
def test_bad_registrations_explain_in_dutch_and_keep_the_input(
    app, fresh_client, changes, message
):
    response = fresh_client.post("/registreren", data=dict(REGISTER, **changes))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert message in html
    assert "Controleer het formulier" in html
    if changes.get("name", "x"):
        assert "Anna Bakker" in html or changes.get("name") is not None
    with app.app_context():
        assert db.session.scalar(select(User)) is None


def test_an_email_address_can_register_only_once(app, fresh_client, make_user):
    make_user(email="anna@voorbeeld.nl")
    html = fresh_client.post("/registreren", data=REGISTER).get_data(as_text=True)
    assert "Er is al een account met dit e-mailadres" in html


def test_self_registration_cannot_make_an_adviser(app, fresh_client):
    response = fresh_client.post("/registreren", data=dict(REGISTER, role="adviser"))
    assert response.status_code == 200
    with app.app_context():
        assert db.session.scalar(select(User)) is None


def test_login_and_logout(app, auth, make_user):
    make_user(email="piet@voorbeeld.nl")
    response = auth.login("PIET@voorbeeld.nl")
    assert response.status_code == 302
    assert "piet@voorbeeld.nl" in auth.client.get("/account").get_data(as_text=True)
    auth.logout()
    assert auth.client.get("/account").status_code == 302


def test_a_wrong_password_does_not_say_which_part_was_wrong(app, auth, make_user):
    make_user(email="piet@voorbeeld.nl")
    html = auth.login("piet@voorbeeld.nl", "verkeerd-wachtwoord").get_data(as_text=True)
    assert "Het e-mailadres of het wachtwoord klopt niet." in html
    html = auth.login("niemand@voorbeeld.nl", "verkeerd-wachtwoord").get_data(
        as_text=True
    )
    assert "Het e-mailadres of het wachtwoord klopt niet." in html


def test_login_does_not_redirect_to_another_site(app, auth, make_user):
    make_user(email="piet@voorbeeld.nl")
    response = auth.client.post(
        "/inloggen?next=https://evil.example/",
        data={"email": "piet@voorbeeld.nl", "password": "Een-goed-wachtwoord"},
    )
    assert "evil" not in response.headers["Location"]


def test_the_account_page_needs_a_login(fresh_client):
    response = fresh_client.get("/account")
    assert response.status_code == 302 and "/inloggen" in response.headers["Location"]


def test_password_reset_by_emailed_token_works_once(app, fresh_client, make_user):
    make_user(email="piet@voorbeeld.nl")
    response = fresh_client.post(
        "/wachtwoord-vergeten", data={"email": "piet@voorbeeld.nl"}
    )
    assert response.status_code == 302
    mail = outbox(app)[-1]
    assert mail.recipient == "piet@voorbeeld.nl"
    link = re.search(r"https?://\S+/wachtwoord-herstellen/\S+", mail.body_text).group(0)
    path = link.split("leerwijzer.test", 1)[1]
    new = {"password": "nieuw-en-lang-genoeg", "password_again": "nieuw-en-lang-genoeg"}
    assert fresh_client.post(path, data=new).status_code == 302
    assert (
        fresh_client.post(
            "/inloggen",
            data={"email": "piet@voorbeeld.nl", "password": new["password"]},
        ).status_code
        == 302
    )
    fresh_client.post("/uitloggen")
    # The same link no longer works: the password it was made for has changed.
    response = fresh_client.get(path)
    assert (
        response.status_code == 302
        and "/wachtwoord-vergeten" in response.headers["Location"]
    )
    assert outbox(app)[-1].subject == "Uw wachtwoord is gewijzigd"


def test_a_forged_reset_token_is_refused(fresh_client):
    response = fresh_client.get("/wachtwoord-herstellen/nep-token")
    assert (
        response.status_code == 302
        and "/wachtwoord-vergeten" in response.headers["Location"]
    )


def test_reset_for_an_unknown_address_says_the_same_and_sends_nothing(
    app, fresh_client
):
    response = fresh_client.post(
        "/wachtwoord-vergeten",
        data={"email": "onbekend@voorbeeld.nl"},
        follow_redirects=True,
    )
    assert "Als er een account is met dit e-mailadres" in response.get_data(
        as_text=True
    )
    assert outbox(app) == []
