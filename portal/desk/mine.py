""" "Mijn vragen": the questions a logged-in person sent, with the loket's replies."""

from flask import Blueprint, render_template
from flask_login import current_user, login_required

from portal.desk import queries
from portal.desk.vocab import STATUSES_FOR_SENDER

bp = Blueprint("my_questions", __name__, url_prefix="/mijn-vragen")


@bp.context_processor
def sender_words() -> dict:
    return {"SENDER_STATUSES": STATUSES_FOR_SENDER}


@bp.get("")
@login_required
def index():
    return render_template("desk/mine.html", cases=queries.own_cases(current_user))


@bp.get("/<int:case_id>")
@login_required
def detail(case_id: int):
    case = queries.get_own_case_or_404(case_id, current_user)
    replies = [note for note in case.notes if note.visibility == "reply"]
    return render_template("desk/my_case.html", case=case, replies=replies)
