"""Load the seed files into the database. Idempotent: records are matched on their
stable key (slug / external_id) and updated in place, never created twice."""

import csv
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml
from sqlalchemy import select

from portal.accounts.models import User
from portal.catalog.models import (
    Course,
    Fund,
    Initiative,
    Provider,
    ProviderLocation,
    StartMoment,
)
from portal.extensions import db
from portal.lokets.models import Loket, Organisation
from portal.regions.models import Municipality, PostcodeRange, Region
from portal.regions.postcodes import parse_ranges
from portal.seeding import validate


@dataclass
class SeedReport:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        kinds = sorted(set(self.created) | set(self.updated))
        return "\n".join(
            f"{kind}: {self.created[kind]} nieuw, {self.updated[kind]} bijgewerkt"
            for kind in kinds
        )


class Loader:
    def __init__(self, seed_dir: str | Path):
        self.dir = Path(seed_dir)
        self.report = SeedReport()

    # -- helpers ---------------------------------------------------------------
    def _yaml(self, name: str) -> dict:
        with open(self.dir / name, encoding="utf-8") as fh:
            return yaml.safe_load(fh) or {}

    def _index(self, model, key: str = "slug") -> dict:
        return {getattr(obj, key): obj for obj in db.session.scalars(select(model))}

    def _upsert(self, existing: dict, model, key_field: str, key: str, values: dict):
        obj = existing.get(key)
        kind = model.__tablename__
        if obj is None:
            obj = model(**{key_field: key})
            db.session.add(obj)
            existing[key] = obj
            self.report.created[kind] += 1
        else:
            changed = any(getattr(obj, k) != v for k, v in values.items())
            if changed:
                self.report.updated[kind] += 1
        for name, value in values.items():
            setattr(obj, name, value)
        return obj

    # -- the seed files, in dependency order ------------------------------------
    def run(self, with_demo_accounts: bool = True) -> SeedReport:
        self.regions()
        self.organisations()
        self.providers()
        self.courses()
        self.initiatives()
        self.funds()
        if with_demo_accounts:
            self.users()
        db.session.flush()
        return self.report

    def regions(self) -> None:
        data = self._yaml("regions.yaml")["regions"]
        regions = self._index(Region)
        municipalities = self._index(Municipality)
        for r in data:
            region = self._upsert(
                regions,
                Region,
                "slug",
                r["slug"],
                {
                    "name": r["name"],
                    "province": r["province"],
                    "centre": r["centre"],
                    "description_nl": r.get("description_nl", ""),
                    "description_en": r.get("description_en", ""),
                    "src": str(r.get("src", "")),
                },
            )
            for m in r["municipalities"]:
                municipality = self._upsert(
                    municipalities,
                    Municipality,
                    "slug",
                    m["slug"],
                    {
                        "name": m["name"],
                        "region": region,
                        "note_nl": m.get("note_nl", ""),
                        "note_en": m.get("note_en", ""),
                    },
                )
                wanted = parse_ranges(m["pc4"])
                current = sorted((p.start, p.end) for p in municipality.postcode_ranges)
                if current != sorted(wanted):
                    municipality.postcode_ranges = [
                        PostcodeRange(start=low, end=high) for low, high in wanted
                    ]
        db.session.flush()
        self.regions_by_slug = regions
        self.municipalities_by_slug = municipalities

    def _region(self, slug: str | None) -> Region | None:
        return self.regions_by_slug[slug] if slug else None

    def _municipality(self, slug: str | None) -> Municipality | None:
        return self.municipalities_by_slug[slug] if slug else None

    def organisations(self) -> None:
        data = self._yaml("organisations.yaml")["organisations"]
        organisations = self._index(Organisation)
        lokets = self._index(Loket)
        for o in data:
            organisation = self._upsert(
                organisations,
                Organisation,
                "slug",
                o["slug"],
                {
                    "name": o["name"],
                    "region": self._region(o.get("region")),
                    "website": o.get("website") or "",
                    "description_nl": o.get("description_nl", ""),
                    "description_en": o.get("description_en", ""),
                    "src": str(o.get("src", "")),
                },
            )
            for lk in o.get("lokets") or []:
                validate.loket(lk)
                self._upsert(
                    lokets,
                    Loket,
                    "slug",
                    lk["slug"],
                    {
                        "organisation": organisation,
                        "region": self._region(lk.get("region", o.get("region"))),
                        "municipality": self._municipality(lk.get("municipality")),
                        "type": lk["type"],
                        "name": lk["name"],
                        "serves": list(lk.get("serves") or []),
                        **{f: str(lk.get(f) or "") for f in _LOKET_TEXT_FIELDS},
                        "valid_from": lk.get("valid_from"),
                        "valid_until": lk.get("valid_until"),
                        "demo_fields": list(lk.get("demo_fields") or []),
                    },
                )
        db.session.flush()

    def providers(self) -> None:
        data = self._yaml("providers.yaml")["providers"]
        providers = self._index(Provider)
        locations = self._index(ProviderLocation)
        for p in data:
            validate.provider(p)
            provider = self._upsert(
                providers,
                Provider,
                "slug",
                p["slug"],
                {
                    "name": p["name"],
                    "kind": p["kind"],
                    "website": p.get("website") or "",
                    "description_nl": p.get("description_nl", ""),
                    "description_en": p.get("description_en", ""),
                    "src": str(p.get("src", "")),
                },
            )
            wanted_regions = [self._region(s) for s in p.get("regions") or []]
            if provider.regions != wanted_regions:
                provider.regions = wanted_regions
            for loc in p.get("locations") or []:
                self._upsert(
                    locations,
                    ProviderLocation,
                    "slug",
                    loc["slug"],
                    {
                        "provider": provider,
                        "municipality": self._municipality(loc.get("municipality")),
                        "name": loc["name"],
                        "street": loc.get("street") or "",
                        "postcode": str(loc.get("postcode") or ""),
                        "town": loc.get("town") or "",
                        "demo_fields": list(loc.get("demo_fields") or []),
                    },
                )
        db.session.flush()
        self.providers_by_slug = providers
        self.locations_by_slug = locations

    def _course_rows(self) -> list[dict]:
        rows = list(self._yaml("courses.yaml")["courses"])
        demo_csv = self.dir / "courses_demo.csv"
        if demo_csv.exists():
            with open(demo_csv, encoding="utf-8", newline="") as fh:
                rows.extend(validate.csv_course_row(row) for row in csv.DictReader(fh))
        return rows

    def courses(self) -> None:
        courses = self._index(Course, "external_id")
        for c in self._course_rows():
            validate.course(c)
            provider = self.providers_by_slug[c["provider"]]
            locations = [self.locations_by_slug[s] for s in c.get("locations") or []]
            region = _course_region(locations, provider)
            course = self._upsert(
                courses,
                Course,
                "external_id",
                c["external_id"],
                {
                    "title": c["title"],
                    "description_nl": c.get("description_nl") or "",
                    "provider": provider,
                    "region": region,
                    "level": str(c["level"]),
                    "form": c["form"],
                    "sector": c["sector"],
                    "crebo": str(c["crebo"]) if c.get("crebo") else None,
                    "duration_nl": c.get("duration_nl") or "",
                    "duration_hours": int(c["duration_hours"])
                    if c.get("duration_hours")
                    else None,
                    "price_cents": int(c["price_cents"]),
                    "delivery": c["delivery"],
                    "kansrijk": bool(c.get("kansrijk")),
                    "src": str(c.get("src") or ""),
                    "demo_fields": list(c.get("demo_fields") or []),
                },
            )
            if course.locations != locations:
                course.locations = locations
            wanted = sorted(set(_as_date(d) for d in c.get("starts") or []))
            if sorted(s.starts_on for s in course.starts) != wanted:
                course.starts = [StartMoment(starts_on=d) for d in wanted]
        db.session.flush()

    def initiatives(self) -> None:
        initiatives = self._index(Initiative)
        for i in self._yaml("initiatives.yaml")["initiatives"]:
            self._upsert(
                initiatives,
                Initiative,
                "slug",
                i["slug"],
                {
                    "name": i["name"],
                    "region": self._region(i.get("region")),
                    "sector": i.get("sector") or "overig",
                    **{f: i.get(f) or "" for f in _INITIATIVE_TEXT_FIELDS},
                    "src": str(i.get("src", "")),
                },
            )
        db.session.flush()

    def funds(self) -> None:
        funds = self._index(Fund)
        for f in self._yaml("funds.yaml")["funds"]:
            validate.fund(f)
            self._upsert(
                funds,
                Fund,
                "slug",
                f["slug"],
                {
                    "name": f["name"],
                    "region": self._region(f["region"]),
                    "demo": bool(f.get("demo")),
                    **{k: f[k] for k in _FUND_FIELDS},
                    "four_eyes_above_cents": f.get("four_eyes_above_cents"),
                    "description_nl": f.get("description_nl", ""),
                    "description_en": f.get("description_en", ""),
                    "src": str(f.get("src", "")),
                    "demo_fields": list(f.get("demo_fields") or []),
                },
            )
        db.session.flush()

    def users(self) -> None:
        users = self._index(User, "email")
        lokets = self._index(Loket)
        for u in self._yaml("users.yaml")["users"]:
            user = users.get(u["email"])
            if user is None:
                user = User(email=u["email"])
                user.set_password(u["password"])
                db.session.add(user)
                users[u["email"]] = user
                self.report.created["user"] += 1
            user.role = u["role"]
            user.name = u["name"]
            user.organisation_name = u.get("organisation_name")
            user.kvk_number = u.get("kvk_number")
            user.regions = [self._region(s) for s in u.get("regions") or []]
            user.lokets = [lokets[s] for s in u.get("lokets") or []]
        db.session.flush()


_LOKET_TEXT_FIELDS = (
    "serves_nl",
    "serves_en",
    "street",
    "postcode",
    "town",
    "phone",
    "email",
    "website",
    "opening_hours_nl",
    "opening_hours_en",
    "bring_nl",
    "bring_en",
)
_INITIATIVE_TEXT_FIELDS = (
    "what_nl",
    "goal_nl",
    "who_nl",
    "what_en",
    "goal_en",
    "who_en",
)
_FUND_FIELDS = (
    "budget_cents",
    "period_start",
    "period_end",
    "max_voucher_cents",
    "vouchers_per_year",
    "min_age",
    "max_age",
    "sectors",
    "copay_shares",
    "max_grants_per_person_per_year",
    "decision_weeks",
    "start_within_weeks",
)


def _as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _course_region(
    locations: list[ProviderLocation], provider: Provider
) -> Region | None:
    for location in locations:
        if location.municipality is not None:
            return location.municipality.region
    return provider.regions[0] if provider.regions else None


def load_seed(seed_dir: str | Path, with_demo_accounts: bool = True) -> SeedReport:
    """Load every seed file; the caller commits."""
    return Loader(seed_dir).run(with_demo_accounts=with_demo_accounts)
