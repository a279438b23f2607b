"""The adviser desk ("Bureau"): the queue, one case, and the actions on it."""

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from portal.accounts.access import role_required
from portal.accounts.models import User
from portal.clock import today
from portal.desk import queries, services, vocab
from portal.desk.forms import case_forms
from portal.desk.workflow import ADVISER_ROLES, workflow_for
from portal.extensions import db
from portal.lokets.summary import stored_rows
from portal.timestamps import utcnow
from portal.vouchers.desk_views import voucher_case_context

bp = Blueprint("desk", __name__, url_prefix="/bureau", cli_group="desk")
desk_only = role_required(*ADVISER_ROLES)
_AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@bp.app_template_filter("local_time")
def local_time(value: datetime | None) -> str:
    """A timestamp as Dutch wall-clock time: 28 nov. 2026 14:05."""
    if value is None:
        return ""
    return format_datetime(
        value.astimezone(_AMSTERDAM),
        "d MMM y HH:mm",
        tzinfo=_AMSTERDAM,
        locale=str(get_locale()),
    )


@bp.context_processor
def desk_words() -> dict:
    return {
        "STATUSES": vocab.STATUSES,
        "OUTCOMES": vocab.OUTCOMES,
        "ACTIONS": vocab.ACTIONS,
    }


@bp.get("")
@desk_only
def queue():
    filters = queries.QueueFilters.from_args(request.args)
    page = request.args.get("page", "1")
    found = queries.queue(current_user, filters, int(page) if page.isdigit() else 1)
    statuses = {**vocab.STATUS_FILTER_LABELS, **vocab.STATUSES}
    return render_template(
        "desk/queue.html",
        page=found,
        filters=filters,
        lokets=queries.filter_lokets(current_user),
        funds=queries.filter_funds(current_user),
        today=today(),
        STATUS_FILTERS=[(v, statuses[v]) for v in queries.STATUS_FILTERS],
        ASSIGNED_FILTERS=list(vocab.ASSIGNED_FILTER_LABELS.items()),
    )


def _render_case(case, status: int = 200, **failed):
    forms = case_forms(**failed)
    forms["assign"].assignee.choices = [(u.id, u.name) for u in queries.assignees(case)]
    if not failed.get("assign") and case.assigned_to_id is None:
        forms["assign"].assignee.data = current_user.id
    workflow = workflow_for(case.kind)
    return render_template(
        "desk/case.html",
        case=case,
        forms=forms,
        **voucher_case_context(case, failed),
        is_open=workflow.is_open(case.status),
        reply_to=services.reply_address(case),
        rows=stored_rows(case.contact_request.answers if case.contact_request else {}),
    ), status


@bp.get("/zaken/<int:case_id>")
@desk_only
def case(case_id: int):
    return _render_case(queries.get_case_or_404(case_id, current_user))


def _act(case_id: int, form_name: str, action: Callable) -> object:
    """Validate one form of the case page, run `action(case, form)`, commit, redirect.

    `action` returns the Dutch success message; a refused step shows its reason.
    """
    case = queries.get_case_or_404(case_id, current_user)
    form = case_forms(formdata=request.form)[form_name]
    if form_name == "assign":
        form.assignee.choices = [(u.id, u.name) for u in queries.assignees(case)]
    if not form.validate_on_submit():
        return _render_case(case, 400, **{form_name: form})
    try:
        message = action(case, form)
    except services.DeskError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    else:
        db.session.commit()
        flash(message, "success")
    return redirect(url_for(".case", case_id=case_id))


def _assign(case, form) -> str:
    assignee = db.session.get(User, form.assignee.data)
    services.assign(case, assignee, current_user)
    return _("De vraag is toegewezen aan %(name)s.", name=assignee.name)


def _note(case, form) -> str:
    services.add_note(case, current_user, form.body.data)
    return _("Uw notitie is opgeslagen.")


def _reply(case, form) -> str:
    services.reply(case, current_user, form.body.data)
    return _("Uw antwoord is verstuurd.")


def _close(case, form) -> str:
    services.close(case, current_user, form.outcome.data, form.note.data or "")
    return _("De vraag is afgesloten.")


def _reopen(case, form) -> str:
    services.reopen(case, current_user, form.note.data)
    return _("De vraag is opnieuw geopend.")


@bp.post("/zaken/<int:case_id>/toewijzen")
@desk_only
def assign(case_id: int):
    return _act(case_id, "assign", _assign)


@bp.post("/zaken/<int:case_id>/notitie")
@desk_only
def note(case_id: int):
    return _act(case_id, "note", _note)


@bp.post("/zaken/<int:case_id>/antwoord")
@desk_only
def reply(case_id: int):
    return _act(case_id, "reply", _reply)


@bp.post("/zaken/<int:case_id>/afsluiten")
@desk_only
def close(case_id: int):
    return _act(case_id, "close", _close)


@bp.post("/zaken/<int:case_id>/heropenen")
@desk_only
def reopen(case_id: int):
    return _act(case_id, "reopen", _reopen)


@bp.cli.command("purge")
def purge_command():
    """Erase personal data of questions closed longer than the retention period."""
    erased = services.erase_expired_contact_requests(utcnow())
    db.session.commit()
    print(f"{erased} vragen gewist na de bewaartermijn.")
