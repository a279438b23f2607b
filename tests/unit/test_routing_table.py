"""Every path ends somewhere: every region × municipality × audience × situation × need
gets a primary loket that exists today, lies in that region and serves the person.
Outside the regions every combination gets a national loket. No app, no database."""

from datetime import date

from portal.lokets.routing import EMPLOYER, Answers, Place, advise

TODAY = date(2026, 11, 28)


def all_answers(rules) -> list[Answers]:
    found = []
    for audience in rules.audiences:
        situations = ("",) if audience == EMPLOYER else rules.situations
        for situation in situations:
            for need in rules.needs[audience]:
                found.append(Answers(audience=audience, situation=situation, need=need))
    return found


def test_the_questionnaire_has_39_answer_paths(rules):
    # Residents: 7 situations × 5 needs; employers: 4 needs.
    assert len(all_answers(rules)) == 7 * 5 + 4


def test_every_combination_in_the_three_regions_gets_an_open_local_primary_loket(
    rules, lokets, municipalities
):
    checked = 0
    for region, towns in municipalities.items():
        for municipality in towns:
            for answers in all_answers(rules):
                advice = advise(
                    answers, Place(region, municipality), lokets, rules, TODAY
                )
                where = f"{region}/{municipality} {answers}"
                for item in (advice.primary, *advice.alternatives):
                    loket = item.loket
                    assert loket.is_open_on(TODAY), where
                    assert loket.region == region, where
                    assert answers.group in loket.serves, where
                    assert item.reason.nl and item.reason.en, where
                checked += 1
    assert checked == 37 * 39


def test_every_combination_outside_the_regions_gets_an_open_national_loket(
    rules, lokets
):
    for answers in all_answers(rules):
        advice = advise(answers, Place(), lokets, rules, TODAY)
        assert advice.primary.loket.type == "national", answers
        assert advice.primary.loket.is_open_on(TODAY)
        assert answers.group in advice.primary.loket.serves


def test_no_combination_is_sent_to_a_closed_mobility_team(
    rules, lokets, municipalities
):
    for region, towns in municipalities.items():
        for answers in all_answers(rules):
            advice = advise(answers, Place(region, towns[0]), lokets, rules, TODAY)
            types = {r.loket.type for r in (advice.primary, *advice.alternatives)}
            assert "mobiliteitsteam" not in types
