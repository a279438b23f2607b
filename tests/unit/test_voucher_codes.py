"""The voucher code: its form, its alphabet without look-alikes, its randomness."""

import itertools

import pytest

from portal.vouchers.codes import ALPHABET, is_code, new_code


def test_a_code_has_four_groups_of_four_after_the_prefix():
    code = new_code()
    assert code.startswith("LW-") and len(code) == 22
    assert [len(group) for group in code[3:].split("-")] == [4, 4, 4, 4]
    assert is_code(code)


def test_the_alphabet_has_no_characters_that_look_alike():
    assert not set("01OILU") & set(ALPHABET)
    assert len(set(ALPHABET)) == len(ALPHABET) == 30


def test_codes_are_random_not_counted():
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000


def test_the_choice_can_be_fixed_for_a_repeatable_code():
    letters = itertools.cycle("ABCD")
    assert new_code(lambda _: next(letters)) == "LW-ABCD-ABCD-ABCD-ABCD"


@pytest.mark.parametrize(
    "text",
    [
        "VW-2026-000123",  # a case reference is not a voucher code
        "LW-2026-000123",
        "LW-ABCD-ABCD-ABCD",
        "LW-ABCD-ABCD-ABCD-ABC0",
        "lw-abcd-abcd-abcd-abcd",
        "",
    ],
)
def test_other_texts_are_not_codes(text):
    assert not is_code(text)
