"""The handover form: shape checks only (required, length, a reachable contact)."""

import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, StringField, TelField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

REQUIRED = _l("Dit veld is verplicht.")
QUESTION_MAX = 2000
# Digits, spaces and + - ( ); at least 10 digits (a Dutch number has 10).
_PHONE = re.compile(r"^[0-9+\-() ]{10,30}$")


class HandoverForm(FlaskForm):
    """Name, a way to reach the sender (e-mail or phone), the question, consent."""

    name = StringField(
        _l("Uw naam"), validators=[DataRequired(REQUIRED), Length(max=120)]
    )
    email = EmailField(
        _l("E-mailadres"),
        validators=[
            Optional(),
            Email(
                _l("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."),
                check_deliverability=False,
            ),
            Length(max=254),
        ],
    )
    phone = TelField(_l("Telefoonnummer"), validators=[Optional(), Length(max=30)])
    question = TextAreaField(
        _l("Uw vraag"),
        validators=[
            DataRequired(REQUIRED),
            Length(
                max=QUESTION_MAX,
                message=_l("Uw vraag is te lang. Gebruik hoogstens 2000 tekens."),
            ),
        ],
    )
    consent = BooleanField(
        _l("Toestemming"),
        validators=[
            DataRequired(
                _l(
                    "Geef toestemming om uw vraag te delen. Zonder toestemming kunnen "
                    "wij uw vraag niet doorsturen."
                )
            )
        ],
    )

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if not (self.email.data or "").strip() and not (self.phone.data or "").strip():
            self.email.errors.append(
                _l(
                    "Vul een e-mailadres of een telefoonnummer in, zodat het loket u "
                    "kan bereiken."
                )
            )
            return False
        return valid

    def validate_phone(self, field) -> None:
        value = (field.data or "").strip()
        digits = sum(ch.isdigit() for ch in value)
        if value and (not _PHONE.match(value) or digits < 10):
            raise ValidationError(
                _l(
                    "Vul een telefoonnummer in van 10 cijfers, bijvoorbeeld 0314 123456."
                )
            )
