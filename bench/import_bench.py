"""Course import benchmark: 20,000 and 100,000 generated records, as CSV and as EDU-DEX
JSON, imported with the same code as `flask import courses` (read, plan, one
transaction, search index update for the changed records).

    .venv/bin/python bench/import_bench.py                  # 20,000 and 100,000
    .venv/bin/python bench/import_bench.py --sizes 20000    # one size
    .venv/bin/python bench/import_bench.py --database postgresql+psycopg://postgres@127.0.0.1:5432/bench

Each import runs in its own process on a freshly seeded catalogue with a built search
index, so that the peak memory (max RSS) belongs to that import alone. Per run it prints
the seconds of the first import (everything new), the records per second, the peak
memory, and the seconds of a second import of the same file (everything unchanged).
"""

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TODAY = date(2026, 11, 28)
PROVIDERS = [
    ("graafschap-college", "Graafschap College Doetinchem", "7004 HA", "Doetinchem"),
    ("scalda", "Scalda Terneuzen", "", "Terneuzen"),
    ("vista-college", "Vista college Heerlen", "", "Heerlen"),
]
LEVELS = ["mbo niveau 1", "mbo niveau 2", "mbo niveau 3", "mbo niveau 4", "hbo", "none"]
FORMS = [["part-time"], ["dual"], ["full-time"], ["e-learning"], ["evening education"]]
TYPES = ["training", "regular", "course", "workshop", "exam"]


def subjects() -> list[tuple[str, str]]:
    from portal.catalog.synthetic import SUBJECTS

    return [(sector, s) for sector, words in SUBJECTS.items() for s in words]


def course_values(n: int, rng: random.Random, pool) -> dict:
    sector, subject = pool[n % len(pool)]
    provider = PROVIDERS[n % len(PROVIDERS)]
    start = TODAY + timedelta(days=rng.randrange(30, 400))
    return {
        "id": f"bench-{n:06d}",
        "provider": provider,
        "title": f"{subject.capitalize()} {['basis', 'vervolg', 'praktijk', 'gevorderd'][n % 4]} {n}",
        "text": f"In deze opleiding leert u {subject}. Voor werkenden en werkzoekenden in de regio.",
        "sector": sector,
        "level": LEVELS[n % len(LEVELS)],
        "form": FORMS[n % len(FORMS)],
        "type": TYPES[n % len(TYPES)],
        "euros": rng.randrange(150, 6000),
        "hours": rng.randrange(8, 400),
        "starts": [start, start + timedelta(days=182)],
    }


def write_csv(path: Path, count: int) -> None:
    from portal.imports.csvcolumns import COLUMNS

    rng, pool = random.Random(7), subjects()
    levels = {
        "mbo niveau 1": "1",
        "mbo niveau 2": "2",
        "mbo niveau 3": "3",
        "mbo niveau 4": "4",
    }
    forms = {"dual": "bbl", "full-time": "bol", "e-learning": "elearning"}
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(";".join(COLUMNS) + "\n")
        for n in range(count):
            v = course_values(n, rng, pool)
            row = {
                "id": v["id"],
                "aanbieder": v["provider"][0],
                "titel": v["title"],
                "omschrijving": v["text"],
                "niveau": levels.get(
                    v["level"], "hbo" if v["level"] == "hbo" else "geen niveau"
                ),
                "vorm": forms.get(v["form"][0], "training"),
                "sector": v["sector"],
                "uren": str(v["hours"]),
                "prijs": f"{v['euros']},00",
                "startdata": ";".join(d.isoformat() for d in v["starts"]),
                "locatie": v["provider"][1],
                "postcode": v["provider"][2],
                "plaats": v["provider"][3],
            }
            fh.write(";".join(f'"{row.get(c, "")}"' for c in COLUMNS) + "\n")


def program(v: dict) -> dict:
    return {
        "editor": "Leerwijzer benchmark",
        "format": "EDU-DEX 1.0",
        "generator": "bench/import_bench.py",
        "lastEdited": "2026-11-28T12:00:00Z",
        "programClassification": {
            "programId": v["id"],
            "orgUnitId": v["provider"][0],
            "programType": v["type"] if v["type"] != "course" else "training",
            "programLevel": v["level"],
            "programForm": v["form"],
            "degree": "certificate",
            "programDuration": {"hours": v["hours"]},
            "programLocation": [{"description": v["provider"][1]}],
            "theme": [v["sector"]],
        },
        "programDescriptions": {
            "programName": {"nl": v["title"]},
            "programSummaryText": {"nl": v["text"]},
            "programDescriptionText": {"nl": v["text"]},
        },
        "programSchedule": {
            "genericProgramRun": {
                "cost": [
                    {
                        "id": "lesgeld",
                        "amount": f"{v['euros']}.00",
                        "amountIsFinal": True,
                        "costType": "tuition fee",
                        "currency": "EUR",
                        "isRequiredCost": True,
                        "VATPercentage": 0,
                    }
                ]
            },
            "programRun": [
                {
                    "id": f"{v['id']}-{i}",
                    "startDate": {"date": d.isoformat(), "isFinal": True},
                    "endDate": {
                        "date": (d + timedelta(days=90)).isoformat(),
                        "isFinal": False,
                    },
                    "status": "application opened",
                }
                for i, d in enumerate(v["starts"])
            ],
        },
    }


def write_json(path: Path, count: int) -> None:
    rng, pool = random.Random(7), subjects()
    with open(path, "w", encoding="utf-8") as fh:
        json.dump([program(course_values(n, rng, pool)) for n in range(count)], fh)


def run_one(kind: str, count: int, database: str | None) -> None:
    """One measured import in this process: prepare, import twice, print JSON."""
    from portal import create_app
    from portal.extensions import db
    from portal.imports import service
    from portal.search import engine
    from portal.seeding.loader import load_seed

    work = Path(tempfile.mkdtemp(prefix="import-bench-"))
    uri = database or f"sqlite:///{work / 'bench.db'}"
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": uri,
            "SEARCH_INDEX_DIR": str(work / "index"),
            "SECRET_KEY": "bench",
            "FIXED_TODAY": TODAY.isoformat(),
        }
    )
    path = work / ("feed.csv" if kind == "csv" else "feed.json")
    (write_csv if kind == "csv" else write_json)(path, count)
    with app.app_context():
        db.drop_all()
        db.create_all()
        load_seed(ROOT / "seed", with_demo_accounts=False)
        db.session.commit()
        engine.reindex()
        base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        timings = []
        for _ in range(2):
            started = time.perf_counter()
            run, _plan = service.run_import(
                service.from_path(path), mode="apply", actor="bench", channel="cli"
            )
            timings.append(time.perf_counter() - started)
            assert run.status == "applied", (
                run.status,
                run.message,
                run.report.get("rejected", [])[:3],
            )
            counts = (run.created, run.updated, run.unchanged, run.rejected)
            if len(timings) == 1:
                first_counts = counts
        if database:
            db.drop_all()  # leave the benchmark database as it was found
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "kind": kind,
                "count": count,
                "size_mb": path.stat().st_size / 1e6,
                "first_s": timings[0],
                "second_s": timings[1],
                "first_counts": first_counts,
                "second_counts": counts,
                "peak_mb": peak / 1024,
                "before_import_mb": base_rss / 1024,
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20000,100000")
    parser.add_argument("--kinds", default="csv,json")
    parser.add_argument(
        "--database", default=None, help="SQLAlchemy URL (default: a new SQLite file)"
    )
    parser.add_argument(
        "--one", nargs=2, metavar=("KIND", "COUNT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.one:
        run_one(args.one[0], int(args.one[1]), args.database)
        return
    print(
        f"{'format':<8} {'records':>8} {'file MB':>8} {'import s':>9} {'rec/s':>8} {'peak MB':>8} {'again s':>8}  counts (new/upd/same/rej)"
    )
    for count in [int(s) for s in args.sizes.split(",")]:
        for kind in args.kinds.split(","):
            cmd = [sys.executable, __file__, "--one", kind, str(count)]
            if args.database:
                cmd += ["--database", args.database]
            out = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if out.returncode:
                print(out.stderr[-2000:])
                raise SystemExit(out.returncode)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(
                f"{kind:<8} {count:>8,} {r['size_mb']:>8.1f} {r['first_s']:>9.1f} "
                f"{count / r['first_s']:>8,.0f} {r['peak_mb']:>8.0f} {r['second_s']:>8.1f}  "
                f"{r['first_counts']} then {r['second_counts']}"
            )


if __name__ == "__main__":
    main()
