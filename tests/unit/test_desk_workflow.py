"""The desk's workflow and rules, without an app: transitions, access, retention."""

from datetime import UTC, datetime, timedelta

import pytest

from portal.desk.rules import RETENTION, can_see_case, erase_due
from portal.desk.workflow import CONTACT_REQUEST, ContactStatus, reference

S = ContactStatus


def test_a_contact_request_starts_received_and_ends_closed():
    assert CONTACT_REQUEST.initial == S.RECEIVED
    assert CONTACT_REQUEST.final == S.CLOSED
    assert not CONTACT_REQUEST.is_open(S.CLOSED)
    assert CONTACT_REQUEST.is_open(S.ANSWERED)


@pytest.mark.parametrize("role", ["adviser", "admin"])
def test_advisers_move_a_question_along_the_table(role):
    wf = CONTACT_REQUEST
    assert wf.can_transition(S.RECEIVED, S.IN_PROGRESS, role)
    assert wf.can_transition(S.IN_PROGRESS, S.ANSWERED, role)
    assert wf.can_transition(S.ANSWERED, S.CLOSED, role)
    assert wf.can_transition(S.CLOSED, S.IN_PROGRESS, role)


@pytest.mark.parametrize("role", ["resident", "employer", "anonymous"])
def test_senders_cannot_change_a_status(role):
    for current in S:
        assert CONTACT_REQUEST.targets(current, role) == ()


def test_steps_outside_the_table_are_refused():
    wf = CONTACT_REQUEST
    assert not wf.can_transition(S.CLOSED, S.ANSWERED, "admin")
    assert not wf.can_transition(S.CLOSED, S.RECEIVED, "admin")
    assert not wf.can_transition(S.ANSWERED, S.RECEIVED, "adviser")
    assert wf.targets(S.CLOSED, "adviser") == (S.IN_PROGRESS,)


def test_the_reference_people_quote_has_prefix_year_and_six_digits():
    assert reference("LW", 2026, 123) == "LW-2026-000123"


@pytest.mark.parametrize(
    ("role", "lokets", "regions", "case_loket", "case_region", "allowed"),
    [
        ("admin", [], [], 5, 2, True),
        ("adviser", [5], [], 5, 2, True),
        ("adviser", [], [2], 5, 2, True),
        ("adviser", [6], [1], 5, 2, False),
        ("adviser", [6], [1], 5, None, False),
        ("resident", [5], [2], 5, 2, False),
        ("employer", [], [], 5, 2, False),
    ],
)
def test_only_admins_and_advisers_of_the_loket_or_region_see_a_case(
    role, lokets, regions, case_loket, case_region, allowed
):
    assert can_see_case(role, lokets, regions, case_loket, case_region) is allowed


def test_personal_data_is_erased_twelve_months_after_closing():
    closed = datetime(2025, 11, 1, 12, 0, tzinfo=UTC)
    assert not erase_due(closed, closed + RETENTION - timedelta(seconds=1))
    assert erase_due(closed, closed + RETENTION)
    assert not erase_due(None, closed + 10 * RETENTION)
