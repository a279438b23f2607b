"""An employer starts a voucher application for an employee; the employee accepts it.

The employer chooses the course (from the catalogue, or typed in with a quote), names
the employee and the goal, and commits to its share at that moment: binding, on the
audit trail with who and when, as by the employer's link. The application waits in
`wacht_op_medewerker` until the employee opens the invitation link (signed, expiring,
single use: it works only while the application waits for them).

The invitation binds to the e-mail address the employer gave: only a resident
account with that address may accept or decline it, so a forwarded or leaked link
is of no use to anyone else. On acceptance the employee adds what only they can
give (postcode and birth date, no BSN), the rules are checked as for a resident's
own application, and it goes to the desk's queue with the employer's share already
confirmed. Services flush, the view commits.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from flask import url_for
from flask_babel import gettext as _

from portal.accounts.models import User
from portal.catalog.models import Fund
from portal.desk.services import _record, open_case
from portal.desk.workflow import VOUCHER_APPLICATION
from portal.extensions import db
from portal.outbox.services import queue_email
from portal.regions.models import municipality_for_pc4
from portal.regions.postcodes import Postcode
from portal.timestamps import utcnow
from portal.vouchers import links, services
from portal.vouchers.inputs import QuoteInputError
from portal.vouchers.models import VoucherApplication
from portal.vouchers.policy import policy_for
from portal.vouchers.quotes import find_course
from portal.vouchers.rules import (
    Applicant,
    CourseFacts,
    assess,
    check_kansrijk,
    check_sector,
    split_price,
)
from portal.vouchers.submission import NotEligible, fund_loket, grants_this_year
from portal.vouchers.workflow import ApplicationStatus as S

_SALT = "voucher-employee-invitation"
INVITE_LINK_DAYS = 14
EMPLOYED = "employed"


@dataclass(frozen=True)
class InvitationInput:
    """A well-formed invitation (the form checked the shape): a catalogue course, or
    one typed in with provider, title, price, sector and the quote PDF."""

    fund_id: int
    employee_name: str
    employee_email: str
    goal: str
    goal_text: str = ""
    course_id: int | None = None
    course_provider: str = ""
    course_title: str = ""
    price_cents: int | None = None
    sector: str | None = None
    quote_filename: str = ""
    quote_pdf: bytes | None = None


def invitation_link(application: VoucherApplication) -> str:
    token = links.sign(application, _SALT)
    return url_for("applications.invitation.accept", token=token, _external=True)


def application_for_token(token: str) -> VoucherApplication | None:
    """The waiting invitation the link is for; None when forged, expired or used."""
    return links.application_for(token, _SALT, INVITE_LINK_DAYS, S.AWAITING_EMPLOYEE)


def is_for(application: VoucherApplication, user: User) -> bool:
    """Only the resident with the invited e-mail address may answer the invitation."""
    return (
        user.role == "resident"
        and user.email.strip().lower() == application.invitee_email
    )


def _course_facts(given: InvitationInput):
    try:
        course = find_course(given.course_id) if given.course_id else None
    except QuoteInputError as exc:
        raise services.VoucherError(_("Deze opleiding bestaat niet (meer).")) from exc
    if course is not None:
        return course, CourseFacts(course.price_cents, course.sector, course.kansrijk)
    return None, CourseFacts(given.price_cents or 0, given.sector or "overig")


def start_for_employee(
    employer: User, given: InvitationInput, today: date
) -> VoucherApplication:
    """Open the application, record the employer's binding commitment and invite the
    employee. Raises `NotEligible` when the course does not fit the fund."""
    if not employer.kvk_number:
        raise services.VoucherError(
            _("Uw account heeft geen KvK-nummer. Zonder KvK-nummer kan dit niet.")
        )
    fund = db.session.get(Fund, given.fund_id)
    if fund is None:
        raise services.VoucherError(_("Kies een fonds."))
    course, facts = _course_facts(given)
    policy = policy_for(fund)
    refused = tuple(
        v for v in (check_sector(facts, policy), check_kansrijk(facts)) if v
    )
    if refused:
        raise NotEligible(refused)
    split = split_price(facts.price_cents, EMPLOYED, policy)
    case = open_case(
        VOUCHER_APPLICATION,
        fund_loket(fund.region_id),
        None,
        today,
        region_id=fund.region_id,
    )
    case.status = S.AWAITING_EMPLOYEE
    application = VoucherApplication(
        case=case,
        fund=fund,
        course=course,
        course_provider="" if course else given.course_provider.strip(),
        course_title="" if course else given.course_title.strip(),
        price_cents=split.price_cents,
        sector=facts.sector,
        quote_filename="" if course else given.quote_filename,
        quote_pdf=None if course else given.quote_pdf,
        situation=EMPLOYED,
        goal=given.goal,
        goal_text=given.goal_text.strip(),
        consent_at=None,
        voucher_cents=split.voucher_cents,
        employer_cents=split.employer_cents,
        own_cents=split.own_cents,
        employer_kvk=employer.kvk_number,
        employer_email=employer.email,
        invited_by=employer,
        invitee_name=given.employee_name.strip(),
        invitee_email=given.employee_email.strip().lower(),
    )
    db.session.add(application)
    db.session.flush()
    _record(case, employer, "invited", to_status=S.AWAITING_EMPLOYEE)
    # The binding commitment: who (the employer's account) and when (the row's time).
    _record(
        case,
        employer,
        "employer_confirmed",
        employer_name=employer.name,
        employer_cents=split.employer_cents,
    )
    queue_email(
        application.invitee_email,
        _(
            "Uw werkgever vraagt een scholingsvoucher voor u aan (%(reference)s)",
            reference=case.reference,
        ),
        "vouchers/email/employee_invitation.txt",
        application=application,
        link=invitation_link(application),
        days=INVITE_LINK_DAYS,
    )
    db.session.flush()
    return application


def accept(
    application: VoucherApplication,
    employee: User,
    postcode: Postcode,
    birth_date: date,
    consent_text: str,
    today: date,
) -> None:
    """The employee checked the data and consents: the rules decide, as for a
    resident's own application (explicit `today`); then the desk's queue."""
    if not is_for(application, employee):
        raise services.VoucherError(
            _("Deze uitnodiging is voor een ander e-mailadres.")
        )
    municipality = municipality_for_pc4(postcode.pc4)
    person = Applicant(
        region=municipality.region.slug if municipality else None,
        birth_date=birth_date,
        situation=EMPLOYED,
        grants_this_year=grants_this_year(employee, application.fund_id, today.year),
    )
    facts = CourseFacts(
        application.price_cents,
        application.sector,
        application.course.kansrijk if application.course else None,
    )
    decision = assess(person, facts, policy_for(application.fund), today)
    if not decision.eligible:
        raise NotEligible(decision.violations)
    application.applicant = employee
    application.case.requester = employee
    application.birth_date = birth_date
    application.postcode = str(postcode)
    application.consent_text = consent_text
    application.consent_at = application.submitted_at = utcnow()
    application.decision_due = today + timedelta(weeks=application.fund.decision_weeks)
    services._move(application, S.SUBMITTED, employee, "employee_consented")
    queue_email(
        employee.email,
        _(
            "Uw aanvraag voor een scholingsvoucher (%(reference)s)",
            reference=application.reference,
        ),
        "vouchers/email/received.txt",
        application=application,
    )
    db.session.flush()


def decline(application: VoucherApplication, employee: User, reason: str) -> None:
    """The employee does not want it; the employer is told."""
    if not is_for(application, employee):
        raise services.VoucherError(
            _("Deze uitnodiging is voor een ander e-mailadres.")
        )
    services._end(
        application, S.WITHDRAWN, employee, "employee_declined", reason.strip()
    )


def withdraw_invitation(application: VoucherApplication, employer: User) -> None:
    """The employer takes back an invitation its employee has not answered yet."""
    if application.status != S.AWAITING_EMPLOYEE:
        raise services.VoucherError(
            _("Uw werknemer heeft al geantwoord. Intrekken kan niet meer.")
        )
    services._end(application, S.WITHDRAWN, employer, "invitation_withdrawn", "")
