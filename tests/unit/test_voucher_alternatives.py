"""Other routes to money: which ones a person sees, without an app."""

import pytest

from portal.vouchers.alternatives import Route, other_routes


@pytest.mark.parametrize(
    "situation, sector, level, routes",
    [
        ("employed", "zorg", "3", ["loket", "slim 90", "oo_fund"]),
        ("employed", "techniek", "1", ["loket", "slim 90", "oo_fund"]),
        ("employed", "bouw", "4", ["loket", "slim 40", "oo_fund"]),
        ("employed", "groen", "2", ["loket", "slim 90", "oo_fund"]),
        ("employed", "zorg", None, ["loket", "slim", "oo_fund"]),  # typed in by hand
        ("employed", "zorg", "hbo", ["loket", "oo_fund"]),  # above NLQF 4
        ("employed", "zorg", "none", ["loket", "oo_fund"]),
        ("employed", "ict", "2", ["loket", "oo_fund"]),  # not (yet) a crucial sector
        ("employed", "onderwijs", "3", ["loket", "oo_fund"]),
        ("self_employed", "zorg", "3", ["loket"]),  # SLIM is for employers
        ("jobseeker_uwv", "zorg", "3", ["loket", "uwv"]),
        ("jobseeker_municipality", "zorg", "3", ["loket", "municipality"]),
        ("jobseeker_other", "zorg", "3", ["loket"]),
        ("young", "zorg", "3", ["loket"]),
        ("student", "zorg", "3", ["loket"]),
    ],
)
def test_routes_fit_the_situation_sector_and_level(situation, sector, level, routes):
    def show(route: Route) -> str:
        return f"{route.code} {route.percent}" if route.percent else route.code

    assert [show(r) for r in other_routes(situation, sector, level)] == routes


def test_every_route_has_a_text():
    from portal.vouchers.vocab import ROUTES

    codes = {
        route.code
        for situation in ("employed", "jobseeker_uwv", "jobseeker_municipality")
        for route in other_routes(situation, "zorg", "3")
    }
    assert codes == set(ROUTES)
