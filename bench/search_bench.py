"""Search benchmark: the project's search service against SQLite FTS5 and PostgreSQL
full-text search, on the same synthetic catalogue and the same 210 queries.

    .venv/bin/python bench/search_bench.py                 # N = 20,000 and 100,000
    .venv/bin/python bench/search_bench.py --sizes 20000   # one size
    BENCH_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/test  (default; "off" to skip)

Per engine it prints the index build time and p50/p95/p99 latency of one cold pass
over the query mix (every query seen for the first time), and for Leerwijzer also a
warm pass (same queries again: the per-version results cache answers). Every engine
answers the same question per query: total matches, the top 20, and facet counts.
"""

import argparse
import os
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from queries import query_mix  # noqa: E402

from portal import create_app  # noqa: E402
from portal.catalog import synthetic  # noqa: E402
from portal.catalog.models import Course  # noqa: E402
from portal.extensions import db  # noqa: E402
from portal.search import engine, indexing  # noqa: E402
from portal.search.params import parse_search_args  # noqa: E402
from portal.seeding.loader import load_seed  # noqa: E402

TODAY = date(2026, 11, 28)
BASELINE_FACETS = ("type", "region", "sector", "level")


def percentiles(samples_ms: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples_ms)
    q = statistics.quantiles(ordered, n=100, method="inclusive")
    return q[49], q[94], q[98]


def row(
    engine_name: str,
    n: int,
    build_s: float | None,
    samples: list[float],
    note: str = "",
) -> str:
    p50, p95, p99 = percentiles(samples)
    build = f"{build_s:8.1f}" if build_s is not None else "       –"
    return f"{engine_name:<28} {n:>8,} {build} {p50:8.2f} {p95:8.2f} {p99:8.2f} {max(samples):8.1f}  {note}"


def make_catalogue(workdir: Path, n: int):
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{workdir / 'bench.db'}",
            "SEARCH_INDEX_DIR": str(workdir / "index"),
            "SECRET_KEY": "bench",
            "FIXED_TODAY": TODAY.isoformat(),
        }
    )
    with app.app_context():
        db.create_all()
        if not db.session.scalar(db.select(db.func.count(Course.id))):
            load_seed(ROOT / "seed", with_demo_accounts=False)
            db.session.commit()
        have = db.session.scalar(db.select(db.func.count(Course.id)))
        if have < n:
            synthetic.generate(n - have)
            db.session.commit()
    return app


def bench_leerwijzer(app, n: int, mix) -> list[str]:
    with app.app_context():
        started = time.perf_counter()
        engine.reindex(procs=2)
        build = time.perf_counter() - started
        svc = engine.service()
        t = time.perf_counter()
        svc.holder.get()
        open_ms = (time.perf_counter() - t) * 1000
        cold, warm = [], []
        for samples in (cold, warm):
            for _kind, text, filters in mix:
                request = parse_search_args({"q": text, **filters})
                t = time.perf_counter()
                page = svc.search(request)
                samples.append((time.perf_counter() - t) * 1000)
                assert page.total >= 0
        docs = svc.holder.get().doc_count
    return [
        row(
            "Leerwijzer (Whoosh) cold",
            docs,
            build,
            cold,
            f"snapshot open {open_ms:.0f} ms",
        ),
        row("Leerwijzer (Whoosh) warm", docs, None, warm, "results cache"),
    ]


def all_docs(app) -> list[dict]:
    with app.app_context():
        return [d for batch in indexing.all_documents(TODAY) for d in batch]


def fts5_query(text: str) -> str | None:
    """The same words as FTS5 syntax: quoted terms ANDed, phrases quoted, prefix*."""
    parts = []
    for phrase in re.findall(r'"([^"]*)"', text):
        words = re.findall(r"\w+", phrase)
        if words:
            parts.append('"' + " ".join(words) + '"')
    for word in re.findall(r"\w+\*?", re.sub(r'"[^"]*"', " ", text)):
        parts.append(word[:-1] + "*" if word.endswith("*") else '"' + word + '"')
    return " AND ".join(parts) or None


def bench_sqlite_fts5(docs, mix) -> list[str]:
    conn = sqlite3.connect(":memory:")
    started = time.perf_counter()
    conn.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(title, body, type UNINDEXED, region UNINDEXED, "
        "sector UNINDEXED, level UNINDEXED, form UNINDEXED, tokenize='unicode61 remove_diacritics 2')"
    )
    conn.executemany(
        "INSERT INTO docs VALUES (?,?,?,?,?,?,?)",
        [
            (
                d["title"],
                d["body"],
                d["type"],
                d["region"],
                d["sector"],
                d["level"],
                d["form"],
            )
            for d in docs
        ],
    )
    conn.commit()
    build = time.perf_counter() - started
    samples = []
    for _kind, text, filters in mix:
        match = fts5_query(text)
        where = ["docs MATCH ?"] if match else []
        params = [match] if match else []
        for name, value in filters.items():
            if name in ("type", "region", "sector", "level", "form"):
                where.append(f"{name} = ?")
                params.append(value)
        clause = " WHERE " + " AND ".join(where) if where else ""
        t = time.perf_counter()
        conn.execute(f"SELECT count(*) FROM docs{clause}", params).fetchone()
        order = " ORDER BY rank" if match else ""
        conn.execute(
            f"SELECT rowid, title FROM docs{clause}{order} LIMIT 20", params
        ).fetchall()
        for facet in BASELINE_FACETS:
            conn.execute(
                f"SELECT {facet}, count(*) FROM docs{clause} GROUP BY {facet}", params
            ).fetchall()
        samples.append((time.perf_counter() - t) * 1000)
    return [row("SQLite FTS5 (unicode61)", len(docs), build, samples)]


def pg_tsquery(text: str) -> tuple[str, str] | None:
    words = re.findall(r"\w+\*?", re.sub(r'"', " ", text))
    if not words:
        return None
    if any(w.endswith("*") for w in words):
        return "to_tsquery", " & ".join(
            f"{w[:-1]}:*" if w.endswith("*") else w for w in words
        )
    return "websearch_to_tsquery", text


def bench_postgres(url: str, docs, mix) -> list[str]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA IF EXISTS bench_search CASCADE")
        conn.execute("CREATE SCHEMA bench_search")
        conn.execute("SET search_path TO bench_search")
        started = time.perf_counter()
        conn.execute(
            "CREATE TABLE docs (id serial primary key, title text, body text, type text, region text, "
            "sector text, level text, form text, tsv tsvector GENERATED ALWAYS AS "
            "(setweight(to_tsvector('dutch', title), 'A') || to_tsvector('dutch', body)) STORED)"
        )
        with conn.cursor().copy(
            "COPY docs (title, body, type, region, sector, level, form) FROM STDIN"
        ) as copy:
            for d in docs:
                copy.write_row(
                    (
                        d["title"],
                        d["body"],
                        d["type"],
                        d["region"],
                        d["sector"],
                        d["level"],
                        d["form"],
                    )
                )
        conn.execute("CREATE INDEX docs_tsv ON docs USING gin (tsv)")
        conn.execute("ANALYZE docs")
        build = time.perf_counter() - started
        samples = []
        for _kind, text, filters in mix:
            parsed = pg_tsquery(text)
            where, params = [], []
            if parsed:
                func, q = parsed
                where.append(f"tsv @@ {func}('dutch', %s)")
                params.append(q)
            for name, value in filters.items():
                if name in ("type", "region", "sector", "level", "form"):
                    where.append(f"{name} = %s")
                    params.append(value)
            clause = " WHERE " + " AND ".join(where) if where else ""
            t = time.perf_counter()
            conn.execute(f"SELECT count(*) FROM docs{clause}", params).fetchone()
            if parsed:
                conn.execute(
                    f"SELECT id, title FROM docs{clause} ORDER BY ts_rank(tsv, {parsed[0]}('dutch', %s)) DESC LIMIT 20",
                    [*params, parsed[1]],
                ).fetchall()
            else:
                conn.execute(
                    f"SELECT id, title FROM docs{clause} LIMIT 20", params
                ).fetchall()
            for facet in BASELINE_FACETS:
                conn.execute(
                    f"SELECT {facet}, count(*) FROM docs{clause} GROUP BY {facet}",
                    params,
                ).fetchall()
            samples.append((time.perf_counter() - t) * 1000)
        conn.execute("DROP SCHEMA bench_search CASCADE")
    return [row("PostgreSQL FTS (dutch, GIN)", len(docs), build, samples)]


def postgres_url() -> str | None:
    url = os.environ.get(
        "BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
    )
    if url == "off":
        return None
    try:
        import psycopg

        psycopg.connect(url, connect_timeout=3).close()
    except Exception as exc:  # noqa: BLE001 - any failure means: no PostgreSQL here
        print(f"(PostgreSQL not reachable at {url}: {exc.__class__.__name__}; skipped)")
        return None
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 100_000])
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    mix = query_mix()
    pg = postgres_url()
    print(f"{len(mix)} queries per pass; machine: {os.cpu_count()} cores")
    print(
        f"{'engine':<28} {'docs':>8} {'build s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}"
    )
    for n in args.sizes:
        workdir = (
            args.workdir / str(n)
            if args.workdir
            else Path(tempfile.mkdtemp(prefix=f"bench-{n}-"))
        )
        workdir.mkdir(parents=True, exist_ok=True)
        app = make_catalogue(workdir, n)
        for line in bench_leerwijzer(app, n, mix):
            print(line, flush=True)
        docs = all_docs(app)
        for line in bench_sqlite_fts5(docs, mix):
            print(line, flush=True)
        if pg:
            for line in bench_postgres(pg, docs, mix):
                print(line, flush=True)


if __name__ == "__main__":
    main()
