"""The vocabulary of the routing rules: answers, places, lokets as plain records, rules
and the advice they give. Plain frozen dataclasses; routing.py reads and walks them."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

EMPLOYER = "employer"
RESIDENT = "resident"


class RulesError(ValueError):
    """routing.yaml is malformed; the message names the rule or field."""


class NoLoketFound(LookupError):
    """No open loket serves this person: the rules or the seed data have a gap."""


@dataclass(frozen=True)
class LoketRecord:
    """What routing needs to know about a loket."""

    id: int
    slug: str
    type: str
    region: str | None
    municipality: str | None
    serves: frozenset[str]
    valid_from: date | None = None
    valid_until: date | None = None

    def is_open_on(self, day: date) -> bool:
        """Whether the loket exists on `day` (its lifetime, not its opening hours)."""
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_until and day > self.valid_until)


@dataclass(frozen=True)
class Answers:
    """The person's answers; `situation` is empty for employers."""

    audience: str
    need: str
    situation: str = ""

    @property
    def group(self) -> str:
        """The `serves` value a loket must list to help this person."""
        return EMPLOYER if self.audience == EMPLOYER else self.situation


@dataclass(frozen=True)
class Place:
    """Where the person lives or works; both None outside the three regions."""

    region: str | None = None
    municipality: str | None = None


@dataclass(frozen=True)
class Reason:
    nl: str
    en: str


@dataclass(frozen=True)
class Target:
    """One step of a rule: every loket of `type`, or the loket `slug`."""

    type: str | None = None
    slug: str | None = None
    limit: int = 1
    reason: Reason | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    targets: tuple[Target, ...]
    audience: frozenset[str] = frozenset()
    situation: frozenset[str] = frozenset()
    need: frozenset[str] = frozenset()

    def matches(self, answers: Answers) -> bool:
        return all(
            not allowed or value in allowed
            for allowed, value in (
                (self.audience, answers.audience),
                (self.situation, answers.situation),
                (self.need, answers.need),
            )
        )


@dataclass(frozen=True)
class RuleBook:
    """The rules of one region (regional rules first, then the defaults)."""

    rules: tuple[Rule, ...]
    fallback: tuple[Target, ...]
    areas: Mapping[str, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class RuleSet:
    situations: tuple[str, ...]
    needs: Mapping[str, tuple[str, ...]]
    money_needs: frozenset[str]
    max_alternatives: int
    type_reasons: Mapping[str, Reason]
    regions: Mapping[str, RuleBook]
    national: RuleBook

    @property
    def audiences(self) -> tuple[str, ...]:
        return tuple(self.needs)

    def book(self, region: str | None) -> RuleBook:
        return self.regions.get(region, self.national) if region else self.national


@dataclass(frozen=True)
class Recommendation:
    loket: LoketRecord
    reason: Reason


@dataclass(frozen=True)
class Advice:
    primary: Recommendation
    alternatives: tuple[Recommendation, ...]
    rule_id: str
    place: Place
    involves_money: bool
