"""How much of a fund's budget is still free: the public meter and GET /api/v1/funds."""

from dataclasses import dataclass

from portal.catalog.models import Fund
from portal.vouchers.models import VoucherApplication  # noqa: F401  (slice 2 sums it)


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
    """The fund's budget, reserved, paid and remaining money.

    No voucher applications exist yet (they come with the adviser desk), so nothing is
    reserved or paid and the whole budget is remaining. When the application model
    exists this sums the reservations of approved applications and the payouts of
    completed ones, in the same transaction as an approval's budget check.
    """
    return BudgetState(
        budget_cents=fund.budget_cents,
        reserved_cents=0,
        paid_cents=0,
        max_voucher_cents=fund.max_voucher_cents,
    )
