"""The upload form of the admin import page."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, FileField, SelectField
from wtforms.validators import ValidationError

# The web upload's limit; bigger feeds go through `flask import courses`.
UPLOAD_MAX_BYTES = 10 * 1024 * 1024


class UploadForm(FlaskForm):
    file = FileField(_l("Bestand (EDU-DEX json of xml, of csv; hoogstens 10 MB)"))
    provider = SelectField(_l("Aanbieder"), choices=[], default="")
    full = BooleanField(
        _l(
            "Dit is het volledige aanbod van de aanbieder: trek opleidingen in die "
            "niet in het bestand staan"
        )
    )

    def validate_file(self, field) -> None:
        upload = field.data
        if not upload or not getattr(upload, "filename", ""):
            raise ValidationError(_l("Kies een bestand."))
        try:
            data = upload.read(UPLOAD_MAX_BYTES + 1)
        finally:
            upload.close()
        if len(data) > UPLOAD_MAX_BYTES:
            raise ValidationError(
                _l("Het bestand is groter dan 10 MB. Gebruik de opdrachtregel.")
            )
        if not data:
            raise ValidationError(_l("Het bestand is leeg."))
        self.file_bytes = data

    def validate_full(self, field) -> None:
        if field.data and not self.provider.data:
            raise ValidationError(
                _l("Kies de aanbieder als het bestand het volledige aanbod is.")
            )
