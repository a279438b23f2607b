"""Writing the anonymous search log."""

import logging

from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from portal.catalog.models import ProviderLocation
from portal.extensions import db
from portal.regions.models import Municipality, Region
from portal.search.analysis import fold
from portal.search.models import SearchLog
from portal.search.params import SearchRequest

log = logging.getLogger(__name__)


def normalize(query: str) -> str:
    """The form queries are grouped by: lower case, no accents, single spaces."""
    return " ".join(fold(query).split())[:200]


def place_regions() -> dict[str, str]:
    """Folded municipality and town names → region slug, read once per process."""
    cache = current_app.extensions.setdefault("search_places", {})
    if not cache:
        rows = db.session.execute(
            select(Municipality.name, Region.slug).join(
                Region, Municipality.region_id == Region.id
            )
        ).all()
        rows += db.session.execute(
            select(ProviderLocation.town, Region.slug)
            .join(Municipality, ProviderLocation.municipality_id == Municipality.id)
            .join(Region, Municipality.region_id == Region.id)
        ).all()
        cache.update({fold(name): slug for name, slug in rows if name})
    return cache


def region_of(request: SearchRequest) -> str | None:
    """The region a search is about: its one region filter, else a place it names
    ("heftruck Goes" → zeeland)."""
    regions = request.selected("region")
    if len(regions) == 1:
        return regions[0]
    if regions:
        return None
    places = place_regions()
    words = fold(request.q).split()
    found = {places[w] for w in words if w in places}
    found |= {
        places[f"{a} {b}"]
        for a, b in zip(words, words[1:], strict=False)
        if f"{a} {b}" in places
    }
    return found.pop() if len(found) == 1 else None


def log_search(request: SearchRequest, total: int, source: str) -> None:
    """Record one search (first pages only: paging is not a new search). A failure to
    log never costs the resident their results."""
    if request.page != 1:
        return
    filters = {name: list(values) for name, values in request.filters}
    try:
        db.session.add(
            SearchLog(
                query=request.q,
                normalized=normalize(request.q),
                filters=filters,
                region=region_of(request),
                result_count=total,
                source=source,
            )
        )
        db.session.commit()
    except SQLAlchemyError:
        db.session.rollback()
        log.exception("could not log a search")
