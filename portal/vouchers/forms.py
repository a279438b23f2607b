"""The calculator form "Wat kost het mij?": shape checks only, through vouchers/inputs.py.

A GET form (it changes nothing), so a plain wtforms.Form without CSRF: the answer can
be bookmarked and works without JavaScript.
"""

from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import (
    Form,
    HiddenField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
)
from wtforms.validators import DataRequired, ValidationError

from portal.catalog.vocab import SECTORS
from portal.vouchers.inputs import (
    QuoteInput,
    QuoteInputError,
    check_postcode,
    check_sector,
    check_situation,
    parse_birth_date,
    parse_euros,
)
from portal.vouchers.vocab import SITUATIONS

REQUIRED = _l("Dit veld is verplicht.")


class QuoteForm(Form):
    postcode = StringField(_l("Uw postcode"), validators=[DataRequired(REQUIRED)])
    birth_date = StringField(
        _l("Uw geboortedatum"), validators=[DataRequired(REQUIRED)]
    )
    situation = RadioField(
        _l("Wat is uw situatie?"),
        choices=[SelectChoice(value, label) for value, label in SITUATIONS.items()],
        validators=[DataRequired(_l("Kies wat het best bij u past."))],
        validate_choice=False,  # validate_situation says it in Dutch
    )
    course_id = HiddenField()
    price = StringField(_l("Prijs van de opleiding in euro's"))
    sector = SelectField(
        _l("Sector van de opleiding"),
        choices=[SelectChoice("", _l("Kies een sector"))]
        + [SelectChoice(value, label) for value, label in SECTORS.items()],
        validate_choice=False,  # validate_sector says it in Dutch
    )

    def __init__(self, formdata, today: date, course_id: int | None = None):
        super().__init__(formdata)
        self.today = today
        if course_id is not None:
            self.course_id.data = str(course_id)

    @property
    def has_course(self) -> bool:
        return (self.course_id.data or "").isdigit()

    @staticmethod
    def _check(check, *args, **kwargs) -> None:
        """Run a shape check of inputs.py and turn its error into a form error."""
        try:
            check(*args, **kwargs)
        except QuoteInputError as exc:
            raise ValidationError(exc.message_nl) from exc

    def validate_postcode(self, field) -> None:
        self._check(check_postcode, field.data)

    def validate_birth_date(self, field) -> None:
        self._check(parse_birth_date, field.data, self.today, dutch=True)

    def validate_situation(self, field) -> None:
        self._check(check_situation, field.data)

    def validate_price(self, field) -> None:
        if self.has_course:
            return
        if not (field.data or "").strip():
            raise ValidationError(REQUIRED)
        self._check(parse_euros, field.data)

    def validate_sector(self, field) -> None:
        if self.has_course:
            return
        if not field.data:
            raise ValidationError(_l("Kies de sector van de opleiding."))
        self._check(check_sector, field.data)

    def to_input(self) -> QuoteInput:
        """The validated answers as a quote request."""
        common = dict(
            postcode=check_postcode(self.postcode.data),
            birth_date=parse_birth_date(self.birth_date.data, self.today, dutch=True),
            situation=self.situation.data,
        )
        if self.has_course:
            return QuoteInput(**common, course_id=int(self.course_id.data))
        return QuoteInput(
            **common, price_cents=parse_euros(self.price.data), sector=self.sector.data
        )
