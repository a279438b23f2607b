"""Who can get a training voucher, for which course, and how the price is split.

Pure: no Flask, no database. Every rule takes plain values, an explicit date and a
`FundPolicy` (the fund's parameters, built from the Fund row in policy.py), and says
"no" with a `Violation` in B1 Dutch. Money is in integer cents throughout: no floats.

Sources: the seed facts (/work/shared/seed/seed-facts.yaml, funding_and_vouchers
`opijver-aft`, report lines in brackets) and research/domain.md §2.1 (Opijver).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

SITUATIONS = (
    "employed",
    "self_employed",
    "jobseeker_uwv",
    "jobseeker_municipality",
    "jobseeker_other",
    "young",
    "student",
)
PAYERS = ("employer", "applicant", "none")


@dataclass(frozen=True)
class Violation:
    """A rule that says no: a stable `code` for programs, a B1 Dutch sentence for people."""

    code: str
    message_nl: str


@dataclass(frozen=True)
class CopayShare:
    """Who pays the co-payment in one situation, as the fraction num/den of the price."""

    payer: str
    num: int
    den: int

    def __post_init__(self) -> None:
        if self.payer not in PAYERS:
            raise ValueError(f"unknown payer {self.payer!r}")
        if self.den <= 0 or not 0 <= self.num <= self.den:
            raise ValueError(f"share {self.num}/{self.den} is not a fraction 0..1")
        if (self.payer == "none") != (self.num == 0):
            raise ValueError("a share of 0 has payer 'none', and only a share of 0")


@dataclass(frozen=True)
class FundPolicy:
    """The parameters of one fund that the rules read. Frozen, so rules cannot change it.

    `copay_shares` holds (situation, share) pairs for every situation, so the policy
    stays hashable; use `share()` to read one.
    """

    region: str
    region_name: str
    fund_name: str
    min_age: int
    max_age: int
    max_voucher_cents: int
    max_grants_per_year: int
    sectors: frozenset[str]
    copay_shares: tuple[tuple[str, CopayShare], ...]

    def __post_init__(self) -> None:
        missing = set(SITUATIONS) - {situation for situation, _ in self.copay_shares}
        if missing:
            raise ValueError(f"no co-payment share for {sorted(missing)}")
        if self.max_voucher_cents < 0 or self.min_age > self.max_age:
            raise ValueError("negative maximum voucher or empty age range")

    def share(self, situation: str) -> CopayShare:
        for name, share in self.copay_shares:
            if name == situation:
                return share
        raise ValueError(f"unknown situation {situation!r}")


@dataclass(frozen=True)
class Applicant:
    """What the rules need to know about a person. `region` is the slug of the region
    their postcode lies in (None outside the portal's regions); `grants_this_year` counts
    the vouchers this fund granted them in the calendar year of the application."""

    region: str | None
    birth_date: date
    situation: str
    grants_this_year: int = 0


@dataclass(frozen=True)
class CourseFacts:
    """What the rules need to know about a course. `kansrijk` is None for a course the
    applicant enters by hand: then the loket adviser judges the occupation later."""

    price_cents: int
    sector: str
    kansrijk: bool | None = None


@dataclass(frozen=True)
class Split:
    """Who pays what of the price. The three parts always add up to the price."""

    price_cents: int
    voucher_cents: int
    employer_cents: int
    own_cents: int

    def __post_init__(self) -> None:
        parts = (self.voucher_cents, self.employer_cents, self.own_cents)
        if min(parts) < 0 or sum(parts) != self.price_cents:
            raise ValueError(f"parts {parts} do not add up to {self.price_cents}")


@dataclass(frozen=True)
class Decision:
    """The outcome of all rules: eligible only when no rule said no."""

    violations: tuple[Violation, ...]
    split: Split

    @property
    def eligible(self) -> bool:
        return not self.violations


def age_on(birth_date: date, on: date) -> int:
    """Age in whole years on a date.

    A person is a year older on their birthday. Someone born on 29 February becomes a
    year older on 1 March in a year without 29 February: before that day the date
    (month, day) is still smaller than (2, 29).
    """
    before_birthday = (on.month, on.day) < (birth_date.month, birth_date.day)
    return on.year - birth_date.year - before_birthday


def check_residence(applicant: Applicant, policy: FundPolicy) -> Violation | None:
    """The applicant lives in the fund's region, by the postcode they give.

    Source: seed facts opijver-aft eligibility, "living in the Achterhoek" (report
    L2214-L2215, L3143-L3145); research/domain.md §2.1 "Residence".
    """
    if applicant.region == policy.region:
        return None
    return Violation(
        "outside_region",
        f"U woont niet in de regio {policy.region_name}. {policy.fund_name} is alleen "
        f"voor mensen die in de regio {policy.region_name} wonen.",
    )


def check_age(
    applicant: Applicant, policy: FundPolicy, today: date
) -> Violation | None:
    """The applicant is min_age to max_age years old, both inclusive, on the application
    date (Opijver: 18 to 67, so not any more on the 68th birthday).

    Source: seed facts opijver-aft eligibility, min_age 18, max_age 67 (report
    L2214-L2215, L3143-L3145). research/domain.md §2.1 notes the stored web pages do not
    state an age limit; the ages are fund parameters.
    """
    age = age_on(applicant.birth_date, today)
    if age < policy.min_age:
        return Violation(
            "too_young",
            f"U bent te jong. U moet minstens {policy.min_age} jaar oud zijn op de dag "
            f"dat u de voucher aanvraagt.",
        )
    if age > policy.max_age:
        return Violation(
            "too_old",
            f"U bent te oud. De voucher is voor mensen tot en met {policy.max_age} jaar.",
        )
    return None


def check_grants_per_year(applicant: Applicant, policy: FundPolicy) -> Violation | None:
    """At most max_grants_per_year vouchers per person per calendar year from one fund
    (Opijver: 1). The caller counts the grants in the year of the application date.

    Source: issue 5 and the fund parameter max_grants_per_person_per_year
    (seed/funds.yaml); comparable rules in research/domain.md §2.2 (STAP: once per
    calendar year) and §2.7 (Zwolle: inhabitants at most once per year).
    """
    if applicant.grants_this_year < policy.max_grants_per_year:
        return None
    return Violation(
        "yearly_limit_reached",
        f"U hebt dit jaar al een voucher van {policy.fund_name} gekregen. U kunt er "
        f"hoogstens {policy.max_grants_per_year} per kalenderjaar krijgen.",
    )


def check_sector(course: CourseFacts, policy: FundPolicy) -> Violation | None:
    """The course is in one of the fund's sectors with kansrijke beroepen (Achterhoek:
    zorg, techniek, bouw, logistiek, ict, onderwijs).

    Source: research/domain.md §2.1 "Course eligibility" (a kansrijk beroep; examples
    zorg, logistiek, techniek; no money for sport); the sector list per fund in
    seed/funds.yaml.
    """
    if course.sector in policy.sectors:
        return None
    return Violation(
        "sector_not_covered",
        f"{policy.fund_name} betaalt alleen opleidingen voor beroepen met goede kansen "
        f"op werk. Deze opleiding valt niet onder de sectoren van het fonds.",
    )


def check_kansrijk(course: CourseFacts) -> Violation | None:
    """A course from the catalogue must lead to a kansrijk beroep (its `kansrijk` flag).
    A course the applicant enters by hand (kansrijk None) is judged by the adviser.

    Source: research/domain.md §2.1 "Course eligibility"; seed facts opijver-aft
    voucher_use (report L3143-L3145).
    """
    if course.kansrijk is not False:
        return None
    return Violation(
        "not_kansrijk",
        "Deze opleiding leidt niet naar een beroep met goede kansen op werk. Daarvoor "
        "geeft het fonds geen voucher.",
    )


def copayment_cents(price_cents: int, share: CopayShare) -> int:
    """The co-payment C = P × num / den, rounded to the cent, half up.

    Integer arithmetic only: floor((2·P·num + den) / (2·den)) is P·num/den rounded half
    up for P ≥ 0. Source: issue 5 (one third, rounded half up); seed facts opijver-aft
    employer_co_payment (report L2608-L2611).
    """
    if price_cents < 0:
        raise ValueError("a price is never negative")
    return (2 * price_cents * share.num + share.den) // (2 * share.den)


def split_price(price_cents: int, situation: str, policy: FundPolicy) -> Split:
    """Split a price P into voucher, employer and own part for an eligible applicant.

    The co-payment C goes to its payer (the employer when employed, the applicant when
    self-employed, nobody for jobseekers, young people and students); the voucher is
    min(P − C, max voucher); the applicant pays what remains. Source: issue 5; seed facts
    opijver-aft (max €2,500, employer pays one third); research/domain.md §2.1.
    """
    share = policy.share(situation)
    copay = copayment_cents(price_cents, share)
    voucher = min(price_cents - copay, policy.max_voucher_cents)
    employer = copay if share.payer == "employer" else 0
    return Split(price_cents, voucher, employer, price_cents - voucher - employer)


def no_voucher(price_cents: int) -> Split:
    """Without a voucher the applicant pays it all (an employer may still offer to)."""
    return Split(price_cents, 0, 0, price_cents)


NO_FUND = Violation(
    "no_fund",
    "Bij uw postcode hoort geen scholingsfonds in Leerwijzer. De fondsen in Leerwijzer "
    "zijn alleen voor inwoners van hun eigen regio.",
)


def assess(
    applicant: Applicant,
    course: CourseFacts,
    policy: FundPolicy | None,
    today: date,
) -> Decision:
    """Run every rule and give all reasons at once, so a person sees everything to fix.

    `today` is the application date. Without a fund for the applicant there is nothing
    to check: the single reason is `no_fund`.
    """
    if applicant.situation not in SITUATIONS:
        raise ValueError(f"unknown situation {applicant.situation!r}")
    if policy is None:
        return Decision((NO_FUND,), no_voucher(course.price_cents))
    found: Iterable[Violation | None] = (
        check_residence(applicant, policy),
        check_age(applicant, policy, today),
        check_grants_per_year(applicant, policy),
        check_sector(course, policy),
        check_kansrijk(course),
    )
    violations = tuple(v for v in found if v is not None)
    if violations:
        return Decision(violations, no_voucher(course.price_cents))
    return Decision((), split_price(course.price_cents, applicant.situation, policy))
