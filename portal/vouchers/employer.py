"""The employer's co-payment by e-mail link: signed, expiring, single use.

The link carries the application id, signed with the app's secret (itsdangerous). It
expires after EMPLOYER_LINK_DAYS and works only while the application waits for the
employer: after a confirmation or a decline that status never comes back (see
workflow.TRANSITIONS), so a link cannot be used twice. Who answered and when goes to
the application's audit trail.
"""

from datetime import date

from flask import url_for
from flask_babel import gettext as _

from portal.vouchers import links, services
from portal.vouchers.models import VoucherApplication
from portal.vouchers.workflow import ApplicationStatus as S

_SALT = "voucher-employer-copayment"
EMPLOYER_LINK_DAYS = 14


def employer_link(application: VoucherApplication) -> str:
    token = links.sign(application, _SALT)
    return url_for("applications.employer_answer", token=token, _external=True)


def application_for_token(token: str) -> VoucherApplication | None:
    """The application the link is for; None when forged, expired or already used."""
    return links.application_for(token, _SALT, EMPLOYER_LINK_DAYS, S.AWAITING_EMPLOYER)


def confirm(application: VoucherApplication, name: str) -> None:
    """The employer commits to its share: binding, recorded with who and when."""
    services.move_as_employer(
        application,
        S.SUBMITTED,
        "employer_confirmed",
        "",
        employer_name=name.strip(),
        employer_cents=application.employer_cents,
    )


def decline(
    application: VoucherApplication, name: str, reason: str, today: date
) -> None:
    """The employer will not pay: the resident decides (pay it or withdraw); the
    decision deadline stops meanwhile."""
    if not reason.strip():
        raise services.VoucherError(_("Schrijf waarom u niet meebetaalt."))
    application.suspended_on = today
    services.move_as_employer(
        application,
        S.MORE_INFO_NEEDED,
        "employer_declined",
        reason.strip(),
        employer_name=name.strip(),
    )


def pay_employer_share_myself(
    application: VoucherApplication, resident, today: date
) -> None:
    """After a decline the resident takes over the employer's part; review goes on."""
    if not declined_by_employer(application):
        raise services.VoucherError(_("Uw werkgever heeft niet geweigerd."))
    application.own_cents += application.employer_cents
    application.employer_cents = 0
    services.resume(
        application, resident, today, _("Ik betaal het deel van de werkgever zelf.")
    )


def declined_by_employer(application: VoucherApplication) -> bool:
    """Waiting for the resident because the employer said no (not for an adviser)."""
    steps = [e for e in application.case.events if e.to_status]
    return (
        application.status == S.MORE_INFO_NEEDED
        and bool(steps)
        and steps[-1].action == "employer_declined"
    )


def confirmation(application: VoucherApplication):
    """The audit row of the employer's binding commitment, or None."""
    return next(
        (e for e in application.case.events if e.action == "employer_confirmed"), None
    )
