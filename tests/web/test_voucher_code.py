"""The voucher code (apart from the case reference) given once on approval, and the
provider's e-mail with the code, the split and its signed link; the letter carries
the code and, without a provider e-mail, tells the resident to hand it over."""

import re
from uuid import uuid4

import pytest
from sqlalchemy import select

from portal.catalog.models import Course, Provider
from portal.extensions import db
from portal.outbox.models import OutboxMessage
from portal.regions.models import Region
from portal.vouchers import services
from portal.vouchers.codes import is_code
from portal.vouchers.models import VoucherApplication
from tests.web.test_voucher_budget import (  # noqa: F401
    VOUCHER,
    ctx,
    new_application,
    new_fund,
    new_user,
)
from tests.web.test_voucher_desk import (  # noqa: F401
    adviser,
    application_of,
    make_voucher,
)
from tests.web.test_voucher_letters import applicant_client, text_of

PROVIDER_LINK = re.compile(r"https?://[^/\s]+(/vouchers/opleider/\S+)")


def add_course(provider_email: str) -> Course:
    """A catalogue course in the Achterhoek whose provider has `provider_email`."""
    region = db.session.scalar(select(Region).where(Region.slug == "achterhoek"))
    slug = f"test-{uuid4().hex[:10]}"
    provider = Provider(slug=slug, name="Testschool", kind="mbo", email=provider_email)
    course = Course(
        external_id=slug,
        title="Helpende Zorg en Welzijn",
        provider=provider,
        region_id=region.id,
        level="2",
        form="bbl",
        sector="zorg",
        price_cents=VOUCHER,
        delivery="klassikaal",
        kansrijk=True,
    )
    db.session.add_all([provider, course])
    db.session.flush()
    return course


def test_approval_gives_a_voucher_code_apart_from_the_reference(
    desk_app,
    make_voucher,  # noqa: F811
    adviser,  # noqa: F811
    login_as,
):
    client, _ = adviser
    case_id, _ = make_voucher()
    assert application_of(desk_app, case_id).voucher_code is None
    client.post(f"/bureau/vouchers/{case_id}/goedkeuren")
    application = application_of(desk_app, case_id)
    code = application.voucher_code
    assert is_code(code) and code != application.reference
    assert application.case.events[-1].data["voucher_code"] == code
    assert code in client.get(f"/bureau/zaken/{case_id}").get_data(as_text=True)
    letter = text_of(client.get(f"/bureau/vouchers/{case_id}/besluit.pdf").data)
    assert f"Vouchercode {code}" in letter
    # A course typed in by hand: no provider e-mail, so the resident hands it over.
    assert "Geef deze brief daarom zelf aan de opleider" in letter
    client.post("/uitloggen")
    resident, application_id = applicant_client(desk_app, case_id, login_as)
    assert code in resident.get("/vouchers/mijn-aanvragen").get_data(as_text=True)
    detail = resident.get(f"/vouchers/mijn-aanvragen/{application_id}")
    assert code in detail.get_data(as_text=True)


def test_a_waitlisted_application_gets_its_code_when_it_moves_up_and_keeps_it(
    ctx,  # noqa: F811
):
    fund = new_fund(VOUCHER)
    adviser_user, resident = new_user("adviser"), new_user()
    first = new_application(fund, resident)
    waiting = new_application(fund, resident)
    services.approve(first, adviser_user)
    assert services.approve(waiting, adviser_user) == services.Approval.WAITLISTED
    assert waiting.voucher_code is None
    services.withdraw(first, adviser_user)  # "I will not start", after approval
    assert waiting.status == "goedgekeurd" and is_code(waiting.voucher_code)
    code = waiting.voucher_code
    assert services.give_voucher_code(waiting) == code  # given once, never again
    assert code != first.voucher_code


def test_codes_are_unique_across_applications(ctx):  # noqa: F811
    fund = new_fund(10 * VOUCHER)
    adviser_user, resident = new_user("adviser"), new_user()
    applications = [new_application(fund, resident) for _ in range(6)]
    for application in applications:
        services.approve(application, adviser_user)
    assert len({a.voucher_code for a in applications}) == 6


def test_the_provider_gets_the_code_the_split_and_its_signed_link(
    desk_app,
    adviser,  # noqa: F811
):
    client, _ = adviser
    email = f"opleidingen-{uuid4().hex[:8]}@testschool.example"
    with desk_app.test_request_context():
        fund = new_fund(4 * VOUCHER)
        application = new_application(fund, new_user())
        application.course = add_course(email)
        application.course_title = application.course_provider = ""
        db.session.commit()
        case_id = application.case_id
    client.post(f"/bureau/vouchers/{case_id}/goedkeuren")
    with desk_app.app_context():
        [mail] = db.session.scalars(
            select(OutboxMessage).where(OutboxMessage.recipient == email)
        ).all()
        code = db.session.scalar(
            select(VoucherApplication.voucher_code).where(
                VoucherApplication.case_id == case_id
            )
        )
    body = mail.body_text.replace("\xa0", " ")
    assert f"Vouchercode: {code}" in body
    assert "Het fonds betaalt (voucher): € 2.500,00" in body
    assert "De werkgever betaalt: € 0,00" in body
    path = PROVIDER_LINK.search(body).group(1)
    provider = desk_app.test_client()
    page = provider.get(path).get_data(as_text=True)
    assert code in page and "Helpende Zorg en Welzijn" in page
    letter = provider.get(path + "/besluit.pdf")
    assert letter.mimetype == "application/pdf"
    text = text_of(letter.data)
    assert code in text and "Wij sturen de opleider een e-mail" in text
    assert provider.get(path[:-3] + "xyz/besluit.pdf").status_code == 404


@pytest.mark.parametrize("path", ["/vouchers/opleider/nonsense/besluit.pdf"])
def test_a_forged_provider_letter_link_gives_a_dutch_page(desk_client, path):
    response = desk_client.get(path)
    assert response.status_code == 404
    assert "Deze link werkt niet" in response.get_data(as_text=True)
