"""The calculator "Wat kost het mij?" and the voucher API on the seed data."""

import re

import pytest
from sqlalchemy import select

from portal.catalog.models import Course, Fund
from portal.extensions import db
from portal.regions.models import Region

WINTERSWIJK = "7101 AB"
AMSTERDAM = "1011 AB"  # outside the three regions


def find_course(seeded_app, region="achterhoek", min_price=300_000, **where) -> dict:
    """The first seeded course of a region that matches, as plain values."""
    with seeded_app.app_context():
        query = (
            select(Course)
            .join(Region, Course.region_id == Region.id)
            .where(Region.slug == region, Course.withdrawn_at.is_(None))
            .where(*(getattr(Course, k) == v for k, v in where.items()))
            .where(Course.price_cents >= min_price)
            .order_by(Course.id)
        )
        course = db.session.scalars(query).first()
        assert course is not None, f"no seeded course {region} {where}"
        return {"id": course.id, "price": course.price_cents, "title": course.title}


@pytest.fixture
def zorg_course(seeded_app):
    return find_course(seeded_app, sector="zorg", kansrijk=True)


BASE = {"postcode": WINTERSWIJK, "birth_date": "1980-05-01", "situation": "employed"}


def quote(client, **changes) -> dict:
    """POST a quote request (BASE with `changes`) that must succeed; its JSON."""
    response = client.post("/api/v1/vouchers/quote", json=BASE | changes)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def parts(data: dict) -> tuple[int, int, int]:
    return data["voucher_cents"], data["employer_cents"], data["own_cents"]


def third(cents: int) -> int:
    return (2 * cents + 3) // 6


def text(response) -> str:
    return re.sub(r"\s+", " ", response.get_data(as_text=True).replace("\xa0", " "))


def test_employed_in_winterswijk_gets_opijver_and_the_employer_pays_a_third(
    client, zorg_course
):
    data = quote(client, course_id=zorg_course["id"])
    price = zorg_course["price"]
    assert data["eligible"] is True and data["reasons"] == []
    assert data["fund"]["region"] == "achterhoek"
    assert data["fund"]["name"].startswith("Opijver")
    assert data["price_cents"] == price
    assert data["employer_cents"] == third(price)
    assert data["voucher_cents"] == min(price - third(price), 250_000)
    assert sum(parts(data)) == price


def test_a_price_and_sector_typed_in_are_split_too(client):
    data = quote(
        client, situation="self_employed", price_cents=90_000, sector="techniek"
    )
    assert data["eligible"] is True
    assert parts(data) == (60_000, 0, 30_000)


def test_outside_the_regions_there_is_no_fund(client):
    data = quote(
        client,
        postcode=AMSTERDAM,
        situation="jobseeker_other",
        price_cents=90_000,
        sector="zorg",
    )
    assert data["eligible"] is False and data["fund"] is None
    assert [r["code"] for r in data["reasons"]] == ["no_fund"]
    assert data["reasons"][0]["message"]
    assert parts(data) == (0, 0, 90_000)


def test_outside_the_region_of_the_course_the_reason_names_the_region(
    client, zorg_course
):
    data = quote(client, postcode=AMSTERDAM, course_id=zorg_course["id"])
    assert data["eligible"] is False
    assert data["fund"]["region"] == "achterhoek"
    assert data["reasons"][0]["code"] == "outside_region"
    assert "Achterhoek" in data["reasons"][0]["message"]
    assert parts(data) == (0, 0, zorg_course["price"])


@pytest.mark.parametrize(
    "changes, code",
    [
        ({"birth_date": "1958-11-28"}, "too_old"),  # 68 on the fixed date 2026-11-28
        ({"birth_date": "2008-11-29"}, "too_young"),  # 18 tomorrow
        ({"sector": "horeca"}, "sector_not_covered"),
    ],
)
def test_each_reason_comes_back_with_its_code(client, changes, code):
    data = quote(client, **({"price_cents": 90_000, "sector": "zorg"} | changes))
    assert [r["code"] for r in data["reasons"]] == [code]


def test_a_catalogue_course_that_is_not_kansrijk_gets_no_voucher(client, seeded_app):
    course = find_course(seeded_app, min_price=0, kansrijk=False)
    data = quote(client, course_id=course["id"])
    assert "not_kansrijk" in [r["code"] for r in data["reasons"]]


@pytest.mark.parametrize(
    "body, code",
    [
        (
            BASE | {"postcode": "", "price_cents": 100, "sector": "zorg"},
            "invalid_postcode",
        ),
        (BASE | {"birth_date": "01-05-1980", "course_id": 1}, "invalid_birth_date"),
        (BASE | {"birth_date": "1980-02-30", "course_id": 1}, "invalid_birth_date"),
        (BASE | {"birth_date": "2030-01-01", "course_id": 1}, "invalid_birth_date"),
        (BASE | {"situation": "retired", "course_id": 1}, "invalid_situation"),
        (BASE | {"sector": "zorg"}, "missing_price"),
        (BASE | {"price_cents": -100, "sector": "zorg"}, "invalid_price"),
        (BASE | {"price_cents": 99.5, "sector": "zorg"}, "invalid_price"),
        (BASE | {"price_cents": 100, "sector": "sport"}, "invalid_sector"),
        (BASE | {"course_id": 99_999_999}, "unknown_course"),
        (BASE | {"course_id": "7"}, "invalid_course"),
        (BASE | {"course_id": 1, "price_cents": 100}, "invalid_request"),
        ([BASE], "invalid_json"),
    ],
)
def test_malformed_input_is_a_400_with_a_dutch_message(client, body, code):
    response = client.post("/api/v1/vouchers/quote", json=body)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == code and error["message"]


@pytest.mark.parametrize(
    "data, content_type",
    [
        ("postcode=7101", "application/x-www-form-urlencoded"),
        ("{not json", "application/json"),
    ],
)
def test_a_body_that_is_not_json_is_a_400(client, data, content_type):
    response = client.post(
        "/api/v1/vouchers/quote", data=data, content_type=content_type
    )
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "invalid_json"


def test_funds_show_their_budget_and_it_adds_up(client, seeded_app):
    results = client.get("/api/v1/funds").get_json()["results"]
    with seeded_app.app_context():
        assert len(results) == db.session.query(Fund).count() == 3
    for fund in results:
        assert set(fund) == {
            "id",
            "name",
            "region",
            "demo",
            "budget_cents",
            "reserved_cents",
            "paid_cents",
            "remaining_cents",
            "max_voucher_cents",
        }
        assert (
            fund["reserved_cents"] + fund["paid_cents"] + fund["remaining_cents"]
            == fund["budget_cents"]
        )
    opijver = next(f for f in results if f["region"] == "achterhoek")
    assert opijver["demo"] is False and opijver["max_voucher_cents"] == 250_000


def test_the_calculator_page_is_an_accessible_get_form(client):
    response = client.get("/vouchers/wat-kost-het")
    assert response.status_code == 200
    html = text(response)
    assert '<form method="get" action="/vouchers/wat-kost-het"' in html
    assert '<label for="postcode">' in html and '<label for="birth_date">' in html
    assert '<fieldset class="form-field" id="situation"> <legend>' in html
    assert 'name="price"' in html and 'name="sector"' in html
    assert "error-summary" not in html and "Uw uitkomst" not in html


ANSWERS = {
    "postcode": "7101 AB",
    "birth_date": "1-5-1980",
    "situation": "employed",
    "price": "900",
    "sector": "zorg",
}


def calculator_page(client, **changes) -> str:
    """The standalone calculator answering the form ANSWERS with `changes`."""
    return text(client.get("/vouchers/wat-kost-het", query_string=ANSWERS | changes))


def test_the_calculator_page_shows_the_split(client):
    html = calculator_page(client)
    assert "U kunt waarschijnlijk een scholingsvoucher krijgen van Opijver" in html
    assert "Voucher van het fonds</th><td>€ 600,00" in html
    assert "Uw werkgever betaalt</th><td>€ 300,00" in html
    assert "U betaalt zelf</th><td>€ 0,00" in html
    assert "SLIM-scholingssubsidie" in html and "opleidingsfonds van uw sector" in html


def test_the_calculator_page_says_why_not_and_what_else(client):
    html = calculator_page(client, postcode=AMSTERDAM, situation="jobseeker_uwv")
    assert "waarschijnlijk geen scholingsvoucher" in html
    assert "Bij uw postcode hoort geen scholingsfonds" in html
    assert "Overleg eerst met UWV" in html and 'href="/lokets"' in html


def test_the_calculator_page_lists_every_error_at_the_top(client):
    response = client.get(
        "/vouchers/wat-kost-het",
        query_string={"postcode": "abc", "birth_date": "", "price": "12.50"},
    )
    assert response.status_code == 200
    html = text(response)
    assert 'class="error-summary"' in html
    for field in ("postcode", "birth_date", "situation", "price", "sector"):
        assert f'<a href="#{field}">' in html
    assert 'aria-invalid="true"' in html


def test_the_calculator_page_with_a_course_asks_no_price(client, zorg_course):
    html = text(
        client.get(
            "/vouchers/wat-kost-het", query_string={"course_id": zorg_course["id"]}
        )
    )
    assert zorg_course["title"] in html
    assert f'name="course_id" value="{zorg_course["id"]}"' in html
    assert 'name="price"' not in html


@pytest.mark.parametrize("course_id", ["99999999", "abc", "12345678901234567890"])
def test_the_calculator_page_with_an_unknown_course_is_a_404(client, course_id):
    response = client.get(
        "/vouchers/wat-kost-het", query_string={"course_id": course_id}
    )
    assert response.status_code == 404


def test_every_course_page_has_the_calculator(client, zorg_course):
    path = f"/opleiding/{zorg_course['id']}"
    html = text(client.get(path))
    assert f'action="{path}#kosten"' in html
    assert 'name="price"' not in html  # the course sets the price
    answered = text(
        client.get(
            path,
            query_string={
                "postcode": "7101AB",
                "birth_date": "01-05-1980",
                "situation": "employed",
            },
        )
    )
    kosten = answered[answered.index('id="kosten"') :]
    assert "Opijver" in kosten and "Uw werkgever betaalt" in kosten
    price = zorg_course["price"]
    employer = (
        f"{third(price) // 100:,}".replace(",", ".") + f",{third(price) % 100:02d}"
    )
    assert f"Uw werkgever betaalt</th><td>€ {employer}" in kosten


@pytest.mark.parametrize("path", ["/vouchers", "/fonds/opijver"])
def test_the_budget_meter_shows_the_vouchers_still_available(client, path):
    html = text(client.get(path))
    assert "Nog ongeveer 300 vouchers beschikbaar tot en met 30 juni 2027." in html
    assert '<label for="budget-opijver">' in html
    assert '<meter id="budget-opijver" min="0" max="75000000" value="75000000"' in html
