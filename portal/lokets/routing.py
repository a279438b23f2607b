"""Routing rules for "Waar moet ik zijn?": which loket helps this person first.

Pure: no Flask, no SQLAlchemy. The rules come from seed/routing.yaml (read with
`load_rules`), the lokets as plain `LoketRecord`s, the day as an explicit `today`.
The file's header comment explains how an answer is found; `advise` does exactly that.
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path

import yaml

from portal.lokets.routing_model import (
    EMPLOYER,
    RESIDENT,
    Advice,
    Answers,
    LoketRecord,
    NoLoketFound,
    Place,
    Reason,
    Recommendation,
    Rule,
    RuleBook,
    RulesError,
    RuleSet,
    Target,
)

__all__ = [
    "EMPLOYER",
    "RESIDENT",
    "RulesError",
    "NoLoketFound",
    "LoketRecord",
    "Answers",
    "Place",
    "Reason",
    "Target",
    "Rule",
    "RuleBook",
    "RuleSet",
    "Recommendation",
    "Advice",
    "advise",
    "load_rules",
    "rules_from_dict",
    "valid_answers",
]

# -- reading the rule file ----------------------------------------------------------


def _codes(value, where: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        return frozenset([value])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RulesError(f"{where}: expected a code or a list of codes")
    return frozenset(value)


def _target(raw, where: str) -> Target:
    if isinstance(raw, str):
        return Target(type=raw)
    if not isinstance(raw, dict) or ("type" in raw) == ("loket" in raw):
        raise RulesError(f"{where}: a target names either `type` or `loket`")
    reason = None
    if "reason_nl" in raw:
        reason = Reason(raw["reason_nl"], raw.get("reason_en") or raw["reason_nl"])
    return Target(
        type=raw.get("type"),
        slug=raw.get("loket"),
        limit=int(raw.get("limit", 1)),
        reason=reason,
    )


def _rule(raw: dict, known: Mapping[str, Iterable[str]]) -> Rule:
    rule_id = raw.get("id") or "?"
    when = raw.get("when") or {}
    unknown_keys = set(when) - set(known)
    if unknown_keys:
        raise RulesError(f"rule {rule_id}: unknown condition {sorted(unknown_keys)}")
    conditions = {key: _codes(when.get(key), f"rule {rule_id}") for key in known}
    for key, codes in conditions.items():
        bad = codes - set(known[key])
        if bad:
            raise RulesError(f"rule {rule_id}: unknown {key} {sorted(bad)}")
    targets = tuple(_target(t, f"rule {rule_id}") for t in raw.get("targets") or [])
    if not targets:
        raise RulesError(f"rule {rule_id}: no targets")
    return Rule(id=rule_id, targets=targets, **conditions)


def rules_from_dict(data: Mapping) -> RuleSet:
    """Build and check the rule set from the parsed routing.yaml."""
    questions = data.get("questions") or {}
    needs = {aud: tuple(codes) for aud, codes in (questions.get("need") or {}).items()}
    situations = tuple(questions.get("situation") or ())
    if set(questions.get("audience") or ()) != set(needs) or not situations:
        raise RulesError("questions: every audience needs its list of needs")
    all_needs = {n for codes in needs.values() for n in codes}
    known = {"audience": needs, "situation": situations, "need": all_needs}

    def book(raw: Mapping, base: Sequence[Rule] = (), fallback=()) -> RuleBook:
        own = tuple(_rule(r, known) for r in raw.get("rules") or [])
        areas = {
            slug: frozenset(towns) for slug, towns in (raw.get("areas") or {}).items()
        }
        own_fallback = raw.get("fallback")
        return RuleBook(
            rules=own + tuple(base),
            fallback=(
                tuple(_target(t, "fallback") for t in own_fallback)
                if own_fallback
                else tuple(fallback)
            ),
            areas=areas,
        )

    defaults = book(data.get("defaults") or {})
    reasons = {
        kind: Reason(text["nl"], text.get("en") or text["nl"])
        for kind, text in (data.get("reasons") or {}).items()
    }
    return RuleSet(
        situations=situations,
        needs=needs,
        money_needs=frozenset(data.get("money_needs") or ()) & all_needs,
        max_alternatives=int(data.get("max_alternatives", 3)),
        type_reasons=reasons,
        regions={
            slug: book(raw or {}, defaults.rules, defaults.fallback)
            for slug, raw in (data.get("regions") or {}).items()
        },
        national=book(data.get("national") or {}),
    )


def load_rules(path: str | Path) -> RuleSet:
    with open(path, encoding="utf-8") as fh:
        return rules_from_dict(yaml.safe_load(fh) or {})


# -- walking the rules ----------------------------------------------------------------


def valid_answers(answers: Answers, rules: RuleSet) -> bool:
    """The audience is known, the need fits it, and residents gave a known situation."""
    if answers.need not in rules.needs.get(answers.audience, ()):
        return False
    if answers.audience == EMPLOYER:
        return not answers.situation
    return answers.situation in rules.situations


def _candidates(
    target: Target, place: Place, lokets: Sequence[LoketRecord], book: RuleBook
) -> list[LoketRecord]:
    """The lokets a target names in this place, the most local first."""
    found = [
        lk
        for lk in lokets
        if (lk.slug == target.slug if target.slug else lk.type == target.type)
        and lk.region == place.region
        and (lk.slug not in book.areas or place.municipality in book.areas[lk.slug])
    ]
    # Lokets with an area covering the place first, then those in the same town.
    return sorted(
        found,
        key=lambda lk: (
            lk.slug not in book.areas,
            lk.municipality != place.municipality,
            lk.slug,
        ),
    )


def advise(
    answers: Answers,
    place: Place,
    lokets: Sequence[LoketRecord],
    rules: RuleSet,
    today: date,
) -> Advice:
    """The primary loket and ranked alternatives for this person, place and day."""
    if not valid_answers(answers, rules):
        raise ValueError(f"answers do not fit the questionnaire: {answers}")
    book = rules.book(place.region)
    if place.region not in rules.regions:
        place = Place()
    rule = next((r for r in book.rules if r.matches(answers)), None)
    if rule is None:
        raise NoLoketFound(f"no rule matches {answers} in {place.region or 'national'}")
    usable = [
        lk for lk in lokets if lk.is_open_on(today) and answers.group in lk.serves
    ]
    found: list[Recommendation] = []
    for target in rule.targets + book.fallback:
        added = 0
        for loket in _candidates(target, place, usable, book):
            if added == target.limit:
                break
            if any(r.loket.id == loket.id for r in found):
                continue
            found.append(Recommendation(loket, _reason(target, loket, rules)))
            added += 1
    if not found:
        raise NoLoketFound(f"no open loket for {answers} in {place.region}")
    return Advice(
        primary=found[0],
        alternatives=tuple(found[1 : 1 + rules.max_alternatives]),
        rule_id=rule.id,
        place=place,
        involves_money=answers.need in rules.money_needs,
    )


def _reason(target: Target, loket: LoketRecord, rules: RuleSet) -> Reason:
    if target.reason:
        return target.reason
    return rules.type_reasons.get(loket.type) or rules.type_reasons["other"]
