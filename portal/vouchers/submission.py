"""A resident submits a voucher application: the rules decide, the desk gets a case.

Flushes, never commits: the view commits once, so the case, the application, its first
audit row and the confirmation e-mail are stored together or not at all.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import func, select

from portal.accounts.models import User
from portal.desk.models import DeskCase
from portal.desk.services import _record, open_case
from portal.desk.workflow import VOUCHER_APPLICATION
from portal.extensions import db
from portal.lokets.models import Loket
from portal.outbox.services import queue_email
from portal.timestamps import utcnow
from portal.vouchers.inputs import QuoteInput
from portal.vouchers.models import VoucherApplication
from portal.vouchers.policy import policy_for
from portal.vouchers.quotes import make_quote
from portal.vouchers.rules import Applicant, CourseFacts, Violation, assess
from portal.vouchers.services import VoucherError, ask_employer
from portal.vouchers.workflow import ApplicationStatus as S

# Granted: these count towards the fund's "one voucher per person per year".
GRANTED = (S.APPROVED, S.STARTED, S.COMPLETED)


class NotEligible(VoucherError):
    """The rules said no; `violations` says which, each in B1 Dutch."""

    def __init__(self, violations: tuple[Violation, ...]):
        super().__init__(" ".join(v.message_nl for v in violations))
        self.violations = violations


@dataclass(frozen=True)
class ApplicationInput:
    """A well-formed application (forms checked the shape). For a course typed in,
    `quote.price_cents` and `quote.sector` are set and `course_title` is required."""

    quote: QuoteInput
    goal: str
    consent_text: str
    goal_text: str = ""
    course_provider: str = ""
    course_title: str = ""
    quote_filename: str = ""
    quote_pdf: bytes | None = None
    employer_kvk: str = ""
    employer_email: str = ""


def grants_this_year(applicant: User, fund_id: int, year: int) -> int:
    return db.session.scalar(
        select(func.count(VoucherApplication.id))
        .join(DeskCase)
        .where(
            VoucherApplication.applicant_id == applicant.id,
            VoucherApplication.fund_id == fund_id,
            DeskCase.status.in_(GRANTED),
            VoucherApplication.submitted_at >= datetime(year, 1, 1, tzinfo=UTC),
            VoucherApplication.submitted_at < datetime(year + 1, 1, 1, tzinfo=UTC),
        )
    )


def fund_loket(region_id: int) -> Loket:
    """The region's Leerwerkloket: it runs the fund, so its advisers decide."""
    return db.session.scalars(
        select(Loket)
        .where(Loket.region_id == region_id, Loket.type == "leerwerkloket")
        .order_by(Loket.id)
    ).first()


def submit(applicant: User, given: ApplicationInput, today: date) -> VoucherApplication:
    """Check the application against the fund's rules and put it in the desk's queue.

    Raises `NotEligible` with every reason at once when a rule says no.
    """
    quote = make_quote(given.quote, today)
    if quote.fund is None:
        raise NotEligible(quote.decision.violations)
    fund = quote.fund
    facts = CourseFacts(
        quote.split.price_cents,
        quote.sector,
        quote.course.kansrijk if quote.course else None,
    )
    person = Applicant(
        region=quote.municipality.region.slug if quote.municipality else None,
        birth_date=given.quote.birth_date,
        situation=given.quote.situation,
        grants_this_year=grants_this_year(applicant, fund.id, today.year),
    )
    decision = assess(person, facts, policy_for(fund), today)
    if not decision.eligible:
        raise NotEligible(decision.violations)
    case = open_case(
        VOUCHER_APPLICATION,
        fund_loket(fund.region_id),
        applicant,
        today,
        region_id=fund.region_id,
    )
    employed = given.quote.situation == "employed"
    application = VoucherApplication(
        case=case,
        applicant=applicant,
        fund=fund,
        course=quote.course,
        course_provider="" if quote.course else given.course_provider.strip(),
        course_title="" if quote.course else given.course_title.strip(),
        price_cents=decision.split.price_cents,
        sector=facts.sector,
        quote_filename=given.quote_filename,
        quote_pdf=given.quote_pdf,
        situation=given.quote.situation,
        birth_date=given.quote.birth_date,
        postcode=str(given.quote.postcode),
        goal=given.goal,
        goal_text=given.goal_text.strip(),
        consent_text=given.consent_text,
        consent_at=utcnow(),
        voucher_cents=decision.split.voucher_cents,
        employer_cents=decision.split.employer_cents,
        own_cents=decision.split.own_cents,
        employer_kvk=given.employer_kvk if employed else "",
        employer_email=given.employer_email.strip().lower() if employed else "",
        submitted_at=utcnow(),
        decision_due=today + timedelta(weeks=fund.decision_weeks),
    )
    db.session.add(application)
    db.session.flush()
    _record(case, applicant, "created", to_status=case.status)
    queue_email(
        applicant.email,
        _(
            "Uw aanvraag voor een scholingsvoucher (%(reference)s)",
            reference=case.reference,
        ),
        "vouchers/email/received.txt",
        application=application,
    )
    if application.employer_cents:
        ask_employer(application)
    db.session.flush()
    return application
