"""Home, static information pages, language switch and the health check."""

from flask import (
    Blueprint,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    session,
)
from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError

from portal.catalog.models import Course, Fund
from portal.extensions import db
from portal.lokets.models import Loket
from portal.pages.navigation import safe_next_url
from portal.regions.models import Region

bp = Blueprint("pages", __name__)


@bp.get("/")
def home():
    regions = db.session.scalars(select(Region).order_by(Region.name)).all()
    counts = {
        "courses": db.session.scalar(
            select(func.count(Course.id)).where(Course.withdrawn_at.is_(None))
        ),
        "lokets": db.session.scalar(select(func.count(Loket.id))),
        "funds": db.session.scalar(select(func.count(Fund.id))),
    }
    return render_template("pages/home.html", regions=regions, counts=counts)


@bp.get("/privacy")
def privacy():
    return render_template("pages/privacy.html")


@bp.get("/toegankelijkheid")
def accessibility():
    return render_template("pages/accessibility.html")


@bp.get("/taal/<code>")
def switch_language(code: str):
    if code in current_app.config["LANGUAGES"]:
        session["lang"] = code
    return redirect(safe_next_url(request.args.get("next")))


@bp.get("/healthz")
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        db.session.rollback()
        return jsonify({"status": "unavailable", "database": "error"}), 503
    return jsonify({"status": "ok", "database": "ok"})
