"""Account forms: shape checks only; policy lives in accounts/rules.py."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, RadioField, SelectChoice, StringField
from wtforms.validators import (
    DataRequired,
    Email,
    EqualTo,
    Length,
    ValidationError,
)

from portal.accounts.rules import kvk_problem, password_problems

REQUIRED = _l("Dit veld is verplicht.")


class LoginForm(FlaskForm):
    email = EmailField(
        _l("E-mailadres"), validators=[DataRequired(REQUIRED), Length(max=254)]
    )
    password = PasswordField(_l("Wachtwoord"), validators=[DataRequired(REQUIRED)])


class NewPasswordForm(FlaskForm):
    """A new password typed twice; the checks come from accounts/rules.py."""

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
        email = self.email.data if hasattr(self, "email") else ""
        problems = password_problems(field.data or "", email or "")
        if problems:
            raise ValidationError(" ".join(problems))


class RegisterForm(NewPasswordForm):
    role = RadioField(
        _l("Ik ben"),
        choices=[
            SelectChoice("resident", _l("Inwoner")),
            SelectChoice("employer", _l("Werkgever")),
        ],
        default="resident",
        validators=[DataRequired(REQUIRED)],
    )
    name = StringField(
        _l("Uw naam"), validators=[DataRequired(REQUIRED), Length(max=120)]
    )
    email = EmailField(
        _l("E-mailadres"),
        validators=[
            DataRequired(REQUIRED),
            Email(
                _l("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."),
                check_deliverability=False,
            ),
            Length(max=254),
        ],
    )
    organisation_name = StringField(
        _l("Naam van uw organisatie (alleen voor werkgevers)"),
        validators=[Length(max=200)],
    )
    kvk_number = StringField(
        _l("KvK-nummer (alleen voor werkgevers, 8 cijfers)"),
        validators=[Length(max=20)],
    )

    def validate_kvk_number(self, field) -> None:
        if self.role.data == "employer":
            problem = kvk_problem(field.data or "")
            if problem:
                raise ValidationError(problem)

    def validate_organisation_name(self, field) -> None:
        if self.role.data == "employer" and not (field.data or "").strip():
            raise ValidationError(_l("Vul de naam van uw organisatie in."))


class ForgotPasswordForm(FlaskForm):
    email = EmailField(
        _l("E-mailadres"), validators=[DataRequired(REQUIRED), Length(max=254)]
    )


class ResetPasswordForm(NewPasswordForm):
    """Same fields and checks as at registration."""
