"""Every page type renders from the seed data, in Dutch and in English."""

import re

import pytest
from sqlalchemy import select

from portal.catalog.models import Course, Initiative, Provider
from portal.extensions import db
from portal.lokets.models import Loket


def first(seeded_app, model, *where):
    """The first matching record, with its attributes loaded for use after the session."""
    with seeded_app.app_context():
        obj = db.session.scalar(select(model).where(*where).limit(1))
        for rel in ("region", "provider"):
            getattr(obj, rel, None)
        db.session.expunge(obj)
        return obj


@pytest.mark.parametrize(
    "path, text",
    [
        ("/", "Leren en werken in uw regio"),
        ("/regio/achterhoek", "Leerwerkloket Achterhoek"),
        ("/regio/zeeland", "Scalda"),
        ("/regio/zuid-limburg", "Werkcentrum Zuid-Limburg"),
        ("/lokets", "Landelijk"),
        ("/opleidingen", "opleidingen gevonden"),
        ("/vouchers", "Opijver"),
        ("/fonds/opijver", "2.500,00"),
        ("/privacy", "AVG"),
        ("/toegankelijkheid", "WCAG 2.1"),
        ("/inloggen", "Wachtwoord vergeten?"),
        ("/registreren", "KvK-nummer"),
        ("/wachtwoord-vergeten", "Stuur mij een link"),
    ],
)
def test_public_pages_show_their_content(client, path, text):
    response = client.get(path)
    assert response.status_code == 200
    assert text in response.get_data(as_text=True)


def test_every_page_has_the_frame(client):
    html = client.get("/").get_data(as_text=True)
    assert '<html lang="nl">' in html
    assert 'href="#inhoud"' in html and 'id="inhoud"' in html
    for entry in ("Zoeken", "Waar moet ik zijn?", "Scholingsvoucher"):
        assert entry in html
    assert "/privacy" in html and "/toegankelijkheid" in html


def test_a_course_page_shows_provider_price_demo_label_and_what_it_costs(
    seeded_app, client
):
    course = first(seeded_app, Course, Course.external_id == "ach-doktersassistent")
    html = client.get(f"/opleiding/{course.id}").get_data(as_text=True)
    assert "Doktersassistent" in html and "Graafschap College" in html
    assert "voorbeeldgegevens" in html
    assert "Wat kost het mij?" in html and "Opijver" in html


def test_a_loket_page_shows_contact_and_whom_it_serves(seeded_app, client):
    loket = first(seeded_app, Loket, Loket.type == "leerwerkloket")
    html = client.get(f"/loket/{loket.slug}").get_data(as_text=True)
    assert loket.name in html and "Contact" in html and "Voor wie?" in html


def test_an_ended_mobility_team_says_it_no_longer_exists(seeded_app, client):
    team = first(seeded_app, Loket, Loket.type == "mobiliteitsteam")
    html = client.get(f"/loket/{team.slug}").get_data(as_text=True)
    assert "bestaat niet meer sinds 31 december 2024" in html


def test_ended_lokets_are_not_listed_on_the_region_page(seeded_app, client):
    team = first(seeded_app, Loket, Loket.type == "mobiliteitsteam")
    html = client.get(f"/regio/{team.region.slug}").get_data(as_text=True)
    assert f"/loket/{team.slug}" not in html


def test_provider_and_initiative_pages(seeded_app, client):
    provider = first(seeded_app, Provider, Provider.slug == "zeeuwse-lasschool")
    html = client.get(f"/aanbieder/{provider.slug}").get_data(as_text=True)
    assert "TIG-lassen" in html
    initiative = first(seeded_app, Initiative)
    assert client.get(f"/initiatief/{initiative.slug}").status_code == 200


def test_the_course_list_filters_and_paginates(client):
    html = client.get("/opleidingen?region=zeeland&sector=techniek").get_data(
        as_text=True
    )
    total = int(re.search(r"(\d+) opleiding(?:en)? gevonden", html).group(1))
    assert total > 0
    assert "Volgende" in client.get("/opleidingen").get_data(as_text=True)


def test_a_bad_filter_gives_a_dutch_message_not_an_error(client):
    response = client.get("/opleidingen?level=99")
    assert response.status_code == 400
    assert "Onbekende niveau" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "path",
    [
        "/regio/utrecht",
        "/loket/bestaat-niet",
        "/opleiding/999999",
        "/aanbieder/x",
        "/fonds/x",
    ],
)
def test_unknown_things_get_the_404_page(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.get_data(as_text=True)


def test_postcode_inside_a_region_leads_to_its_page(client):
    response = client.get("/postcode?postcode=7101 ab")
    assert response.status_code == 302
    assert "/regio/achterhoek" in response.headers["Location"]
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "gemeente Winterswijk" in html


def test_postcode_outside_the_regions_points_to_national_lokets(client):
    html = client.get("/postcode?postcode=1012").get_data(as_text=True)
    assert "ligt niet in de Achterhoek, Zeeland of Zuid-Limburg" in html


def test_an_invalid_postcode_keeps_the_input_and_explains(client):
    response = client.get("/postcode?postcode=12AB")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Dit is geen geldige postcode" in html and 'value="12AB"' in html


def test_the_language_switch_shows_english_and_back(client):
    response = client.get("/taal/en?next=/lokets")
    assert response.status_code == 302 and response.headers["Location"].endswith(
        "/lokets"
    )
    html = client.get("/").get_data(as_text=True)
    assert '<html lang="en">' in html and "Learning and working in your region" in html
    client.get("/taal/nl")
    assert '<html lang="nl">' in client.get("/").get_data(as_text=True)


def test_the_language_switch_does_not_redirect_elsewhere(client):
    response = client.get("/taal/en?next=https://evil.example/")
    assert response.headers["Location"].endswith("/")
    assert "evil" not in response.headers["Location"]


def test_healthz_answers_when_the_database_does(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_json()["database"] == "ok"
