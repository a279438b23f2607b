import pytest

from portal.accounts.rules import kvk_problem, normalise_kvk, password_problems


def test_a_long_password_is_fine():
    assert password_problems("paard-batterij-nietje", "a@b.nl") == []


@pytest.mark.parametrize("password", ["kort", "123456789"])
def test_a_password_under_ten_characters_is_refused(password):
    assert any("10 tekens" in p for p in password_problems(password))


def test_the_email_address_is_no_password():
    assert "Gebruik niet uw e-mailadres als wachtwoord." in password_problems(
        "jan@voorbeeld.nl", "Jan@Voorbeeld.nl"
    )


def test_one_repeated_character_is_refused():
    assert "Gebruik niet steeds hetzelfde teken." in password_problems("a" * 12)


@pytest.mark.parametrize("kvk", ["12345678", "12 34 56 78", "12.34.56.78"])
def test_kvk_numbers_of_eight_digits_are_accepted(kvk):
    assert kvk_problem(kvk) is None
    assert normalise_kvk(kvk) == "12345678"


@pytest.mark.parametrize("kvk", ["", "1234567", "123456789", "1234567a"])
def test_other_kvk_numbers_are_refused_in_dutch(kvk):
    assert (
        kvk_problem(kvk)
        == "Een KvK-nummer heeft precies 8 cijfers, bijvoorbeeld 12345678."
    )
