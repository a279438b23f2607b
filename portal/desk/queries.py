"""Desk reads: the queue an adviser may see, one case with its access check."""

import math
from collections.abc import Mapping
from dataclasses import dataclass

from flask import abort
from sqlalchemy import ColumnElement, false, func, or_, select, true
from sqlalchemy.orm import selectinload

from portal.accounts.models import User
from portal.catalog.models import Fund
from portal.desk.models import DeskCase
from portal.desk.rules import can_see_case
from portal.desk.workflow import ADVISER_ROLES, CONTACT_REQUEST, WORKFLOWS
from portal.extensions import db
from portal.lokets.models import Loket
from portal.vouchers.models import VoucherApplication

PER_PAGE = 20
OPEN = "open"
ALL = "all"
STATUS_FILTERS = (
    OPEN,
    *dict.fromkeys(s for w in WORKFLOWS.values() for s in w.statuses),
    ALL,
)
ASSIGNED_FILTERS = ("", "me", "none")
# "Mijn vragen" lists questions; voucher applications have "Mijn aanvragen".
CONTACT = CONTACT_REQUEST.kind


def _ids(items) -> list[int]:
    return [item.id for item in items]


def visible_to(user: User) -> ColumnElement[bool]:
    """SQL for `rules.can_see_case`: which cases `user` may see."""
    if user.role == "admin":
        return true()
    if user.role != "adviser":
        return false()
    return or_(
        DeskCase.loket_id.in_(_ids(user.lokets)),
        DeskCase.region_id.in_(_ids(user.regions)),
    )


def may_see(user: User, case: DeskCase) -> bool:
    return can_see_case(
        user.role, _ids(user.lokets), _ids(user.regions), case.loket_id, case.region_id
    )


def get_case_or_404(case_id: int, for_user: User) -> DeskCase:
    """The case, when `for_user` may see it; a 404 otherwise (never a hint it exists)."""
    case = db.session.get(DeskCase, case_id)
    if case is None or not may_see(for_user, case):
        abort(404)
    return case


def get_own_case_or_404(case_id: int, for_user: User) -> DeskCase:
    """A question the user sent in themselves ("Mijn vragen")."""
    case = db.session.get(DeskCase, case_id)
    if case is None or case.requester_id != for_user.id or case.kind != CONTACT:
        abort(404)
    return case


def own_cases(user: User) -> list[DeskCase]:
    return db.session.scalars(
        select(DeskCase)
        .where(DeskCase.requester_id == user.id, DeskCase.kind == CONTACT)
        .options(selectinload(DeskCase.loket))
        .order_by(DeskCase.created_at.desc(), DeskCase.id.desc())
    ).all()


def assignees(case: DeskCase) -> list[User]:
    """Active advisers and admins who may see the case, by name."""
    candidates = db.session.scalars(
        select(User)
        .where(User.role.in_(ADVISER_ROLES), User.active.is_(True))
        .order_by(User.name)
    ).all()
    return [user for user in candidates if may_see(user, case)]


def filter_lokets(user: User) -> list[Loket]:
    """The lokets to offer in the queue's filter: those with cases the user may see."""
    return db.session.scalars(
        select(Loket)
        .where(Loket.id.in_(select(DeskCase.loket_id).where(visible_to(user))))
        .order_by(Loket.name)
    ).all()


def filter_funds(user: User) -> list[Fund]:
    """The funds to offer in the queue's filter: those of voucher cases the user sees."""
    visible = select(VoucherApplication.fund_id).join(DeskCase).where(visible_to(user))
    return db.session.scalars(
        select(Fund).where(Fund.id.in_(visible)).order_by(Fund.name)
    ).all()


@dataclass(frozen=True)
class QueueFilters:
    status: str = OPEN
    loket_id: int | None = None
    assigned: str = ""
    fund_id: int | None = None

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> "QueueFilters":
        """Unknown values fall back to the defaults: a filter never breaks the page."""
        status = args.get("status") or OPEN
        assigned = args.get("assigned") or ""
        loket = args.get("loket") or ""
        fund = args.get("fund") or ""
        return cls(
            status=status if status in STATUS_FILTERS else OPEN,
            loket_id=int(loket) if loket.isdigit() and len(loket) <= 9 else None,
            assigned=assigned if assigned in ASSIGNED_FILTERS else "",
            fund_id=int(fund) if fund.isdigit() and len(fund) <= 9 else None,
        )

    def args(self) -> dict[str, str]:
        found = {"status": self.status, "assigned": self.assigned}
        if self.loket_id:
            found["loket"] = str(self.loket_id)
        if self.fund_id:
            found["fund"] = str(self.fund_id)
        return {k: v for k, v in found.items() if v}


@dataclass(frozen=True)
class QueuePage:
    cases: list[DeskCase]
    total: int
    page: int
    pages: int


def queue(user: User, filters: QueueFilters, page: int = 1) -> QueuePage:
    """The cases `user` may see, filtered, oldest open question first."""
    query = select(DeskCase).where(visible_to(user))
    if filters.status == OPEN:
        finals = {s for w in WORKFLOWS.values() for s in w.ends}
        query = query.where(DeskCase.status.not_in(finals))
    elif filters.status != ALL:
        query = query.where(DeskCase.status == filters.status)
    if filters.loket_id:
        query = query.where(DeskCase.loket_id == filters.loket_id)
    if filters.fund_id:
        of_fund = select(VoucherApplication.case_id).where(
            VoucherApplication.fund_id == filters.fund_id
        )
        query = query.where(DeskCase.id.in_(of_fund))
    if filters.assigned == "me":
        query = query.where(DeskCase.assigned_to_id == user.id)
    elif filters.assigned == "none":
        query = query.where(DeskCase.assigned_to_id.is_(None))
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    pages = max(1, math.ceil(total / PER_PAGE))
    page = min(max(page, 1), pages)
    cases = db.session.scalars(
        query.options(
            selectinload(DeskCase.loket),
            selectinload(DeskCase.assigned_to),
            selectinload(DeskCase.contact_request),
            selectinload(DeskCase.voucher),
            selectinload(DeskCase.requester),
        )
        .order_by(DeskCase.created_at, DeskCase.id)
        .offset((page - 1) * PER_PAGE)
        .limit(PER_PAGE)
    ).all()
    return QueuePage(cases=cases, total=total, page=page, pages=pages)
