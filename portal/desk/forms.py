"""Desk forms: shape checks only. Each has its own prefix, because the case page
shows them all at once and their field ids must stay unique."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length

from portal.desk.vocab import OUTCOMES

REQUIRED = _l("Dit veld is verplicht.")
TEXT_MAX = 4000


class AssignForm(FlaskForm):
    assignee = SelectField(
        _l("Toewijzen aan"), coerce=int, validators=[DataRequired(REQUIRED)]
    )


class NoteForm(FlaskForm):
    body = TextAreaField(
        _l("Interne notitie"),
        validators=[DataRequired(REQUIRED), Length(max=TEXT_MAX)],
    )


class ReplyForm(FlaskForm):
    body = TextAreaField(
        _l("Uw antwoord"), validators=[DataRequired(REQUIRED), Length(max=TEXT_MAX)]
    )


class CloseForm(FlaskForm):
    outcome = RadioField(
        _l("Hoe is de vraag afgehandeld?"),
        choices=[SelectChoice(code, label) for code, label in OUTCOMES.items()],
        validators=[DataRequired(_l("Kies hoe de vraag is afgehandeld."))],
    )
    note = TextAreaField(
        _l("Toelichting (niet verplicht)"), validators=[Length(max=1000)]
    )


class ReopenForm(FlaskForm):
    note = TextAreaField(
        _l("Waarom opent u de vraag opnieuw?"),
        validators=[DataRequired(REQUIRED), Length(max=1000)],
    )


def case_forms(formdata=None, **given) -> dict[str, FlaskForm]:
    """Every form of the case page; `given` replaces one that failed validation."""
    forms = {
        "assign": AssignForm,
        "note": NoteForm,
        "reply": ReplyForm,
        "close": CloseForm,
        "reopen": ReopenForm,
    }
    return {
        name: given.get(name) or form(formdata=formdata, prefix=name)
        for name, form in forms.items()
    }
