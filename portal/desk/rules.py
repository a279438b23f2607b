"""Desk rules: who may see a case, how long personal data is kept. Pure functions."""

from collections.abc import Collection
from datetime import datetime, timedelta

# The consent text promises this: a closed question's personal data is erased after
# twelve months (`flask desk purge`, run daily).
RETENTION_MONTHS = 12
RETENTION = timedelta(days=365)


def can_see_case(
    role: str,
    loket_ids: Collection[int],
    region_ids: Collection[int],
    case_loket_id: int,
    case_region_id: int | None,
) -> bool:
    """Admins see every case; an adviser only the cases of their own lokets and regions.

    Source: the desk's need-to-know principle (AVG art. 5(1)(c), data minimisation).
    """
    if role == "admin":
        return True
    if role != "adviser":
        return False
    return case_loket_id in loket_ids or (
        case_region_id is not None and case_region_id in region_ids
    )


def erase_due(closed_at: datetime | None, now: datetime) -> bool:
    """Whether a closed case has passed its retention period."""
    return closed_at is not None and closed_at + RETENTION <= now
