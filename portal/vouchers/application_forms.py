"""The application form /vouchers/aanvragen and the resident's small forms: shape only.

The application form is the calculator's form plus what the decision needs: the course
typed in (with its quote as a PDF), the employer when employed, the goal and consent.
Whether the person is eligible is for the rules (submission.py), not for the form.
"""

import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    FileField,
    RadioField,
    SelectChoice,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from portal.vouchers.completion import MAX_PROOF_BYTES, PROOF_KINDS
from portal.vouchers.forms import REQUIRED, QuoteForm
from portal.vouchers.submission import ApplicationInput

QUOTE_MAX_BYTES = 5 * 1024 * 1024
KVK = re.compile(r"^\d{8}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

GOALS = {
    "keep_up": _l("Mijn vak bijhouden"),
    "better_position": _l("Een betere plek bij mijn werkgever"),
    "find_work": _l("Werk vinden"),
    "other_employer": _l("Naar een andere werkgever of een ander beroep"),
    "more_assignments": _l("Meer opdrachten als zzp'er"),
    "other": _l("Iets anders"),
}

CONSENT_TEXT = _l(
    "Ik geef toestemming dat het Leerwerkloket mijn gegevens gebruikt om mijn "
    "aanvraag te beoordelen, en dat het mijn werkgever vraagt om zijn deel te betalen "
    "als ik in loondienst werk. Mijn gegevens worden niet voor iets anders gebruikt."
)


def read_quote(upload) -> bytes:
    """The quote's bytes: a PDF (by its content, not its name) of at most 5 MB."""
    if not upload or not getattr(upload, "filename", ""):
        raise ValidationError(_l("Voeg de offerte van de opleider toe."))
    try:
        data = upload.read(QUOTE_MAX_BYTES + 1)
    finally:
        upload.close()  # a large upload is a temporary file: do not leave it open
    if len(data) > QUOTE_MAX_BYTES:
        raise ValidationError(_l("De offerte is groter dan 5 MB."))
    if not data.startswith(b"%PDF"):
        raise ValidationError(_l("De offerte moet een pdf-bestand zijn."))
    return data


class ApplyForm(QuoteForm):
    """A POST form with CSRF protection, like every FlaskForm."""

    class Meta(FlaskForm.Meta):
        pass

    course_provider = StringField(
        _l("Naam van de opleider"), validators=[Length(max=200)]
    )
    course_title = StringField(
        _l("Naam van de opleiding"), validators=[Length(max=300)]
    )
    quote = FileField(_l("Offerte van de opleider (pdf, hoogstens 5 MB)"))
    employer_kvk = StringField(_l("KvK-nummer van uw werkgever"))
    employer_email = StringField(
        _l("E-mailadres van uw werkgever (bijvoorbeeld HR)"),
        validators=[Length(max=254)],
    )
    goal = RadioField(
        _l("Wat wilt u bereiken met de opleiding?"),
        choices=[SelectChoice(value, label) for value, label in GOALS.items()],
        validators=[DataRequired(_l("Kies wat u wilt bereiken."))],
    )
    goal_text = TextAreaField(
        _l("Toelichting (niet verplicht)"), validators=[Optional(), Length(max=1000)]
    )
    consent = BooleanField(
        CONSENT_TEXT,
        validators=[DataRequired(_l("Zonder uw toestemming kunnen wij niets doen."))],
    )

    @property
    def employed(self) -> bool:
        return self.situation.data == "employed"

    def validate_course_title(self, field) -> None:
        if not self.has_course and not (field.data or "").strip():
            raise ValidationError(REQUIRED)

    def validate_course_provider(self, field) -> None:
        self.validate_course_title(field)

    def validate_quote(self, field) -> None:
        """Checked by its content, not its name: a PDF starts with %PDF."""
        if not self.has_course:
            self.quote_bytes = read_quote(field.data)

    def validate_employer_kvk(self, field) -> None:
        if self.employed and not KVK.match((field.data or "").strip()):
            raise ValidationError(_l("Een KvK-nummer heeft 8 cijfers."))

    def validate_employer_email(self, field) -> None:
        if self.employed and not EMAIL.match((field.data or "").strip()):
            raise ValidationError(_l("Vul een geldig e-mailadres in."))

    def to_application(self) -> ApplicationInput:
        entered = not self.has_course
        return ApplicationInput(
            quote=self.to_input(),
            goal=self.goal.data,
            goal_text=self.goal_text.data or "",
            consent_text=str(CONSENT_TEXT),
            course_provider=self.course_provider.data if entered else "",
            course_title=self.course_title.data if entered else "",
            quote_filename=self.quote.data.filename[:200] if entered else "",
            quote_pdf=self.quote_bytes if entered else None,
            employer_kvk=(self.employer_kvk.data or "").strip(),
            employer_email=self.employer_email.data or "",
        )


class WithdrawForm(FlaskForm):
    reason = TextAreaField(
        _l("Waarom trekt u de aanvraag in? (niet verplicht)"),
        validators=[Optional(), Length(max=1000)],
    )


class AnswerForm(FlaskForm):
    body = TextAreaField(
        _l("Uw antwoord aan de adviseur"),
        validators=[DataRequired(REQUIRED), Length(max=4000)],
    )


class EmployerForm(FlaskForm):
    name = StringField(
        _l("Uw naam"), validators=[DataRequired(REQUIRED), Length(max=120)]
    )
    answer = RadioField(
        _l("Betaalt u uw deel?"),
        choices=[
            SelectChoice(
                "confirm", _l("Ja, wij betalen ons deel (bindende toezegging)")
            ),
            SelectChoice("decline", _l("Nee, wij betalen niet mee")),
        ],
        validators=[DataRequired(_l("Kies ja of nee."))],
    )
    reason = TextAreaField(
        _l("Waarom betaalt u niet mee?"), validators=[Length(max=1000)]
    )

    def validate_reason(self, field) -> None:
        if self.answer.data == "decline" and not (field.data or "").strip():
            raise ValidationError(_l("Schrijf waarom u niet meebetaalt."))


class PayMyselfForm(FlaskForm):
    """Nothing to fill in: the button, with CSRF protection."""


class ProofForm(FlaskForm):
    """The proof of completion, from the adviser, the resident or the provider."""

    kind = RadioField(
        _l("Wat voor bewijs is het?"),
        choices=[SelectChoice(k, v) for k, v in PROOF_KINDS.items()],
        validators=[DataRequired(_l("Kies wat voor bewijs het is."))],
    )
    proof = FileField(_l("Het bewijs (pdf, png of jpg, hoogstens 5 MB)"))

    def read(self) -> tuple[str, bytes]:
        """The upload's name and bytes (one byte past the limit, so it is refused)."""
        upload = self.proof.data
        if not upload:
            return "", b""
        try:
            data = upload.read(MAX_PROOF_BYTES + 1)
        finally:
            upload.close()  # a large upload is a temporary file: do not leave it open
        return getattr(upload, "filename", "") or "", data


class ProviderStartForm(FlaskForm):
    """The provider confirms by its signed link that the course started."""

    name = StringField(
        _l("Uw naam"), validators=[DataRequired(REQUIRED), Length(max=120)]
    )
