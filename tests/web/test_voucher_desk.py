"""Advisers handle voucher applications on the desk: the queue with its filters and
deadlines, approve (budget, four-eyes), reject with a reason, ask for more; and only
for their own region."""

from datetime import date

import pytest

from portal.accounts.models import User
from portal.extensions import db
from portal.vouchers.models import VoucherApplication
from tests.web.conftest import PASSWORD
from tests.web.test_voucher_budget import VOUCHER, new_application, new_fund

PDF = b"%PDF-1.4 offerte"


@pytest.fixture
def make_voucher(desk_app, new_user):
    """make_voucher(budget=..., four_eyes=..., due=...) → (case id, fund id), an
    application in the Achterhoek (its own fund, with a quote PDF)."""

    def _make(
        budget=4 * VOUCHER, four_eyes=None, due=date(2026, 12, 26), cents=VOUCHER
    ):
        resident_id, _ = new_user("resident")
        with desk_app.test_request_context():
            fund = new_fund(budget, four_eyes)
            application = new_application(
                fund, db.session.get(User, resident_id), cents
            )
            application.decision_due = due
            application.quote_pdf, application.quote_filename = PDF, "offerte.pdf"
            db.session.commit()
            return application.case_id, fund.id

    return _make


@pytest.fixture
def adviser(new_user, login_as):
    """An Achterhoek adviser, logged in: (client, user id)."""
    user_id, email = new_user("adviser", region="achterhoek")
    return login_as(email, PASSWORD), user_id


def application_of(desk_app, case_id) -> VoucherApplication:
    with desk_app.app_context():
        application = db.session.scalar(
            db.select(VoucherApplication).where(VoucherApplication.case_id == case_id)
        )
        _ = application.case.status, application.case.events
        db.session.expunge_all()
        return application


def test_voucher_cases_appear_in_the_queue_with_their_deadline(make_voucher, adviser):
    client, _ = adviser
    case_id, fund_id = make_voucher()
    late_id, _ = make_voucher(due=date(2026, 11, 20))
    page = client.get(f"/bureau?status=all&fund={fund_id}").get_data(as_text=True)
    assert f"/bureau/zaken/{case_id}" in page and f"/bureau/zaken/{late_id}" not in page
    assert "Aanvraag scholingsvoucher" in page and "26 december 2026" in page
    late = client.get("/bureau?status=ingediend").get_data(as_text=True)
    assert f"/bureau/zaken/{late_id}" in late and "te laat" in late


def test_the_case_page_shows_the_application_the_budget_and_the_quote(
    make_voucher, adviser
):
    client, _ = adviser
    case_id, _ = make_voucher()
    page = client.get(f"/bureau/zaken/{case_id}").get_data(as_text=True)
    assert "Budget van Testfonds" in page and "Goedkeuren" in page
    assert "Sluit de vraag af" not in page  # a question's close form, not a voucher's
    quote = client.get(f"/bureau/vouchers/{case_id}/offerte.pdf")
    assert quote.data == PDF and quote.mimetype == "application/pdf"


def test_an_adviser_approves_and_the_money_is_reserved(desk_app, make_voucher, adviser):
    client, user_id = adviser
    case_id, _ = make_voucher()
    response = client.post(f"/bureau/vouchers/{case_id}/goedkeuren")
    assert response.status_code == 302
    application = application_of(desk_app, case_id)
    assert application.case.status == "goedgekeurd"
    assert application.reserved_cents == VOUCHER
    assert application.case.assigned_to_id == user_id
    mine = client.get("/bureau?status=goedgekeurd&assigned=me").get_data(as_text=True)
    assert f"/bureau/zaken/{case_id}" in mine


def test_without_money_the_approval_puts_the_application_on_the_waitlist(
    desk_app, make_voucher, adviser
):
    client, _ = adviser
    case_id, _ = make_voucher(budget=VOUCHER - 1)
    client.post(f"/bureau/vouchers/{case_id}/goedkeuren")
    assert application_of(desk_app, case_id).case.status == "wachtlijst"
    page = client.get(f"/bureau/zaken/{case_id}").get_data(as_text=True)
    assert "Op de wachtlijst: niet genoeg geld" in page


def test_four_eyes_on_the_desk_needs_a_second_adviser(
    desk_app, make_voucher, adviser, new_user, login_as
):
    client, _ = adviser
    case_id, _ = make_voucher(four_eyes=200_000)
    client.post(f"/bureau/vouchers/{case_id}/goedkeuren")
    page = client.get(f"/bureau/zaken/{case_id}").get_data(as_text=True)
    assert "Meekeuren" in page and "vier ogen" in page
    again = client.post(f"/bureau/vouchers/{case_id}/goedkeuren", follow_redirects=True)
    assert "tweede adviseur" in again.get_data(as_text=True)
    assert application_of(desk_app, case_id).case.status == "in_behandeling"
    client.post("/uitloggen")
    _, email = new_user("adviser", region="achterhoek")
    login_as(email, PASSWORD).post(f"/bureau/vouchers/{case_id}/goedkeuren")
    assert application_of(desk_app, case_id).case.status == "goedgekeurd"


def test_an_adviser_rejects_with_a_dutch_reason_the_resident_reads(
    desk_app, make_voucher, adviser
):
    client, _ = adviser
    case_id, _ = make_voucher()
    empty = client.post(
        f"/bureau/vouchers/{case_id}/afwijzen", data={"reject-reason": ""}
    )
    assert empty.status_code == 400 and "Dit veld is verplicht" in empty.get_data(
        as_text=True
    )
    reason = "De opleiding leidt niet naar een beroep met goede kansen op werk."
    client.post(f"/bureau/vouchers/{case_id}/afwijzen", data={"reject-reason": reason})
    application = application_of(desk_app, case_id)
    assert application.case.status == "afgewezen"
    assert application.decision_text == reason
    assert application.case.events[-1].note == reason


def test_asking_for_more_information_stops_the_deadline_on_the_desk(
    desk_app, make_voucher, adviser
):
    client, _ = adviser
    case_id, _ = make_voucher()
    client.post(
        f"/bureau/vouchers/{case_id}/aanvullen",
        data={"information-question": "Stuur de offerte met uw naam erop."},
    )
    application = application_of(desk_app, case_id)
    assert application.case.status == "aanvullen"
    assert application.suspended_on == date(2026, 11, 28)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/bureau/zaken/{id}"),
        ("get", "/bureau/vouchers/{id}/offerte.pdf"),
        ("post", "/bureau/vouchers/{id}/goedkeuren"),
        ("post", "/bureau/vouchers/{id}/afwijzen"),
        ("post", "/bureau/vouchers/{id}/aanvullen"),
    ],
)
def test_an_adviser_of_another_region_never_reaches_the_case(
    desk_app, make_voucher, new_user, login_as, method, path
):
    case_id, _ = make_voucher()
    _, email = new_user("adviser", region="zeeland")
    client = login_as(email, PASSWORD)
    response = getattr(client, method)(
        path.format(id=case_id),
        data={"reject-reason": "x", "information-question": "x"},
    )
    assert response.status_code == 404
    assert application_of(desk_app, case_id).case.status == "ingediend"
    assert f"/bureau/zaken/{case_id}" not in client.get("/bureau?status=all").get_data(
        as_text=True
    )


def test_residents_cannot_use_the_desk_actions(make_voucher, new_user, login_as):
    case_id, _ = make_voucher()
    _, email = new_user("resident")
    client = login_as(email, PASSWORD)
    assert client.post(f"/bureau/vouchers/{case_id}/goedkeuren").status_code == 403
