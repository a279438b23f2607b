"""/api/v1/search and /api/v1/suggest on the real seed catalogue: the documented shape,
the analysis features on real queries, facets, filters, sorting, paging and the 400s."""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from portal.catalog.models import Course, Fund, Initiative, Provider, StartMoment
from portal.extensions import db
from portal.lokets.models import Loket
from tests.conftest import TODAY

RESULT_KEYS = {
    "type",
    "id",
    "title",
    "url",
    "region",
    "level",
    "sector",
    "snippet",
    "score",
}


def search(client, q="", **params) -> dict:
    response = client.get("/api/v1/search", query_string={"q": q, **params})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def titles(data: dict) -> list[str]:
    return [r["title"] for r in data["results"]]


def all_results(client, q="", **params) -> list[dict]:
    """Every result of a search, page by page (50 per page)."""
    results, page = [], 1
    while True:
        data = search(client, q, per_page=50, page=page, **params)
        if not data["results"]:
            return results
        results += data["results"]
        page += 1


# -- shape ---------------------------------------------------------------------------
def test_the_response_has_exactly_the_documented_shape(client):
    data = search(client, "lassen", per_page=5)
    assert set(data) == {
        "query",
        "total",
        "page",
        "per_page",
        "results",
        "facets",
        "suggestion",
    }
    assert data["query"] == "lassen" and data["page"] == 1 and data["per_page"] == 5
    assert set(data["facets"]) == {"type", "region", "sector", "level"}
    assert len(data["results"]) == 5
    for result in data["results"]:
        assert set(result) == RESULT_KEYS
        assert result["type"] in {"course", "loket", "provider", "fund", "initiative"}
        assert isinstance(result["id"], int) and isinstance(result["score"], float)
        assert result["url"].startswith("http://leerwijzer.test/")
    course = next(r for r in data["results"] if r["type"] == "course")
    assert course["url"].endswith(f"/{course['id']}")
    assert course["level"] in {"1", "2", "3", "4", "hbo", "wo", "none"}
    assert data["suggestion"] is None


def test_result_urls_lead_to_the_records(client):
    for result in search(client, "loopbaanadvies", per_page=8)["results"]:
        path = result["url"].removeprefix("http://leerwijzer.test")
        assert client.get(path).status_code == 200, path


def test_snippets_mark_the_matched_words(client):
    data = search(client, "heftruck", per_page=10)
    assert any("<mark>" in r["snippet"] for r in data["results"])


# -- analysis on real queries ---------------------------------------------------------
def test_omscholen_naar_de_zorg_finds_retraining_for_care(client):
    data = search(client, "omscholen naar de zorg")
    assert data["total"] >= 3
    assert "Omscholing naar de zorg: kennismaking" in titles(data)
    assert all(r["type"] == "course" for r in data["results"])


def test_lassen_finds_the_lasopleidingen(client):
    found = titles(search(client, "lassen", per_page=50))
    assert sum(t.startswith("Lasopleiding") for t in found) >= 3
    assert not any("klassen" in t.lower() for t in found)


def test_heftruck_goes_finds_only_zeeland(client):
    data = search(client, "heftruck Goes")
    assert data["total"] >= 1
    assert {r["region"] for r in data["results"]} == {"zeeland"}
    assert set(data["facets"]["region"]) == {"zeeland"}
    assert search(client, "heftruck")["total"] > data["total"]


@pytest.mark.parametrize("q", ["loopbaanadvies", "advies"])
def test_loopbaanadvies_and_advies_find_the_fnv_lokets(client, q):
    data = search(client, q, type="loket", per_page=50)
    fnv = [r for r in data["results"] if r["title"].startswith("FNV Loopbaanadvies")]
    assert len(fnv) >= 2 and all(r["type"] == "loket" for r in fnv)


def test_verpleging_finds_verpleegkunde_through_the_synonyms(client):
    assert "Verpleegkunde (hbo)" in titles(search(client, "verpleging"))


def test_ict_finds_informatica(client):
    found = titles(search(client, "ICT", per_page=50))
    assert any("Informatica" in t and "ICT" not in t for t in found)


def test_orientatie_without_the_diaeresis_finds_orientatie(client):
    found = titles(search(client, "Orientatie"))
    assert any(t.startswith("Oriëntatie") for t in found)
    assert (
        search(client, "Oriëntatie")["total"] == search(client, "orientatie")["total"]
    )


def test_a_misspelling_gets_a_suggestion_that_finds_more(client):
    data = search(client, "heftruk")
    assert data["total"] == 0 and data["suggestion"] == "heftruck"
    assert search(client, data["suggestion"])["total"] > 0


def test_a_good_query_gets_no_suggestion(client):
    assert search(client, "heftruck")["suggestion"] is None


def test_a_phrase_finds_only_the_words_together(client):
    phrase = search(client, '"palliatieve zorg"')
    assert phrase["total"] >= 1
    assert all("palliatieve zorg" in t.lower() for t in titles(phrase))
    assert search(client, "palliatieve zorg")["total"] >= phrase["total"]


def test_a_prefix_finds_the_words_that_start_with_it(client):
    data = search(client, "verplee*")
    assert data["total"] > 0
    assert any(t.lower().startswith("verpleegkunde") for t in titles(data))


# -- ranking --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("q", "in_title"),
    [
        ("metselaar", "metselaar"),
        ("loopbaanadvies", "loopbaanadvies"),
        ("heftruck", "heftruck"),
        ("informatica", "informatica"),
        ("lassen", "las"),
    ],
)
def test_a_title_match_comes_first(client, q, in_title):
    first = search(client, q)["results"][0]
    assert in_title in first["title"].lower()


def test_scores_come_in_descending_order(client):
    scores = [r["score"] for r in search(client, "zorg", per_page=50)["results"]]
    assert scores == sorted(scores, reverse=True)


def test_exact_title_matches_rank_above_synonym_only_matches(client):
    """Typing "zorg", titles with the word zorg come before "Verpleegkunde (hbo)",
    which matches only through the synonym group verpleging/verpleegkunde/zorg."""
    found = titles(search(client, "zorg", per_page=50))
    exact = [i for i, t in enumerate(found) if "zorg" in t.lower().split()]
    synonym_only = found.index("Verpleegkunde (hbo)")
    assert exact, found
    assert max(exact) < synonym_only, (
        f"'Verpleegkunde (hbo)' at {synonym_only} above exact title matches "
        f"{[found[i] for i in exact if i > synonym_only]}"
    )


# -- facets and filters ----------------------------------------------------------------
def test_facet_counts_add_up_to_the_total_per_type(client):
    data = search(client, "zorg")
    assert sum(data["facets"]["type"].values()) == data["total"]


@pytest.mark.parametrize("q", ["", "opleiding"])
def test_facet_counts_reflect_the_other_active_filters(client, q):
    zeeland = search(client, q, region="zeeland")
    # The region facet ignores the region filter: the alternatives keep their counts.
    for region in ("achterhoek", "zuid-limburg", "zeeland"):
        alone = search(client, q, region=region, per_page=1)["total"]
        assert zeeland["facets"]["region"][region] == alone > 0
    assert zeeland["total"] == zeeland["facets"]["region"]["zeeland"]
    # The sector facet counts only Zeeland documents.
    sectors = zeeland["facets"]["sector"]
    assert sectors and sum(sectors.values()) <= zeeland["total"]
    for sector, count in sectors.items():
        assert count == search(client, q, region="zeeland", sector=sector)["total"]
    assert sectors != search(client, q)["facets"]["sector"]


def test_facets_with_two_filters_each_ignore_only_their_own(client):
    data = search(client, "", region="zeeland", sector="techniek")
    for region, count in data["facets"]["region"].items():
        assert count == search(client, "", region=region, sector="techniek")["total"]
    for sector, count in data["facets"]["sector"].items():
        assert count == search(client, "", region="zeeland", sector=sector)["total"]


def test_filters_narrow_the_results(client):
    everything = search(client, "opleiding")["total"]
    courses = search(client, "opleiding", type="course")
    zeeland = search(client, "opleiding", type="course", region="zeeland", per_page=50)
    hbo = search(client, "opleiding", type="course", region="zeeland", level="hbo")
    assert everything > courses["total"] > zeeland["total"] > hbo["total"] > 0
    assert {r["region"] for r in zeeland["results"]} == {"zeeland"}
    assert {r["level"] for r in hbo["results"]} == {"hbo"}


def test_repeated_filter_values_are_alternatives(client):
    zorg = search(client, "", sector="zorg")["total"]
    ict = search(client, "", sector="ict")["total"]
    client_url = "/api/v1/search?sector=zorg&sector=ict&per_page=1"
    assert client.get(client_url).get_json()["total"] == zorg + ict


# -- sorting and paging ----------------------------------------------------------------
def course_prices(seeded_app) -> dict[int, int]:
    with seeded_app.app_context():
        return dict(db.session.execute(select(Course.id, Course.price_cents)).all())


def next_starts(seeded_app) -> dict[int, date]:
    today = date.fromisoformat(TODAY)
    starts: dict[int, date] = {}
    with seeded_app.app_context():
        for course_id, day in db.session.execute(
            select(StartMoment.course_id, StartMoment.starts_on).where(
                StartMoment.cancelled.is_(False), StartMoment.starts_on >= today
            )
        ):
            starts[course_id] = min(day, starts.get(course_id, day))
    return starts


@pytest.mark.parametrize("q", ["", "zorg"])
def test_sort_by_price_gives_non_decreasing_prices(client, seeded_app, q):
    prices = course_prices(seeded_app)
    results = all_results(client, q, type="course", sort="price")
    shown = [prices[r["id"]] for r in results]
    assert len(shown) == search(client, q, type="course")["total"]
    assert shown == sorted(shown) and shown[0] < shown[-1]


@pytest.mark.parametrize("q", ["", "lassen"])
def test_sort_by_start_gives_non_decreasing_start_dates(client, seeded_app, q):
    starts = next_starts(seeded_app)
    results = all_results(client, q, type="course", sort="start")
    dated = [starts.get(r["id"]) for r in results]
    known = [d for d in dated if d is not None]
    assert known == sorted(known) and known[0] < known[-1]
    # Courses without an upcoming start ("op aanvraag") come last.
    first_undated = dated.index(None) if None in dated else len(dated)
    assert all(d is None for d in dated[first_undated:])


def test_page_two_differs_from_page_one_and_the_total_stays(client):
    one = search(client, "zorg", per_page=10, page=1)
    two = search(client, "zorg", per_page=10, page=2)
    assert one["total"] == two["total"] > 20
    ids_one = {(r["type"], r["id"]) for r in one["results"]}
    ids_two = {(r["type"], r["id"]) for r in two["results"]}
    assert len(ids_one) == len(ids_two) == 10 and not ids_one & ids_two


def test_a_page_past_the_end_is_empty_but_keeps_the_total(client):
    data = search(client, "metselaar", page=50)
    assert data["results"] == [] and data["total"] > 0


@pytest.mark.parametrize("q", ["zorg", "niveau", "werk"])
def test_paging_through_all_results_shows_each_result_exactly_once(client, q):
    total = search(client, q)["total"]
    keys = [(r["type"], r["id"]) for r in all_results(client, q)]
    assert len(keys) == total
    assert len(set(keys)) == total, (
        f"{q!r}: {total} results, {len(set(keys))} distinct over the pages"
    )


def test_empty_query_browses_everything_with_facets(client, seeded_app):
    with seeded_app.app_context():
        count = db.session.scalar(
            select(func.count(Course.id)).where(Course.withdrawn_at.is_(None))
        )
        for model in (Loket, Provider, Fund, Initiative):
            count += db.session.scalar(select(func.count()).select_from(model))
    data = search(client, "")
    assert data["total"] == count
    assert sum(data["facets"]["type"].values()) == count
    assert set(data["facets"]["region"]) == {"achterhoek", "zeeland", "zuid-limburg"}
    assert data["facets"]["sector"] and data["facets"]["level"]


# -- errors ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"type": "cursus"}, "invalid_type"),
        ({"region": "groningen"}, "invalid_region"),
        ({"sector": "ruimtevaart"}, "invalid_sector"),
        ({"level": "5"}, "invalid_level"),
        ({"form": "avondschool"}, "invalid_form"),
        ({"sort": "score"}, "invalid_sort"),
        ({"per_page": "51"}, "invalid_per_page"),
        ({"page": "-1"}, "invalid_page"),
        ({"page": "0"}, "invalid_page"),
        ({"page": "abc"}, "invalid_page"),
    ],
)
def test_bad_parameters_are_a_400_with_code_and_dutch_message(client, params, code):
    response = client.get("/api/v1/search", query_string={"q": "zorg", **params})
    assert response.status_code == 400
    assert response.is_json
    body = response.get_json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    assert any(w in body["error"]["message"] for w in ("Onbekende", "Pagina", "Aantal"))


def test_per_page_50_is_allowed(client):
    assert len(search(client, "", per_page=50)["results"]) == 50


ODD_QUERIES = [
    '"',
    '""',
    '"lassen',
    "title:x AND (",
    "zorg OR (lassen AND NOT",
    "'; DROP TABLE course; --",
    "1' OR '1'='1",
    "%",
    "_",
    "\\",
    "*",
    "**",
    "a*",
    "*zorg",
    "verp*",
    "zorg~2 las?en ^3 +x -y",
    "<script>alert(1)</script>",
    "\x00",
    "🙂 zorg 中文",
    "a" * 2000,
    "lassen " * 300,
    "é" * 2000,
]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    q=st.sampled_from(ODD_QUERIES)
    | st.text(max_size=300)
    | st.text(min_size=1500, max_size=2100)
)
def test_no_query_string_ever_gives_a_server_error(client, q):
    for path in ("/zoeken", "/api/v1/search", "/api/v1/suggest"):
        response = client.get(path, query_string={"q": q})
        assert response.status_code == 200, (path, q[:80], response.status_code)


# -- suggest ---------------------------------------------------------------------------
def test_suggest_completes_the_last_word(client):
    data = client.get("/api/v1/suggest?q=verpl").get_json()
    assert data["query"] == "verpl"
    assert data["suggestions"]
    assert all(s.startswith("verpl") for s in data["suggestions"])


def test_suggest_keeps_the_words_before_the_last(client):
    data = client.get("/api/v1/suggest?q=omscholen naar de verpl").get_json()
    assert data["suggestions"]
    assert all(s.startswith("omscholen naar de verpl") for s in data["suggestions"])


@pytest.mark.parametrize("q", ["", "v", "zorg ", "xqzw"])
def test_suggest_gives_nothing_for_too_little_or_unknown_text(client, q):
    assert (
        client.get("/api/v1/suggest", query_string={"q": q}).get_json()["suggestions"]
        == []
    )
