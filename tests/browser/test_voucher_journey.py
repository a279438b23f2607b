"""A training voucher in a real browser: the demo resident applies (employed, an
Achterhoek zorg course) → the employer confirms by the link in its e-mail → the demo
adviser approves on the desk → the decision letter downloads as a PDF; axe-core at
zero violations on every page of it."""

import re

import pytest
from sqlalchemy import select

pytestmark = pytest.mark.browser

RESIDENT = ("inwoner@leerwijzer.example", "Inwoner-demo-2026")
ADVISER = ("adviseur@leerwijzer.example", "Adviseur-demo-2026")
EMPLOYER_EMAIL = "werkgever@leerwijzer.example"
EMPLOYER = (EMPLOYER_EMAIL, "Werkgever-demo-2026")  # KvK 12345678
LINK = re.compile(r"https?://[^/\s]+(/vouchers/werkgever/\S+)")


def zorg_course_id(app) -> int:
    """A kansrijk zorg course in the Achterhoek with a price, from the live database."""
    from portal.catalog.models import Course
    from portal.extensions import db
    from portal.regions.models import Region

    with app.app_context():
        return db.session.scalar(
            select(Course.id)
            .join(Region, Course.region_id == Region.id)
            .where(
                Region.slug == "achterhoek",
                Course.sector == "zorg",
                Course.kansrijk.is_(True),
                Course.price_cents > 10_000,
                Course.price_cents < 500_000,
            )
            .order_by(Course.id)
            .limit(1)
        )


def employer_link_and_case(app) -> tuple[str, int]:
    """The link in the employer's e-mail (from the outbox), and the desk case id."""
    from portal.extensions import db
    from portal.outbox.models import OutboxMessage
    from portal.vouchers.models import VoucherApplication

    with app.app_context():
        mail = db.session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.recipient == EMPLOYER_EMAIL)
            .order_by(OutboxMessage.id.desc())
        ).first()
        application = db.session.scalars(
            select(VoucherApplication)
            .where(VoucherApplication.employer_email == EMPLOYER_EMAIL)
            .order_by(VoucherApplication.id.desc())
        ).first()
        return LINK.search(mail.body_text).group(1), application.case_id


def submit(page) -> None:
    with page.expect_navigation():
        page.click("main form[method=post] button[type=submit]")


def test_apply_employer_confirms_adviser_approves_and_the_letter_downloads(
    live_server, new_page, login, assert_accessible, screenshot
):
    course_id = zorg_course_id(live_server.app)
    assert course_id, "the demo catalogue has no priced kansrijk zorg course"

    resident = new_page()
    login(resident, *RESIDENT)
    resident.goto(f"/vouchers/aanvragen?course_id={course_id}")
    assert_accessible(resident, "application form")
    resident.fill("#postcode", "7001 AB")
    resident.fill("#birth_date", "15-03-1985")
    resident.check("input[name=situation][value=employed]")
    resident.fill("#employer_kvk", "12345678")
    resident.fill("#employer_email", EMPLOYER_EMAIL)
    resident.check("input[name=goal] >> nth=0")
    resident.check("#consent")
    submit(resident)
    assert "/vouchers/mijn-aanvragen/" in resident.url, resident.url
    assert "Wacht op werkgever" in resident.content()
    screenshot(resident, "voucher-1-submitted")
    assert_accessible(resident, "application detail (waits for the employer)")

    path, case_id = employer_link_and_case(live_server.app)
    employer = new_page()
    employer.goto(path)
    assert_accessible(employer, "employer link")
    employer.fill("#name", "Kees Jansen")
    employer.check("input[name=answer][value=confirm]")
    submit(employer)
    assert "toezegging is vastgelegd" in employer.content()
    assert_accessible(employer, "employer confirmed")

    adviser = new_page()
    login(adviser, *ADVISER)
    adviser.goto(f"/bureau/zaken/{case_id}")
    assert_accessible(adviser, "desk case")
    with adviser.expect_navigation():
        adviser.click("form[action$='/goedkeuren'] button[type=submit]")
    assert "goedgekeurd" in adviser.content()
    screenshot(adviser, "voucher-2-approved")
    assert_accessible(adviser, "desk case, approved")
    with adviser.expect_download() as download_info:
        adviser.click("a[href$='/besluit.pdf']")
    letter = download_info.value
    with open(letter.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"

    # Beyond the journey: the provider's start link and the fund report.
    start = adviser.locator("#provider-link").input_value()
    provider = new_page()
    provider.goto(start)
    assert_accessible(provider, "provider start link")
    adviser.goto("/bureau/vouchers/rapportage")
    assert "Rapportage van de vouchers" in adviser.content()
    assert_accessible(adviser, "fund report")

    # The demo employer (KvK 12345678) sees its commitment on its dashboard.
    employer_account = new_page()
    login(employer_account, *EMPLOYER)
    employer_account.goto("/vouchers/werkgever")
    assert "Toegezegd door Kees Jansen" in employer_account.content()
    assert_accessible(employer_account, "employer dashboard")

    resident.reload()
    assert "Goedgekeurd" in resident.content()
    assert_accessible(resident, "application detail (approved)")
