"""The adviser desk: who may open which page, the queue and its filters, and the
actions on a case (assign, note, reply, close, reopen) with their audit trail."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from portal.accounts.models import User
from portal.desk.models import AppendOnlyError, CaseEvent, DeskCase
from portal.extensions import db
from portal.outbox.models import OutboxMessage
from portal.timestamps import utcnow
from tests.web.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, ADVISER_EMAIL, PASSWORD

CASE_PAGES = ["", "/toewijzen", "/notitie", "/antwoord", "/afsluiten", "/heropenen"]
ALL_FORMS = {
    "assign-assignee": "1",
    "note-body": "x",
    "reply-body": "x",
    "close-outcome": "answered",
    "reopen-note": "x",
}


def case_state(app, case_id) -> DeskCase:
    with app.app_context():
        case = db.session.get(DeskCase, case_id)
        db.session.expunge(case)
        return case


def events(app, case_id) -> list[tuple]:
    with app.app_context():
        found = db.session.scalars(
            select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id)
        )
        return [(e.action, e.from_status, e.to_status) for e in found]


def demo_adviser_id(app) -> int:
    with app.app_context():
        return db.session.scalar(select(User.id).where(User.email == ADVISER_EMAIL))


def listed(client, query: str, ids) -> set[int]:
    """Which of `ids` the queue lists with these filters, on any of its pages."""
    found, page = set(), 1
    while True:
        html = client.get(f"/bureau?{query}&page={page}").get_data(as_text=True)
        found |= {i for i in ids if f'/bureau/zaken/{i}"' in html}
        if 'rel="next"' not in html:
            return found
        page += 1


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (None, 302),
        ("resident", 403),
        ("employer", 403),
        ("adviser", 200),
        ("admin", 200),
    ],
)
def test_the_queue_is_for_advisers_and_admins_only(
    desk_client, new_user, login_as, role, expected
):
    if role:
        login_as(new_user(role)[1], PASSWORD)
    response = desk_client.get("/bureau")
    assert response.status_code == expected
    if role is None:
        assert "/inloggen" in response.headers["Location"]


@pytest.mark.parametrize("path", CASE_PAGES)
def test_residents_get_no_desk_page_of_any_case(
    desk_client, new_user, login_as, make_case, path
):
    case_id = make_case(requester_id=new_user()[0])
    login_as(new_user()[1], PASSWORD)
    call = desk_client.get if path == "" else desk_client.post
    assert call(f"/bureau/zaken/{case_id}{path}", data=ALL_FORMS).status_code == 403


@pytest.mark.parametrize("path", CASE_PAGES)
def test_an_adviser_never_reaches_a_case_of_another_loket(
    desk_app, desk_client, new_user, login_as, make_case, path
):
    case_id = make_case("ach-leerwerkloket-doetinchem")
    login_as(new_user("adviser", "zee-leerwerkloket-goes", "zeeland")[1], PASSWORD)
    call = desk_client.get if path == "" else desk_client.post
    assert call(f"/bureau/zaken/{case_id}{path}", data=ALL_FORMS).status_code == 404
    assert events(desk_app, case_id) == [("created", None, "received")]


def test_the_queue_shows_only_the_cases_of_the_advisers_lokets_and_regions(
    desk_client, new_user, login_as, make_case
):
    ours = make_case("zee-leerwerkloket-goes", name="Zeeuwse vraag")
    in_region = make_case("zee-uwv-middelburg")
    theirs = make_case("ach-leerwerkloket-doetinchem", name="Achterhoekse vraag")
    login_as(new_user("adviser", "zee-leerwerkloket-goes", "zeeland")[1], PASSWORD)
    assert listed(desk_client, "", [ours, in_region, theirs]) == {ours, in_region}
    assert "Zeeuwse vraag" in desk_client.get("/bureau").get_data(as_text=True)


def test_an_adviser_linked_to_one_loket_only_sees_that_loket(
    desk_client, new_user, login_as, make_case
):
    ours = make_case("zee-leerwerkloket-goes")
    other = make_case("zee-uwv-middelburg")
    login_as(new_user("adviser", "zee-leerwerkloket-goes")[1], PASSWORD)
    assert desk_client.get(f"/bureau/zaken/{ours}").status_code == 200
    assert desk_client.get(f"/bureau/zaken/{other}").status_code == 404


def test_the_admin_sees_every_case(desk_client, login_as, make_case):
    ids = [make_case("zee-leerwerkloket-goes"), make_case("zl-werkcentrum-maastricht")]
    login_as(ADMIN_EMAIL, ADMIN_PASSWORD)
    assert listed(desk_client, "", ids) == set(ids)


def test_a_resident_sees_only_their_own_questions(
    desk_client, new_user, login_as, make_case
):
    me, my_email = new_user()
    mine = make_case(requester_id=me)
    other = make_case(requester_id=new_user()[0])
    anonymous = make_case()
    login_as(my_email, PASSWORD)
    assert desk_client.get(f"/mijn-vragen/{mine}").status_code == 200
    assert desk_client.get(f"/mijn-vragen/{other}").status_code == 404
    assert desk_client.get(f"/mijn-vragen/{anonymous}").status_code == 404
    listing = desk_client.get("/mijn-vragen").get_data(as_text=True)
    assert f"/mijn-vragen/{mine}" in listing and f"/mijn-vragen/{other}" not in listing


def test_the_demo_adviser_works_a_case_from_new_to_closed(
    desk_app, login_as, make_case
):
    case_id = make_case()
    client = login_as()
    page = client.get(f"/bureau/zaken/{case_id}").get_data(as_text=True)
    assert "Kan ik een voucher krijgen?" in page and "Winterswijk (Achterhoek)" in page
    me = demo_adviser_id(desk_app)

    response = client.post(
        f"/bureau/zaken/{case_id}/toewijzen", data={"assign-assignee": me}
    )
    assert response.status_code == 302
    assigned = case_state(desk_app, case_id)
    assert assigned.assigned_to_id == me and assigned.status == "in_progress"

    client.post(f"/bureau/zaken/{case_id}/notitie", data={"note-body": "Voicemail."})
    client.post(f"/bureau/zaken/{case_id}/antwoord", data={"reply-body": "Kom langs."})
    assert case_state(desk_app, case_id).status == "answered"
    with desk_app.app_context():
        mail = db.session.scalars(
            select(OutboxMessage).order_by(OutboxMessage.id.desc())
        ).first()
        assert mail.recipient == "piet@voorbeeld.nl"
        assert "Kom langs." in mail.body_text

    client.post(
        f"/bureau/zaken/{case_id}/afsluiten",
        data={"close-outcome": "appointment", "close-note": "Afspraak op dinsdag."},
    )
    closed = case_state(desk_app, case_id)
    assert closed.status == "closed" and closed.outcome == "appointment"
    assert closed.closed_at is not None
    assert events(desk_app, case_id) == [
        ("created", None, "received"),
        ("assigned", "received", "in_progress"),
        ("note_added", None, None),
        ("replied", "in_progress", "answered"),
        ("closed", "answered", "closed"),
    ]
    history = client.get(f"/bureau/zaken/{case_id}").get_data(as_text=True)
    assert "Afspraak gemaakt" in history and "Voicemail." in history
    assert "Open de vraag opnieuw" in history

    client.post(f"/bureau/zaken/{case_id}/heropenen", data={"reopen-note": "Belt."})
    reopened = case_state(desk_app, case_id)
    assert reopened.status == "in_progress" and reopened.outcome is None
    assert events(desk_app, case_id)[-1] == ("reopened", "closed", "in_progress")


def test_closing_needs_an_outcome(login_as, make_case):
    case_id = make_case()
    response = login_as().post(f"/bureau/zaken/{case_id}/afsluiten", data={})
    assert response.status_code == 400
    assert "Kies hoe de vraag is afgehandeld." in response.get_data(as_text=True)


def test_a_closed_case_takes_no_reply_until_it_is_reopened(
    desk_app, login_as, make_case
):
    case_id = make_case()
    client = login_as()
    client.post(
        f"/bureau/zaken/{case_id}/afsluiten", data={"close-outcome": "withdrawn"}
    )
    client.post(f"/bureau/zaken/{case_id}/antwoord", data={"reply-body": "Hallo"})
    page = client.get(f"/bureau/zaken/{case_id}").get_data(as_text=True)
    assert "Deze vraag is afgesloten" in page
    assert case_state(desk_app, case_id).status == "closed"


def test_without_an_email_address_the_adviser_calls_instead(
    desk_app, login_as, make_case
):
    case_id = make_case(email="", phone="0314 123456")
    client = login_as()
    page = client.get(f"/bureau/zaken/{case_id}").get_data(as_text=True)
    assert "gaf geen e-mailadres" in page and 'name="reply-body"' not in page
    client.post(f"/bureau/zaken/{case_id}/antwoord", data={"reply-body": "Hallo"})
    assert case_state(desk_app, case_id).status == "received"


def test_a_case_only_goes_to_an_adviser_who_may_see_it(
    desk_app, desk_client, new_user, login_as, make_case
):
    case_id = make_case("ach-leerwerkloket-doetinchem")
    outsider = new_user("adviser", "zee-leerwerkloket-goes")[0]
    colleague = new_user("adviser", "ach-leerwerkloket-doetinchem")[0]
    login_as()
    form = desk_client.get(f"/bureau/zaken/{case_id}").get_data(as_text=True)
    assert f'value="{colleague}"' in form and f'value="{outsider}"' not in form
    response = desk_client.post(
        f"/bureau/zaken/{case_id}/toewijzen", data={"assign-assignee": outsider}
    )
    assert response.status_code == 400
    assert case_state(desk_app, case_id).assigned_to_id is None
    desk_client.post(
        f"/bureau/zaken/{case_id}/toewijzen", data={"assign-assignee": colleague}
    )
    assert case_state(desk_app, case_id).assigned_to_id == colleague


def test_the_queue_filters_by_status_loket_and_assignment(
    desk_app, login_as, make_case
):
    doetinchem = make_case("ach-leerwerkloket-doetinchem")
    opijver = make_case("ach-opijver-online")
    closed = make_case("ach-leerwerkloket-doetinchem")
    ids = (doetinchem, opijver, closed)
    client = login_as()
    me = demo_adviser_id(desk_app)
    opijver_loket = case_state(desk_app, opijver).loket_id
    client.post(f"/bureau/zaken/{doetinchem}/toewijzen", data={"assign-assignee": me})
    client.post(f"/bureau/zaken/{closed}/afsluiten", data={"close-outcome": "answered"})

    assert listed(client, "", ids) == {doetinchem, opijver}
    assert listed(client, "status=closed", ids) == {closed}
    assert listed(client, "status=all", ids) == set(ids)
    assert listed(client, "assigned=me", ids) == {doetinchem}
    assert listed(client, "assigned=none", ids) == {opijver}
    assert listed(client, f"loket={opijver_loket}", ids) == {opijver}
    assert listed(client, "status=nonsense&assigned=x&loket=abc", ids) == {
        doetinchem,
        opijver,
    }


def test_the_audit_trail_cannot_be_changed_or_deleted(desk_app, make_case):
    case_id = make_case()
    with desk_app.app_context():
        event = db.session.scalar(select(CaseEvent).where(CaseEvent.case_id == case_id))
        event.note = "rewritten history"
        with pytest.raises(AppendOnlyError):
            db.session.flush()
        db.session.rollback()
        db.session.delete(db.session.get(CaseEvent, event.id))
        with pytest.raises(AppendOnlyError):
            db.session.flush()
        db.session.rollback()


def test_personal_data_is_erased_twelve_months_after_closing(desk_app, make_case):
    old, recent = make_case(), make_case()
    with desk_app.app_context():
        for case_id, age in ((old, 400), (recent, 30)):
            case = db.session.get(DeskCase, case_id)
            case.status, case.outcome = "closed", "answered"
            case.closed_at = utcnow() - timedelta(days=age)
        db.session.commit()
    result = desk_app.test_cli_runner().invoke(args=["desk", "purge"])
    assert "vragen gewist na de bewaartermijn" in result.output
    with desk_app.app_context():
        erased = db.session.get(DeskCase, old)
        request = erased.contact_request
        assert request.name == "" and request.question == "" and request.answers == {}
        assert request.erased_at is not None
        assert erased.outcome == "answered", "the figures stay"
        assert [e.action for e in erased.events] == ["created", "erased"]
        assert db.session.get(DeskCase, recent).contact_request.name == "Piet Jansen"


def test_the_header_shows_the_desk_link_to_advisers_only(desk_client, login_as):
    assert 'href="/bureau"' not in desk_client.get("/").get_data(as_text=True)
    login_as()
    assert 'href="/bureau"' in desk_client.get("/").get_data(as_text=True)
