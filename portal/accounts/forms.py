"""Account forms: shape checks only; policy lives in accounts/rules.py."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, RadioField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional, ValidationError

from portal.accounts.rules import kvk_problem, password_problems

REQUIRED = _l("Dit veld is verplicht.")


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mailadres"), validators=[DataRequired(REQUIRED), Length(max=254)])
    password = PasswordField(_l("Wachtwoord"), validators=[DataRequired(REQUIRED)])


class RegisterForm(FlaskForm):
    role = RadioField(
        _l("Ik ben"),
        choices=[("resident", _l("Inwoner")), ("employer", _l("Werkgever"))],
        default="resident",
        validators=[DataRequired(REQUIRED)],
    )
    name = StringField(_l("Uw naam"), validators=[DataRequired(REQUIRED), Length(max=120)])
    email = EmailField(
        _l("E-mailadres"),
        validators=[
            DataRequired(REQUIRED),
            Email(_l("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."),
                  check_deliverability=False),
            Length(max=254),
        ],
    )
    organisation_name = StringField(
        _l("Naam van uw organisatie (alleen voor werkgevers)"),
        validators=[Optional(), Length(max=200)],
    )
    kvk_number = StringField(
        _l("KvK-nummer (alleen voor werkgevers, 8 cijfers)"),
        validators=[Optional(), Length(max=20)],
    )
    password = PasswordField(
        _l("Wachtwoord (minstens 10 tekens)"), validators=[DataRequired(REQUIRED)]
    )
    password_again = PasswordField(
        _l("Herhaal het wachtwoord"),
        validators=[
            DataRequired(REQUIRED),
            EqualTo("password", _l("De twee wachtwoorden zijn niet gelijk.")),
        ],
    )

    def validate_password(self, field) -> None:
        problems = password_problems(field.data or "", self.email.data or "")
        if problems:
            raise ValidationError(" ".join(problems))

    def validate_kvk_number(self, field) -> None:
        if self.role.data == "employer":
            problem = kvk_problem(field.data or "")
            if problem:
                raise ValidationError(problem)

    def validate_organisation_name(self, field) -> None:
        if self.role.data == "employer" and not (field.data or "").strip():
            raise ValidationError(_l("Vul de naam van uw organisatie in."))


class ForgotPasswordForm(FlaskForm):
    email = EmailField(_l("E-mailadres"), validators=[DataRequired(REQUIRED), Length(max=254)])


class ResetPasswordForm(FlaskForm):
    password = PasswordField(
        _l("Nieuw wachtwoord (minstens 10 tekens)"), validators=[DataRequired(REQUIRED)]
    )
    password_again = PasswordField(
        _l("Herhaal het nieuwe wachtwoord"),
        validators=[
            DataRequired(REQUIRED),
            EqualTo("password", _l("De twee wachtwoorden zijn niet gelijk.")),
        ],
    )

    def validate_password(self, field) -> None:
        problems = password_problems(field.data or "")
        if problems:
            raise ValidationError(" ".join(problems))
