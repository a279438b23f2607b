"""The routing rules of seed/routing.yaml, walked without an app or a database."""

from datetime import date
from pathlib import Path

import pytest
import yaml

from portal.lokets import questions
from portal.lokets.routing import (
    Answers,
    LoketRecord,
    NoLoketFound,
    Place,
    RulesError,
    advise,
    rules_from_dict,
)
from portal.lokets.vocab import LOKET_TYPES

SEED_DIR = Path(__file__).resolve().parents[2] / "seed"
TODAY = date(2026, 11, 28)


def resident(situation: str, need: str) -> Answers:
    return Answers(audience="resident", situation=situation, need=need)


def employer(need: str) -> Answers:
    return Answers(audience="employer", need=need)


def primary_slug(rules, lokets, answers, region, municipality, today=TODAY) -> str:
    advice = advise(answers, Place(region, municipality), lokets, rules, today)
    return advice.primary.loket.slug


def test_every_code_in_the_rule_file_has_a_dutch_label(rules):
    assert set(rules.audiences) == set(questions.AUDIENCES)
    assert set(rules.situations) == set(questions.SITUATIONS)
    for needs in rules.needs.values():
        assert set(needs) <= set(questions.NEEDS)


def test_every_loket_type_slug_and_area_in_the_rule_file_exists(
    rules, lokets, municipalities
):
    by_slug = {lk.slug: lk for lk in lokets}
    assert set(rules.type_reasons) <= set(LOKET_TYPES)
    for region, book in rules.regions.items():
        for slug, area in book.areas.items():
            assert by_slug[slug].region == region, slug
            assert area <= set(municipalities[region]), slug
        for rule in book.rules:
            for target in rule.targets + book.fallback:
                assert target.type in LOKET_TYPES or target.slug in by_slug
    for rule in rules.national.rules:
        for target in rule.targets:
            assert by_slug[target.slug].type == "national"


def test_people_on_ww_or_wia_go_to_uwv_first(rules, lokets):
    for need in ("retraining", "find_job", "financing", "career_advice"):
        answers = resident("jobseeker_uwv", need)
        assert primary_slug(rules, lokets, answers, "achterhoek", "doetinchem") == (
            "ach-uwv-doetinchem"
        )
    advice = advise(
        resident("jobseeker_uwv", "retraining"),
        Place("zeeland", "goes"),
        lokets,
        rules,
        TODAY,
    )
    assert advice.primary.loket.slug == "zee-uwv-middelburg"
    assert "uitkering" in advice.primary.reason.nl


def test_bijstand_goes_to_the_own_municipality_and_else_to_the_werkcentrum(
    rules, lokets
):
    answers = resident("jobseeker_municipality", "find_job")
    assert primary_slug(rules, lokets, answers, "achterhoek", "doetinchem") == (
        "ach-gemeente-doetinchem-werk-inkomen"
    )
    # Winterswijk has no municipal desk in the data: never send people to Doetinchem's.
    assert primary_slug(rules, lokets, answers, "achterhoek", "winterswijk") == (
        "ach-werkcentrum-doetinchem"
    )
    assert primary_slug(rules, lokets, answers, "zuid-limburg", "stein") == (
        "zl-vidar-sittard"
    )


def test_young_people_go_to_the_jongerenloket_and_in_zeeland_to_the_leerwerkloket(
    rules, lokets
):
    answers = resident("young", "find_job")
    assert primary_slug(rules, lokets, answers, "achterhoek", "aalten") == (
        "ach-rmc-leren-werkt-doetinchem"
    )
    assert primary_slug(rules, lokets, answers, "zuid-limburg", "sittard-geleen") == (
        "zl-vidar-jongerenloket"
    )
    advice = advise(answers, Place("zeeland", "hulst"), lokets, rules, TODAY)
    assert advice.primary.loket.slug == "zee-leerwerkloket-goes"
    assert advice.rule_id == "zeeland-young"
    assert "geen apart Jongerenloket" in advice.primary.reason.nl


@pytest.mark.parametrize(
    ("region", "municipality", "wsp"),
    [
        ("achterhoek", "doetinchem", "ach-wsp-werkplein-doetinchem"),
        ("achterhoek", "berkelland", "ach-wsp-fijnder-winterswijk"),
        ("zeeland", "terneuzen", "zee-wsp-zeeuws-vlaanderen-terneuzen"),
        ("zeeland", "vlissingen", "zee-orionis-walcheren-wsp"),
        ("zeeland", "tholen", "zee-wsp-oosterschelderegio-goes"),
        ("zuid-limburg", "vaals", "zl-wsp-maastricht-heuvelland"),
        ("zuid-limburg", "kerkrade", "zl-wsp-parkstad"),
        ("zuid-limburg", "beek", "zl-wsp-westelijke-mijnstreek"),
    ],
)
def test_employers_looking_for_staff_go_to_the_werkgeversservicepunt_of_their_area(
    rules, lokets, region, municipality, wsp
):
    advice = advise(
        employer("recruit_staff"), Place(region, municipality), lokets, rules, TODAY
    )
    assert advice.primary.loket.slug == wsp
    areas = rules.regions[region].areas
    for alternative in advice.alternatives:
        slug = alternative.loket.slug
        assert slug not in areas or municipality in areas[slug], "not another area's"


def test_financing_in_the_achterhoek_goes_to_opijver_and_involves_money(rules, lokets):
    advice = advise(
        resident("employed", "financing"),
        Place("achterhoek", "winterswijk"),
        lokets,
        rules,
        TODAY,
    )
    assert advice.primary.loket.slug == "ach-opijver-online"
    assert "€ 2.500" in advice.primary.reason.nl
    assert advice.involves_money
    assert advice.alternatives[0].loket.slug == "ach-leerwerkloket-doetinchem"


def test_financing_elsewhere_goes_to_the_leerwerkloket(rules, lokets):
    advice = advise(
        resident("self_employed", "financing"),
        Place("zeeland", "goes"),
        lokets,
        rules,
        TODAY,
    )
    assert advice.primary.loket.slug == "zee-leerwerkloket-goes"
    assert advice.involves_money


def test_employed_people_get_union_career_advice_as_an_alternative(rules, lokets):
    advice = advise(
        resident("employed", "career_advice"),
        Place("achterhoek", "doetinchem"),
        lokets,
        rules,
        TODAY,
    )
    assert advice.primary.loket.type == "leerwerkloket"
    assert "vakbond" in {r.loket.type for r in advice.alternatives}
    assert not advice.involves_money


def test_apprenticeships_go_to_sbb_for_employers_and_job_seekers(rules, lokets):
    assert primary_slug(
        rules, lokets, employer("apprenticeship"), "zeeland", "middelburg"
    ) == ("zee-sbb-goes")
    answers = resident("jobseeker_other", "apprenticeship")
    assert primary_slug(rules, lokets, answers, "achterhoek", "bronckhorst") == (
        "ach-sbb-doetinchem"
    )


def test_the_mobility_team_helped_until_2024_and_the_werkcentrum_took_over(
    rules, lokets
):
    answers = resident("jobseeker_other", "find_job")
    place = ("achterhoek", "doetinchem")
    before = primary_slug(rules, lokets, answers, *place, today=date(2024, 6, 1))
    after = primary_slug(rules, lokets, answers, *place, today=date(2025, 1, 1))
    assert before == "ach-rmt-doetinchem"
    assert after == "ach-werkcentrum-doetinchem"
    last_day = primary_slug(rules, lokets, answers, *place, today=date(2024, 12, 31))
    assert last_day == "ach-rmt-doetinchem"


def test_outside_the_regions_the_national_lokets_answer(rules, lokets):
    advice = advise(resident("employed", "retraining"), Place(), lokets, rules, TODAY)
    assert advice.primary.loket.slug == "nl-werkcentrum-online"
    assert all(r.loket.type == "national" for r in advice.alternatives)
    assert primary_slug(rules, lokets, employer("recruit_staff"), None, None) == (
        "nl-uwv-online"
    )
    # Before the Werkcentra existed, the Leerwerkloket network answered.
    early = primary_slug(
        rules,
        lokets,
        resident("student", "career_advice"),
        None,
        None,
        date(2024, 3, 1),
    )
    assert early == "nl-leerwerkloket-online"


def test_an_unknown_region_gets_the_national_answer(rules, lokets):
    advice = advise(
        resident("employed", "retraining"),
        Place("twente", "enschede"),
        lokets,
        rules,
        TODAY,
    )
    assert advice.primary.loket.type == "national"
    assert advice.place == Place()


def test_lokets_that_do_not_serve_the_person_are_skipped(rules, lokets):
    advice = advise(
        resident("jobseeker_other", "career_advice"),
        Place("achterhoek", "doetinchem"),
        lokets,
        rules,
        TODAY,
    )
    found = [advice.primary, *advice.alternatives]
    assert all("jobseeker_other" in r.loket.serves for r in found)
    assert "vakbond" not in {r.loket.type for r in found}


def test_alternatives_are_distinct_capped_and_never_the_primary(rules, lokets):
    advice = advise(
        resident("employed", "career_advice"),
        Place("zuid-limburg", "heerlen"),
        lokets,
        rules,
        TODAY,
    )
    slugs = [r.loket.slug for r in (advice.primary, *advice.alternatives)]
    assert len(slugs) == len(set(slugs))
    assert len(advice.alternatives) <= rules.max_alternatives


def test_answers_that_do_not_fit_the_questionnaire_are_refused(rules, lokets):
    place = Place("zeeland", "goes")
    with pytest.raises(ValueError):
        advise(employer("career_advice"), place, lokets, rules, TODAY)
    with pytest.raises(ValueError):
        advise(resident("pensioner", "retraining"), place, lokets, rules, TODAY)
    bad_employer = Answers(audience="employer", situation="employed", need="financing")
    with pytest.raises(ValueError):
        advise(bad_employer, place, lokets, rules, TODAY)


def test_no_open_loket_is_an_error_not_a_silent_empty_answer(rules):
    closed = LoketRecord(
        id=1,
        slug="old",
        type="leerwerkloket",
        region="zeeland",
        municipality="goes",
        serves=frozenset({"employed"}),
        valid_until=date(2020, 1, 1),
    )
    with pytest.raises(NoLoketFound):
        advise(
            resident("employed", "retraining"),
            Place("zeeland", "goes"),
            [closed],
            rules,
            TODAY,
        )


def _rule_file() -> dict:
    with open(SEED_DIR / "routing.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def test_a_rule_with_an_unknown_situation_fails_loudly_with_its_id():
    data = _rule_file()
    data["defaults"]["rules"][0]["when"]["situation"] = ["pensioner"]
    with pytest.raises(RulesError, match="employer-recruit.*pensioner"):
        rules_from_dict(data)


def test_a_target_must_name_a_type_or_a_loket_not_both():
    data = _rule_file()
    data["defaults"]["rules"][0]["targets"][0] = {"type": "wsp", "loket": "x"}
    with pytest.raises(RulesError, match="either"):
        rules_from_dict(data)


def test_regional_rules_come_before_the_defaults(rules):
    achterhoek = [rule.id for rule in rules.regions["achterhoek"].rules]
    assert achterhoek[0] == "achterhoek-opijver"
    assert achterhoek[1:] == [rule.id for rule in rules.regions["zeeland"].rules[1:]]
