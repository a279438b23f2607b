"""An employer starts a voucher application for an employee, or takes it back while
the employee has not answered. A blueprint nested in the applications blueprint.

An employer reaches only the applications that name its own KvK number: another
employer's is a 404, never a hint.
"""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from werkzeug.datastructures import CombinedMultiDict

from portal.accounts.access import role_required
from portal.accounts.models import User
from portal.catalog.models import Fund
from portal.catalog.queries import get_course
from portal.clock import today
from portal.extensions import db
from portal.vouchers import invitation, services
from portal.vouchers.invite_forms import EmployerStartForm, WithdrawInvitationForm
from portal.vouchers.models import VoucherApplication
from portal.vouchers.policy import fund_for_region
from portal.vouchers.submission import NotEligible

bp = Blueprint("employer", __name__)
employer_only = role_required("employer")


def get_employer_application_or_404(
    application_id: int, for_user: User
) -> VoucherApplication:
    """An application that names the employer's KvK number; anything else is a 404."""
    application = db.session.get(VoucherApplication, application_id)
    kvk = for_user.kvk_number or ""
    if application is None or not kvk or application.employer_kvk != kvk:
        abort(404)
    return application


def _form(course) -> EmployerStartForm:
    post = request.method == "POST"
    form = EmployerStartForm(
        CombinedMultiDict((request.files, request.form)) if post else None
    )
    funds = db.session.scalars(select(Fund).order_by(Fund.name)).all()
    form.fund_id.choices = [(f.id, f"{f.name} ({f.region.name})") for f in funds]
    if course is not None:
        form.course_id.data = str(course.id)
        default = fund_for_region(course.region_id)
        if not post and default is not None:
            form.fund_id.data = default.id
    return form


@bp.route("/werkgever/aanvragen", methods=["GET", "POST"])
@employer_only
def start():
    course_id = request.args.get("course_id", "")
    valid = course_id.isdigit() and len(course_id) <= 9
    course = get_course(int(course_id)) if valid else None
    form = _form(course)
    page = "vouchers/employer_start.html"
    if not current_user.kvk_number:
        return render_template(page, form=None, course=course), 403
    if request.method == "POST" and form.validate():
        try:
            application = invitation.start_for_employee(
                current_user, form.to_input(), today()
            )
        except services.VoucherError as exc:
            db.session.rollback()
            refused = exc if isinstance(exc, NotEligible) else None
            if refused is None:
                flash(exc.message, "error")
            return render_template(page, form=form, course=course, refused=refused), 422
        db.session.commit()
        flash(
            _(
                "Uw toezegging is vastgelegd. %(name)s krijgt een e-mail om de "
                "aanvraag te controleren en in te dienen.",
                name=application.invitee_name,
            ),
            "success",
        )
        return redirect(url_for("applications.employer_dashboard"))
    status = 400 if form.errors else 200
    return render_template(page, form=form, course=course), status


@bp.post("/werkgever/<int:application_id>/intrekken")
@employer_only
def withdraw(application_id: int):
    application = get_employer_application_or_404(application_id, current_user)
    if not WithdrawInvitationForm().validate_on_submit():
        abort(400)
    try:
        invitation.withdraw_invitation(application, current_user)
    except services.VoucherError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    else:
        db.session.commit()
        flash(_("De uitnodiging is ingetrokken. Uw werknemer krijgt bericht."))
    return redirect(url_for("applications.employer_dashboard"))
