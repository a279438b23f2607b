"""Reading the search log for the demand-signal dashboard."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from portal.catalog.filters import FilterError
from portal.catalog.vocab import REGION_SLUGS
from portal.extensions import db
from portal.search.models import SearchLog
from portal.search.signals import LOCAL, LogRow, Summary, Week, summarize

DEFAULT_WEEKS = 12
MAX_DAYS = 366 * 2


@dataclass(frozen=True)
class Period:
    region: str | None
    start: date
    end: date


def _date(raw: str | None, default: date, label: str) -> date:
    if not raw:
        return default
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        raise FilterError(
            "invalid_date", f"{label} is geen geldige datum. Gebruik jjjj-mm-dd."
        ) from None


def parse_period(args, today: date) -> Period:
    region = (args.get("region") or "").strip() or None
    if region and region not in REGION_SLUGS:
        raise FilterError(
            "invalid_region", f"Onbekende regio. Kies uit: {', '.join(REGION_SLUGS)}."
        )
    end = _date(args.get("tot"), today, "De einddatum")
    start = _date(
        args.get("van"),
        end - timedelta(weeks=DEFAULT_WEEKS) + timedelta(days=1),
        "De begindatum",
    )
    if start > end:
        raise FilterError("invalid_period", "De begindatum ligt na de einddatum.")
    if (end - start).days > MAX_DAYS:
        raise FilterError("invalid_period", "Kies een periode van hoogstens twee jaar.")
    return Period(region, start, end)


def signal_summary(period: Period) -> Summary:
    start = datetime.combine(period.start, time.min, tzinfo=LOCAL).astimezone(UTC)
    end = datetime.combine(
        period.end + timedelta(days=1), time.min, tzinfo=LOCAL
    ).astimezone(UTC)
    query = select(
        SearchLog.created_at, SearchLog.normalized, SearchLog.result_count
    ).where(SearchLog.created_at >= start, SearchLog.created_at < end)
    if period.region:
        query = query.where(SearchLog.region == period.region)
    rows = [LogRow(*r) for r in db.session.execute(query)]
    return summarize(rows, period.start, period.end)


def week_chart(weeks: list[Week], width: int = 640, height: int = 160) -> dict:
    """Bar geometry for the SVG chart (the template draws it; a table gives the same data)."""
    peak = max((w.searches for w in weeks), default=0) or 1
    bar = width / max(len(weeks), 1)
    bars = []
    for i, w in enumerate(weeks):
        h = round(w.searches / peak * (height - 20), 1)
        z = round(w.zero_results / peak * (height - 20), 1)
        bars.append(
            {
                "x": round(i * bar + 2, 1),
                "w": round(bar - 4, 1),
                "h": h,
                "y": round(height - h, 1),
                "zh": z,
                "zy": round(height - z, 1),
                "week": w,
            }
        )
    return {"width": width, "height": height, "bars": bars, "peak": peak}
