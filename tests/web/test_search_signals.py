"""Demand signals ("vraagsignalering"): every search is logged anonymously, and only
advisers and admins see the dashboard and its CSV."""

import csv
import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, inspect, select

from portal.extensions import db
from portal.search.models import SearchLog

LOG_COLUMNS = {
    "id",
    "created_at",
    "query",
    "normalized",
    "filters",
    "region",
    "result_count",
    "source",
}


def log_rows(app) -> list[SearchLog]:
    with app.app_context():
        rows = db.session.scalars(select(SearchLog).order_by(SearchLog.id)).all()
        db.session.expunge_all()
        return rows


def log_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(SearchLog.id)))


def period() -> dict[str, str]:
    """A period around the real clock: log rows carry the real time of the search."""
    now = datetime.now(UTC).date()
    return {"van": str(now - timedelta(days=1)), "tot": str(now + timedelta(days=1))}


# -- the log ---------------------------------------------------------------------------
def test_the_log_table_has_no_ip_user_or_session_column(seeded_app):
    with seeded_app.app_context():
        columns = {c["name"] for c in inspect(db.engine).get_columns("search_log")}
    assert columns == LOG_COLUMNS
    assert not [c for c in columns if re.search(r"ip|user|session|agent|addr", c)]


def test_a_page_search_is_logged_with_query_filters_region_and_count(
    client, seeded_app
):
    before = log_count(seeded_app)
    text = client.get("/zoeken?q=Lassen&region=zeeland&sector=techniek").get_data(
        as_text=True
    )
    shown = int(re.search(r'class="result-count">\s*(\d+)', text).group(1))
    assert log_count(seeded_app) == before + 1
    row = log_rows(seeded_app)[-1]
    assert row.query == "Lassen" and row.normalized == "lassen"
    assert row.filters == {"region": ["zeeland"], "sector": ["techniek"]}
    assert row.region == "zeeland"
    assert row.result_count == shown > 0
    assert row.source == "page"
    assert row.created_at.tzinfo is not None


def test_an_api_search_is_logged_too(client, seeded_app):
    before = log_count(seeded_app)
    data = client.get("/api/v1/search?q=Oriëntatie&type=course").get_json()
    assert log_count(seeded_app) == before + 1
    row = log_rows(seeded_app)[-1]
    assert (row.query, row.normalized) == ("Oriëntatie", "orientatie")
    assert row.filters == {"type": ["course"]}
    assert row.region is None
    assert row.result_count == data["total"] and row.source == "api"


def test_a_search_over_two_regions_has_no_single_region(client, seeded_app):
    client.get("/api/v1/search?q=zorg&region=zeeland&region=achterhoek")
    assert log_rows(seeded_app)[-1].region is None


def test_paging_is_not_a_new_search(client, seeded_app):
    before = log_count(seeded_app)
    client.get("/zoeken?q=zorg&page=2")
    client.get("/api/v1/search?q=zorg&page=3")
    assert log_count(seeded_app) == before


def test_a_rejected_search_is_not_logged(client, seeded_app):
    before = log_count(seeded_app)
    assert client.get("/api/v1/search?q=zorg&region=groningen").status_code == 400
    assert log_count(seeded_app) == before


def test_a_logged_in_residents_search_is_not_linked_to_them(app, make_user, auth):
    email = "zoeker@voorbeeld.nl"
    make_user(role="resident", email=email)
    auth.login(email)
    auth.client.get("/zoeken?q=doktersassistent")
    with app.app_context():
        row = db.session.scalars(select(SearchLog)).one()
        values = {c: getattr(row, c) for c in LOG_COLUMNS}
    assert email not in repr(values) and "zoeker" not in repr(values)
    assert values["query"] == "doktersassistent"


# -- who may see the signals ---------------------------------------------------------------
@pytest.mark.parametrize("path", ["/vraagsignalering", "/vraagsignalering.csv"])
def test_anonymous_visitors_are_sent_to_the_login(fresh_client, path):
    response = fresh_client.get(path)
    assert response.status_code == 302
    assert "/inloggen" in response.headers["Location"]


@pytest.mark.parametrize("path", ["/vraagsignalering", "/vraagsignalering.csv"])
@pytest.mark.parametrize(
    ("role", "status"),
    [("resident", 403), ("employer", 403), ("adviser", 200), ("admin", 200)],
)
def test_only_advisers_and_admins_see_the_signals(make_user, auth, path, role, status):
    email = f"{role}@voorbeeld.nl"
    make_user(role=role, email=email)
    auth.login(email)
    assert auth.client.get(path).status_code == status


# -- the dashboard and the CSV -----------------------------------------------------------
@pytest.fixture
def adviser(make_user, auth):
    make_user(role="adviser", email="adviseur@voorbeeld.nl")
    auth.login("adviseur@voorbeeld.nl")
    return auth.client


def test_the_dashboard_lists_a_query_that_found_nothing(adviser):
    for _ in range(2):
        adviser.get("/zoeken?q=Doktersassistent")
    text = adviser.get("/vraagsignalering", query_string=period()).get_data(
        as_text=True
    )
    nothing = text[text.index("Niets gevonden") :]
    assert "doktersassistent" in nothing[: nothing.index("Weinig gevonden")]
    assert "2 zoekopdrachten, waarvan 2 zonder resultaat." in text
    assert "<svg" in text and "Cijfers per week" in text


def test_the_csv_lists_a_zero_result_query(adviser):
    adviser.get("/api/v1/search?q=Doktersassistent&region=zeeland")
    response = adviser.get("/vraagsignalering.csv", query_string=period())
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True).lstrip("\ufeff")
    lines = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert ["geen_resultaat", "doktersassistent", "1", "0,0"] in lines
    assert ["top", "doktersassistent", "1", "0,0"] in lines


def test_the_csv_of_one_region_leaves_other_regions_out(adviser):
    adviser.get("/zoeken?q=dakdekker&region=zeeland")
    adviser.get("/zoeken?q=imker&region=achterhoek")
    response = adviser.get(
        "/vraagsignalering.csv", query_string={**period(), "region": "zeeland"}
    )
    text = response.get_data(as_text=True)
    assert "dakdekker" in text and "imker" not in text
    assert "vraagsignalen-zeeland-" in response.headers["Content-Disposition"]


def test_a_formula_typed_as_a_query_is_neutralised_in_the_csv(adviser):
    adviser.get("/zoeken", query_string={"q": '=HYPERLINK("http://x.example")'})
    text = adviser.get("/vraagsignalering.csv", query_string=period()).get_data(
        as_text=True
    )
    lines = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    cells = [line[1] for line in lines if line and line[0] == "top"]
    assert cells == ['\'=hyperlink("http://x.example")']


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"van": "2026-13-01"}, "De begindatum is geen geldige datum"),
        ({"tot": "morgen"}, "De einddatum is geen geldige datum"),
        (
            {"van": "2026-11-20", "tot": "2026-11-01"},
            "De begindatum ligt na de einddatum",
        ),
        ({"van": "2020-01-01", "tot": "2026-11-01"}, "hoogstens twee jaar"),
        ({"region": "groningen"}, "Onbekende regio"),
    ],
)
@pytest.mark.parametrize("path", ["/vraagsignalering", "/vraagsignalering.csv"])
def test_bad_periods_are_a_400_with_a_dutch_message(adviser, path, params, message):
    response = adviser.get(path, query_string=params)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
