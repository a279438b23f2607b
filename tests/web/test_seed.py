"""The seed data: complete, correct where the report is clear, and loadable twice."""

from datetime import date

import pytest
import yaml
from sqlalchemy import func, select

from portal.catalog.models import Course, Fund, Initiative, Provider
from portal.extensions import db
from portal.lokets.models import Loket
from portal.regions.models import Municipality, Region, municipality_for_pc4
from portal.seeding.loader import load_seed
from tests.conftest import SEED_DIR

REGIONS_YAML = yaml.safe_load((SEED_DIR / "regions.yaml").read_text(encoding="utf-8"))
TOWN_SAMPLES = [
    (m["slug"], town, pc4)
    for r in REGIONS_YAML["regions"]
    for m in r["municipalities"]
    for town, pc4 in m["towns"].items()
]


def count(model, *where):
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_the_three_regions_have_all_their_municipalities(seeded_app):
    with seeded_app.app_context():
        regions = {r.slug: r for r in db.session.scalars(select(Region))}
        assert sorted(regions) == ["achterhoek", "zeeland", "zuid-limburg"]
        sizes = {slug: len(r.municipalities) for slug, r in regions.items()}
        assert sizes == {"achterhoek": 8, "zeeland": 13, "zuid-limburg": 16}
        names = {m.name for m in regions["achterhoek"].municipalities}
        assert "Montferland" in names


@pytest.mark.parametrize("municipality, town, pc4", TOWN_SAMPLES)
def test_real_town_postcodes_map_to_their_municipality(
    seeded_app, municipality, town, pc4
):
    with seeded_app.app_context():
        found = municipality_for_pc4(int(pc4))
        assert found is not None, f"{town} {pc4} not found"
        assert found.slug == municipality


@pytest.mark.parametrize(
    "pc4", [1012, 3511, 9711, 5611]
)  # Amsterdam, Utrecht, Groningen, Eindhoven
def test_postcodes_outside_the_regions_map_to_nothing(seeded_app, pc4):
    with seeded_app.app_context():
        assert municipality_for_pc4(pc4) is None


def test_the_catalogue_holds_at_least_400_offerings_in_every_region(seeded_app):
    with seeded_app.app_context():
        assert count(Course) >= 400
        for region in db.session.scalars(select(Region)):
            assert count(Course, Course.region_id == region.id) >= 80, region.slug


def test_named_courses_from_the_report_are_there_and_real_ones_keep_their_source(
    seeded_app,
):
    with seeded_app.app_context():
        titles = set(db.session.scalars(select(Course.title)))
        assert "Doktersassistent" in titles
        welding = [t for t in titles if "lassen" in t.lower() and "niveau" in t.lower()]
        assert len(welding) >= 16
        nkc = [t for t in titles if "Kettingzaag" in t]
        assert len(nkc) >= 4
        doktersassistent = db.session.scalar(
            select(Course).where(Course.external_id == "ach-doktersassistent")
        )
        assert doktersassistent.src and doktersassistent.locations[0].town == "Groenlo"


def test_every_invented_value_is_flagged_as_demo(seeded_app):
    with seeded_app.app_context():
        demo_courses = db.session.scalars(
            select(Course).where(Course.external_id.like("demo-%"))
        ).all()
        assert demo_courses and all(c.demo_fields for c in demo_courses)
        for loket in db.session.scalars(select(Loket)):
            if "email" in (loket.demo_fields or []):
                assert loket.email.endswith(".example"), loket.slug


def test_mobility_teams_ended_and_werkcentra_are_open(seeded_app):
    with seeded_app.app_context():
        teams = db.session.scalars(
            select(Loket).where(Loket.type == "mobiliteitsteam")
        ).all()
        assert len(teams) >= 3
        assert all(t.valid_until == date(2024, 12, 31) for t in teams)
        centres = db.session.scalars(
            select(Loket).where(Loket.type == "werkcentrum")
        ).all()
        regions_with_centre = {
            c.region.slug
            for c in centres
            if c.region and c.is_open_on(date(2026, 11, 28))
        }
        assert "zuid-limburg" in regions_with_centre


def test_each_region_has_the_lokets_people_need(seeded_app):
    with seeded_app.app_context():
        for region in db.session.scalars(select(Region)):
            types = set(
                db.session.scalars(
                    select(Loket.type).where(Loket.region_id == region.id)
                )
            )
            assert {
                "leerwerkloket",
                "wsp",
                "uwv",
                "gemeente",
                "vakbond",
                "werkcentrum",
            } <= types, region.slug
        national = db.session.scalars(
            select(Loket).where(Loket.type == "national")
        ).all()
        assert len(national) >= 2


def test_the_opijver_fund_follows_the_report(seeded_app):
    with seeded_app.app_context():
        fund = db.session.scalar(select(Fund).where(Fund.slug == "opijver"))
        assert fund.region.slug == "achterhoek" and not fund.demo
        assert (fund.min_age, fund.max_age, fund.max_voucher_cents) == (18, 67, 250000)
        assert fund.vouchers_per_year == 300
        assert set(fund.sectors) == {
            "zorg",
            "techniek",
            "bouw",
            "logistiek",
            "ict",
            "onderwijs",
        }
        assert fund.copay_shares["employed"] == {
            "payer": "employer",
            "num": 1,
            "den": 3,
        }
        others = db.session.scalars(select(Fund).where(Fund.slug != "opijver")).all()
        assert {f.region.slug for f in others} == {"zeeland", "zuid-limburg"}
        assert all(f.demo for f in others)


def test_providers_and_initiatives_are_loaded(seeded_app):
    with seeded_app.app_context():
        slugs = set(db.session.scalars(select(Provider.slug)))
        assert {
            "graafschap-college",
            "scalda",
            "zeeuwse-lasschool",
            "vista-college",
            "yuverta",
        } <= slugs
        assert count(Initiative) >= 70  # every initiative of the facts file


def test_loading_the_seed_twice_creates_nothing_new(app):
    with app.app_context():
        load_seed(SEED_DIR)
        db.session.commit()
        before = {
            m.__name__: count(m)
            for m in (Region, Municipality, Loket, Course, Fund, Initiative)
        }
        report = load_seed(SEED_DIR)
        db.session.commit()
        after = {
            m.__name__: count(m)
            for m in (Region, Municipality, Loket, Course, Fund, Initiative)
        }
        assert before == after
        assert sum(report.created.values()) == 0
        assert sum(report.updated.values()) == 0
