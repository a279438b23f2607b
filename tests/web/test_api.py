"""/api/v1: shapes as documented, 400s with a Dutch message for bad parameters."""

import pytest


def test_regions_lists_the_three_with_their_municipalities(client):
    data = client.get("/api/v1/regions").get_json()
    assert [r["slug"] for r in data] == ["achterhoek", "zeeland", "zuid-limburg"]
    achterhoek = data[0]
    assert achterhoek["name"] == "Achterhoek"
    assert (
        "Winterswijk" in achterhoek["municipalities"]
        and len(achterhoek["municipalities"]) == 8
    )


def test_lokets_of_a_region(client):
    data = client.get("/api/v1/lokets?region=zeeland").get_json()
    assert data["total"] == len(data["results"]) > 0
    loket = data["results"][0]
    assert set(loket) == {
        "id",
        "name",
        "type",
        "region",
        "town",
        "address",
        "phone",
        "email",
        "url",
    }
    assert all(r["region"] == "zeeland" for r in data["results"])


def test_all_lokets_include_national_ones(client):
    data = client.get("/api/v1/lokets").get_json()
    assert any(r["region"] is None and r["type"] == "national" for r in data["results"])


def test_courses_are_paginated_and_filtered(client):
    data = client.get(
        "/api/v1/courses?region=achterhoek&sector=zorg&per_page=5&page=1"
    ).get_json()
    assert data["page"] == 1 and data["per_page"] == 5 and data["total"] > 5
    assert len(data["results"]) == 5
    course = data["results"][0]
    assert set(course) == {
        "id",
        "title",
        "provider",
        "region",
        "sector",
        "level",
        "form",
        "price_cents",
        "kansrijk",
        "url",
    }
    assert all(
        c["region"] == "achterhoek" and c["sector"] == "zorg" for c in data["results"]
    )
    assert isinstance(course["price_cents"], int)


def test_pages_do_not_overlap(client):
    first = {
        c["id"]
        for c in client.get("/api/v1/courses?per_page=10&page=1").get_json()["results"]
    }
    second = {
        c["id"]
        for c in client.get("/api/v1/courses?per_page=10&page=2").get_json()["results"]
    }
    assert first and second and not first & second


def test_course_detail(client):
    course_id = client.get("/api/v1/courses?per_page=1").get_json()["results"][0]["id"]
    data = client.get(f"/api/v1/courses/{course_id}").get_json()
    assert data["id"] == course_id and "starts" in data and "locations" in data


def test_unknown_course_is_a_json_404(client):
    response = client.get("/api/v1/courses/999999")
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


@pytest.mark.parametrize(
    "query, code",
    [
        ("region=utrecht", "invalid_region"),
        ("sector=x", "invalid_sector"),
        ("level=5", "invalid_level"),
        ("page=-1", "invalid_page"),
        ("page=abc", "invalid_page"),
        ("per_page=51", "invalid_per_page"),
        ("per_page=0", "invalid_per_page"),
    ],
)
def test_bad_course_parameters_are_400_with_a_dutch_message(client, query, code):
    response = client.get(f"/api/v1/courses?{query}")
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == code and error["message"]


def test_bad_loket_region_is_400(client):
    response = client.get("/api/v1/lokets?region=brabant")
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "invalid_region"


def test_unknown_api_path_is_json(client):
    response = client.get("/api/v1/nothing")
    assert response.status_code == 404 and "error" in response.get_json()
