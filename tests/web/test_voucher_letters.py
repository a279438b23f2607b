"""The decision letter: a PDF with the split and the conditions on a grant, the reason
on a rejection; only for the applicant and the advisers of the region."""

from io import BytesIO

import pypdf

from portal.accounts.models import User
from portal.desk.models import DeskCase
from portal.extensions import db
from tests.web import test_voucher_desk
from tests.web.conftest import PASSWORD

# The desk tests' fixtures: an application of a fund of its own, a logged-in adviser.
make_voucher = test_voucher_desk.make_voucher
adviser = test_voucher_desk.adviser


def text_of(data: bytes) -> str:
    """The letter's text with its line breaks as spaces (a paragraph wraps)."""
    reader = pypdf.PdfReader(BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def applicant_client(desk_app, case_id, login_as):
    """Log in as the applicant of the case (the factory's resident)."""
    with desk_app.app_context():
        case = db.session.get(DeskCase, case_id)
        email = db.session.get(User, case.requester_id).email
        application_id = case.voucher.id
    return login_as(email, PASSWORD), application_id


def test_an_approval_letter_has_the_split_and_the_conditions(
    desk_app,
    make_voucher,
    adviser,
    login_as,
):
    client, _ = adviser
    case_id, _ = make_voucher()
    assert client.get(f"/bureau/vouchers/{case_id}/besluit.pdf").status_code == 302
    client.post(f"/bureau/vouchers/{case_id}/goedkeuren")
    page = client.get(f"/bureau/zaken/{case_id}").get_data(as_text=True)
    assert "besluitbrief" in page
    response = client.get(f"/bureau/vouchers/{case_id}/besluit.pdf")
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
    text = text_of(response.data)
    assert "Toekenning scholingsvoucher" in text and "Testfonds" in text
    assert "Verzorgende IG" in text and "€ 2.500,00" in text.replace("\xa0", " ")
    assert "80 %" in text and "26 weken" in text
    client.post("/uitloggen")
    resident, application_id = applicant_client(desk_app, case_id, login_as)
    own = resident.get(f"/vouchers/mijn-aanvragen/{application_id}/besluit.pdf")
    assert own.status_code == 200 and "Toekenning" in text_of(own.data)


def test_a_rejection_letter_gives_the_reason(
    desk_app,
    make_voucher,
    adviser,
):
    client, _ = adviser
    case_id, _ = make_voucher()
    reason = "De opleiding leidt niet naar een beroep met goede kansen op werk."
    client.post(f"/bureau/vouchers/{case_id}/afwijzen", data={"reject-reason": reason})
    text = text_of(client.get(f"/bureau/vouchers/{case_id}/besluit.pdf").data)
    assert "Besluit op uw aanvraag" in text and reason in text
    assert "Toekenning" not in text


def test_nobody_else_gets_the_letter(
    desk_app,
    make_voucher,
    adviser,
    new_user,
    login_as,
):
    client, _ = adviser
    case_id, _ = make_voucher()
    client.post(f"/bureau/vouchers/{case_id}/goedkeuren")
    client.post("/uitloggen")
    _, application_id = applicant_client(desk_app, case_id, lambda *a: None)
    _, email = new_user("resident")
    other = login_as(email, PASSWORD)
    assert (
        other.get(f"/vouchers/mijn-aanvragen/{application_id}/besluit.pdf").status_code
        == 404
    )
    other.post("/uitloggen")
    _, zeeland = new_user("adviser", region="zeeland")
    stranger = login_as(zeeland, PASSWORD)
    assert stranger.get(f"/bureau/vouchers/{case_id}/besluit.pdf").status_code == 404
