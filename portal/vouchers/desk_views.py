"""The adviser's voucher decisions on the desk's case page: approve (reserving the
budget), reject with a reason, ask for more information; and the quote download.

The case page itself is the desk's (/bureau/zaken/<id>); it asks
`voucher_case_context` for what a voucher case adds. Access is the desk's: an adviser
only reaches the cases of their own lokets and regions, anything else is a 404.
"""

from collections.abc import Callable

from flask import Blueprint, Response, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from werkzeug.datastructures import CombinedMultiDict
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length

from portal.accounts.access import role_required
from portal.clock import today
from portal.desk import queries
from portal.desk.workflow import ADVISER_ROLES
from portal.extensions import db
from portal.vouchers import completion, services
from portal.vouchers.application_forms import GOALS, ProofForm
from portal.vouchers.budget import budget_state
from portal.vouchers.letters import DECIDED, letter_response
from portal.vouchers.vocab import SITUATIONS
from portal.vouchers.workflow import ApplicationStatus as S
from portal.vouchers.workflow import can_transition

bp = Blueprint("voucher_desk", __name__, url_prefix="/bureau/vouchers")
desk_only = role_required(*ADVISER_ROLES)


class ApproveForm(FlaskForm):
    """Nothing to fill in: the button, with CSRF protection."""


class RejectForm(FlaskForm):
    reason = TextAreaField(
        _l("Waarom wijst u de aanvraag af? (de inwoner leest dit in het besluit)"),
        validators=[DataRequired(_l("Dit veld is verplicht.")), Length(max=2000)],
    )


class InformationForm(FlaskForm):
    question = TextAreaField(
        _l("Welke informatie hebt u nog nodig? (de inwoner krijgt dit te lezen)"),
        validators=[DataRequired(_l("Dit veld is verplicht.")), Length(max=2000)],
    )


@bp.context_processor
def desk_words() -> dict:
    """The desk's words, for its case page shown again with a form's errors."""
    from portal.desk.views import desk_words  # the desk imports this module

    return desk_words()


FORMS = {
    "approve": ApproveForm,
    "reject": RejectForm,
    "information": InformationForm,
    "start": ApproveForm,
    "proof": ProofForm,
    "payout": ApproveForm,
}


def voucher_case_context(case, failed: dict) -> dict:
    """What the desk's case page shows for a voucher application (nothing otherwise)."""
    application = case.voucher
    if application is None:
        return {}
    status = application.status
    return {
        "voucher": application,
        "budget": budget_state(application.fund),
        "voucher_forms": {
            name: failed.get(name) or form(prefix=name) for name, form in FORMS.items()
        },
        "can_decide": can_transition(S.IN_REVIEW, S.APPROVED, current_user.role)
        and status in (S.SUBMITTED, S.IN_REVIEW),
        "can_reject": status in (S.SUBMITTED, S.IN_REVIEW, S.WAITLISTED),
        "co_approval_needed": application.first_approver_id is not None
        and status in (S.SUBMITTED, S.IN_REVIEW),
        "is_overdue": application.overdue(today()),
        "has_letter": status in DECIDED,
        "can_start": status == S.APPROVED,
        "provider_link": completion.provider_link(application)
        if status == S.APPROVED
        else "",
        "can_complete": status == S.STARTED,
        "PROOF_KINDS": completion.PROOF_KINDS,
        "VOUCHER_SITUATIONS": SITUATIONS,
        "VOUCHER_GOALS": GOALS,
    }


def _decide(case_id: int, name: str, action: Callable) -> object:
    """Validate one form, run `action(application, form)`, commit once, redirect."""
    case = queries.get_case_or_404(case_id, current_user)
    if case.voucher is None:
        return redirect(url_for("desk.case", case_id=case.id))
    formdata = CombinedMultiDict((request.files, request.form))
    form = FORMS[name](formdata=formdata, prefix=name)
    if not form.validate_on_submit():
        from portal.desk.views import _render_case  # the desk's page, with the errors

        return _render_case(case, 400, **{name: form})
    try:
        message = action(case.voucher, form)
    except services.VoucherError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    else:
        db.session.commit()
        flash(message, "success")
    return redirect(url_for("desk.case", case_id=case.id))


def _approve(application, form) -> str:
    outcome = services.approve(application, current_user)
    if outcome == services.Approval.FIRST:
        return _("Uw goedkeuring is vastgelegd. Een tweede adviseur moet meekeuren.")
    if outcome == services.Approval.WAITLISTED:
        return _("Er is niet genoeg geld: de aanvraag staat op de wachtlijst.")
    return _("De aanvraag is goedgekeurd en het geld is gereserveerd.")


def _reject(application, form) -> str:
    services.reject(application, current_user, form.reason.data)
    return _("De aanvraag is afgewezen.")


def _information(application, form) -> str:
    services.request_information(application, current_user, form.question.data, today())
    return _("Uw vraag is naar de inwoner gestuurd. De beslistermijn staat stil.")


def _start(application, form) -> str:
    completion.record_start(application, current_user)
    return _("De start van de opleiding is vastgelegd.")


def _proof(application, form) -> str:
    filename, data = form.read()
    completion.add_proof(
        application, current_user, form.kind.data, filename, data, by="adviser"
    )
    return _("Het bewijs is toegevoegd.")


def _payout(application, form) -> str:
    completion.record_payout(application, current_user)
    return _("De uitbetaling aan de opleider is vastgelegd. De opleiding is afgerond.")


@bp.post("/<int:case_id>/gestart")
@desk_only
def start(case_id: int):
    return _decide(case_id, "start", _start)


@bp.post("/<int:case_id>/bewijs")
@desk_only
def proof(case_id: int):
    return _decide(case_id, "proof", _proof)


@bp.post("/<int:case_id>/uitbetalen")
@desk_only
def payout(case_id: int):
    return _decide(case_id, "payout", _payout)


@bp.get("/<int:case_id>/bewijs")
@desk_only
def proof_file(case_id: int):
    case = queries.get_case_or_404(case_id, current_user)
    if case.voucher is None or not case.voucher.proof_file:
        return redirect(url_for("desk.case", case_id=case.id))
    extension = case.voucher.proof_mimetype.rsplit("/", 1)[-1]
    return Response(
        case.voucher.proof_file,
        mimetype=case.voucher.proof_mimetype,
        headers={
            "Content-Disposition": (
                f'attachment; filename="{case.reference}-bewijs.{extension}"'
            )
        },
    )


@bp.post("/<int:case_id>/goedkeuren")
@desk_only
def approve(case_id: int):
    return _decide(case_id, "approve", _approve)


@bp.post("/<int:case_id>/afwijzen")
@desk_only
def reject(case_id: int):
    return _decide(case_id, "reject", _reject)


@bp.post("/<int:case_id>/aanvullen")
@desk_only
def request_information(case_id: int):
    return _decide(case_id, "information", _information)


@bp.get("/<int:case_id>/offerte.pdf")
@desk_only
def quote(case_id: int):
    case = queries.get_case_or_404(case_id, current_user)
    if case.voucher is None or not case.voucher.quote_pdf:
        return redirect(url_for("desk.case", case_id=case.id))
    return Response(
        case.voucher.quote_pdf,
        mimetype="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{case.reference}.pdf"'},
    )


@bp.get("/<int:case_id>/besluit.pdf")
@desk_only
def letter(case_id: int):
    case = queries.get_case_or_404(case_id, current_user)
    if case.voucher is None or case.voucher.status not in DECIDED:
        return redirect(url_for("desk.case", case_id=case.id))
    return letter_response(case.voucher)
