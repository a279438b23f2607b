"""The adapter between the Fund row and the pure rules: one frozen FundPolicy per fund."""

from sqlalchemy import select

from portal.catalog.models import Fund
from portal.extensions import db
from portal.vouchers.rules import CopayShare, FundPolicy


def policy_for(fund: Fund) -> FundPolicy:
    """The fund's parameters as the rules read them. Bad seed data (a situation without
    a share, a share that is no fraction) fails here, loudly, not in a quote."""
    return FundPolicy(
        region=fund.region.slug,
        region_name=fund.region.name,
        fund_name=fund.name,
        min_age=fund.min_age,
        max_age=fund.max_age,
        max_voucher_cents=fund.max_voucher_cents,
        max_grants_per_year=fund.max_grants_per_person_per_year,
        sectors=frozenset(fund.sectors),
        copay_shares=tuple(
            (situation, CopayShare(raw["payer"], int(raw["num"]), int(raw["den"])))
            for situation, raw in sorted(fund.copay_shares.items())
        ),
    )


def fund_for_region(region_id: int | None) -> Fund | None:
    """The voucher fund of a region (one per region in the seed), or None."""
    if region_id is None:
        return None
    return db.session.scalar(
        select(Fund).where(Fund.region_id == region_id).order_by(Fund.id).limit(1)
    )
