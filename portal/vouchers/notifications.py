"""Who hears about a step of a voucher application, and what the e-mail says.

`workflow.NOTIFY` says who must know; this module finds their addresses and queues
the e-mails in the outbox, in the caller's transaction (the outbox sends later). The
provider's e-mail on approval carries the voucher code, the split, the signed link to
confirm the start and a link to the decision letter: the outbox sends plain text,
without attachments, so the letter is a download behind the same signed link.
"""

from flask_babel import gettext as _

from portal.outbox.services import queue_email
from portal.vouchers.models import VoucherApplication
from portal.vouchers.workflow import ApplicationStatus as S
from portal.vouchers.workflow import notified


def _addresses(application: VoucherApplication) -> dict[str, str]:
    case = application.case
    return {
        "resident": application.applicant.email if application.applicant else "",
        "employer": application.employer_email,
        "adviser": case.assigned_to.email if case.assigned_to else "",
        "provider": application.provider_email,
        "employee": application.invitee_email if not application.applicant else "",
    }


def notify(application: VoucherApplication, current: str, target: S) -> None:
    """Queue the e-mails of the step from `current` to `target`."""
    # The link helpers sit in modules that import services, which imports this one.
    from portal.vouchers.completion import provider_link
    from portal.vouchers.employer import employer_link

    case = application.case
    addresses = _addresses(application)
    subject = _(
        "Aanvraag scholingsvoucher %(reference)s: %(status)s",
        reference=case.reference,
        status=_(target.label),
    )
    for who in sorted(notified(current, target)):
        if not addresses.get(who):
            continue
        if who == "employer" and target == S.AWAITING_EMPLOYER:
            template, extra = (
                "vouchers/email/employer_request.txt",
                {"link": employer_link(application)},
            )
        elif who == "provider" and target == S.APPROVED:
            template, extra = (
                "vouchers/email/provider_approved.txt",
                {"link": provider_link(application)},
            )
        else:
            template, extra = (
                "vouchers/email/status_changed.txt",
                {"status": target, "to_applicant": who == "resident"},
            )
        queue_email(addresses[who], subject, template, application=application, **extra)
