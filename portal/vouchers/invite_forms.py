"""The forms of an employer's invitation: the employer's start, the employee's answer.

Shape only: whether the course fits the fund and the employee the rules is for
invitation.py and rules.py.
"""

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    FileField,
    HiddenField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from portal.catalog.vocab import SECTORS
from portal.vouchers.application_forms import EMAIL, GOALS, read_quote
from portal.vouchers.forms import REQUIRED, QuoteForm
from portal.vouchers.inputs import check_postcode, parse_birth_date, parse_euros
from portal.vouchers.invitation import InvitationInput

COMMITMENT_TEXT = _l(
    "Wij betalen ons deel van de opleiding (een derde van de prijs). Dit is een "
    "bindende toezegging."
)
EMPLOYEE_CONSENT_TEXT = _l(
    "Ik heb de gegevens gecontroleerd. Ik geef toestemming dat het Leerwerkloket mijn "
    "gegevens gebruikt om deze aanvraag te beoordelen en dat het mijn werkgever over "
    "de aanvraag informeert. Mijn gegevens worden niet voor iets anders gebruikt."
)


class EmployerStartForm(FlaskForm):
    course_id = HiddenField()
    fund_id = SelectField(
        _l("Fonds (de regio waar uw werknemer woont)"),
        coerce=int,
        validators=[DataRequired(_l("Kies een fonds."))],
    )
    course_provider = StringField(
        _l("Naam van de opleider"), validators=[Length(max=200)]
    )
    course_title = StringField(
        _l("Naam van de opleiding"), validators=[Length(max=300)]
    )
    price = StringField(_l("Prijs van de opleiding in euro's"))
    sector = SelectField(
        _l("Sector van de opleiding"),
        choices=[SelectChoice("", _l("Kies een sector"))]
        + [SelectChoice(value, label) for value, label in SECTORS.items()],
        validate_choice=False,
    )
    quote = FileField(_l("Offerte van de opleider (pdf, hoogstens 5 MB)"))
    employee_name = StringField(
        _l("Naam van uw werknemer"),
        validators=[DataRequired(REQUIRED), Length(max=120)],
    )
    employee_email = StringField(
        _l("E-mailadres van uw werknemer"),
        validators=[DataRequired(REQUIRED), Length(max=254)],
    )
    goal = RadioField(
        _l("Wat wil uw werknemer bereiken met de opleiding?"),
        choices=[SelectChoice(value, label) for value, label in GOALS.items()],
        validators=[DataRequired(_l("Kies wat uw werknemer wil bereiken."))],
    )
    goal_text = TextAreaField(
        _l("Toelichting (niet verplicht)"), validators=[Optional(), Length(max=1000)]
    )
    commitment = BooleanField(
        COMMITMENT_TEXT,
        validators=[DataRequired(_l("Zonder uw toezegging kan dit niet."))],
    )

    @property
    def has_course(self) -> bool:
        return (self.course_id.data or "").isdigit()

    def _entered(self, field) -> None:
        if not self.has_course and not (field.data or "").strip():
            raise ValidationError(REQUIRED)

    validate_course_title = validate_course_provider = _entered

    def validate_price(self, field) -> None:
        self._entered(field)
        if not self.has_course:
            QuoteForm._check(parse_euros, field.data)

    def validate_sector(self, field) -> None:
        if not self.has_course and field.data not in SECTORS:
            raise ValidationError(_l("Kies de sector van de opleiding."))

    def validate_quote(self, field) -> None:
        if not self.has_course:
            self.quote_bytes = read_quote(field.data)

    def validate_employee_email(self, field) -> None:
        if not EMAIL.match((field.data or "").strip()):
            raise ValidationError(_l("Vul een geldig e-mailadres in."))

    def to_input(self) -> InvitationInput:
        common = dict(
            fund_id=self.fund_id.data,
            employee_name=self.employee_name.data,
            employee_email=self.employee_email.data,
            goal=self.goal.data,
            goal_text=self.goal_text.data or "",
        )
        if self.has_course:
            return InvitationInput(**common, course_id=int(self.course_id.data))
        return InvitationInput(
            **common,
            course_provider=self.course_provider.data,
            course_title=self.course_title.data,
            price_cents=parse_euros(self.price.data),
            sector=self.sector.data,
            quote_filename=self.quote.data.filename[:200],
            quote_pdf=self.quote_bytes,
        )


class AcceptForm(FlaskForm):
    """What only the employee can give, and their consent."""

    postcode = StringField(_l("Uw postcode"), validators=[DataRequired(REQUIRED)])
    birth_date = StringField(
        _l("Uw geboortedatum"), validators=[DataRequired(REQUIRED)]
    )
    consent = BooleanField(
        EMPLOYEE_CONSENT_TEXT,
        validators=[DataRequired(_l("Zonder uw toestemming kunnen wij niets doen."))],
    )

    def __init__(self, today: date, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def validate_postcode(self, field) -> None:
        QuoteForm._check(check_postcode, field.data)

    def validate_birth_date(self, field) -> None:
        QuoteForm._check(parse_birth_date, field.data, self.today, dutch=True)

    def answers(self):
        """(postcode, birth date) after validation."""
        return (
            check_postcode(self.postcode.data),
            parse_birth_date(self.birth_date.data, self.today, dutch=True),
        )


class DeclineForm(FlaskForm):
    reason = TextAreaField(
        _l("Waarom wilt u dit niet? (niet verplicht, uw werkgever leest dit)"),
        validators=[Optional(), Length(max=1000)],
    )


class WithdrawInvitationForm(FlaskForm):
    """Nothing to fill in: the button, with CSRF protection."""
