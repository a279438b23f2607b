"""The index on disk: live updates, removals, drift checks, atomic rebuilds, one writer
at a time, searching while another process reindexes, and the Whoosh pitfalls of the
issue (stale refresh, SyntaxWarnings under -W error, NUMERIC fields, LockError).

Each test gets its own database and SEARCH_INDEX_DIR (the `app` fixture); tests that
need the catalogue get the seed loaded and indexed (`indexed_app`).
"""

import os
import shutil
import subprocess
import sys
import threading
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict
from whoosh.fields import NUMERIC

from portal.catalog.models import Course, StartMoment, course_locations
from portal.extensions import db
from portal.search import engine, indexing
from portal.search.analysis import Decompounder, dutch_analyzer, load_parts
from portal.search.index import SearchIndex
from portal.search.params import parse_search_args
from portal.search.query import QueryBuilder
from portal.search.schema import FACET_FIELDS, NO_START, build_schema
from portal.search.service import SearchService
from portal.search.snapshot import SnapshotHolder, load_snapshot
from portal.search.synonyms import load_synonyms
from portal.seeding.loader import load_seed
from tests.conftest import SEED_DIR, TODAY, make_app

ROOT = Path(__file__).resolve().parents[2]
PARTS = SEED_DIR / "compound_parts.txt"


def load_and_index(app) -> None:
    with app.app_context():
        load_seed(SEED_DIR, with_demo_accounts=False)
        db.session.commit()
        engine.reindex()


@pytest.fixture(scope="module")
def sqlite_template(tmp_path_factory):
    """The seed loaded and indexed once, into an SQLite file and an index folder that
    each SQLite test copies (3 s of setup saved per test)."""
    tmp_path = tmp_path_factory.mktemp("search-template")
    app = make_app(f"sqlite:///{tmp_path / 'test.db'}", tmp_path)
    with app.app_context():
        db.create_all()
    load_and_index(app)
    with app.app_context():
        db.engine.dispose()
    return tmp_path / "test.db", tmp_path / "index"


@pytest.fixture
def indexed_app(app, sqlite_template):
    """The `app` fixture with the seed catalogue loaded and the index built (on SQLite
    copied from a template built the same way; on PostgreSQL loaded for real)."""
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if not uri.startswith("sqlite:///"):
        load_and_index(app)
        return app
    database, index = sqlite_template
    with app.app_context():
        db.engine.dispose()
    shutil.copyfile(database, uri.removeprefix("sqlite:///"))
    shutil.copytree(index, app.config["SEARCH_INDEX_DIR"], symlinks=True)
    return app


def search(app, q: str = "", **params) -> dict:
    response = app.test_client().get(
        "/api/v1/search", query_string={"q": q, "per_page": 50, **params}
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def ids(data: dict, kind: str = "course") -> set[int]:
    return {r["id"] for r in data["results"] if r["type"] == kind}


def first_course(app, title_word: str) -> int:
    with app.app_context():
        return db.session.scalar(
            select(Course.id)
            .where(Course.title.ilike(f"%{title_word}%"))
            .order_by(Course.id)
        )


def document(key: str, title: str, price: int = 0, next_start: int = NO_START):
    doc = {
        "key": key,
        "type": key.partition(":")[0],
        "title": title,
        "body": f"{title} in de regio",
        "summary": title,
        "price": price,
        "next_start": next_start,
    }
    doc.update({name: "" for name in FACET_FIELDS if name != "type"})
    return doc


# -- live updates -----------------------------------------------------------------------
def test_a_changed_title_is_findable_at_once_and_the_old_title_is_gone(indexed_app):
    course_id = first_course(indexed_app, "Metselaar")
    before = search(indexed_app, "metselaar")
    assert course_id in ids(before)
    assert search(indexed_app, "glazenwasser")["total"] == 0  # the searcher is open
    with indexed_app.app_context():
        holder = engine.service().holder
        old_searcher = holder.get().searcher
        course = db.session.get(Course, course_id)
        course.title = "Glazenwasser vakopleiding"
        course.description_nl = "Ramen wassen op hoogte."
        db.session.commit()
        engine.index_records([course])
        # Reopened, not refreshed: refresh() kept stale documents visible.
        assert holder.get().searcher is not old_searcher
    assert ids(search(indexed_app, "glazenwasser")) == {course_id}
    after = search(indexed_app, "metselaar")
    assert course_id not in ids(after)
    assert after["total"] == before["total"] - 1


def test_a_second_update_of_the_same_course_replaces_the_first(indexed_app):
    course_id = first_course(indexed_app, "Metselaar")
    with indexed_app.app_context():
        course = db.session.get(Course, course_id)
        for title in ("Glazenwasser basis", "Schoorsteenveger basis"):
            course.title = title
            db.session.commit()
            engine.index_records([course])
            search(indexed_app, title.split()[0])
    assert search(indexed_app, "glazenwasser")["total"] == 0
    found = search(indexed_app, "schoorsteenveger")
    assert ids(found) == {course_id} and found["total"] == 1


def test_another_worker_sees_a_live_update_without_a_restart(indexed_app, monkeypatch):
    monkeypatch.setattr("portal.search.snapshot.CHECK_INTERVAL", 0.0)
    other = make_app(
        indexed_app.config["SQLALCHEMY_DATABASE_URI"],
        Path(indexed_app.config["SEARCH_INDEX_DIR"]).parent,
    )
    assert search(other, "glazenwasser")["total"] == 0  # the other worker's searcher
    course_id = first_course(indexed_app, "Metselaar")
    with indexed_app.app_context():
        course = db.session.get(Course, course_id)
        course.title = "Glazenwasser vakopleiding"
        db.session.commit()
        engine.index_records([course])
    assert ids(search(other, "glazenwasser")) == {course_id}
    assert course_id not in ids(search(other, "metselaar"))
    with other.app_context():
        db.engine.dispose()


def test_removed_records_disappear_from_the_results(indexed_app):
    course_id = first_course(indexed_app, "Metselaar")
    before = search(indexed_app, "metselaar")
    with indexed_app.app_context():
        engine.remove_records([f"course:{course_id}"])
    after = search(indexed_app, "metselaar")
    assert course_id not in ids(after)
    assert after["total"] == before["total"] - 1
    assert search(indexed_app)["total"] == search(indexed_app, "")["total"]


def test_indexing_a_withdrawn_course_takes_it_out_of_the_results(indexed_app):
    """Withdrawn courses are not searchable (a rebuild and `search check` leave them
    out), so a live update of a course that was just withdrawn must remove it too."""
    course_id = first_course(indexed_app, "Metselaar")
    with indexed_app.app_context():
        course = db.session.get(Course, course_id)
        course.withdrawn_at = datetime.now(UTC)
        db.session.commit()
        engine.index_records([course])
    assert course_id not in ids(search(indexed_app, "metselaar"))
    result = indexed_app.test_cli_runner().invoke(args=["search", "check"])
    assert result.exit_code == 0, result.output


# -- drift ------------------------------------------------------------------------------
def test_search_check_passes_in_step_and_lists_a_course_that_was_not_indexed(
    indexed_app,
):
    runner = indexed_app.test_cli_runner()
    result = runner.invoke(args=["search", "check"])
    assert result.exit_code == 0, result.output
    assert "Index en database komen overeen." in result.output

    with indexed_app.app_context():
        template = db.session.get(Course, first_course(indexed_app, "Metselaar"))
        course = Course(
            external_id="test-niet-geindexeerd",
            title="Imker voor beginners",
            provider_id=template.provider_id,
            region_id=template.region_id,
            level="2",
            form="course",
            sector="groen",
            price_cents=25_000,
            delivery="on_site",
        )
        db.session.add(course)
        db.session.commit()
        key = f"course:{course.id}"
    result = runner.invoke(args=["search", "check"])
    assert result.exit_code == 1, result.output
    assert "Niet in de index (1)" in result.output and key in result.output


def test_search_check_lists_a_record_that_is_only_in_the_index(indexed_app):
    with indexed_app.app_context():
        engine.service().holder.index.write([document("course:999999", "Spook")])
        engine.service().holder.mark_stale()
    result = indexed_app.test_cli_runner().invoke(args=["search", "check"])
    assert result.exit_code == 1
    assert "Niet (meer) in de database (1): course:999999" in result.output


# -- rebuilds -----------------------------------------------------------------------------
def test_reindex_builds_a_new_version_and_swaps_it_in_while_the_old_one_serves(
    indexed_app,
):
    with indexed_app.app_context():
        index = engine.service().holder.index
        old = index.current_path()
        full = search(indexed_app)["total"]
        seen_during = []

        def during(batch_size):
            # Mid-rebuild: `current` still names the old version, and a searcher
            # opened from disk now (another worker) sees the complete old index.
            seen_during.append(index.current_path())
            fresh = SnapshotHolder(engine.make_index(indexed_app)).get()
            assert fresh.doc_count == full

        engine.reindex(on_batch=during)
        new = index.current_path()
    assert seen_during and set(seen_during) == {old}
    assert new != old and (index.root / "current").is_symlink()
    assert not (index.root / "rebuilding").exists()
    assert search(indexed_app)["total"] == full


def test_a_failing_rebuild_leaves_the_old_index_serving(indexed_app):
    with indexed_app.app_context():
        index = engine.service().holder.index
        old = index.current_path()
        full = search(indexed_app)["total"]
        today = date.fromisoformat(TODAY)

        def batches():
            source = indexing.all_documents(today, batch_size=100)
            yield next(source)
            yield next(source)
            raise RuntimeError("database went away halfway")

        with pytest.raises(RuntimeError, match="halfway"):
            index.rebuild(batches(), lambda keys: ([], keys))
        assert index.current_path() == old
    assert search(indexed_app)["total"] == full
    assert search(indexed_app, "lassen")["total"] > 0
    # A worker that starts now (a fresh snapshot from disk) also gets the old index.
    with indexed_app.app_context():
        assert SnapshotHolder(index).get().doc_count == full
    # And the next rebuild and live writes still work.
    with indexed_app.app_context():
        engine.reindex()
        assert index.current_path() != old
    assert search(indexed_app)["total"] == full


def test_a_live_write_during_a_rebuild_is_kept_in_the_new_index(indexed_app):
    course_id = first_course(indexed_app, "Metselaar")
    with indexed_app.app_context():
        course = db.session.get(Course, course_id)
        written = []

        def during(batch_size):
            if not written:  # once, while the new version is being built
                course.title = "Glazenwasser vakopleiding"
                db.session.commit()
                engine.index_records([course])
                written.append(course_id)

        engine.reindex(on_batch=during)
    assert written
    assert ids(search(indexed_app, "glazenwasser")) == {course_id}


# -- one writer at a time ------------------------------------------------------------------
def test_a_second_writer_waits_for_the_first_instead_of_raising_lock_error(tmp_path):
    index = SearchIndex(tmp_path / "index", PARTS)
    index.ensure()
    holding = threading.Event()

    def first_writer():
        writer = index.open().writer()
        holding.set()
        time.sleep(1.0)
        writer.cancel()

    thread = threading.Thread(target=first_writer)
    thread.start()
    assert holding.wait(5)
    started = time.monotonic()
    index.write([document("course:1", "Lasopleiding")])  # must not raise LockError
    waited = time.monotonic() - started
    thread.join()
    assert waited >= 0.5
    with index.open().searcher() as searcher:
        assert searcher.document(key="course:1")["title"] == "Lasopleiding"


# -- the Whoosh pitfalls --------------------------------------------------------------------
def test_importing_the_search_package_succeeds_under_warnings_as_errors(tmp_path):
    """Whoosh 2.7.4's own SyntaxWarnings (invalid escapes, `is 0`) are emitted while
    compiling; a fresh pycache_prefix makes Python compile every module again."""
    code = (
        "import portal.search, portal.search.engine, portal.search.postings, "
        "portal.search.service, portal.search.cli, portal.search.views; "
        "from portal import create_app"
    )
    result = subprocess.run(
        [sys.executable, "-W", "error", "-X", f"pycache_prefix={tmp_path}", "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_the_schema_has_no_float_or_unsigned_numeric_fields():
    schema = build_schema(PARTS)
    numerics = [name for name, field in schema.items() if isinstance(field, NUMERIC)]
    assert numerics == []
    for name in ("price", "next_start"):
        column = schema[name].column_type
        assert column._typecode == "q"  # signed 64-bit


def test_price_and_start_columns_round_trip_signed_and_large_values(tmp_path):
    index = SearchIndex(tmp_path / "index", PARTS)
    # (price in cents, next start in days since 2000-01-01; dates stay representable)
    values = {
        "course:1": (-5, -1),
        "course:2": (2**62, 2_900_000),
        "course:3": (-(2**62), -700_000),
        "course:4": (0, 0),
        "course:5": (2**31 + 7, 9_000),
    }
    index.write(
        [
            document(key, f"Lasopleiding {key}", price, start)
            for key, (price, start) in values.items()
        ]
    )
    snap = load_snapshot(index, version=1)
    stored = {
        snap.searcher.stored_fields(d)["key"]: (
            int(snap.price[d]),
            int(snap.next_start[d]),
        )
        for d in range(snap.doc_count)
    }
    assert stored == values
    # Sorting on them orders by the signed value.
    parts = Decompounder(load_parts(PARTS))
    service = SearchService(
        SnapshotHolder(index),
        QueryBuilder(
            dutch_analyzer(parts), parts, load_synonyms(SEED_DIR / "synonyms.yaml")
        ),
    )
    page = service.search(
        parse_search_args(MultiDict({"q": "lassen", "sort": "price"}))
    )
    assert [h.price_cents for h in page.hits] == sorted(p for p, _ in values.values())


# -- searching while another process reindexes --------------------------------------------
def test_searches_never_fail_or_come_back_empty_while_another_process_reindexes(
    indexed_app, tmp_path
):
    output_dir = tmp_path
    env = {
        **os.environ,
        "DATABASE_URL": indexed_app.config["SQLALCHEMY_DATABASE_URI"],
        "SEARCH_INDEX_DIR": indexed_app.config["SEARCH_INDEX_DIR"],
        "SECRET_KEY": "test-secret",
        "PYTHONWARNINGS": "ignore",
    }
    flask = [sys.executable, "-m", "flask", "--app", "app", "search", "reindex"]
    index = SearchIndex(indexed_app.config["SEARCH_INDEX_DIR"], PARTS)
    full = search(indexed_app)["total"]
    lassen = search(indexed_app, "lassen")["total"]
    versions = {index.current_path()}
    searches = 0
    for _ in range(3):
        log = output_dir / "reindex.log"
        with (
            open(log, "wb") as out,
            subprocess.Popen(
                flask, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
            ) as child,
        ):
            while child.poll() is None:
                for q, expected in (("", full), ("lassen", lassen)):
                    time.sleep(0.1)  # leave the CPU mostly to the rebuild
                    data = search(indexed_app, q)
                    assert data["total"] == expected and data["results"], (
                        q,
                        data["total"],
                    )
                    searches += 1
                versions.add(index.current_path())
        output = log.read_text()
        assert child.returncode == 0, output
        assert "documenten geïndexeerd" in output
        versions.add(index.current_path())
    assert len(versions) == 4  # the first index and three rebuilt ones
    assert searches > 10
    time.sleep(1.1)  # past the snapshot check interval: now on the newest version
    assert search(indexed_app, "lassen")["total"] == lassen


# -- the synthetic catalogue ------------------------------------------------------------------
def course_count(app, synthetic: bool | None = None) -> int:
    query = select(func.count(Course.id))
    if synthetic is not None:
        marked = Course.external_id.like("synthetic-%")
        query = query.where(marked if synthetic else ~marked)
    with app.app_context():
        return db.session.scalar(query)


def test_generate_adds_marked_synthetic_courses_and_remove_takes_exactly_those(
    indexed_app,
):
    app = indexed_app
    with app.app_context():
        seed_ids = set(db.session.scalars(select(Course.id)))
    runner = app.test_cli_runner()
    result = runner.invoke(args=["catalog", "generate", "--count", "50"])
    assert result.exit_code == 0, result.output
    assert course_count(app) == len(seed_ids) + 50
    with app.app_context():
        new = db.session.scalars(select(Course).where(Course.id.not_in(seed_ids))).all()
        assert len(new) == 50
        assert all(c.external_id.startswith("synthetic-") for c in new)
        assert all("synthetic" in c.demo_fields for c in new)
        assert len({c.external_id for c in new}) == 50
        engine.reindex()
    assert search(app, "", type="course")["total"] == len(seed_ids) + 50

    result = runner.invoke(args=["catalog", "remove-synthetic"])
    assert result.exit_code == 0, result.output
    assert "50 synthetische opleidingen verwijderd" in result.output
    with app.app_context():
        assert set(db.session.scalars(select(Course.id))) == seed_ids
        orphans = db.session.scalar(
            select(func.count())
            .select_from(StartMoment)
            .where(StartMoment.course_id.not_in(seed_ids))
        ) + db.session.scalar(
            select(func.count())
            .select_from(course_locations)
            .where(course_locations.c.course_id.not_in(seed_ids))
        )
        assert orphans == 0


def test_a_course_added_normally_after_generating_gets_a_free_id(indexed_app):
    app = indexed_app
    result = app.test_cli_runner().invoke(args=["catalog", "generate", "--count", "5"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        template = db.session.scalars(select(Course).order_by(Course.id)).first()
        course = Course(
            external_id="na-synthetisch",
            title="Imker voor beginners",
            provider_id=template.provider_id,
            region_id=template.region_id,
            level="2",
            form="course",
            sector="groen",
            price_cents=25_000,
            delivery="on_site",
        )
        db.session.add(course)
        db.session.commit()  # PostgreSQL: the id sequence must be past the new ids
        assert course.id > max(
            db.session.scalars(select(Course.id).where(Course.id != course.id))
        )
