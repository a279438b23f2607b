"""16 advisers in separate processes approve 50 applications against a budget for 10.

Exactly 10 are approved, 40 wait, and the money reserved never exceeds the budget, on
SQLite (a file database: the immediate transaction) and on PostgreSQL (the row lock).
A watcher samples the reserved total while the approvers run. Run with -s (or -rP) to
see the figures.
"""

import multiprocessing
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from portal.accounts.models import User
from portal.catalog.models import Fund
from portal.desk.models import DeskCase
from portal.extensions import db
from portal.seeding.loader import Loader
from portal.vouchers import services
from portal.vouchers.budget import budget_state
from portal.vouchers.models import VoucherApplication
from tests.conftest import BACKENDS, SEED_DIR, database_url, make_app
from tests.web.test_voucher_budget import (
    START,
    VOUCHER,
    new_application,
    new_fund,
    new_user,
)

APPROVERS = 16
APPLICATIONS = 50
AFFORDABLE = 10


def _options(db_url: str) -> dict:
    # SQLite writers queue on the database lock: give them time to wait their turn.
    if db_url.startswith("sqlite"):
        return {"SQLALCHEMY_ENGINE_OPTIONS": {"connect_args": {"timeout": 60}}}
    return {}


def approver(db_url: str, tmp: str, adviser_id: int, jobs, results, start) -> None:
    """One adviser's process: approve what comes off the queue, one commit each."""
    app = make_app(db_url, Path(tmp), **_options(db_url))
    with app.test_request_context():
        adviser = db.session.get(User, adviser_id)
        start.wait()
        while (application_id := jobs.get()) is not None:
            application = db.session.get(VoucherApplication, application_id)
            outcome = services.approve(application, adviser)
            db.session.commit()
            results.put((application_id, outcome.value))
        db.session.remove()
        db.engine.dispose()


@pytest.fixture(params=BACKENDS)
def race(request, tmp_path):
    """A database with the seed's regions and lokets, a fund for 10 vouchers, 50
    applications submitted a minute apart and 16 advisers."""
    db_url = database_url(request.param, tmp_path, "voucher_race")
    app = make_app(db_url, tmp_path, **_options(db_url))
    with app.test_request_context():
        db.create_all()
        loader = Loader(SEED_DIR)
        loader.regions()
        loader.organisations()
        fund = new_fund(AFFORDABLE * VOUCHER)
        resident = new_user()
        applications = [
            new_application(fund, resident, VOUCHER, START + timedelta(minutes=i))
            for i in range(APPLICATIONS)
        ]
        # Already taken on, so an approval's first write comes after its budget read:
        # without the lock, two approvals could both read the same remaining money.
        for application in applications:
            application.case.status = "in_behandeling"
        ids = [application.id for application in applications]
        advisers = [new_user("adviser").id for _ in range(APPROVERS)]
        fund_id = fund.id
        db.session.commit()
    yield request.param, db_url, tmp_path, app, fund_id, ids, advisers
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


def _reserved_now(engine, fund_id: int) -> int:
    with engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT COALESCE(SUM(reserved_cents), 0) FROM voucher_application"
                " WHERE fund_id = :fund"
            ),
            {"fund": fund_id},
        ).scalar_one()


def test_sixteen_approvers_never_spend_more_than_the_budget(race):
    backend, db_url, tmp_path, app, fund_id, ids, advisers = race
    ctx = multiprocessing.get_context("spawn")
    jobs, results, start = ctx.Queue(), ctx.Queue(), ctx.Barrier(APPROVERS + 1)
    for application_id in ids:
        jobs.put(application_id)
    for _ in advisers:
        jobs.put(None)
    workers = [
        ctx.Process(
            target=approver,
            args=(db_url, str(tmp_path), adviser, jobs, results, start),
        )
        for adviser in advisers
    ]
    for worker in workers:
        worker.start()
    with app.app_context():
        watcher = create_engine(
            db.engine.url,
            **({"connect_args": {"timeout": 60}} if backend == "sqlite" else {}),
        )
    start.wait(timeout=120)
    began = time.perf_counter()
    outcomes, samples, peak = {}, 0, 0
    while len(outcomes) < APPLICATIONS:
        peak = max(peak, _reserved_now(watcher, fund_id))
        samples += 1
        while not results.empty():
            application_id, outcome = results.get()
            outcomes[application_id] = outcome
        if not any(w.is_alive() for w in workers) and results.empty():
            break
    elapsed = time.perf_counter() - began
    for worker in workers:
        worker.join(timeout=60)
    peak = max(peak, _reserved_now(watcher, fund_id))
    watcher.dispose()

    assert all(w.exitcode == 0 for w in workers)
    assert len(outcomes) == APPLICATIONS
    with app.app_context():
        fund_state = budget_state(db.session.get(Fund, fund_id))
        by_status = dict(
            db.session.execute(
                select(DeskCase.status, func.count())
                .join(VoucherApplication)
                .where(VoucherApplication.fund_id == fund_id)
                .group_by(DeskCase.status)
            ).all()
        )
    approved = sorted(a for a, o in outcomes.items() if o == "approved")
    print(
        f"\n[voucher race, {backend}] {APPROVERS} approver processes, "
        f"{APPLICATIONS} applications of EUR {VOUCHER / 100:,.0f}, budget "
        f"EUR {fund_state.budget_cents / 100:,.0f} ({AFFORDABLE} vouchers): "
        f"approved {by_status.get('goedgekeurd', 0)}, waitlisted "
        f"{by_status.get('wachtlijst', 0)}, reserved EUR "
        f"{fund_state.reserved_cents / 100:,.0f}, remaining EUR "
        f"{fund_state.remaining_cents / 100:,.0f}, peak reserved seen by the watcher "
        f"EUR {peak / 100:,.0f} over {samples} samples, {elapsed:.2f} s"
    )
    assert by_status == {
        "goedgekeurd": AFFORDABLE,
        "wachtlijst": APPLICATIONS - AFFORDABLE,
    }
    assert len(approved) == AFFORDABLE
    assert fund_state.reserved_cents == fund_state.budget_cents
    assert peak <= fund_state.budget_cents
    assert fund_state.remaining_cents == 0

    # Money released after the race goes to the earliest submission on the waitlist.
    with app.test_request_context():
        first_approved = db.session.get(VoucherApplication, approved[0])
        services.withdraw(first_approved, db.session.get(User, advisers[0]), "Stopt")
        db.session.commit()
        moved = db.session.scalars(
            select(VoucherApplication.id)
            .join(DeskCase)
            .where(
                VoucherApplication.fund_id == fund_id,
                DeskCase.status == "goedgekeurd",
            )
        ).all()
    earliest_waiting = min(set(ids) - set(approved))
    assert set(moved) == set(approved[1:]) | {earliest_waiting}
