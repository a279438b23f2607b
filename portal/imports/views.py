"""The admin import page: upload → preview (a dry run) → apply or discard; the log."""

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select, update
from werkzeug.utils import secure_filename

from portal.accounts.access import role_required
from portal.catalog.models import Provider
from portal.extensions import db
from portal.imports import csvcolumns, export, service
from portal.imports.forms import UploadForm
from portal.imports.models import ImportRun

bp = Blueprint("imports", __name__, url_prefix="/beheer/import")

STAFF = ("adviser", "admin")


@bp.route("", methods=["GET", "POST"])
@role_required(*STAFF)
def upload():
    providers = db.session.scalars(select(Provider).order_by(Provider.name)).all()
    form = UploadForm()
    form.provider.choices = [("", _("Volgens het bestand"))] + [
        (p.slug, p.name) for p in providers
    ]
    if form.validate_on_submit():
        provider = next((p for p in providers if p.slug == form.provider.data), None)
        filename = secure_filename(form.file.data.filename) or "upload"
        run, _plan = service.run_import(
            service.from_bytes(filename, form.file_bytes),
            mode="preview",
            actor=current_user.email,
            channel="web",
            user_id=current_user.id,
            provider=provider,
            full=form.full.data,
        )
        return redirect(url_for("imports.detail", run_id=run.id))
    runs = db.session.scalars(
        select(ImportRun).order_by(ImportRun.id.desc()).limit(20)
    ).all()
    status = 400 if form.errors else 200
    return render_template(
        "imports/upload.html",
        form=form,
        runs=runs,
        columns=csvcolumns.COLUMNS,
        required=csvcolumns.REQUIRED,
        providers=providers,
    ), status


@bp.get("/<int:run_id>")
@role_required(*STAFF)
def detail(run_id: int):
    run = db.get_or_404(ImportRun, run_id)
    return render_template("imports/detail.html", run=run)


@bp.post("/<int:run_id>/toepassen")
@role_required(*STAFF)
def apply(run_id: int):
    run = _claim(run_id)
    run, _plan = service.run_import(
        service.from_bytes(run.filename, run.payload),
        mode="apply",
        actor=current_user.email,
        channel="web",
        user_id=current_user.id,
        provider=run.provider,
        full=run.full,
        run=run,
    )
    if run.status == "applied":
        flash(_("De wijzigingen zijn doorgevoerd."), "success")
    return redirect(url_for("imports.detail", run_id=run.id))


@bp.post("/<int:run_id>/annuleren")
@role_required(*STAFF)
def discard(run_id: int):
    run = _claim(run_id)
    run.status, run.payload = "discarded", None
    db.session.commit()
    flash(_("De import is geannuleerd. Er is niets veranderd."), "success")
    return redirect(url_for("imports.upload"))


def _claim(run_id: int) -> ImportRun:
    """Take a preview for one action only: a second click (or a second adviser) finds
    it no longer in preview and gets the page as it is."""
    claimed = db.session.execute(
        update(ImportRun)
        .where(ImportRun.id == run_id, ImportRun.status == "preview")
        .values(status="applying")
    ).rowcount
    if not claimed:
        db.session.rollback()
        if db.session.get(ImportRun, run_id) is None:
            abort(404)
        flash(_("Deze import is al verwerkt."), "error")
        abort(redirect(url_for("imports.detail", run_id=run_id)))
    db.session.commit()
    return db.session.get(ImportRun, run_id)


@bp.get("/aanbod.csv")
@role_required(*STAFF)
def provider_offer_csv():
    slug = request.args.get("aanbieder", "")
    provider = db.session.scalar(select(Provider).where(Provider.slug == slug))
    if provider is None:
        flash(_("Kies een aanbieder om het aanbod te downloaden."), "error")
        return redirect(url_for("imports.upload"))
    return Response(
        export.provider_csv(provider),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="aanbod-{provider.slug}.csv"'
        },
    )


@bp.get("/sjabloon.csv")
@role_required(*STAFF)
def template_csv():
    return Response(
        csvcolumns.template_csv(),
        mimetype="text/csv",
        headers={
            "Content-Disposition": 'attachment; filename="leerwijzer-opleidingen-sjabloon.csv"'
        },
    )
