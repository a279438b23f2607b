"""A quote, "Wat kost het mij?": look up the region, fund and course, then ask the rules.

Reads only. Shared by the calculator pages and POST /api/v1/vouchers/quote.
"""

from dataclasses import dataclass
from datetime import date

from portal.catalog.models import Course, Fund
from portal.catalog.queries import get_course
from portal.regions.models import Municipality, municipality_for_pc4
from portal.vouchers.alternatives import Route, other_routes
from portal.vouchers.budget import BudgetState, budget_state
from portal.vouchers.inputs import QuoteInput, QuoteInputError
from portal.vouchers.policy import fund_for_region, policy_for
from portal.vouchers.rules import (
    Applicant,
    CopayShare,
    CourseFacts,
    Decision,
    assess,
    copayment_cents,
)


@dataclass(frozen=True)
class Quote:
    decision: Decision
    fund: Fund | None
    municipality: Municipality | None
    course: Course | None
    sector: str
    routes: tuple[Route, ...]
    budget: BudgetState | None
    share: CopayShare | None  # the fund's co-payment share for the person's situation

    @property
    def eligible(self) -> bool:
        return self.decision.eligible

    @property
    def split(self):
        return self.decision.split

    @property
    def capped(self) -> bool:
        """The fund's maximum voucher, not the co-payment, limits the voucher."""
        if not self.eligible or self.share is None or self.fund is None:
            return False
        price = self.split.price_cents
        return price - copayment_cents(price, self.share) > self.fund.max_voucher_cents

    @property
    def may_be_waitlisted(self) -> bool:
        """Eligible, but the money left would not pay this voucher today."""
        return bool(
            self.eligible
            and self.budget
            and self.split.voucher_cents > self.budget.remaining_cents
        )


def find_course(course_id: int) -> Course:
    course = get_course(course_id)
    if course is None:
        raise QuoteInputError(
            "course_id", "unknown_course", "Deze opleiding bestaat niet (meer)."
        )
    return course


def choose_fund(
    municipality: Municipality | None, course: Course | None
) -> Fund | None:
    """The fund of the region the person lives in. Outside the portal's regions, the
    fund of the course's region, so the answer can name the region one must live in."""
    fund = fund_for_region(municipality.region_id if municipality else None)
    if fund is None and course is not None:
        fund = fund_for_region(course.region_id)
    return fund


def make_quote(request: QuoteInput, today: date) -> Quote:
    """Quote a request on the application date `today`. An anonymous quote knows no
    earlier grants, so it counts none; an application will pass the real count."""
    course = find_course(request.course_id) if request.course_id else None
    municipality = municipality_for_pc4(request.postcode.pc4)
    fund = choose_fund(municipality, course)
    facts = (
        CourseFacts(course.price_cents, course.sector, course.kansrijk)
        if course
        else CourseFacts(request.price_cents or 0, request.sector or "overig")
    )
    applicant = Applicant(
        region=municipality.region.slug if municipality else None,
        birth_date=request.birth_date,
        situation=request.situation,
    )
    policy = policy_for(fund) if fund else None
    decision = assess(applicant, facts, policy, today)
    return Quote(
        decision=decision,
        fund=fund,
        municipality=municipality,
        course=course,
        sector=facts.sector,
        routes=other_routes(
            request.situation, facts.sector, course.level if course else None
        ),
        budget=budget_state(fund) if fund else None,
        share=policy.share(request.situation) if policy else None,
    )


def quote_json(quote: Quote) -> dict:
    """The API shape of a quote (issue 5)."""
    split = quote.split
    fund = quote.fund
    return {
        "eligible": quote.eligible,
        "reasons": [
            {"code": v.code, "message": v.message_nl} for v in quote.decision.violations
        ],
        "fund": (
            {"id": fund.id, "name": fund.name, "region": fund.region.slug}
            if fund
            else None
        ),
        "price_cents": split.price_cents,
        "voucher_cents": split.voucher_cents,
        "employer_cents": split.employer_cents,
        "own_cents": split.own_cents,
    }
