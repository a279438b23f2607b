"""Desk writes: open a case, assign, note, reply, close, reopen, erase.

Every change appends an audit row (`CaseEvent`); statuses change only along the
workflow's transition table. Services flush but never commit: the view commits once,
so the change, its audit row and its e-mail (outbox) share one transaction.
"""

from datetime import date, datetime

from flask_babel import gettext as _
from sqlalchemy import select

from portal.accounts.models import User
from portal.desk import queries
from portal.desk.models import CaseEvent, CaseNote, ContactRequest, DeskCase
from portal.desk.rules import erase_due
from portal.desk.workflow import (
    CONTACT_REQUEST,
    ContactStatus,
    Workflow,
    reference,
    workflow_for,
)
from portal.extensions import db
from portal.lokets.models import Loket
from portal.outbox.services import queue_email
from portal.timestamps import utcnow


class DeskError(Exception):
    """The change is not allowed; `message` says why, in Dutch, for the adviser."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _record(
    case: DeskCase,
    actor: User | None,
    action: str,
    *,
    from_status: str | None = None,
    to_status: str | None = None,
    note: str = "",
    **data,
) -> CaseEvent:
    event = CaseEvent(
        case=case,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=note,
        data=data,
    )
    db.session.add(event)
    case.updated_at = utcnow()
    return event


def _transition(
    case: DeskCase, target: str, actor: User, action: str, note: str = "", **data
) -> CaseEvent:
    workflow = workflow_for(case.kind)
    if not workflow.can_transition(case.status, target, actor.role):
        raise DeskError(_("Deze stap kan niet bij de huidige status van de vraag."))
    current, case.status = case.status, target
    return _record(
        case,
        actor,
        action,
        from_status=current,
        to_status=target,
        note=note,
        **data,
    )


def open_case(
    workflow: Workflow,
    loket: Loket,
    requester: User | None,
    today: date,
    region_id: int | None = None,
) -> DeskCase:
    """A new case in its workflow's first status, with its reference (LW-2026-000123).

    The region is the loket's unless the case kind says otherwise (a voucher
    application belongs to the fund's region)."""
    case = DeskCase(
        kind=workflow.kind,
        loket=loket,
        region_id=region_id or loket.region_id,
        status=workflow.initial,
        requester=requester,
    )
    db.session.add(case)
    db.session.flush()
    case.reference = reference(workflow.reference_prefix, today.year, case.id)
    return case


def open_contact_request(
    *,
    loket: Loket,
    name: str,
    email: str,
    phone: str,
    question: str,
    answers: dict,
    consent_text: str,
    requester: User | None,
    today: date,
) -> DeskCase:
    """A handed-over question becomes a case at `loket`; the sender gets an e-mail."""
    workflow = CONTACT_REQUEST
    case = open_case(workflow, loket, requester, today)
    contact = ContactRequest(
        case=case,
        name=name.strip(),
        email=email.strip().lower(),
        phone=phone.strip(),
        question=question.strip(),
        answers=answers,
        consent_text=consent_text,
    )
    db.session.add(contact)
    _record(case, requester, "created", to_status=workflow.initial)
    if contact.email:
        queue_email(
            contact.email,
            _(
                "Uw vraag aan %(loket)s (%(reference)s)",
                loket=loket.name,
                reference=case.reference,
            ),
            "email/contact_request_received.txt",
            case=case,
            contact=contact,
        )
    db.session.flush()
    return case


def _require_open(case: DeskCase) -> None:
    if not workflow_for(case.kind).is_open(case.status):
        raise DeskError(_("Deze vraag is afgesloten. Open de vraag eerst opnieuw."))


def assign(case: DeskCase, assignee: User, actor: User) -> None:
    """Give the case to `assignee` (an adviser who can see it); a new case starts."""
    _require_open(case)
    if assignee not in queries.assignees(case):
        raise DeskError(_("Deze persoon kan vragen van dit loket niet behandelen."))
    case.assigned_to = assignee
    details = {"note": assignee.name, "assigned_to_id": assignee.id}
    if case.status == ContactStatus.RECEIVED:
        _transition(case, ContactStatus.IN_PROGRESS, actor, "assigned", **details)
    else:
        _record(case, actor, "assigned", **details)
    db.session.flush()


def add_note(case: DeskCase, actor: User, body: str) -> CaseNote:
    note = CaseNote(case=case, author=actor, visibility="internal", body=body.strip())
    db.session.add(note)
    db.session.flush()
    _record(case, actor, "note_added", note_id=note.id)
    db.session.flush()
    return note


def reply_address(case: DeskCase) -> str:
    """Where a reply goes: the address in the request, else the sender's account."""
    contact = case.contact_request
    if contact and contact.email:
        return contact.email
    return case.requester.email if case.requester else ""


def reply(case: DeskCase, actor: User, body: str) -> CaseNote:
    """Answer the sender by e-mail (outbox); the reply also shows in "Mijn vragen"."""
    _require_open(case)
    recipient = reply_address(case)
    if not recipient:
        raise DeskError(
            _("Deze persoon gaf geen e-mailadres. Bel het telefoonnummer in de vraag.")
        )
    note = CaseNote(case=case, author=actor, visibility="reply", body=body.strip())
    db.session.add(note)
    db.session.flush()
    if case.status == ContactStatus.ANSWERED:
        _record(case, actor, "replied", note_id=note.id)
    else:
        _transition(case, ContactStatus.ANSWERED, actor, "replied", note_id=note.id)
    queue_email(
        recipient,
        _("Antwoord op uw vraag (%(reference)s)", reference=case.reference),
        "email/contact_request_reply.txt",
        case=case,
        reply=note,
    )
    return note


def close(case: DeskCase, actor: User, outcome: str, note: str = "") -> None:
    """End the case with an outcome (the end status needs one, as in ZGW)."""
    if outcome not in workflow_for(case.kind).outcomes:
        raise DeskError(_("Kies hoe de vraag is afgehandeld."))
    final = workflow_for(case.kind).final
    _transition(case, final, actor, "closed", note.strip(), outcome=outcome)
    case.outcome = outcome
    case.closed_at = utcnow()
    db.session.flush()


def reopen(case: DeskCase, actor: User, note: str) -> None:
    previous = case.outcome
    _transition(
        case,
        ContactStatus.IN_PROGRESS,
        actor,
        "reopened",
        note.strip(),
        previous_outcome=previous,
    )
    case.outcome = None
    case.closed_at = None
    db.session.flush()


def erase_expired_contact_requests(now: datetime) -> int:
    """Erase the personal data of questions closed longer than the retention period.

    The case itself (loket, dates, statuses, outcome) and its audit trail stay, so the
    region keeps its figures; the name, contact data, question, answers and notes go.
    """
    candidates = db.session.scalars(
        select(DeskCase)
        .join(ContactRequest)
        .where(
            DeskCase.status == CONTACT_REQUEST.final,
            ContactRequest.erased_at.is_(None),
        )
    ).all()
    erased = 0
    for case in candidates:
        if not erase_due(case.closed_at, now):
            continue
        contact = case.contact_request
        contact.name = contact.email = contact.phone = contact.question = ""
        contact.answers = {}
        contact.erased_at = now
        for note in case.notes:
            note.body = ""
        _record(case, None, "erased")
        erased += 1
    db.session.flush()
    return erased
