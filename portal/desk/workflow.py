"""Case statuses and the transitions between them, as data. Pure: no Flask, no database.

One `Workflow` per case kind, so voucher applications can bring their own statuses and
outcomes later and share the desk. As in ZGW case systems, a status is only ever
appended to the case's history, and the end status needs an outcome first.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from portal.vouchers import workflow as voucher_workflow

ADVISER_ROLES = frozenset({"adviser", "admin"})


class ContactStatus(StrEnum):
    RECEIVED = "received"
    IN_PROGRESS = "in_progress"
    ANSWERED = "answered"
    CLOSED = "closed"


class ContactOutcome(StrEnum):
    ANSWERED = "answered"
    APPOINTMENT = "appointment"
    REFERRED = "referred"
    NO_CONTACT = "no_contact"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class Workflow:
    kind: str
    reference_prefix: str
    initial: str
    final: str
    statuses: tuple[str, ...]
    outcomes: tuple[str, ...]
    # (from, to) → the roles that may make that step.
    transitions: dict[tuple[str, str], frozenset[str]]
    # Other statuses that end a case besides `final` (a voucher can end four ways).
    also_final: frozenset[str] = field(default_factory=frozenset)

    @property
    def ends(self) -> frozenset[str]:
        return self.also_final | {self.final}

    def can_transition(self, current: str, target: str, role: str) -> bool:
        return role in self.transitions.get((current, target), frozenset())

    def targets(self, current: str, role: str) -> tuple[str, ...]:
        """The statuses `role` may move a case to from `current`, in status order."""
        return tuple(s for s in self.statuses if self.can_transition(current, s, role))

    def is_open(self, status: str) -> bool:
        return status not in self.ends


S = ContactStatus
CONTACT_REQUEST = Workflow(
    kind="contact_request",
    reference_prefix="LW",
    initial=S.RECEIVED,
    final=S.CLOSED,
    statuses=tuple(S),
    outcomes=tuple(ContactOutcome),
    transitions={
        # Taking a question on (by assigning it, or by hand).
        (S.RECEIVED, S.IN_PROGRESS): ADVISER_ROLES,
        # A reply to the sender.
        (S.RECEIVED, S.ANSWERED): ADVISER_ROLES,
        (S.IN_PROGRESS, S.ANSWERED): ADVISER_ROLES,
        # More work after a reply (a phone call back, a second reply).
        (S.ANSWERED, S.IN_PROGRESS): ADVISER_ROLES,
        # Closing with an outcome, from any open status.
        (S.RECEIVED, S.CLOSED): ADVISER_ROLES,
        (S.IN_PROGRESS, S.CLOSED): ADVISER_ROLES,
        (S.ANSWERED, S.CLOSED): ADVISER_ROLES,
        # Reopening a closed case.
        (S.CLOSED, S.IN_PROGRESS): ADVISER_ROLES,
    },
)

# Voucher applications bring their own table (portal/vouchers/workflow.py).
V = voucher_workflow.ApplicationStatus
VOUCHER_APPLICATION = Workflow(
    kind="voucher_application",
    reference_prefix="VW",
    initial=V.SUBMITTED,
    final=V.COMPLETED,
    also_final=voucher_workflow.FINAL,
    statuses=tuple(V),
    outcomes=(),
    transitions=voucher_workflow.roles_by_step(),
)

WORKFLOWS = {w.kind: w for w in (CONTACT_REQUEST, VOUCHER_APPLICATION)}


def workflow_for(kind: str) -> Workflow:
    return WORKFLOWS[kind]


def reference(prefix: str, year: int, number: int) -> str:
    """The case number people quote: LW-2026-000123."""
    return f"{prefix}-{year}-{number:06d}"
