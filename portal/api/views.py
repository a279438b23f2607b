"""JSON API /api/v1 (English field names, Dutch error messages). Thin: reuses the
catalogue queries and models."""

from flask import Blueprint, jsonify, request, url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.catalog.filters import FilterError, parse_course_filters
from portal.catalog.queries import get_course, list_courses
from portal.catalog.vocab import REGION_SLUGS
from portal.errors import api_error
from portal.extensions import csrf, db
from portal.lokets.models import Loket
from portal.regions.models import Region

bp = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)


def loket_json(loket: Loket) -> dict:
    return {
        "id": loket.id,
        "name": loket.name,
        "type": loket.type,
        "region": loket.region.slug if loket.region else None,
        "town": loket.town,
        "address": loket.address,
        "phone": loket.phone,
        "email": loket.email,
        "url": url_for("lokets.detail", slug=loket.slug, _external=True),
    }


def course_json(course, detail: bool = False) -> dict:
    data = {
        "id": course.id,
        "title": course.title,
        "provider": course.provider.name,
        "region": course.region.slug if course.region else None,
        "sector": course.sector,
        "level": course.level,
        "form": course.form,
        "price_cents": course.price_cents,
        "kansrijk": course.kansrijk,
        "url": url_for("catalog.course", course_id=course.id, _external=True),
    }
    if detail:
        data.update(
            external_id=course.external_id,
            description=course.description_nl,
            crebo=course.crebo,
            duration=course.duration_nl,
            duration_hours=course.duration_hours,
            delivery=course.delivery,
            locations=[
                {"name": loc.name, "town": loc.town, "postcode": loc.postcode}
                for loc in course.locations
            ],
            starts=[s.starts_on.isoformat() for s in course.starts if not s.cancelled],
            demo_fields=course.demo_fields,
        )
    return data


@bp.get("/regions")
def regions():
    found = db.session.scalars(
        select(Region)
        .options(selectinload(Region.municipalities))
        .order_by(Region.name)
    ).all()
    return jsonify(
        [
            {
                "slug": r.slug,
                "name": r.name,
                "municipalities": [m.name for m in r.municipalities],
            }
            for r in found
        ]
    )


@bp.get("/lokets")
def lokets():
    region = (request.args.get("region") or "").strip()
    query = select(Loket).options(selectinload(Loket.region)).order_by(Loket.name)
    if region:
        if region not in REGION_SLUGS:
            return api_error(
                400,
                "invalid_region",
                f"Onbekende regio '{region[:40]}'. Kies uit: {', '.join(REGION_SLUGS)}.",
            )
        query = query.join(Region, Loket.region_id == Region.id).where(
            Region.slug == region
        )
    results = [loket_json(lk) for lk in db.session.scalars(query)]
    return jsonify({"total": len(results), "results": results})


@bp.get("/courses")
def courses():
    try:
        filters = parse_course_filters(request.args)
    except FilterError as exc:
        return api_error(400, exc.code, exc.message_nl)
    page = list_courses(filters)
    return jsonify(
        {
            "total": page.total,
            "page": page.page,
            "per_page": page.per_page,
            "results": [course_json(c) for c in page.courses],
        }
    )


@bp.get("/courses/<int:course_id>")
def course(course_id: int):
    found = get_course(course_id)
    if found is None:
        return api_error(404, "not_found", "Deze opleiding bestaat niet (meer).")
    return jsonify(course_json(found, detail=True))
