"""Start and completion of an approved voucher, and the payout to the provider.

The provider confirms the start by a signed link (like the employer's: expiring; the
start can be confirmed once, while the voucher is approved), or the adviser records
it. Completion needs proof: a diploma or certificate, or proof of at least 80 %
attendance, checked by its content; the provider sends it through the same link, the
resident in "Mijn aanvragen", the adviser on the desk. The payout moves the reservation to paid in
the same transaction as the status change, under the fund's budget lock, so reserved
+ paid + remaining stays the budget. Services flush, the view commits.
"""

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.accounts.models import User
from portal.desk.services import _record
from portal.extensions import db
from portal.vouchers import links, services
from portal.vouchers.models import VoucherApplication
from portal.vouchers.workflow import ApplicationStatus as S

_SALT = "voucher-provider-start"
PROVIDER_LINK_DAYS = 26 * 7  # longer than any fund's weeks to start
MAX_PROOF_BYTES = 5 * 1024 * 1024

PROOF_KINDS = {
    "diploma": _l("Diploma of certificaat"),
    "attendance": _l("Bewijs van minstens 80 % aanwezigheid"),
}

# What a file starts with, whatever its name says.
_MAGIC = (
    (b"%PDF", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)


def proof_mimetype(data: bytes) -> str | None:
    """The file's type by its first bytes (PDF, PNG or JPEG); None for anything else."""
    for magic, mimetype in _MAGIC:
        if data.startswith(magic):
            return mimetype
    return None


def check_proof(data: bytes) -> str:
    """The mimetype of an acceptable proof, or a VoucherError that says why not."""
    if not data:
        raise services.VoucherError(_("Kies een bestand met het bewijs."))
    if len(data) > MAX_PROOF_BYTES:
        raise services.VoucherError(_("Het bestand is groter dan 5 MB."))
    mimetype = proof_mimetype(data)
    if mimetype is None:
        raise services.VoucherError(
            _("Dit bestand is geen pdf, png of jpg. Stuur het bewijs in een van die.")
        )
    return mimetype


def provider_link(application: VoucherApplication) -> str:
    token = links.sign(application, _SALT)
    return url_for("applications.provider.start", token=token, _external=True)


def application_for_start_token(token: str) -> VoucherApplication | None:
    """The approved application the link is for; None when forged, expired or used."""
    return links.application_for(token, _SALT, PROVIDER_LINK_DAYS, S.APPROVED)


def application_for_provider_token(token: str) -> VoucherApplication | None:
    """The application while the provider has business with it (approved or started):
    the decision letter, the start, the proof. None when forged, expired or done."""
    return links.application_for(
        token, _SALT, PROVIDER_LINK_DAYS, (S.APPROVED, S.STARTED)
    )


def record_start(
    application: VoucherApplication, actor: User | None, name: str = ""
) -> None:
    """The course started: by the provider's link (no account) or an adviser."""
    data = {"provider_name": name.strip()} if actor is None else {}
    services._move(application, S.STARTED, actor, "started", **data)
    db.session.flush()


def add_proof(
    application: VoucherApplication,
    actor: User | None,
    kind: str,
    filename: str,
    data: bytes,
    **who,
) -> None:
    """Keep the proof of completion with the application (replacing an earlier one).

    `actor` is the adviser or the resident; None for the provider by its signed link,
    whose name then goes in `who` (provider_name=...). The audit trail records it."""
    if application.status != S.STARTED:
        raise services.VoucherError(
            _("Een bewijs kan alleen bij een gestarte opleiding.")
        )
    if kind not in PROOF_KINDS:
        raise services.VoucherError(_("Kies wat voor bewijs het is."))
    application.proof_mimetype = check_proof(data)
    application.proof_kind = kind
    application.proof_filename = filename[:200]
    application.proof_file = data
    _record(application.case, actor, "proof_added", kind=kind, size=len(data), **who)
    db.session.flush()


def record_payout(application: VoucherApplication, adviser: User) -> int:
    """Pay the provider: afgerond, and the reservation becomes paid, in one step
    under the fund's budget lock. Returns the amount paid in cents."""
    services._fresh(application)
    if application.status != S.STARTED:
        raise services.VoucherError(
            _("Uitbetalen kan alleen als de opleiding is gestart.")
        )
    if not application.proof_file:
        raise services.VoucherError(
            _("Voeg eerst het diploma of het bewijs van aanwezigheid toe.")
        )
    paid = application.reserved_cents
    application.paid_cents += paid
    application.reserved_cents = 0
    services._move(application, S.COMPLETED, adviser, "paid_out", paid=paid)
    db.session.flush()
    return paid
