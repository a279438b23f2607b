"""Load the seed files into the database. Idempotent: records are matched on their
stable key (slug / external_id) and updated in place, never created twice."""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from sqlalchemy import select

from portal.accounts.models import User
from portal.extensions import db
from portal.lokets.models import Loket, Organisation
from portal.regions.models import Municipality, PostcodeRange, Region
from portal.regions.postcodes import parse_ranges
from portal.seeding import validate
from portal.seeding.catalogue import CatalogueSeeder


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


class Loader(CatalogueSeeder):
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


def load_seed(seed_dir: str | Path, with_demo_accounts: bool = True) -> SeedReport:
    """Load every seed file; the caller commits."""
    return Loader(seed_dir).run(with_demo_accounts=with_demo_accounts)
