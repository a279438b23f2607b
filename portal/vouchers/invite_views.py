"""The employee's invitation link: log in (or register) with the invited e-mail
address, check the employer's data, add postcode and birth date, consent; or decline.
A blueprint nested in the applications blueprint.

A forged, expired or used link gets a Dutch page (404), never an error; a link opened
by an account with another e-mail address gets a Dutch refusal (403).
"""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.clock import today
from portal.extensions import db
from portal.vouchers import invitation, services
from portal.vouchers.invite_forms import (
    EMPLOYEE_CONSENT_TEXT,
    AcceptForm,
    DeclineForm,
)
from portal.vouchers.submission import NotEligible

bp = Blueprint("invitation", __name__)


def _guard(token: str):
    """(application, None) when the current user may answer; else (None, response)."""
    application = invitation.application_for_token(token)
    if application is None:
        return None, (render_template("vouchers/invite_invalid.html"), 404)
    if not current_user.is_authenticated:
        page = render_template("vouchers/invite_login.html", application=application)
        return None, (page, 200)
    if not invitation.is_for(application, current_user):
        return None, (render_template("vouchers/invite_not_for_you.html"), 403)
    return application, None


def _page(application, form, decline_form, status=200, refused=None):
    return render_template(
        "vouchers/invite.html",
        application=application,
        form=form,
        decline_form=decline_form,
        refused=refused,
    ), status


@bp.route("/uitnodiging/<token>", methods=["GET", "POST"])
def accept(token: str):
    application, refusal = _guard(token)
    if refusal:
        return refusal
    form = AcceptForm(today())
    decline_form = DeclineForm(prefix="decline")
    if not form.validate_on_submit():
        return _page(application, form, decline_form, 400 if form.errors else 200)
    postcode, birth_date = form.answers()
    try:
        invitation.accept(
            application,
            current_user,
            postcode,
            birth_date,
            str(EMPLOYEE_CONSENT_TEXT),
            today(),
        )
    except NotEligible as exc:
        db.session.rollback()
        return _page(application, form, decline_form, 422, refused=exc)
    db.session.commit()
    flash(
        _(
            "Uw aanvraag is verstuurd. Uw nummer is %(ref)s.",
            ref=application.reference,
        ),
        "success",
    )
    return redirect(url_for("applications.detail", application_id=application.id))


@bp.post("/uitnodiging/<token>/weigeren")
def decline(token: str):
    application, refusal = _guard(token)
    if refusal:
        return refusal
    form = DeclineForm(prefix="decline")
    if not form.validate_on_submit():
        return _page(application, AcceptForm(today()), form, 400)
    try:
        invitation.decline(application, current_user, form.reason.data or "")
    except services.VoucherError as exc:
        db.session.rollback()
        flash(exc.message, "error")
        return redirect(url_for(".accept", token=token))
    db.session.commit()
    return render_template("vouchers/invite_declined.html")
