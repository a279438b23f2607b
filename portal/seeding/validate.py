"""Shape checks for seed records, so a typo in a seed file fails loudly with its key."""

from portal.catalog.vocab import DELIVERIES, FORMS, LEVELS, PROVIDER_KINDS, SECTORS
from portal.lokets.vocab import LOKET_TYPES, SERVES


class SeedError(ValueError):
    pass


def _check(record: dict, key: str, field: str, allowed) -> None:
    value = record.get(field)
    if value not in allowed:
        raise SeedError(
            f"{record.get(key)}: {field}={value!r} is not one of {sorted(allowed)}"
        )


def loket(record: dict) -> None:
    _check(record, "slug", "type", LOKET_TYPES)
    for value in record.get("serves") or []:
        if value not in SERVES:
            raise SeedError(f"{record['slug']}: serves {value!r} unknown")


def provider(record: dict) -> None:
    _check(record, "slug", "kind", PROVIDER_KINDS)


def course(record: dict) -> None:
    record["level"] = str(record.get("level"))
    for field, allowed in (
        ("level", LEVELS),
        ("form", FORMS),
        ("sector", SECTORS),
        ("delivery", DELIVERIES),
    ):
        _check(record, "external_id", field, allowed)
    price = record.get("price_cents")
    if not isinstance(price, int) or price < 0:
        raise SeedError(
            f"{record['external_id']}: price_cents must be a whole number ≥ 0"
        )


def fund(record: dict) -> None:
    for sector in record.get("sectors") or []:
        if sector not in SECTORS:
            raise SeedError(f"{record['slug']}: sector {sector!r} unknown")
    if record["period_end"] < record["period_start"]:
        raise SeedError(f"{record['slug']}: period ends before it starts")


def _split(value: str) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def csv_course_row(row: dict) -> dict:
    """Turn a row of courses_demo.csv (all strings) into a course record."""
    try:
        return {
            **row,
            "locations": _split(row.get("locations", "")),
            "starts": _split(row.get("starts", "")),
            "demo_fields": _split(row.get("demo_fields", "")),
            "price_cents": int(row["price_cents"]),
            "duration_hours": int(row["duration_hours"])
            if row.get("duration_hours")
            else None,
            "kansrijk": row.get("kansrijk", "").strip().lower() == "true",
            "crebo": row.get("crebo") or None,
        }
    except (KeyError, ValueError) as exc:
        raise SeedError(f"{row.get('external_id')}: bad CSV row ({exc})") from exc
