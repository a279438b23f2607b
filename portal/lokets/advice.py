"""The advice for a set of answers: reads the lokets and the place from the database,
the rules from seed/routing.yaml, and lets the pure rules in routing.py decide."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.catalog.models import Fund
from portal.extensions import db
from portal.lokets.models import Loket
from portal.lokets.questionnaire import ELSEWHERE, State
from portal.lokets.routing import (
    Advice,
    LoketRecord,
    Place,
    Reason,
    RuleSet,
    advise,
    load_rules,
)
from portal.regions.models import Municipality, Region, municipality_for_pc4
from portal.regions.postcodes import Postcode


def rule_set() -> RuleSet:
    """The rules of SEED_DIR/routing.yaml, read once per app."""
    cache = current_app.extensions.setdefault("routing_rules", {})
    path = str(Path(current_app.config["SEED_DIR"]) / "routing.yaml")
    if path not in cache:
        cache[path] = load_rules(path)
    return cache[path]


def municipality_slugs() -> set[str]:
    return set(db.session.scalars(select(Municipality.slug)))


def record(loket: Loket) -> LoketRecord:
    return LoketRecord(
        id=loket.id,
        slug=loket.slug,
        type=loket.type,
        region=loket.region.slug if loket.region else None,
        municipality=loket.municipality.slug if loket.municipality else None,
        serves=frozenset(loket.serves or ()),
        valid_from=loket.valid_from,
        valid_until=loket.valid_until,
    )


@dataclass(frozen=True)
class ResolvedPlace:
    """The place of the answers; municipality and region are None outside the regions."""

    postcode: Postcode | None
    municipality: Municipality | None

    @property
    def region(self) -> Region | None:
        return self.municipality.region if self.municipality else None

    def for_routing(self) -> Place:
        if self.municipality is None:
            return Place()
        return Place(region=self.region.slug, municipality=self.municipality.slug)


def resolve_place(state: State) -> ResolvedPlace:
    """The postcode wins over the chosen municipality; `state` must be valid."""
    postcode = state.postcode_or_none()
    if postcode is not None:
        return ResolvedPlace(postcode, municipality_for_pc4(postcode.pc4))
    if state.municipality and state.municipality != ELSEWHERE:
        found = db.session.scalar(
            select(Municipality).where(Municipality.slug == state.municipality)
        )
        return ResolvedPlace(None, found)
    return ResolvedPlace(None, None)


@dataclass(frozen=True)
class LoketAdvice:
    loket: Loket
    reason: Reason


@dataclass(frozen=True)
class AdviceResult:
    """The pure advice, with the loket rows and the region's fund for display."""

    advice: Advice
    place: ResolvedPlace
    primary: LoketAdvice
    alternatives: tuple[LoketAdvice, ...]
    fund: Fund | None

    @property
    def accepts_questions(self) -> bool:
        """A question can be handed over to regional lokets; national ones have no
        desk in Leerwijzer (they are websites that point to a region)."""
        return self.primary.loket.region_id is not None


def advice_for(state: State, today: date) -> AdviceResult:
    """Advice for complete, valid answers (check them with questionnaire.problems)."""
    lokets = db.session.scalars(
        select(Loket).options(
            selectinload(Loket.region), selectinload(Loket.municipality)
        )
    ).all()
    by_id = {lk.id: lk for lk in lokets}
    place = resolve_place(state)
    advice = advise(
        state.answers(),
        place.for_routing(),
        [record(lk) for lk in lokets],
        rule_set(),
        today,
    )
    fund = None
    if advice.involves_money and place.region is not None:
        fund = db.session.scalar(
            select(Fund).where(Fund.region_id == place.region.id).order_by(Fund.name)
        )
    return AdviceResult(
        advice=advice,
        place=place,
        primary=LoketAdvice(by_id[advice.primary.loket.id], advice.primary.reason),
        alternatives=tuple(
            LoketAdvice(by_id[r.loket.id], r.reason) for r in advice.alternatives
        ),
        fund=fund,
    )
