"""Voucher decisions: approve (with the budget lock and four-eyes), reject, withdraw,
ask for more information, and the waitlist that moves up when money is released.

Services flush but never commit: the view (or CLI command) commits once, so a budget
check, its reservation, the audit row and the e-mail share one transaction. Every
status change goes along `workflow.TRANSITIONS` and appends a `CaseEvent`.
"""

from datetime import date
from enum import StrEnum

from flask_babel import gettext as _
from sqlalchemy import select

from portal.accounts.models import User
from portal.catalog.models import Fund
from portal.desk.models import CaseNote, DeskCase
from portal.desk.services import DeskError, _record
from portal.extensions import db
from portal.timestamps import utcnow
from portal.vouchers.budget import budget_state, lock_budget
from portal.vouchers.codes import new_code
from portal.vouchers.models import VoucherApplication
from portal.vouchers.notifications import notify
from portal.vouchers.workflow import ApplicationStatus as S
from portal.vouchers.workflow import can_transition

SYSTEM = "system"


class VoucherError(DeskError):
    """The step is not allowed; `message` says why, in Dutch. A DeskError, so the
    desk's views show it like any other refused step."""


class Approval(StrEnum):
    FIRST = "first"  # four-eyes: waits for a second adviser
    APPROVED = "approved"
    WAITLISTED = "waitlisted"


def _move(
    application: VoucherApplication,
    target: S,
    actor: User | None,
    action: str,
    why: str = "",
    role: str | None = None,
    **data,
) -> None:
    """Append the status change to the audit trail and tell who must know. `role`
    only for who acts without an account (an employer by its signed link)."""
    case = application.case
    role = role or (actor.role if actor else SYSTEM)
    if not can_transition(case.status, target, role):
        raise VoucherError(
            _("Deze stap kan niet bij de huidige status van de aanvraag.")
        )
    current, case.status = case.status, target
    _record(
        case, actor, action, from_status=current, to_status=target, note=why, **data
    )
    if target in (S.REJECTED, S.WITHDRAWN, S.EXPIRED, S.COMPLETED):
        case.closed_at = utcnow()
    notify(application, current, target)


def move_as_employer(
    application: VoucherApplication, target: S, action: str, why: str, **data
) -> None:
    """The employer answers by its signed link, without an account."""
    _move(application, target, None, action, why, role="employer", **data)
    db.session.flush()


def ask_employer(application: VoucherApplication) -> None:
    """An employed applicant's employer must first confirm its share."""
    _move(application, S.AWAITING_EMPLOYER, None, "sent_to_employer")
    db.session.flush()


def _fresh(application: VoucherApplication) -> Fund:
    """Lock the fund's budget and re-read the application under the lock, so a second
    adviser acting on the same application at the same moment sees the first's step."""
    fund = lock_budget(application.fund_id)
    db.session.refresh(application.case)
    db.session.refresh(application)
    return fund


def needs_four_eyes(application: VoucherApplication, fund: Fund) -> bool:
    limit = fund.four_eyes_above_cents
    return limit is not None and application.voucher_cents > limit


def take_on(application: VoucherApplication, adviser: User) -> None:
    """The adviser starts on a submitted application and becomes its handler."""
    application.case.assigned_to = adviser
    _move(application, S.IN_REVIEW, adviser, "taken_on")


def _waiting_ahead(application: VoucherApplication) -> bool:
    """Someone of the same fund submitted earlier and waits for money: they go first."""
    earlier = (
        select(VoucherApplication.id)
        .join(DeskCase)
        .where(
            VoucherApplication.fund_id == application.fund_id,
            DeskCase.status == S.WAITLISTED,
            VoucherApplication.submitted_at < application.submitted_at,
        )
        .limit(1)
    )
    return db.session.scalar(earlier) is not None


def approve(application: VoucherApplication, adviser: User) -> Approval:
    """Approve: reserve the voucher when the budget allows, otherwise the waitlist.

    Runs under the fund's budget lock, so the check of the remaining money and the
    reservation are one step no other approval can come between. Above the fund's
    four-eyes amount the first approval is only recorded; the money is reserved when a
    second, different adviser co-approves.
    """
    fund = _fresh(application)
    if application.case.status == S.SUBMITTED:
        take_on(application, adviser)
    if not can_transition(application.case.status, S.APPROVED, adviser.role):
        raise VoucherError(_("Deze aanvraag kan nu niet worden goedgekeurd."))
    if needs_four_eyes(application, fund):
        if application.first_approver_id is None:
            application.first_approver = adviser
            application.first_approved_at = utcnow()
            _record(application.case, adviser, "first_approval")
            db.session.flush()
            return Approval.FIRST
        if application.first_approver_id == adviser.id:
            raise VoucherError(
                _("Een tweede adviseur moet deze aanvraag ook goedkeuren (vier ogen).")
            )
    remaining = budget_state(fund).remaining_cents
    if _waiting_ahead(application) or application.voucher_cents > remaining:
        _move(application, S.WAITLISTED, adviser, "waitlisted", remaining=remaining)
        db.session.flush()
        return Approval.WAITLISTED
    _reserve(application, adviser, "approved")
    db.session.flush()
    return Approval.APPROVED


def give_voucher_code(application: VoucherApplication) -> str:
    """The application's voucher code, made on its first approval and never changed
    (a reconsideration or a move up from the waitlist keeps it)."""
    while not application.voucher_code:
        code = new_code()
        taken = select(VoucherApplication.id).where(
            VoucherApplication.voucher_code == code
        )
        if db.session.scalar(taken) is None:  # a clash is ~2^-78, but never twice
            application.voucher_code = code
    return application.voucher_code


def _reserve(application: VoucherApplication, actor: User | None, action: str) -> None:
    application.reserved_cents = application.voucher_cents
    give_voucher_code(application)
    _move(
        application,
        S.APPROVED,
        actor,
        action,
        reserved=application.voucher_cents,
        voucher_code=application.voucher_code,
    )


def promote_waitlist(fund: Fund) -> list[VoucherApplication]:
    """Approve waiting applications in order of submission while the money lasts.

    Strict order: when the first in line does not fit, nobody behind it jumps ahead
    (no first-come chaos, no small request overtaking a larger earlier one). Call only
    under `lock_budget(fund.id)`.
    """
    waiting = db.session.scalars(
        select(VoucherApplication)
        .join(DeskCase)
        .where(VoucherApplication.fund_id == fund.id, DeskCase.status == S.WAITLISTED)
        .order_by(VoucherApplication.submitted_at, VoucherApplication.id)
    ).all()
    remaining = budget_state(fund).remaining_cents
    promoted = []
    for application in waiting:
        if application.voucher_cents > remaining:
            break
        _reserve(application, None, "moved_up")
        remaining -= application.voucher_cents
        promoted.append(application)
    db.session.flush()
    return promoted


def _end(
    application: VoucherApplication,
    target: S,
    actor: User | None,
    action: str,
    why: str,
) -> None:
    """Reject, withdraw or expire: release any reservation, then let the waitlist move."""
    fund = _fresh(application)
    released = application.reserved_cents
    application.reserved_cents = 0
    _move(application, target, actor, action, why, released=released)
    db.session.flush()
    promote_waitlist(fund)


def reject(application: VoucherApplication, adviser: User, reason: str) -> None:
    """Reject with a reason in Dutch: the decision text the resident reads."""
    if not reason.strip():
        raise VoucherError(_("Schrijf waarom de aanvraag wordt afgewezen."))
    if application.case.status == S.SUBMITTED:
        take_on(application, adviser)
    application.decision_text = reason.strip()
    _end(application, S.REJECTED, adviser, "rejected", reason.strip())


def withdraw(application: VoucherApplication, actor: User, why: str = "") -> None:
    """The resident withdraws while undecided (or an adviser records that they will
    not start after approval); the money goes to the next in line."""
    _end(application, S.WITHDRAWN, actor, "withdrawn", why.strip())


def request_information(
    application: VoucherApplication, adviser: User, question: str, today: date
) -> CaseNote:
    """Ask the resident for more; the decision deadline stops until it comes."""
    if not question.strip():
        raise VoucherError(_("Schrijf wat u nog nodig hebt."))
    if application.case.status == S.SUBMITTED:
        take_on(application, adviser)
    note = CaseNote(
        case=application.case, author=adviser, visibility="reply", body=question.strip()
    )
    db.session.add(note)
    application.suspended_on = today
    _move(application, S.MORE_INFO_NEEDED, adviser, "information_requested", question)
    db.session.flush()
    return note


def resume(
    application: VoucherApplication, actor: User, today: date, answer: str = ""
) -> None:
    """The information came: the deadline runs again, moved by the days it stood still."""
    if application.suspended_on and application.decision_due:
        application.decision_due += today - application.suspended_on
    application.suspended_on = None
    if answer.strip():
        db.session.add(
            CaseNote(
                case=application.case,
                author=actor,
                visibility="reply",
                body=answer.strip(),
            )
        )
    _move(application, S.IN_REVIEW, actor, "information_received", answer.strip())
    db.session.flush()
