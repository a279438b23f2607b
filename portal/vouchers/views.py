"""Voucher pages for residents: the calculator "Wat kost het mij?"."""

from flask import Blueprint, abort, render_template, request

from portal.catalog.queries import get_course
from portal.clock import today
from portal.vouchers.calculator import run_calculator
from portal.vouchers.vocab import ROUTES, SLIM_URL

bp = Blueprint("vouchers", __name__)


@bp.get("/vouchers/wat-kost-het")
def calculator():
    course = None
    course_id = request.args.get("course_id", "")
    if course_id:
        # A database id has at most 9 digits here; more would overflow the column.
        valid = course_id.isdigit() and len(course_id) <= 9
        course = get_course(int(course_id)) if valid else None
        if course is None:
            abort(404)
    calc = run_calculator(request.args, today(), course)
    return render_template("vouchers/calculator.html", calc=calc)


@bp.app_context_processor
def voucher_texts():
    """The texts of the other routes, for the calculator on every course page too."""
    return {"VOUCHER_ROUTES": ROUTES, "SLIM_URL": SLIM_URL}
