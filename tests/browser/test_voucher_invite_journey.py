"""An employer starts a voucher application for an employee in a real browser: the
demo employer picks a catalogue course and commits its share → the employee opens
the invitation link from the e-mail, registers, checks the data and consents → the
application is submitted with the employer's share confirmed; axe-core at zero
violations on every page of it."""

import re
from uuid import uuid4

import pytest
from sqlalchemy import select

from tests.browser.test_voucher_journey import EMPLOYER, submit, zorg_course_id

pytestmark = pytest.mark.browser

INVITE = re.compile(r"https?://[^/\s]+(/vouchers/uitnodiging/\S+)")


def invitation_path(app, email: str) -> str:
    from portal.extensions import db
    from portal.outbox.models import OutboxMessage

    with app.app_context():
        mail = db.session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.recipient == email)
            .order_by(OutboxMessage.id)
        ).first()
        return INVITE.search(mail.body_text).group(1)


def test_employer_starts_and_the_employee_registers_and_consents(
    live_server, new_page, login, assert_accessible, screenshot
):
    course_id = zorg_course_id(live_server.app)
    employee_email = f"medewerker-{uuid4().hex[:8]}@voorbeeld.nl"

    employer = new_page()
    login(employer, *EMPLOYER)
    employer.goto("/vouchers/werkgever")
    assert_accessible(employer, "employer dashboard")
    employer.goto(f"/vouchers/werkgever/aanvragen?course_id={course_id}")
    assert_accessible(employer, "employer start form")
    employer.fill("#employee_name", "Sanne de Vries")
    employer.fill("#employee_email", employee_email)
    employer.check("input[name=goal] >> nth=1")
    employer.check("#commitment")
    submit(employer)
    assert "/vouchers/werkgever" in employer.url, employer.url
    assert "Wacht op werknemer" in employer.content()
    screenshot(employer, "invite-1-employer-committed")
    assert_accessible(employer, "employer dashboard with the invitation")

    employee = new_page()
    path = invitation_path(live_server.app, employee_email)
    employee.goto(path)
    assert_accessible(employee, "invitation: log in or register")
    with employee.expect_navigation():
        employee.click("main a[href^='/registreren']")
    employee.check("input[name=role][value=resident]")
    employee.fill("#name", "Sanne de Vries")
    employee.fill("#email", employee_email)
    employee.fill("#password", "Een-goed-wachtwoord-2026")
    employee.fill("#password_again", "Een-goed-wachtwoord-2026")
    submit(employee)
    assert path in employee.url, employee.url
    assert "toegezegd" in employee.content()
    assert_accessible(employee, "invitation form")
    employee.fill("#postcode", "7001 AB")
    employee.fill("#birth_date", "15-03-1985")
    employee.check("#consent")
    with employee.expect_navigation():
        employee.click("form[action$='" + path + "'] button[type=submit]")
    assert "/vouchers/mijn-aanvragen/" in employee.url, employee.url
    assert "Ingediend" in employee.content()
    screenshot(employee, "invite-2-employee-submitted")
    assert_accessible(employee, "application detail (submitted by the employee)")

    employer.reload()
    assert "Toegezegd door" in employer.content()
    assert_accessible(employer, "employer dashboard after consent")
