"""The provider's signed link (no account needed, the link is the key): download the
decision letter, confirm the start once, and afterwards send the proof of completion.

A blueprint nested in the applications blueprint: its URLs start with /vouchers.
"""

from flask import Blueprint, render_template, request
from werkzeug.datastructures import CombinedMultiDict

from portal.extensions import db
from portal.vouchers import completion, services
from portal.vouchers.application_forms import ProofForm, ProviderStartForm
from portal.vouchers.letters import letter_response
from portal.vouchers.workflow import ApplicationStatus as S

bp = Blueprint("provider", __name__)


def _invalid():
    return render_template("vouchers/provider_link_invalid.html"), 404


def _page(application, status=200, **forms):
    return render_template(
        "vouchers/provider_start.html",
        application=application,
        started=application.status == S.STARTED,
        form=forms.get("start") or ProviderStartForm(),
        proof_form=forms.get("proof") or ProofForm(prefix="proof"),
    ), status


@bp.route("/opleider/<token>", methods=["GET", "POST"])
def start(token: str):
    """The letter and the start; once started, the same page takes the proof."""
    if request.method == "POST":  # the start can be confirmed only once
        application = completion.application_for_start_token(token)
    else:
        application = completion.application_for_provider_token(token)
    if application is None:
        return _invalid()
    form = ProviderStartForm()
    if request.method == "POST" and form.validate_on_submit():
        completion.record_start(application, None, form.name.data)
        db.session.commit()
        return render_template("vouchers/provider_done.html", token=token)
    return _page(application, 400 if form.errors else 200, start=form)


@bp.post("/opleider/<token>/bewijs")
def proof(token: str):
    application = completion.application_for_provider_token(token)
    if application is None or application.status != S.STARTED:
        return _invalid()
    formdata = CombinedMultiDict((request.files, request.form))
    form = ProofForm(formdata=formdata, prefix="proof")
    if not form.validate_on_submit():
        return _page(application, 400, proof=form)
    filename, data = form.read()
    try:
        completion.add_proof(
            application, None, form.kind.data, filename, data, by="provider"
        )
    except services.VoucherError as exc:
        db.session.rollback()
        form.proof.errors = [exc.message]
        return _page(application, 400, proof=form)
    db.session.commit()
    return render_template(
        "vouchers/provider_done.html", token=token, proof_received=True
    )


@bp.get("/opleider/<token>/besluit.pdf")
def letter(token: str):
    """The toekenningsbrief, for the provider's records (the e-mail has no attachment)."""
    application = completion.application_for_provider_token(token)
    if application is None:
        return _invalid()
    return letter_response(application)
