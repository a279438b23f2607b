"""Catalogue pages: course list and detail, providers, initiatives, funds."""

from flask import Blueprint, abort, render_template, request
from sqlalchemy import select

from portal.catalog.filters import FilterError, parse_course_filters
from portal.catalog.models import Course, Fund, Initiative, Provider
from portal.catalog.queries import get_course, list_courses
from portal.clock import today
from portal.extensions import db
from portal.regions.models import Region
from portal.vouchers.budget import budget_state
from portal.vouchers.calculator import run_calculator

bp = Blueprint("catalog", __name__)


def _get_by_slug_or_404(model, slug: str):
    obj = db.session.scalar(select(model).where(model.slug == slug))
    if obj is None:
        abort(404)
    return obj


@bp.get("/opleidingen")
def courses():
    regions = db.session.scalars(select(Region).order_by(Region.name)).all()
    try:
        filters = parse_course_filters(request.args)
    except FilterError as exc:
        return render_template(
            "catalog/courses.html",
            error=exc.message_nl,
            page=None,
            filters=None,
            regions=regions,
        ), 400
    return render_template(
        "catalog/courses.html",
        page=list_courses(filters),
        filters=filters,
        regions=regions,
        today=today(),
        error=None,
    )


@bp.get("/opleiding/<int:course_id>")
def course(course_id: int):
    course = get_course(course_id)
    if course is None:
        abort(404)
    funds = db.session.scalars(
        select(Fund).where(Fund.region_id == course.region_id)
    ).all()
    return render_template(
        "catalog/course.html",
        course=course,
        funds=funds,
        calculator=run_calculator(request.args, today(), course),
        today=today(),
    )


@bp.get("/aanbieder/<slug>")
def provider(slug: str):
    provider = _get_by_slug_or_404(Provider, slug)
    courses = db.session.scalars(
        select(Course)
        .where(Course.provider_id == provider.id, Course.withdrawn_at.is_(None))
        .order_by(Course.title)
    ).all()
    return render_template("catalog/provider.html", provider=provider, courses=courses)


@bp.get("/initiatief/<slug>")
def initiative(slug: str):
    return render_template(
        "catalog/initiative.html", initiative=_get_by_slug_or_404(Initiative, slug)
    )


@bp.get("/vouchers")
def funds():
    funds = db.session.scalars(select(Fund).order_by(Fund.name)).all()
    budgets = {fund.id: budget_state(fund) for fund in funds}
    return render_template("catalog/funds.html", funds=funds, budgets=budgets)


@bp.get("/fonds/<slug>")
def fund(slug: str):
    fund = _get_by_slug_or_404(Fund, slug)
    return render_template("catalog/fund.html", fund=fund, budget=budget_state(fund))
