"""Fund reporting on the desk: only for advisers and admins, an adviser counts only
their own region, and the CSV has the same figures."""

import csv
import io
import re
from datetime import UTC, datetime

from tests.web.conftest import PASSWORD
from tests.web.test_voucher_desk import adviser, make_voucher  # noqa: F401

TOTAL = re.compile(r"op het bureau ziet: (\d+)")


def total(client) -> int:
    page = client.get("/bureau/vouchers/rapportage")
    assert page.status_code == 200
    return int(TOTAL.search(page.get_data(as_text=True)).group(1))


def test_residents_and_visitors_cannot_see_the_report(desk_app, new_user, login_as):
    anonymous = desk_app.test_client().get("/bureau/vouchers/rapportage")
    assert anonymous.status_code in (302, 401)
    _, email = new_user("resident")
    resident = login_as(email, PASSWORD)
    assert resident.get("/bureau/vouchers/rapportage").status_code == 403
    assert resident.get("/bureau/vouchers/rapportage.csv").status_code == 403


def test_an_adviser_counts_only_the_applications_of_their_region(
    desk_app,
    make_voucher,  # noqa: F811
    adviser,  # noqa: F811
    new_user,
):
    client, _ = adviser
    _, email = new_user("adviser", region="zeeland")
    other = desk_app.test_client()
    other.post("/inloggen", data={"email": email, "password": PASSWORD})
    mine, theirs = total(client), total(other)
    make_voucher()
    assert (total(client), total(other)) == (mine + 1, theirs)


def test_the_page_has_charts_with_tables_for_every_dimension(make_voucher, adviser):  # noqa: F811
    client, _ = adviser
    case_id, _ = make_voucher()
    client.post(f"/bureau/vouchers/{case_id}/goedkeuren")  # money this month
    page = client.get("/bureau/vouchers/rapportage").get_data(as_text=True)
    # Six breakdowns and the money per month, each chart with its table.
    assert page.count('<svg role="img"') == 7 and page.count("<table") == 7
    assert "Zorg" in page and "Aanvragen per leeftijd bij aanvraag" in page
    assert "Gereserveerd en uitbetaald geld per maand" in page


def test_the_csv_has_the_counts_and_the_money_reserved_this_month(
    make_voucher,  # noqa: F811
    adviser,  # noqa: F811
):
    client, _ = adviser
    case_id, _ = make_voucher()
    client.post(f"/bureau/vouchers/{case_id}/goedkeuren")
    response = client.get("/bureau/vouchers/rapportage.csv")
    assert response.mimetype == "text/csv"
    text = response.get_data(as_text=True).lstrip("\ufeff")
    lines = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert lines[0] == ["onderdeel", "waarde", "omschrijving", "aantal"]
    assert any(line[:2] == ["sector", "zorg"] for line in lines)
    assert any(line[:2] == ["status", "goedgekeurd"] for line in lines)
    month = datetime.now(UTC).strftime("%Y-%m")
    [money] = [line for line in lines if line and line[0] == month]
    assert int(money[1].split(",")[0]) >= 2500
    assert not any(
        cell.startswith(("=", "+", "-", "@")) for line in lines for cell in line
    )
