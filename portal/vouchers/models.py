"""A voucher application: the details of a desk case of kind "voucher_application".

The case (`DeskCase`) holds what every desk case has: reference, loket, region, status,
assignee. Its status takes the values of `workflow.ApplicationStatus`; every change is
appended to the case's audit trail (`CaseEvent`: who, when, from, to, why), so there is
no second status column here that could drift from it.
"""

from datetime import date, datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import User
from portal.catalog.models import Course, Fund
from portal.desk.models import DeskCase
from portal.extensions import db
from portal.timestamps import UTCDateTime, utcnow
from portal.vouchers.workflow import ApplicationStatus as S

# The decision deadline runs in these statuses (not while more information is asked
# for, nor on the waitlist: there the adviser has decided and the money is short).
DEADLINE_RUNS = frozenset({S.SUBMITTED, S.AWAITING_EMPLOYER, S.IN_REVIEW})


class VoucherApplication(db.Model):
    """Only what the decision needs: no BSN, no income, no address beyond the postcode."""

    __tablename__ = "voucher_application"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("desk_case.id"), unique=True)
    # None while an employer's invitation waits for the employee (wacht_op_medewerker).
    applicant_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id"), index=True)

    # A course from the catalogue, or one the applicant entered with a quote (offerte).
    course_id: Mapped[int | None] = mapped_column(ForeignKey("course.id"), index=True)
    course_provider: Mapped[str] = mapped_column(String(200), default="")
    course_title: Mapped[str] = mapped_column(String(300), default="")
    price_cents: Mapped[int] = mapped_column(Integer)
    sector: Mapped[str] = mapped_column(String(20))
    quote_filename: Mapped[str] = mapped_column(String(200), default="")
    quote_pdf: Mapped[bytes | None] = mapped_column(LargeBinary)

    situation: Mapped[str] = mapped_column(String(30))
    birth_date: Mapped[date | None]
    postcode: Mapped[str] = mapped_column(String(7), default="")
    goal: Mapped[str] = mapped_column(String(30))
    goal_text: Mapped[str] = mapped_column(Text, default="")
    consent_text: Mapped[str] = mapped_column(Text, default="")
    consent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=utcnow)

    # The split of the price at submission; the three always add up to price_cents.
    voucher_cents: Mapped[int] = mapped_column(Integer)
    employer_cents: Mapped[int] = mapped_column(Integer, default=0)
    own_cents: Mapped[int] = mapped_column(Integer, default=0)
    # Only when employed: the employer that pays its share.
    employer_kvk: Mapped[str] = mapped_column(String(8), default="")
    employer_email: Mapped[str] = mapped_column(String(254), default="")
    # An employer started the application for an employee: the invitation binds to
    # this e-mail address; only a resident account with it may accept.
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    invitee_name: Mapped[str] = mapped_column(
        String(120), default="", server_default=""
    )
    invitee_email: Mapped[str] = mapped_column(
        String(254), default="", server_default=""
    )

    # Given once, on the first approval: what the provider bills the fund with.
    voucher_code: Mapped[str | None] = mapped_column(String(24), unique=True)

    # The waitlist is ordered by this moment (then by id), never by the adviser's pace.
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    decision_due: Mapped[date | None]
    # Set while more information is asked for: the deadline does not run meanwhile.
    suspended_on: Mapped[date | None]
    decision_text: Mapped[str] = mapped_column(Text, default="")
    # Four-eyes: the first adviser's approval, before a second one co-approves.
    first_approver_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    first_approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    # Money: reserved on approval, moved to paid on completion, released otherwise.
    reserved_cents: Mapped[int] = mapped_column(Integer, default=0)
    paid_cents: Mapped[int] = mapped_column(Integer, default=0)

    # Completion: a diploma/certificate or proof of at least 80 % attendance, checked
    # by its content (PDF, PNG or JPEG); the payout needs it.
    proof_kind: Mapped[str] = mapped_column(String(20), default="")
    proof_filename: Mapped[str] = mapped_column(String(200), default="")
    proof_mimetype: Mapped[str] = mapped_column(String(40), default="")
    proof_file: Mapped[bytes | None] = mapped_column(LargeBinary)

    case: Mapped[DeskCase] = relationship(backref=db.backref("voucher", uselist=False))
    applicant: Mapped[User | None] = relationship(foreign_keys=[applicant_id])
    invited_by: Mapped[User | None] = relationship(foreign_keys=[invited_by_id])
    first_approver: Mapped[User | None] = relationship(foreign_keys=[first_approver_id])
    fund: Mapped[Fund] = relationship()
    course: Mapped[Course | None] = relationship()

    @property
    def status(self) -> str:
        return self.case.status

    @property
    def reference(self) -> str:
        return self.case.reference or ""

    @property
    def person_name(self) -> str:
        """The applicant, or the invited employee before they accepted."""
        return self.applicant.name if self.applicant else self.invitee_name

    @property
    def provider_email(self) -> str:
        """Where the provider's copy goes; none for a course typed in by hand."""
        return (self.course.provider.email or "") if self.course else ""

    @property
    def title(self) -> str:
        return self.course.title if self.course else self.course_title

    @property
    def provider_name(self) -> str:
        return self.course.provider.name if self.course else self.course_provider

    def overdue(self, today: date) -> bool:
        """The decision deadline passed while it was running."""
        return (
            self.decision_due is not None
            and self.case.status in DEADLINE_RUNS
            and self.decision_due < today
        )
