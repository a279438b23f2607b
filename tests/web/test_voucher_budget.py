"""A fund never spends money it does not have: approvals reserve under the budget lock,
a short budget means the waitlist, released money moves the waitlist up in order.

The factories here (`new_fund`, `new_application`) are plain functions; the other
voucher test modules import them.
"""

from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest
from sqlalchemy import select

from portal.accounts.models import User
from portal.catalog.models import Fund
from portal.desk.models import CaseEvent
from portal.desk.services import open_case
from portal.desk.workflow import VOUCHER_APPLICATION
from portal.extensions import db
from portal.regions.models import Region
from portal.vouchers import expiry, services
from portal.vouchers.budget import budget_state
from portal.vouchers.models import VoucherApplication
from portal.vouchers.submission import fund_loket

VOUCHER = 250_000
START = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def new_user(role: str = "resident", region: str | None = None) -> User:
    user = User(email=f"{role}-{uuid4().hex[:10]}@voorbeeld.nl", name=f"Test {role}")
    user.role = role
    user.set_password("Een-goed-wachtwoord")
    if region:
        user.regions = [db.session.scalar(select(Region).where(Region.slug == region))]
    db.session.add(user)
    db.session.flush()
    return user


def new_fund(budget_cents: int, four_eyes_above_cents: int | None = None) -> Fund:
    """A fund of its own per test, in the Achterhoek, so budgets never mix."""
    region = db.session.scalar(select(Region).where(Region.slug == "achterhoek"))
    fund = Fund(
        slug=f"test-{uuid4().hex[:10]}",
        name="Testfonds",
        region_id=region.id,
        budget_cents=budget_cents,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        max_voucher_cents=VOUCHER,
        vouchers_per_year=None,
        four_eyes_above_cents=four_eyes_above_cents,
        sectors=["zorg"],
        copay_shares={},
    )
    db.session.add(fund)
    db.session.flush()
    return fund


def new_application(
    fund: Fund,
    applicant: User,
    voucher_cents: int = VOUCHER,
    submitted_at: datetime = START,
) -> VoucherApplication:
    """A submitted application, straight into the queue (the rules are tested apart)."""
    case = open_case(
        VOUCHER_APPLICATION,
        fund_loket(fund.region_id),
        applicant,
        date(2026, 11, 1),
        region_id=fund.region_id,
    )
    application = VoucherApplication(
        case=case,
        applicant=applicant,
        fund=fund,
        course_provider="Testschool",
        course_title="Verzorgende IG",
        price_cents=voucher_cents,
        sector="zorg",
        situation="jobseeker_other",
        birth_date=date(1980, 5, 1),
        postcode="7001 AB",
        goal="find_work",
        consent_text="Ik geef toestemming.",
        voucher_cents=voucher_cents,
        submitted_at=submitted_at,
        decision_due=date(2026, 12, 26),
    )
    db.session.add(application)
    db.session.flush()
    return application


@pytest.fixture
def ctx(desk_app):
    """A request context (e-mails are rendered and translated), rolled back after."""
    with desk_app.test_request_context():
        yield
        db.session.rollback()
        db.session.remove()


def statuses(applications) -> list[str]:
    return [a.case.status for a in applications]


def test_approving_reserves_the_voucher_and_the_budget_adds_up(ctx):
    fund = new_fund(3 * VOUCHER)
    adviser, resident = new_user("adviser"), new_user()
    application = new_application(fund, resident, 200_000)
    assert services.approve(application, adviser) == services.Approval.APPROVED
    state = budget_state(fund)
    assert application.reserved_cents == 200_000 == state.reserved_cents
    assert state.reserved_cents + state.paid_cents + state.remaining_cents == (
        fund.budget_cents
    )
    steps = [(e.from_status, e.to_status) for e in application.case.events]
    assert steps[-2:] == [
        ("ingediend", "in_behandeling"),
        ("in_behandeling", "goedgekeurd"),
    ]


def test_adviser_cannot_approve_beyond_remaining_budget_so_it_goes_to_the_waitlist(ctx):
    fund = new_fund(2 * VOUCHER)
    adviser, resident = new_user("adviser"), new_user()
    apps = [
        new_application(fund, resident, submitted_at=START + timedelta(minutes=i))
        for i in range(3)
    ]
    outcomes = [services.approve(a, adviser) for a in apps]
    assert outcomes[-1] == services.Approval.WAITLISTED
    assert statuses(apps) == ["goedgekeurd", "goedgekeurd", "wachtlijst"]
    assert budget_state(fund).remaining_cents == 0
    assert apps[2].reserved_cents == 0


def test_withdrawal_moves_the_waitlist_up_in_order_of_submission(ctx):
    fund = new_fund(VOUCHER)
    adviser, resident = new_user("adviser"), new_user()
    first = new_application(fund, resident, submitted_at=START)
    later = new_application(fund, resident, submitted_at=START + timedelta(hours=2))
    earlier = new_application(fund, resident, submitted_at=START + timedelta(hours=1))
    for application in (first, later, earlier):
        services.approve(application, adviser)
    assert statuses([first, later, earlier]) == [
        "goedgekeurd",
        "wachtlijst",
        "wachtlijst",
    ]
    services.withdraw(first, adviser, "Begint niet")
    # The earlier submission moves up, not the one the adviser happened to approve first.
    assert statuses([first, later, earlier]) == [
        "ingetrokken",
        "wachtlijst",
        "goedgekeurd",
    ]
    assert first.reserved_cents == 0 and earlier.reserved_cents == VOUCHER
    moved = [e for e in earlier.case.events if e.action == "moved_up"]
    assert moved and moved[0].actor is None


def _big_waiting_small(adviser: User) -> list[VoucherApplication]:
    """Three approvals against room for the first and a bit: big, big, small."""
    fund = new_fund(VOUCHER + 100_000)
    resident = new_user()
    line = [
        new_application(fund, resident, cents, START + timedelta(hours=hour))
        for hour, cents in enumerate((VOUCHER, VOUCHER, 50_000))
    ]
    for application in line:
        services.approve(application, adviser)
    return line


def test_a_later_application_never_jumps_the_waitlist_while_earlier_ones_wait(ctx):
    line = _big_waiting_small(new_user("adviser"))
    assert statuses(line) == ["goedgekeurd", "wachtlijst", "wachtlijst"]


def test_rejecting_the_head_of_the_waitlist_lets_the_next_move_up(ctx):
    adviser = new_user("adviser")
    big, head, small = _big_waiting_small(adviser)
    services.reject(head, adviser, "Het fonds stopt met deze opleiding.")
    assert statuses([big, head, small]) == ["goedgekeurd", "afgewezen", "goedgekeurd"]
    assert head.decision_text == "Het fonds stopt met deze opleiding."


def test_four_eyes_needs_a_second_different_adviser_before_money_is_reserved(ctx):
    fund = new_fund(5 * VOUCHER, four_eyes_above_cents=200_000)
    first, second, resident = new_user("adviser"), new_user("adviser"), new_user()
    application = new_application(fund, resident, VOUCHER)
    assert services.approve(application, first) == services.Approval.FIRST
    assert application.case.status == "in_behandeling"
    assert budget_state(fund).reserved_cents == 0
    with pytest.raises(services.VoucherError, match="tweede adviseur"):
        services.approve(application, first)
    assert services.approve(application, second) == services.Approval.APPROVED
    assert application.first_approver_id == first.id
    assert budget_state(fund).reserved_cents == VOUCHER


def test_below_the_four_eyes_amount_one_adviser_decides(ctx):
    fund = new_fund(5 * VOUCHER, four_eyes_above_cents=200_000)
    adviser, resident = new_user("adviser"), new_user()
    application = new_application(fund, resident, 200_000)
    assert services.approve(application, adviser) == services.Approval.APPROVED


def test_approved_vouchers_not_started_in_time_expire_and_release_their_money(ctx):
    fund = new_fund(VOUCHER)
    fund.start_within_weeks = 4
    adviser, resident = new_user("adviser"), new_user()
    approved = new_application(fund, resident, submitted_at=START)
    waiting = new_application(fund, resident, submitted_at=START + timedelta(hours=1))
    services.approve(approved, adviser)
    services.approve(waiting, adviser)
    assert expiry.expire_unstarted(date.today() + timedelta(weeks=3)) == 0
    assert expiry.expire_unstarted(date.today() + timedelta(weeks=5)) >= 1
    assert statuses([approved, waiting]) == ["vervallen", "goedgekeurd"]


def test_asking_for_more_information_stops_the_decision_deadline(ctx):
    fund = new_fund(VOUCHER)
    adviser, resident = new_user("adviser"), new_user()
    application = new_application(fund, resident)
    due = application.decision_due
    services.request_information(
        application, adviser, "Stuur de offerte mee.", date(2026, 12, 1)
    )
    assert application.case.status == "aanvullen"
    services.resume(application, resident, date(2026, 12, 11), "Hierbij de offerte.")
    assert application.decision_due == due + timedelta(days=10)
    assert application.suspended_on is None
    assert application.case.status == "in_behandeling"


def test_status_history_rows_cannot_be_changed(ctx):
    fund = new_fund(VOUCHER)
    application = new_application(fund, new_user())
    services.approve(application, new_user("adviser"))
    event = db.session.scalars(
        select(CaseEvent).where(CaseEvent.case_id == application.case_id)
    ).first()
    event.note = "anders"
    with pytest.raises(Exception, match="never changed"):
        db.session.flush()


def test_a_resident_cannot_approve(ctx):
    fund = new_fund(VOUCHER)
    resident = new_user()
    application = new_application(fund, resident)
    with pytest.raises(services.VoucherError):
        services.approve(application, resident)


def test_the_funds_api_reports_real_reserved_money(desk_app):
    with desk_app.test_request_context():
        fund = new_fund(4 * VOUCHER)
        services.approve(new_application(fund, new_user()), new_user("adviser"))
        db.session.commit()
        fund_id = fund.id
    found = desk_app.test_client().get("/api/v1/funds").get_json()["results"]
    row = next(r for r in found if r["id"] == fund_id)
    assert row["reserved_cents"] == VOUCHER
    assert row["remaining_cents"] == 3 * VOUCHER
    assert (
        row["reserved_cents"] + row["paid_cents"] + row["remaining_cents"]
        == (row["budget_cents"])
    )


def test_the_expire_command_lapses_late_vouchers_and_commits(desk_app):
    with desk_app.test_request_context():
        fund = new_fund(VOUCHER)
        fund.start_within_weeks = 0
        application = new_application(fund, new_user())
        services.approve(application, new_user("adviser"))
        db.session.commit()
        application_id = application.id
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(desk_app.config, "FIXED_TODAY", "2027-01-05")
        result = desk_app.test_cli_runner().invoke(args=["vouchers", "expire"])
    assert result.exit_code == 0, result.output
    assert "vervallen" in result.output
    with desk_app.app_context():
        application = db.session.get(VoucherApplication, application_id)
        assert application.case.status == "vervallen"
        assert application.reserved_cents == 0
