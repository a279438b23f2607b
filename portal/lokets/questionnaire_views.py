""" "Waar moet ik zijn?": the questionnaire, the advice (page and PDF) and the warm
handover of a question to the recommended loket."""

from flask import (
    Blueprint,
    Response,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from portal.clock import today
from portal.desk import services as desk_services
from portal.desk.models import DeskCase
from portal.extensions import db, limiter
from portal.lokets import questionnaire as flow
from portal.lokets import questions, summary
from portal.lokets.advice import advice_for, municipality_slugs, rule_set
from portal.lokets.forms import HandoverForm
from portal.lokets.pdf import advice_pdf
from portal.regions.models import Region

bp = Blueprint("questionnaire", __name__, url_prefix="/waar-moet-ik-zijn")

STEP_FIELDS = {
    "audience": ("audience",),
    "place": ("postcode", "municipality"),
    "situation": ("situation",),
    "need": ("need",),
}


@bp.get("")
def step():
    state = flow.State.from_args(request.args)
    found = flow.problems(state, rule_set(), municipality_slugs())
    shown = flow.step_to_show(state, found, request.args.get("step"))
    if shown is None:
        return redirect(url_for(".advice", **state.query()))
    problem = flow.visible_problem(shown, found, request.args.get("submitted", ""))
    page = questions.step_page(shown, state, problem, rule_set())
    previous = flow.previous_step(state, shown)
    return render_template(
        "questionnaire/step.html",
        page=page,
        state=state,
        number=flow.position(state, shown),
        regions=db.session.scalars(select(Region).order_by(Region.name)).all(),
        hidden=state.query(without=STEP_FIELDS[shown]),
        back=previous and url_for(".step", step=previous, **state.query()),
        elsewhere=flow.ELSEWHERE,
    ), (400 if page.error else 200)


def _handover_url(state: flow.State, result) -> str | None:
    if not result.accepts_questions:
        return None
    return url_for(".handover", _external=True, **state.query())


def _advice_or_redirect():
    """(state, result) for complete answers, or (state, a redirect to the open step)."""
    state = flow.State.from_args(request.args)
    if flow.problems(state, rule_set(), municipality_slugs()):
        return state, None, redirect(url_for(".step", **state.query()))
    return state, advice_for(state, today()), None


@bp.get("/advies")
def advice():
    state, result, back = _advice_or_redirect()
    if back:
        return back
    return render_template(
        "questionnaire/advice.html",
        state=state,
        result=result,
        rows=summary.summary_rows(state, result),
        steps=summary.next_steps(result, _handover_url(state, result)),
    )


@bp.get("/advies.pdf")
def advice_download():
    state, result, back = _advice_or_redirect()
    if back:
        return back
    pdf = advice_pdf(
        rows=summary.summary_rows(state, result),
        result=result,
        steps=summary.next_steps(result, _handover_url(state, result)),
        day=today(),
        page_url=url_for(".advice", _external=True, **state.query()),
    )
    return Response(
        pdf,
        mimetype="application/pdf",
        headers={"Content-Disposition": 'attachment; filename="leerwijzer-advies.pdf"'},
    )


def _open_case(form: HandoverForm, state: flow.State, result, consent_text: str):
    return desk_services.open_contact_request(
        loket=result.primary.loket,
        name=form.name.data,
        email=form.email.data or "",
        phone=form.phone.data or "",
        question=form.question.data,
        answers=summary.stored_answers(state, result),
        consent_text=consent_text,
        requester=current_user if current_user.is_authenticated else None,
        today=today(),
    )


@bp.route("/vraag-stellen", methods=["GET", "POST"])
@limiter.limit("5 per minute;30 per day", methods=["POST"])
def handover():
    state, result, back = _advice_or_redirect()
    if back:
        return back
    if not result.accepts_questions:
        flash(_("Dit landelijke loket ontvangt geen vragen via Leerwijzer."), "info")
        return redirect(url_for(".advice", **state.query()))
    loket = result.primary.loket
    consent = summary.consent_for(loket.name, loket.region.name)
    form = HandoverForm()
    if request.method == "GET" and current_user.is_authenticated:
        form.name.data, form.email.data = current_user.name, current_user.email
    if form.validate_on_submit():
        case = _open_case(form, state, result, consent.text())
        db.session.commit()
        session["handover_reference"] = case.reference
        return redirect(url_for(".sent"))
    return render_template(
        "questionnaire/handover.html",
        form=form,
        state=state,
        result=result,
        consent=consent,
        rows=summary.summary_rows(state, result),
    ), (400 if form.errors else 200)


@bp.get("/vraag-verstuurd")
def sent():
    """The confirmation; the reference comes from the session, never from the URL."""
    reference = session.get("handover_reference")
    case = reference and db.session.scalar(
        select(DeskCase).where(DeskCase.reference == reference)
    )
    if not case:
        return redirect(url_for(".step"))
    return render_template(
        "questionnaire/sent.html", case=case, request_=case.contact_request
    )
