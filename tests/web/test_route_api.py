"""GET /api/v1/route: the shape the issue gives, postcodes in three spellings, Dutch 400s,
and every combination of region × audience × situation × need through the database."""

from datetime import date
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.lokets.models import Loket

LOKET_FIELDS = {"id", "name", "type", "town", "address", "phone", "email", "url"}
# One postcode per region (Winterswijk, Goes, Heerlen) and one outside them (Amsterdam).
POSTCODES = {
    "achterhoek": "7101",
    "zeeland": "4461",
    "zuid-limburg": "6411",
    None: "1012",
}


def route(client, **params):
    return client.get(f"/api/v1/route?{urlencode(params)}")


def test_the_answer_has_the_documented_shape(client):
    data = route(
        client,
        postcode="7101 ab",
        audience="resident",
        situation="employed",
        need="financing",
    ).get_json()
    assert set(data) == {
        "postcode",
        "municipality",
        "region",
        "primary",
        "alternatives",
        "reason",
    }
    assert data["postcode"] == "7101 AB"
    assert data["municipality"] == "Winterswijk"
    assert data["region"] == "achterhoek"
    assert set(data["primary"]) == LOKET_FIELDS
    assert data["primary"]["type"] == "llo_portal"
    assert data["primary"]["url"].endswith("/loket/ach-opijver-online")
    assert all(set(alt) == LOKET_FIELDS for alt in data["alternatives"])
    assert "€ 2.500" in data["reason"]


@pytest.mark.parametrize("postcode", ["7101", "7101AB", "7101 ab", " 7101 AB "])
def test_postcodes_are_accepted_in_every_usual_spelling(client, postcode):
    response = route(
        client, postcode=postcode, audience="employer", need="recruit_staff"
    )
    assert response.status_code == 200
    assert response.get_json()["municipality"] == "Winterswijk"


def test_outside_the_regions_region_is_null_and_a_national_loket_answers(client):
    data = route(
        client,
        postcode="1012",
        audience="resident",
        situation="jobseeker_uwv",
        need="find_job",
    ).get_json()
    assert data["region"] is None and data["municipality"] is None
    assert data["primary"]["type"] == "national"
    assert "UWV" in data["primary"]["name"]


@pytest.mark.parametrize(
    ("params", "code", "words"),
    [
        (
            {"audience": "employer", "need": "recruit_staff"},
            "missing_postcode",
            "ontbreekt",
        ),
        (
            {"postcode": "7101", "need": "recruit_staff"},
            "missing_audience",
            "ontbreekt",
        ),
        ({"postcode": "7101", "audience": "employer"}, "missing_need", "ontbreekt"),
        (
            {"postcode": "7101", "audience": "resident", "need": "find_job"},
            "missing_situation",
            "ontbreekt",
        ),
        (
            {"postcode": "71O1", "audience": "employer", "need": "recruit_staff"},
            "invalid_postcode",
            "geen geldige postcode",
        ),
        (
            {"postcode": "7101 SS", "audience": "employer", "need": "recruit_staff"},
            "invalid_postcode",
            "bestaat niet",
        ),
        (
            {"postcode": "7101", "audience": "alien", "need": "find_job"},
            "invalid_audience",
            "Onbekende waarde 'alien'",
        ),
        (
            {"postcode": "7101", "audience": "employer", "need": "find_job"},
            "invalid_need",
            "Kies uit: recruit_staff",
        ),
        (
            {
                "postcode": "7101",
                "audience": "resident",
                "situation": "retired",
                "need": "find_job",
            },
            "invalid_situation",
            "Onbekende waarde 'retired'",
        ),
        (
            {
                "postcode": "7101",
                "audience": "employer",
                "situation": "employed",
                "need": "financing",
            },
            "invalid_situation",
            "Werkgevers",
        ),
    ],
)
def test_bad_parameters_get_a_400_with_a_dutch_message(client, params, code, words):
    response = route(client, **params)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == code
    assert words in error["message"]


def all_combinations(seeded_app):
    from portal.lokets.advice import rule_set

    with seeded_app.app_context():
        rules = rule_set()
    for audience in rules.audiences:
        situations = [""] if audience == "employer" else rules.situations
        for situation in situations:
            for need in rules.needs[audience]:
                yield {"audience": audience, "situation": situation, "need": need}


def test_every_combination_gets_an_open_primary_loket_in_its_region(client, seeded_app):
    with seeded_app.app_context():
        lokets = {lk.id: lk for lk in db.session.scalars(select(Loket))}
        regions = {
            lk.id: lk.region.slug if lk.region else None for lk in lokets.values()
        }
    checked = 0
    for region, postcode in POSTCODES.items():
        for answers in all_combinations(seeded_app):
            params = {k: v for k, v in answers.items() if v}
            data = route(client, postcode=postcode, **params).get_json()
            primary = data["primary"]
            assert data["region"] == region, (postcode, answers)
            assert regions[primary["id"]] == region, (postcode, answers)
            assert lokets[primary["id"]].is_open_on(date(2026, 11, 28))
            checked += 1
    assert checked == 4 * 39
