"""The employer dashboard: a logged-in employer sees the applications that name its
KvK number, its share and its commitment; never another employer's."""

import re
from uuid import uuid4

import pytest

from portal.accounts.models import User
from portal.extensions import db
from tests.web.conftest import PASSWORD
from tests.web.test_voucher_apply import apply, form, resident, stored  # noqa: F401


@pytest.fixture
def make_employer(desk_app, new_user, login_as):
    """make_employer(kvk) → a logged-in employer client with that KvK number."""

    def _make(kvk: str):
        user_id, email = new_user("employer")
        with desk_app.app_context():
            db.session.get(User, user_id).kvk_number = kvk
            db.session.commit()
        client = desk_app.test_client()
        client.post("/inloggen", data={"email": email, "password": PASSWORD})
        return client

    return _make


ANSWER = re.compile(r'href="https?://[^/"]+(/vouchers/werkgever/[^"]+)"')


def unique_kvk() -> str:
    return str(uuid4().int)[:8].rjust(8, "1")


def test_the_employer_sees_its_requests_and_then_its_commitment(
    desk_app,
    resident,  # noqa: F811
    make_employer,
):
    client, user_id = resident
    kvk = unique_kvk()
    email = f"hr-{user_id}@werkgever.nl"
    assert (
        apply(client, form(employer_kvk=kvk, employer_email=email)).status_code == 302
    )
    [application] = stored(desk_app, user_id)
    employer = make_employer(kvk)
    page = employer.get("/vouchers/werkgever").get_data(as_text=True)
    assert application.reference in page and "Wacht op werkgever" in page
    assert "€ 1.000,00" in page.replace("\xa0", " ")
    answer = ANSWER.search(page).group(1)
    employer.post(answer, data={"name": "Kees Jansen", "answer": "confirm"})
    page = employer.get("/vouchers/werkgever").get_data(as_text=True)
    assert "Toegezegd door Kees Jansen" in page and "Ingediend" in page


def test_another_employer_does_not_see_the_request(
    desk_app,
    resident,  # noqa: F811
    make_employer,
):
    client, user_id = resident
    kvk = unique_kvk()
    apply(client, form(employer_kvk=kvk, employer_email=f"a-{user_id}@werkgever.nl"))
    [application] = stored(desk_app, user_id)
    other = make_employer("87654321" if kvk != "87654321" else "87654322")
    page = other.get("/vouchers/werkgever").get_data(as_text=True)
    assert application.reference not in page
    no_kvk = make_employer(None)
    assert application.reference not in no_kvk.get("/vouchers/werkgever").get_data(
        as_text=True
    )


def test_only_employers_reach_the_dashboard(desk_app, resident):  # noqa: F811
    client, _ = resident
    assert client.get("/vouchers/werkgever").status_code == 403
