"""The search page /zoeken: works without JavaScript (GET parameters, shareable URLs)."""

from flask import Blueprint, Response, render_template, request, url_for
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from portal.accounts.access import role_required
from portal.catalog.filters import FilterError
from portal.clock import today
from portal.extensions import db
from portal.regions.models import Municipality, Region
from portal.search import engine
from portal.search.labels import (
    FACET_ORDER,
    FACET_TITLES,
    SORTS,
    ordered_values,
    value_label,
)
from portal.search.params import parse_search_args
from portal.search.records import load_records, url_for_record
from portal.search.searchlog import log_search
from portal.search.signals import to_csv
from portal.search.signals_query import parse_period, signal_summary, week_chart

bp = Blueprint("search", __name__)


def place_names() -> dict[str, str]:
    rows = db.session.execute(select(Region.slug, Region.name)).all()
    rows += db.session.execute(select(Municipality.slug, Municipality.name)).all()
    return dict(rows)


def url_with(args: MultiDict, **changes) -> str:
    """This search's URL with some parameters replaced (None removes one)."""
    merged = MultiDict(args)
    for key, value in changes.items():
        merged.poplist(key)
        if value is not None:
            merged.setlist(key, value if isinstance(value, list) else [value])
    merged.poplist("page") if "page" not in changes else None
    return url_for("search.search", **merged.to_dict(flat=False))


@bp.get("/zoeken")
def search():
    try:
        req = parse_search_args(request.args)
    except FilterError as exc:
        return render_template(
            "search/search.html", error=exc.message_nl, page=None, args=request.args
        ), 400
    page = engine.service().search(req)
    log_search(req, page.total, "page")
    return render_template(
        "search/search.html",
        error=None,
        page=page,
        req=req,
        args=request.args,
        records=load_records(page.hits),
        url_for_record=url_for_record,
        names=place_names(),
        facet_order=FACET_ORDER,
        facet_titles=FACET_TITLES,
        sorts=SORTS,
        value_label=value_label,
        ordered_values=ordered_values,
        url_with=url_with,
    )


@bp.get("/vraagsignalering")
@role_required("adviser", "admin")
def signals():
    regions = db.session.scalars(select(Region).order_by(Region.name)).all()
    try:
        period = parse_period(request.args, today())
    except FilterError as exc:
        return render_template(
            "search/signals.html",
            error=exc.message_nl,
            regions=regions,
            args=request.args,
        ), 400
    summary = signal_summary(period)
    return render_template(
        "search/signals.html",
        error=None,
        regions=regions,
        args=request.args,
        period=period,
        summary=summary,
        chart=week_chart(summary.weeks),
    )


@bp.get("/vraagsignalering.csv")
@role_required("adviser", "admin")
def signals_csv():
    try:
        period = parse_period(request.args, today())
    except FilterError as exc:
        return Response(exc.message_nl, status=400, mimetype="text/plain")
    filename = f"vraagsignalen-{period.region or 'alle-regios'}-{period.start}-{period.end}.csv"
    return Response(
        "\ufeff" + to_csv(signal_summary(period)),  # BOM: Excel reads the accents right
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
