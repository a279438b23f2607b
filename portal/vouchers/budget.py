"""A fund's money: what is still free (public meter, desk, API) and the lock under which
approvals spend it."""

from dataclasses import dataclass

from sqlalchemy import func, select

from portal.catalog.models import Fund
from portal.extensions import db
from portal.vouchers.models import VoucherApplication


@dataclass(frozen=True)
class BudgetState:
    """A fund's money in cents. reserved + paid + remaining is always the budget."""

    budget_cents: int
    reserved_cents: int
    paid_cents: int
    max_voucher_cents: int

    @property
    def remaining_cents(self) -> int:
        return self.budget_cents - self.reserved_cents - self.paid_cents

    @property
    def vouchers_left(self) -> int:
        """Roughly how many vouchers the remaining money pays for, counting each at
        the maximum amount: a lower bound, since many vouchers are smaller."""
        if self.max_voucher_cents <= 0:
            return 0
        return max(self.remaining_cents, 0) // self.max_voucher_cents


def budget_state(fund: Fund) -> BudgetState:
    """The fund's budget and what its applications hold: reserved (approved, not yet
    completed) and paid (completed). Inside `lock_budget` this reads committed data
    that no other approval can change until this transaction ends."""
    reserved, paid = db.session.execute(
        select(
            func.coalesce(func.sum(VoucherApplication.reserved_cents), 0),
            func.coalesce(func.sum(VoucherApplication.paid_cents), 0),
        ).where(VoucherApplication.fund_id == fund.id)
    ).one()
    return BudgetState(
        budget_cents=fund.budget_cents,
        reserved_cents=int(reserved),
        paid_cents=int(paid),
        max_voucher_cents=fund.max_voucher_cents,
    )


def lock_budget(fund_id: int) -> Fund:
    """Take the fund's budget lock for the rest of the transaction, and return the fund.

    Every change of a fund's reserved money runs after this call, so a budget check and
    the reservation it allows cannot interleave with another approval's:

    - PostgreSQL: `SELECT … FOR UPDATE` on the fund row; other approvals of the same
      fund wait for our commit, approvals of other funds do not.
    - SQLite has no row locks: the transaction becomes an immediate one (`BEGIN
      IMMEDIATE`, the database's write lock) before the budget is read. pysqlite opens
      its own transaction only at the first write, so until then reads ran outside any
      transaction and we can start it here ourselves; if this session already wrote,
      it already holds the write lock. Nothing changes for the engine's other
      transactions, which stay deferred.
    """
    connection = db.session.connection()
    if connection.dialect.name == "sqlite":
        if not connection.connection.driver_connection.in_transaction:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        query = select(Fund).where(Fund.id == fund_id)
    else:
        query = select(Fund).where(Fund.id == fund_id).with_for_update()
    # Re-read under the lock: what this session loaded before may be stale.
    return db.session.execute(
        query.execution_options(populate_existing=True)
    ).scalar_one()
