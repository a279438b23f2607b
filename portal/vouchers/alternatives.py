"""Other routes to money for a course, worth trying next to (or instead of) a voucher.

Pure: which routes fit a situation, sector and level. The texts people read are in
vocab.ROUTES. Regional funds are a safety net ("vangnet"): other options come first
where they fit (research/domain.md §2.1 "Subsidiarity"), so the routes are shown to
everyone, eligible or not.
"""

from dataclasses import dataclass

# SLIM-scholingssubsidie: courses in a sectoral Ontwikkelpad of a "maatschappelijk
# cruciale sector": zorg & welzijn, kinderopvang, hoveniers & groen, techniek/bouw/
# energie; onderwijs and ICT are still to follow (research/domain.md §2.3,
# S-rijk-slim25, S-mbotoday-ontw). In the catalogue's sectors:
SLIM_SECTORS = frozenset({"zorg", "groen", "techniek", "bouw"})
# 90 % of the course costs for NLQF 1–3, 40 % for NLQF 4 (§2.3, S-cooster). mbo levels
# 1–4 sit at NLQF 1–4; hbo and wo are above NLQF 4 and get nothing.
SLIM_PERCENT_BY_LEVEL = {"1": 90, "2": 90, "3": 90, "4": 40}


@dataclass(frozen=True)
class Route:
    """One route: `code` keys its text in vocab.ROUTES; `percent` is SLIM's share for
    the course's level when the level is known."""

    code: str
    percent: int | None = None


def slim_route(sector: str, level: str | None) -> Route | None:
    """SLIM-scholingssubsidie fits an employee's course in a crucial sector at NLQF 1–4.
    A course entered by hand has no known level: the route is shown without a percent."""
    if sector not in SLIM_SECTORS:
        return None
    if level is None:
        return Route("slim")
    if level not in SLIM_PERCENT_BY_LEVEL:
        return None
    return Route("slim", SLIM_PERCENT_BY_LEVEL[level])


def other_routes(situation: str, sector: str, level: str | None) -> tuple[Route, ...]:
    """The routes for this person and course, the loket first.

    - loket: free, independent advice that combines schemes, for everyone
      (research/domain.md §2.5, S-lwl-about, S-lwl-twente).
    - slim and oo_fund: paid through the employer, so only when employed (§2.3; O&O
      funds: seed facts, companies are organised by sector in O&O-fondsen, report
      L915-L917; O&O-fondsen fund up- and re-skilling, L5483-L5488, L3680-L3682).
    - uwv: with a WW or WIA benefit, UWV first, because training can affect the
      benefit (seed/routing.yaml rule uwv-learning; §2.7 UWV scholingsvoucher).
    - municipality: with bijstand the municipality first (seed/routing.yaml).
    """
    routes = [Route("loket")]
    if situation == "employed":
        slim = slim_route(sector, level)
        if slim:
            routes.append(slim)
        routes.append(Route("oo_fund"))
    elif situation == "jobseeker_uwv":
        routes.append(Route("uwv"))
    elif situation == "jobseeker_municipality":
        routes.append(Route("municipality"))
    return tuple(routes)
