"""Seeding the catalogue: providers and their locations, courses (named and demo),
initiatives and funds. A mixin of the Loader, which supplies the upsert helpers and the
region and municipality look-ups."""

import csv
from datetime import date

from portal.catalog.models import (
    Course,
    Fund,
    Initiative,
    Provider,
    ProviderLocation,
    StartMoment,
)
from portal.extensions import db
from portal.regions.models import Region
from portal.seeding import validate


class CatalogueSeeder:
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
                    "email": p.get("email") or "",
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
