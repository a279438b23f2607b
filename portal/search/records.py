"""The database records behind search hits, for result cards and URLs (one query per
type on a page, so the index can stay lean)."""

from flask import url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.catalog.models import Course, Fund, Initiative, Provider
from portal.extensions import db
from portal.lokets.models import Loket

_LOADERS = {
    "course": lambda ids: select(Course)
    .where(Course.id.in_(ids))
    .options(selectinload(Course.provider), selectinload(Course.locations)),
    "loket": lambda ids: select(Loket).where(Loket.id.in_(ids)),
    "provider": lambda ids: select(Provider).where(Provider.id.in_(ids)),
    "fund": lambda ids: select(Fund)
    .where(Fund.id.in_(ids))
    .options(selectinload(Fund.region)),
    "initiative": lambda ids: select(Initiative).where(Initiative.id.in_(ids)),
}


def load_records(hits) -> dict[tuple[str, int], object]:
    records = {}
    for kind, loader in _LOADERS.items():
        ids = [h.id for h in hits if h.type == kind]
        if ids:
            for record in db.session.scalars(loader(ids)):
                records[(kind, record.id)] = record
    return records


def url_for_record(kind: str, record, external: bool = False) -> str:
    if kind == "course":
        return url_for("catalog.course", course_id=record.id, _external=external)
    endpoint = {
        "loket": "lokets.detail",
        "provider": "catalog.provider",
        "fund": "catalog.fund",
        "initiative": "catalog.initiative",
    }[kind]
    return url_for(endpoint, slug=record.slug, _external=external)
