from datetime import date

from portal.lokets.models import Loket


def test_a_mobility_team_is_closed_after_its_end_date():
    team = Loket(valid_from=date(2021, 9, 16), valid_until=date(2024, 12, 31))
    assert team.is_open_on(date(2024, 12, 31))
    assert not team.is_open_on(date(2025, 1, 1))
    assert not team.is_open_on(date(2021, 9, 15))


def test_a_loket_without_dates_is_always_open():
    assert Loket().is_open_on(date(2030, 1, 1))
