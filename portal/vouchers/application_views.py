"""A resident's voucher applications: apply, "Mijn aanvragen", withdraw, answer."""

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from werkzeug.datastructures import CombinedMultiDict

from portal.accounts.access import role_required
from portal.accounts.models import User
from portal.catalog.queries import get_course
from portal.clock import today
from portal.desk.models import DeskCase
from portal.desk.vocab import STATUSES
from portal.extensions import db
from portal.vouchers import (
    completion,
    employer,
    employer_views,
    expiry,
    invitation,
    invite_views,
    provider_views,
    services,
)
from portal.vouchers.application_forms import (
    GOALS,
    AnswerForm,
    ApplyForm,
    EmployerForm,
    PayMyselfForm,
    ProofForm,
    WithdrawForm,
)
from portal.vouchers.invite_forms import WithdrawInvitationForm
from portal.vouchers.letters import DECIDED, letter_response
from portal.vouchers.models import VoucherApplication
from portal.vouchers.submission import NotEligible, submit
from portal.vouchers.workflow import UNDECIDED
from portal.vouchers.workflow import ApplicationStatus as S

bp = Blueprint("applications", __name__, url_prefix="/vouchers", cli_group="vouchers")
# The provider's link, the employer's start and the employee's invitation have their
# own modules; their URLs share /vouchers (endpoints applications.provider.start, …).
bp.register_blueprint(provider_views.bp)
bp.register_blueprint(employer_views.bp)
bp.register_blueprint(invite_views.bp)
resident_only = role_required("resident")


def get_application_or_404(application_id: int, for_user: User) -> VoucherApplication:
    """The resident's own application; someone else's is a 404, never a hint."""
    application = db.session.get(VoucherApplication, application_id)
    if application is None or application.applicant_id != for_user.id:
        abort(404)
    return application


@bp.context_processor
def application_words() -> dict:
    return {"GOALS": GOALS, "STATUSES": STATUSES, "PROOF_KINDS": completion.PROOF_KINDS}


@bp.route("/aanvragen", methods=["GET", "POST"])
@resident_only
def apply():
    course_id = request.args.get("course_id", "")
    # A database id has at most 9 digits here; more would overflow the column.
    valid = course_id.isdigit() and len(course_id) <= 9
    course = get_course(int(course_id)) if valid else None
    formdata = CombinedMultiDict((request.files, request.form))
    form = ApplyForm(
        formdata if request.method == "POST" else None,
        today(),
        course.id if course else None,
    )
    if request.method == "POST" and form.validate():
        try:
            application = submit(current_user, form.to_application(), today())
        except NotEligible as exc:
            db.session.rollback()
            return render_template(
                "vouchers/apply.html", form=form, course=course, refused=exc
            ), 422
        db.session.commit()
        flash(
            _(
                "Uw aanvraag is verstuurd. Uw nummer is %(ref)s.",
                ref=application.reference,
            ),
            "success",
        )
        return redirect(url_for(".detail", application_id=application.id))
    status = 400 if form.errors else 200
    return render_template("vouchers/apply.html", form=form, course=course), status


@bp.get("/mijn-aanvragen")
@resident_only
def mine():
    applications = db.session.scalars(
        select(VoucherApplication)
        .join(DeskCase)
        .where(VoucherApplication.applicant_id == current_user.id)
        .order_by(DeskCase.created_at.desc(), DeskCase.id.desc())
    ).all()
    return render_template("vouchers/mine.html", applications=applications)


def _render_detail(application: VoucherApplication, status: int = 200, **forms):
    return render_template(
        "vouchers/detail.html",
        application=application,
        timeline=[e for e in application.case.events if e.to_status],
        messages=[n for n in application.case.notes if n.visibility == "reply"],
        can_withdraw=application.status in UNDECIDED,
        can_answer=application.status == S.MORE_INFO_NEEDED,
        employer_declined=employer.declined_by_employer(application),
        has_letter=application.status in DECIDED,
        can_send_proof=application.status == S.STARTED,
        proof_form=forms.get("proof") or ProofForm(prefix="proof"),
        pay_form=PayMyselfForm(prefix="pay"),
        withdraw_form=forms.get("withdraw") or WithdrawForm(prefix="withdraw"),
        answer_form=forms.get("answer") or AnswerForm(prefix="answer"),
    ), status


@bp.get("/mijn-aanvragen/<int:application_id>")
@resident_only
def detail(application_id: int):
    return _render_detail(get_application_or_404(application_id, current_user))


@bp.post("/mijn-aanvragen/<int:application_id>/intrekken")
@resident_only
def withdraw(application_id: int):
    application = get_application_or_404(application_id, current_user)
    form = WithdrawForm(prefix="withdraw")
    if not form.validate_on_submit() or application.status not in UNDECIDED:
        flash(_("Deze aanvraag kunt u niet meer intrekken."), "error")
        return redirect(url_for(".detail", application_id=application.id))
    services.withdraw(application, current_user, form.reason.data or "")
    db.session.commit()
    flash(_("Uw aanvraag is ingetrokken."), "success")
    return redirect(url_for(".detail", application_id=application.id))


@bp.post("/mijn-aanvragen/<int:application_id>/aanvullen")
@resident_only
def answer(application_id: int):
    application = get_application_or_404(application_id, current_user)
    form = AnswerForm(prefix="answer")
    if not form.validate_on_submit():
        return _render_detail(application, 400, answer=form)
    try:
        services.resume(application, current_user, today(), form.body.data)
    except services.VoucherError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    else:
        db.session.commit()
        flash(_("Uw antwoord is naar de adviseur gestuurd."), "success")
    return redirect(url_for(".detail", application_id=application.id))


@bp.post("/mijn-aanvragen/<int:application_id>/zelf-betalen")
@resident_only
def pay_myself(application_id: int):
    application = get_application_or_404(application_id, current_user)
    if not PayMyselfForm(prefix="pay").validate_on_submit():
        abort(400)
    try:
        employer.pay_employer_share_myself(application, current_user, today())
    except services.VoucherError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    else:
        db.session.commit()
        flash(_("U betaalt het deel van uw werkgever zelf. De adviseur gaat verder."))
    return redirect(url_for(".detail", application_id=application.id))


@bp.route("/werkgever/<token>", methods=["GET", "POST"])
def employer_answer(token: str):
    """The employer's signed link: no account needed, the link is the key."""
    application = employer.application_for_token(token)
    if application is None:
        return render_template("vouchers/employer_link_invalid.html"), 404
    form = EmployerForm()
    if form.validate_on_submit():
        if form.answer.data == "confirm":
            employer.confirm(application, form.name.data)
            message = _("Dank u. Uw toezegging is vastgelegd.")
        else:
            employer.decline(
                application, form.name.data, form.reason.data or "", today()
            )
            message = _("Dank u. Wij laten uw werknemer weten dat u niet meebetaalt.")
        db.session.commit()
        return render_template("vouchers/employer_done.html", message=message)
    status = 400 if form.errors else 200
    return render_template(
        "vouchers/employer.html", application=application, form=form
    ), status


@bp.get("/werkgever")
@role_required("employer")
def employer_dashboard():
    """The employer's commitments: the applications that name its KvK number."""
    kvk = current_user.kvk_number or ""
    applications = db.session.scalars(
        select(VoucherApplication)
        .join(DeskCase)
        .where(
            VoucherApplication.employer_kvk == kvk,
            VoucherApplication.employer_kvk != "",
        )
        .order_by(DeskCase.created_at.desc(), DeskCase.id.desc())
    ).all()
    rows = [
        {
            "application": a,
            "can_withdraw": a.status == S.AWAITING_EMPLOYEE,
            "confirmed": employer.confirmation(a),
            "answer_link": employer.employer_link(a)
            if a.status == S.AWAITING_EMPLOYER
            else "",
        }
        for a in applications
    ]
    return render_template(
        "vouchers/employer_dashboard.html",
        rows=rows,
        withdraw_form=WithdrawInvitationForm(),
    )


@bp.post("/mijn-aanvragen/<int:application_id>/bewijs")
@resident_only
def proof(application_id: int):
    """The resident sends the diploma or the proof of attendance once started."""
    application = get_application_or_404(application_id, current_user)
    formdata = CombinedMultiDict((request.files, request.form))
    form = ProofForm(formdata=formdata, prefix="proof")
    if not form.validate_on_submit():
        return _render_detail(application, 400, proof=form)
    filename, data = form.read()
    try:
        completion.add_proof(
            application, current_user, form.kind.data, filename, data, by="resident"
        )
    except services.VoucherError as exc:
        db.session.rollback()
        flash(exc.message, "error")
        return _render_detail(application, 400, proof=form)
    db.session.commit()
    flash(_("Het bewijs is verstuurd. De adviseur controleert het."), "success")
    return redirect(url_for(".detail", application_id=application.id))


@bp.get("/mijn-aanvragen/<int:application_id>/besluit.pdf")
@resident_only
def letter(application_id: int):
    application = get_application_or_404(application_id, current_user)
    if application.status not in DECIDED:
        abort(404)
    return letter_response(application)


@bp.cli.command("expire")
def expire_command():
    """Lapse approved vouchers not started in time (their money moves the waitlist)
    and employers' invitations the employee did not answer in time."""
    # The e-mails are rendered and translated as in a request (Dutch, full URLs).
    with current_app.test_request_context():
        lapsed = expiry.expire_unstarted(today())
        lapsed += expiry.expire_invitations(today(), invitation.INVITE_LINK_DAYS)
        db.session.commit()
    print(
        f"{lapsed} vouchers en uitnodigingen vervallen: niet op tijd gestart of beantwoord."
    )
