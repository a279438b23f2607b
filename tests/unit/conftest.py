"""Unit-test fixtures: the real rule file and seed lokets as plain records, no app."""

from pathlib import Path

import pytest
import yaml

from portal.lokets.routing import LoketRecord, load_rules

SEED_DIR = Path(__file__).resolve().parents[2] / "seed"


def seed_loket_records() -> list[LoketRecord]:
    """Every loket of organisations.yaml as the routing rules see it."""
    with open(SEED_DIR / "organisations.yaml", encoding="utf-8") as fh:
        organisations = yaml.safe_load(fh)["organisations"]
    records = []
    for org in organisations:
        for raw in org.get("lokets") or []:
            records.append(
                LoketRecord(
                    id=len(records) + 1,
                    slug=raw["slug"],
                    type=raw["type"],
                    region=org.get("region"),
                    municipality=raw.get("municipality"),
                    serves=frozenset(raw.get("serves") or ()),
                    valid_from=raw.get("valid_from"),
                    valid_until=raw.get("valid_until"),
                )
            )
    return records


def seed_municipalities() -> dict[str, list[str]]:
    """Region slug → its municipality slugs, from regions.yaml."""
    with open(SEED_DIR / "regions.yaml", encoding="utf-8") as fh:
        regions = yaml.safe_load(fh)["regions"]
    return {r["slug"]: [m["slug"] for m in r["municipalities"]] for r in regions}


@pytest.fixture(scope="session")
def rules():
    return load_rules(SEED_DIR / "routing.yaml")


@pytest.fixture(scope="session")
def lokets():
    return seed_loket_records()


@pytest.fixture(scope="session")
def municipalities():
    return seed_municipalities()
