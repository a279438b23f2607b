"""Region pages and the postcode look-up."""

from flask import Blueprint, abort, redirect, render_template, request, url_for
from sqlalchemy import func, select

from portal.catalog.models import Course, Fund, Initiative, Provider, provider_regions
from portal.clock import today
from portal.extensions import db
from portal.lokets.models import Loket
from portal.lokets.vocab import type_order
from portal.regions.models import Region, municipality_for_pc4
from portal.regions.postcodes import InvalidPostcode, parse_postcode

bp = Blueprint("regions", __name__)


def get_region_or_404(slug: str) -> Region:
    region = db.session.scalar(select(Region).where(Region.slug == slug))
    if region is None:
        abort(404)
    return region


@bp.get("/regio/<slug>")
def region(slug: str):
    region = get_region_or_404(slug)
    day = today()
    in_region = db.session.scalars(select(Loket).where(Loket.region_id == region.id))
    lokets = sorted(
        (lk for lk in in_region if lk.is_open_on(day)),
        key=lambda lk: (type_order(lk.type), lk.name),
    )
    providers = db.session.scalars(
        select(Provider)
        .join(provider_regions)
        .where(provider_regions.c.region_id == region.id)
        .order_by(Provider.name)
    ).all()
    initiatives = db.session.scalars(
        select(Initiative)
        .where(Initiative.region_id == region.id)
        .order_by(Initiative.name)
    ).all()
    funds = db.session.scalars(select(Fund).where(Fund.region_id == region.id)).all()
    course_count = db.session.scalar(
        select(func.count(Course.id)).where(
            Course.region_id == region.id, Course.withdrawn_at.is_(None)
        )
    )
    return render_template(
        "regions/region.html",
        region=region,
        lokets=lokets,
        providers=providers,
        initiatives=initiatives,
        funds=funds,
        course_count=course_count,
    )


@bp.get("/postcode")
def postcode_lookup():
    """Send a resident from their postcode to their region page."""
    raw = request.args.get("postcode", "")
    try:
        postcode = parse_postcode(raw)
    except InvalidPostcode as exc:
        return render_template(
            "regions/postcode.html", postcode=raw, error=exc.message_nl
        ), 400
    municipality = municipality_for_pc4(postcode.pc4)
    if municipality is None:
        return render_template(
            "regions/postcode.html",
            postcode=str(postcode),
            error=None,
            outside=True,
        )
    return redirect(
        url_for(
            "regions.region", slug=municipality.region.slug, gemeente=municipality.slug
        )
    )
