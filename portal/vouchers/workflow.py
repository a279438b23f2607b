"""The statuses of a voucher application and who may move it where, as data.

Pure: no Flask, no database. As in ZGW case systems a status is only ever appended to
the application's history (who, when, from, to, why); this module only says which steps
exist. The roles are the account roles (resident, employer, adviser, admin) plus
`system` for what the portal does by itself: a timer, the waitlist, a signed link.
"""

from enum import StrEnum


def N_(text: str) -> str:
    """Mark a text for translation without Flask; the templates translate it with _()."""
    return text


class ApplicationStatus(StrEnum):
    DRAFT = "concept"
    AWAITING_EMPLOYEE = "wacht_op_medewerker"
    SUBMITTED = "ingediend"
    AWAITING_EMPLOYER = "wacht_op_werkgever"
    IN_REVIEW = "in_behandeling"
    MORE_INFO_NEEDED = "aanvullen"
    WAITLISTED = "wachtlijst"
    APPROVED = "goedgekeurd"
    REJECTED = "afgewezen"
    WITHDRAWN = "ingetrokken"
    STARTED = "gestart"
    COMPLETED = "afgerond"
    EXPIRED = "vervallen"

    @property
    def label(self) -> str:
        """The Dutch label for people (English identifiers, Dutch labels)."""
        return LABELS[self]


S = ApplicationStatus

LABELS = {
    S.DRAFT: N_("Concept"),
    S.AWAITING_EMPLOYEE: N_("Wacht op werknemer"),
    S.SUBMITTED: N_("Ingediend"),
    S.AWAITING_EMPLOYER: N_("Wacht op werkgever"),
    S.IN_REVIEW: N_("In behandeling"),
    S.MORE_INFO_NEEDED: N_("Aanvullen"),
    S.WAITLISTED: N_("Op de wachtlijst"),
    S.APPROVED: N_("Goedgekeurd"),
    S.REJECTED: N_("Afgewezen"),
    S.WITHDRAWN: N_("Ingetrokken"),
    S.STARTED: N_("Gestart"),
    S.COMPLETED: N_("Afgerond"),
    S.EXPIRED: N_("Vervallen"),
}

ROLES = ("resident", "employer", "adviser", "admin", "system")

# Where an application begins: a resident's own draft, or an employer's invitation
# that waits for the employee (it never comes back to either).
STARTS = frozenset({S.DRAFT, S.AWAITING_EMPLOYEE})

# Not yet decided: the resident may still withdraw.
UNDECIDED = frozenset(
    {S.SUBMITTED, S.AWAITING_EMPLOYER, S.IN_REVIEW, S.MORE_INFO_NEEDED, S.WAITLISTED}
)
# Nothing follows these, except an admin's reconsideration of a rejection.
FINAL = frozenset({S.REJECTED, S.WITHDRAWN, S.COMPLETED, S.EXPIRED})

_ADVISER_STEPS = frozenset(
    {
        (S.SUBMITTED, S.IN_REVIEW),  # takes the application on
        (S.MORE_INFO_NEEDED, S.IN_REVIEW),  # the missing information came by phone
        (S.IN_REVIEW, S.MORE_INFO_NEEDED),  # asks for more (suspends the deadline)
        (S.IN_REVIEW, S.APPROVED),  # approves; the budget is reserved in the same step
        (S.IN_REVIEW, S.WAITLISTED),  # approves, but the budget is short
        (S.IN_REVIEW, S.REJECTED),
        (S.WAITLISTED, S.REJECTED),  # e.g. the fund's period ends
        (S.APPROVED, S.WITHDRAWN),  # records the resident's "I will not start"
        (S.APPROVED, S.STARTED),  # records the start
        (S.STARTED, S.COMPLETED),  # checked the diploma or ≥ 80 % attendance
    }
)

TRANSITIONS: dict[str, frozenset[tuple[ApplicationStatus, ApplicationStatus]]] = {
    "resident": frozenset(
        {
            (S.DRAFT, S.SUBMITTED),
            (S.DRAFT, S.WITHDRAWN),
            (S.MORE_INFO_NEEDED, S.IN_REVIEW),  # sends what was asked for
            # The employee of an employer's invitation: checks, consents, submits;
            (S.AWAITING_EMPLOYEE, S.SUBMITTED),
            # or declines (the employer is told).
            (S.AWAITING_EMPLOYEE, S.WITHDRAWN),
        }
        | {(status, S.WITHDRAWN) for status in UNDECIDED}
    ),
    "employer": frozenset(
        {
            (S.AWAITING_EMPLOYER, S.SUBMITTED),  # confirms its share: to the queue
            (S.AWAITING_EMPLOYER, S.MORE_INFO_NEEDED),  # declines: resident decides
            (S.AWAITING_EMPLOYEE, S.WITHDRAWN),  # takes back its invitation
        }
    ),
    "adviser": _ADVISER_STEPS,
    "admin": _ADVISER_STEPS | {(S.REJECTED, S.IN_REVIEW)},  # reconsideration
    "system": frozenset(
        {
            (S.SUBMITTED, S.AWAITING_EMPLOYER),  # employed: the employer must confirm
            (S.AWAITING_EMPLOYER, S.MORE_INFO_NEEDED),  # the employer's link expired
            (S.WAITLISTED, S.APPROVED),  # money was released: moves up in order
            (S.APPROVED, S.STARTED),  # the provider confirmed by its signed link
            (S.APPROVED, S.EXPIRED),  # not started within the fund's weeks
            (S.AWAITING_EMPLOYEE, S.EXPIRED),  # the employee's invitation lapsed
        }
    ),
}


def can_transition(current: str, target: str, role: str) -> bool:
    """Whether `role` may move an application from `current` to `target`."""
    return (current, target) in TRANSITIONS.get(role, frozenset())


def targets(current: str, role: str) -> tuple[ApplicationStatus, ...]:
    """The statuses `role` may move an application to from `current`, in status order."""
    return tuple(s for s in ApplicationStatus if can_transition(current, s, role))


def roles_by_step() -> dict[tuple[str, str], frozenset[str]]:
    """The same table turned around, (from, to) → roles, as the desk's Workflow reads it."""
    steps: dict[tuple[str, str], set[str]] = {}
    for role, pairs in TRANSITIONS.items():
        for pair in pairs:
            steps.setdefault(pair, set()).add(role)
    return {pair: frozenset(roles) for pair, roles in steps.items()}


# Who gets an e-mail (through the outbox) on a step. "employer" only when the applicant
# is employed, "provider" is the course provider (when it has an e-mail address),
# "employee" the invited employee before they accepted; steps not listed notify nobody.
NOTIFY: dict[tuple[ApplicationStatus, ApplicationStatus], frozenset[str]] = {
    (S.DRAFT, S.SUBMITTED): frozenset({"resident"}),  # confirmation + reference
    (S.SUBMITTED, S.AWAITING_EMPLOYER): frozenset({"employer"}),  # the signed link
    (S.AWAITING_EMPLOYER, S.SUBMITTED): frozenset({"resident"}),  # employer confirmed
    (S.AWAITING_EMPLOYER, S.MORE_INFO_NEEDED): frozenset({"resident"}),  # declined
    (S.IN_REVIEW, S.MORE_INFO_NEEDED): frozenset({"resident"}),
    (S.MORE_INFO_NEEDED, S.IN_REVIEW): frozenset({"adviser"}),
    (S.IN_REVIEW, S.WAITLISTED): frozenset({"resident"}),
    (S.IN_REVIEW, S.APPROVED): frozenset({"resident", "employer", "provider"}),
    (S.WAITLISTED, S.APPROVED): frozenset({"resident", "employer", "provider"}),
    (S.IN_REVIEW, S.REJECTED): frozenset({"resident", "employer"}),
    (S.WAITLISTED, S.REJECTED): frozenset({"resident", "employer"}),
    (S.APPROVED, S.EXPIRED): frozenset({"resident", "employer", "provider"}),
    (S.APPROVED, S.WITHDRAWN): frozenset({"employer", "provider"}),
    (S.STARTED, S.COMPLETED): frozenset({"resident"}),
    (S.AWAITING_EMPLOYEE, S.SUBMITTED): frozenset({"employer"}),  # the employee agreed
    (S.AWAITING_EMPLOYEE, S.WITHDRAWN): frozenset({"employer", "employee"}),
    (S.AWAITING_EMPLOYEE, S.EXPIRED): frozenset({"employer", "employee"}),
} | {
    (status, S.WITHDRAWN): frozenset({"employer", "adviser"})
    for status in UNDECIDED - {S.SUBMITTED}
}


def notified(current: str, target: str) -> frozenset[str]:
    """Who must hear about the step from `current` to `target`."""
    return NOTIFY.get((current, target), frozenset())
