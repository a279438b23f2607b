"""Loket pages: an overview per region and one page per loket."""

from flask import Blueprint, abort, render_template
from sqlalchemy import select

from portal.clock import today
from portal.extensions import db
from portal.lokets.models import Loket
from portal.lokets.vocab import type_order
from portal.regions.models import Region

bp = Blueprint("lokets", __name__)


@bp.get("/lokets")
def index():
    day = today()
    regions = db.session.scalars(select(Region).order_by(Region.name)).all()
    lokets = db.session.scalars(select(Loket).order_by(Loket.name)).all()
    open_lokets = sorted(
        (lk for lk in lokets if lk.is_open_on(day)),
        key=lambda lk: (type_order(lk.type), lk.name),
    )
    by_region = {
        r.id: [lk for lk in open_lokets if lk.region_id == r.id] for r in regions
    }
    national = [lk for lk in open_lokets if lk.region_id is None]
    return render_template(
        "lokets/index.html", regions=regions, by_region=by_region, national=national
    )


@bp.get("/loket/<slug>")
def detail(slug: str):
    loket = db.session.scalar(select(Loket).where(Loket.slug == slug))
    if loket is None:
        abort(404)
    return render_template(
        "lokets/detail.html", loket=loket, is_open=loket.is_open_on(today())
    )
