"""The voucher workflow as data: every (from, to, role) against the spec, no app."""

import itertools

import pytest

from portal.vouchers.workflow import (
    FINAL,
    NOTIFY,
    ROLES,
    STARTS,
    TRANSITIONS,
    ApplicationStatus,
    can_transition,
    notified,
    roles_by_step,
    targets,
)

S = ApplicationStatus

# The spec, written out once more by hand: who may make which step.
ALLOWED = {
    "resident": {
        ("concept", "ingediend"),
        ("concept", "ingetrokken"),
        ("aanvullen", "in_behandeling"),
        ("ingediend", "ingetrokken"),
        ("wacht_op_werkgever", "ingetrokken"),
        ("in_behandeling", "ingetrokken"),
        ("aanvullen", "ingetrokken"),
        ("wachtlijst", "ingetrokken"),
        ("wacht_op_medewerker", "ingediend"),  # the invited employee consents
        ("wacht_op_medewerker", "ingetrokken"),  # or declines
    },
    "employer": {
        ("wacht_op_werkgever", "ingediend"),
        ("wacht_op_werkgever", "aanvullen"),
        ("wacht_op_medewerker", "ingetrokken"),  # takes back its invitation
    },
    "adviser": {
        ("ingediend", "in_behandeling"),
        ("aanvullen", "in_behandeling"),
        ("in_behandeling", "aanvullen"),
        ("in_behandeling", "goedgekeurd"),
        ("in_behandeling", "wachtlijst"),
        ("in_behandeling", "afgewezen"),
        ("wachtlijst", "afgewezen"),
        ("goedgekeurd", "ingetrokken"),
        ("goedgekeurd", "gestart"),
        ("gestart", "afgerond"),
    },
    "system": {
        ("ingediend", "wacht_op_werkgever"),
        ("wacht_op_werkgever", "aanvullen"),
        ("wachtlijst", "goedgekeurd"),
        ("goedgekeurd", "gestart"),
        ("goedgekeurd", "vervallen"),
        ("wacht_op_medewerker", "vervallen"),
    },
}
ALLOWED["admin"] = ALLOWED["adviser"] | {("afgewezen", "in_behandeling")}

CASES = list(itertools.product(S, S, ROLES))


@pytest.mark.parametrize(
    "current, target, role",
    CASES,
    ids=[f"{c}-{t}-{r}" for c, t, r in CASES],
)
def test_each_step_is_allowed_only_for_the_roles_in_the_table(current, target, role):
    assert can_transition(current, target, role) == (
        (str(current), str(target)) in ALLOWED[role]
    )


def test_the_statuses_are_the_dutch_values_of_the_issue():
    assert [str(s) for s in S] == [
        "concept",
        "wacht_op_medewerker",
        "ingediend",
        "wacht_op_werkgever",
        "in_behandeling",
        "aanvullen",
        "wachtlijst",
        "goedgekeurd",
        "afgewezen",
        "ingetrokken",
        "gestart",
        "afgerond",
        "vervallen",
    ]


def test_every_status_has_a_dutch_label():
    assert S.AWAITING_EMPLOYER.label == "Wacht op werkgever"
    assert all(s.label and s.label[0].isupper() for s in S)


def test_plain_strings_from_the_database_work_too():
    assert can_transition("in_behandeling", "goedgekeurd", "adviser")
    assert targets("wacht_op_werkgever", "employer") == (
        S.SUBMITTED,
        S.MORE_INFO_NEEDED,
    )


@pytest.mark.parametrize("role", ["visitor", "", "provider"])
def test_unknown_roles_may_do_nothing(role):
    assert not any(can_transition(c, t, role) for c, t in itertools.product(S, S))


def test_only_the_system_moves_an_application_up_from_the_waitlist():
    assert roles_by_step()[(S.WAITLISTED, S.APPROVED)] == {"system"}


def test_nothing_leaves_a_final_status_but_an_admins_reconsideration():
    leaving = {
        (role, c, t)
        for role, pairs in TRANSITIONS.items()
        for c, t in pairs
        if c in FINAL
    }
    assert leaving == {("admin", S.REJECTED, S.IN_REVIEW)}


def test_every_status_is_reachable_from_a_start_and_can_end():
    assert STARTS == {S.DRAFT, S.AWAITING_EMPLOYEE}
    steps = roles_by_step()
    assert not any(t in STARTS for _, t in steps), "nothing goes back to a start"
    reached, frontier = set(STARTS), list(STARTS)
    while frontier:
        current = frontier.pop()
        for c, t in steps:
            if c == current and t not in reached:
                reached.add(t)
                frontier.append(t)
    assert reached == set(S)
    for status in set(S) - FINAL:
        assert any(c == status for c, _ in steps), f"{status} is a dead end"


def test_notifications_go_with_real_steps():
    steps = roles_by_step()
    assert set(NOTIFY) <= set(steps)
    assert notified(S.IN_REVIEW, S.APPROVED) == {"resident", "employer", "provider"}
    assert notified(S.SUBMITTED, S.AWAITING_EMPLOYER) == {"employer"}
    assert notified(S.AWAITING_EMPLOYER, S.MORE_INFO_NEEDED) == {"resident"}
    assert notified(S.SUBMITTED, S.IN_REVIEW) == frozenset()
    assert notified(S.AWAITING_EMPLOYEE, S.WITHDRAWN) == {"employer", "employee"}
    assert notified(S.AWAITING_EMPLOYEE, S.SUBMITTED) == {"employer"}
