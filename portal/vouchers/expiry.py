"""Approved vouchers that are not started in time lapse (`flask vouchers expire`).

The fund sets how many weeks a resident has to start after approval. A lapsed
voucher releases its reservation, and the waitlist moves up in the same transaction.
Flushes, never commits: the CLI command commits once.
"""

from datetime import date, timedelta

from sqlalchemy import select

from portal.desk.models import DeskCase
from portal.extensions import db
from portal.vouchers.models import VoucherApplication
from portal.vouchers.services import _end
from portal.vouchers.workflow import ApplicationStatus as S


def expire_unstarted(today: date) -> int:
    """Approved applications not started within the fund's weeks lapse; their money
    goes to the waitlist. Returns how many lapsed."""
    approved = db.session.scalars(
        select(VoucherApplication).join(DeskCase).where(DeskCase.status == S.APPROVED)
    ).all()
    lapsed = 0
    for application in approved:
        approved_on = _approved_on(application)
        weeks = timedelta(weeks=application.fund.start_within_weeks)
        if approved_on is not None and approved_on + weeks < today:
            _end(application, S.EXPIRED, None, "expired", "")
            lapsed += 1
    return lapsed


def _approved_on(application: VoucherApplication) -> date | None:
    moments = [
        e.created_at.date()
        for e in application.case.events
        if e.to_status == S.APPROVED
    ]
    return max(moments, default=None)


def expire_invitations(today: date, days: int) -> int:
    """Employers' invitations the employee left unanswered for more than `days` lapse
    (the link stopped working then); employer and employee are told."""
    waiting = db.session.scalars(
        select(VoucherApplication)
        .join(DeskCase)
        .where(DeskCase.status == S.AWAITING_EMPLOYEE)
    ).all()
    lapsed = 0
    for application in waiting:
        if application.case.created_at.date() + timedelta(days=days) < today:
            _end(application, S.EXPIRED, None, "invitation_expired", "")
            lapsed += 1
    return lapsed
