"""/zoeken without JavaScript: a GET form, result cards per type, facets with counts,
"Bedoelde u …?", paging and filters as shareable URLs, on the real seed catalogue."""

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest

CHECKBOX = re.compile(
    r'<input type="checkbox" id="(?P<id>[^"]+)" name="(?P<name>[^"]+)" '
    r'value="(?P<value>[^"]*)" ?(?P<checked>checked)?>\s*'
    r'<label for="(?P=id)">(?P<label>.*?) <span class="count">\((?P<count>\d+)\)</span>'
)


def page(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.get_data(as_text=True)


def api_total(client, **params) -> int:
    return client.get("/api/v1/search", query_string=params).get_json()["total"]


def result_count(text: str) -> int:
    found = re.search(r'class="result-count">\s*(\d+) resultat?en?', text)
    assert found, "no result count on the page"
    return int(found.group(1))


def checkboxes(text: str, name: str) -> dict[str, tuple[int, bool]]:
    """Facet value → (count shown, checked) for one facet's checkboxes."""
    return {
        m["value"]: (int(m["count"]), bool(m["checked"]))
        for m in CHECKBOX.finditer(text)
        if m["name"] == name
    }


def cards(text: str, kind: str) -> list[str]:
    return re.findall(
        rf'<article class="card result result-{kind}">(.*?)</article>', text, re.S
    )


def link(text: str, label: str) -> str:
    found = re.search(rf'<a href="([^"]+)"[^>]*>\s*{label}', text)
    assert found, f"no link '{label}'"
    return html.unescape(found.group(1))


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def test_the_search_form_is_a_labelled_get_form(client):
    text = page(client, "/zoeken?q=lassen")
    assert (
        '<form class="search-form" method="get" action="/zoeken" role="search">' in text
    )
    assert '<label for="q">' in text
    assert re.search(r'<input[^>]*id="q" name="q" value="lassen"', text)
    assert "Filters toepassen" in text
    assert "<title>Zoeken: lassen" in text


def test_a_search_shows_the_count_and_the_results(client):
    text = page(client, "/zoeken?q=lassen")
    assert result_count(text) == api_total(client, q="lassen") > 0
    assert 'resultaten voor "lassen"' in text
    assert "Lasopleiding" in text


def test_course_cards_show_provider_level_price_start_and_the_cost_link(client):
    course = cards(page(client, "/zoeken?q=metselaar&type=course"), "course")[0]
    for fact in ("<dt>Niveau</dt>", "<dt>Prijs</dt>", "<dt>Start</dt>"):
        assert fact in course
    assert re.search(r'href="/opleiding/\d+#kosten">Wat kost het mij\?</a>', course)
    assert re.search(r'<p class="meta">[^<]+ · [^<]+</p>', course)  # provider · place


def test_loket_cards_show_whom_it_helps_and_how_to_reach_it(client):
    loket = cards(page(client, "/zoeken?q=loopbaanadvies&type=loket"), "loket")[0]
    assert "FNV Loopbaanadvies" in loket or "CNV Loopbaanadvies" in loket
    assert "Voor werkenden" in loket
    assert "Telefoon:" in loket or "@" in loket


def test_fund_cards_say_who_can_apply(client):
    funds = cards(page(client, "/zoeken?type=fund"), "fund")
    assert funds and all("Voor inwoners van" in card for card in funds)
    assert all(re.search(r"van \d+ tot en met \d+ jaar", card) for card in funds)


def test_a_misspelling_offers_bedoelde_u_keeping_the_filters(client):
    text = page(client, "/zoeken?q=heftruk&region=zeeland")
    assert "Bedoelde u" in text
    href = link(text, "heftruck</a>")
    assert query_of(href) == {"q": ["heftruck"], "region": ["zeeland"]}
    assert result_count(page(client, href)) > 0


def test_a_zero_result_page_points_to_the_lokets(client):
    text = page(client, "/zoeken?q=doktersassistentxyz")
    assert result_count(text) == 0
    assert "Niets gevonden" in text and 'href="/lokets"' in text


def test_the_region_facet_keeps_the_other_regions_with_their_own_counts(client):
    text = page(client, "/zoeken?q=opleiding&region=zeeland")
    regions = checkboxes(text, "region")
    assert regions["zeeland"] == (
        api_total(client, q="opleiding", region="zeeland"),
        True,
    )
    for other in ("achterhoek", "zuid-limburg"):
        assert regions[other] == (api_total(client, q="opleiding", region=other), False)
    sectors = checkboxes(text, "sector")
    for sector, (count, checked) in sectors.items():
        assert not checked
        assert count == api_total(
            client, q="opleiding", region="zeeland", sector=sector
        )


def test_filters_are_plain_get_parameters(client):
    text = page(client, "/zoeken?q=lassen&region=zeeland&type=course")
    assert result_count(text) == api_total(
        client, q="lassen", region="zeeland", type="course"
    )
    metas = re.findall(r'<span class="badge">([^<]+)</span> · ([^<]+)</p>', text)
    assert metas and all(m == ("Opleiding of cursus", "Zeeland") for m in metas)
    assert checkboxes(text, "type")["course"][1] is True


def test_a_chosen_filter_can_be_removed_keeping_the_others(client):
    text = page(client, "/zoeken?q=zorg&region=zeeland&sector=zorg")
    href = link(text, r"\s*Regio: Zeeland")
    assert query_of(href) == {"q": ["zorg"], "sector": ["zorg"]}
    assert query_of(link(text, "Alle filters weghalen")) == {"q": ["zorg"]}


def test_paging_links_keep_the_query_and_filters(client):
    first = page(client, "/zoeken?q=zorg&type=course")
    total = result_count(first)
    pages = -(-total // 20)
    assert f"Pagina 1 van {pages}" in first and "Vorige" not in first
    nxt = link(first, "Volgende")
    assert query_of(nxt) == {"q": ["zorg"], "type": ["course"], "page": ["2"]}
    second = page(client, nxt)
    assert f"Pagina 2 van {pages}" in second and result_count(second) == total
    assert query_of(link(second, "Vorige"))["page"] == ["1"]
    titles_one = set(re.findall(r"<h3[^>]*><a href=\"([^\"]+)\"", first))
    titles_two = set(re.findall(r"<h3[^>]*><a href=\"([^\"]+)\"", second))
    assert titles_two and not titles_one & titles_two


def test_removing_a_filter_goes_back_to_page_one(client):
    text = page(client, "/zoeken?q=zorg&page=2&region=zeeland")
    assert "Pagina 2" in text
    assert query_of(link(text, r"\s*Regio: Zeeland")) == {"q": ["zorg"]}


def test_the_chosen_sort_order_stays_selected(client):
    text = page(client, "/zoeken?q=lassen&sort=price")
    assert '<option value="price" selected>' in text


def test_the_query_is_escaped_on_the_page(client):
    text = page(client, "/zoeken?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert "<script>alert(1)" not in text
    assert "&lt;script&gt;alert(1)" in text


def test_an_empty_query_browses_everything_with_facets(client):
    text = page(client, "/zoeken")
    assert result_count(text) == api_total(client) > 500
    assert set(checkboxes(text, "region")) == {"achterhoek", "zeeland", "zuid-limburg"}
    assert set(checkboxes(text, "type")) == {
        "course",
        "loket",
        "provider",
        "fund",
        "initiative",
    }


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("region=groningen", "Onbekende regio"),
        ("type=cursus", "Onbekende soort"),
        ("page=abc", "Pagina moet een heel getal zijn"),
        ("per_page=51", "Aantal per pagina moet tussen 1 en 50 liggen"),
    ],
)
def test_bad_parameters_give_a_400_page_with_a_dutch_message(client, query, message):
    text = page(client, f"/zoeken?q=zorg&{query}", status=400)
    assert 'role="alert"' in text and message in text
    assert 'id="q"' in text  # the search box stays, so the person can try again
