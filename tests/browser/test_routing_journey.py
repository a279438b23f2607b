""" "Waar moet ik zijn?" in a real browser: the whole journey by keyboard alone
(questionnaire → advice → handover form → confirmation), axe-core at zero violations
on every page of it, and the desk pages as the demo adviser."""

import re
from urllib.parse import urlencode

import pytest

pytestmark = pytest.mark.browser

MAX_TABS = 60
ADVISER = ("adviseur@leerwijzer.example", "Adviseur-demo-2026")
RESIDENT = ("inwoner@leerwijzer.example", "Inwoner-demo-2026")
ANSWERS = {
    "audience": "resident",
    "postcode": "7101 AB",
    "situation": "employed",
    "need": "financing",
}


def tab_until(page, selector: str) -> None:
    """Press Tab until the focused element matches `selector` (fail after MAX_TABS)."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{selector} not reached with {MAX_TABS} Tab presses on {page.url}")


def press_enter_and_load(page) -> None:
    """Enter on a link or in a form, and wait until the next page has loaded."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def click_and_load(page, selector: str) -> None:
    with page.expect_navigation():
        page.click(selector)


def submit_step(page) -> None:
    tab_until(page, "main form button[type=submit]")
    press_enter_and_load(page)


def check_page(page, assert_accessible, screenshot, name: str) -> None:
    screenshot(page, f"routing-{name}")
    assert_accessible(page, name)


def test_the_whole_journey_by_keyboard_alone(page, assert_accessible, screenshot):
    page.goto("/")
    tab_until(page, "header a[href='/waar-moet-ik-zijn']")
    press_enter_and_load(page)
    assert page.url.endswith("/waar-moet-ik-zijn")
    check_page(page, assert_accessible, screenshot, "1-audience")

    # Step 1: the first radio is "inwoner"; Space checks it.
    tab_until(page, "#audience-resident")
    page.keyboard.press("Space")
    submit_step(page)
    assert "Waar woont u?" in page.inner_text("h1")
    check_page(page, assert_accessible, screenshot, "2-place")

    # Step 2: a bad postcode first; the message appears and takes the focus.
    tab_until(page, "#postcode")
    page.keyboard.type("71O1")
    press_enter_and_load(page)
    assert "geen geldige postcode" in page.inner_text("#foutmeldingen")
    assert page.evaluate("document.activeElement.id") == "foutmeldingen"
    check_page(page, assert_accessible, screenshot, "2-place-error")
    tab_until(page, "#postcode")
    page.keyboard.press("Control+A")
    page.keyboard.type("7101 AB")
    press_enter_and_load(page)
    assert page.locator("#situation-employed").count() == 1
    check_page(page, assert_accessible, screenshot, "3-situation")

    # Back to the postcode, which is kept, and forward again.
    tab_until(page, "a.back-link")
    press_enter_and_load(page)
    assert page.input_value("#postcode") == "7101 AB"
    submit_step(page)

    # Step 3: arrow keys move through a radio group; "Ik werk in loondienst" is first.
    tab_until(page, "input[name=situation]")
    page.keyboard.press("Space")
    assert page.is_checked("#situation-employed")
    submit_step(page)
    check_page(page, assert_accessible, screenshot, "4-need")

    # Step 4: retraining, career advice, financing: two steps down.
    tab_until(page, "input[name=need]")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.is_checked("#need-financing")
    submit_step(page)
    assert "/waar-moet-ik-zijn/advies?" in page.url
    assert "Ga eerst naar: Opijver" in page.inner_text("h1")
    assert page.locator("main a[href='/fonds/opijver']").count() == 1
    check_page(page, assert_accessible, screenshot, "5-advice")

    tab_until(page, "main a[href^='/waar-moet-ik-zijn/vraag-stellen']")
    press_enter_and_load(page)
    check_page(page, assert_accessible, screenshot, "6-handover")

    # Sending without consent shows the error summary, which takes the focus.
    tab_until(page, "#name")
    page.keyboard.type("Jan de Boer")
    page.keyboard.press("Tab")
    page.keyboard.type("jan@voorbeeld.nl")
    tab_until(page, "#question")
    page.keyboard.type("Kan ik met een voucher verpleegkundige worden?")
    submit_step(page)
    assert "Geef toestemming" in page.inner_text("#foutmeldingen")
    check_page(page, assert_accessible, screenshot, "6-handover-error")

    tab_until(page, "#consent")
    page.keyboard.press("Space")
    assert page.is_checked("#consent")
    submit_step(page)
    assert page.url.endswith("/waar-moet-ik-zijn/vraag-verstuurd")
    assert re.search(r"LW-\d{4}-\d{6}", page.inner_text("main"))
    check_page(page, assert_accessible, screenshot, "7-sent")


def test_employers_and_places_outside_the_regions(page, assert_accessible, screenshot):
    answers = {"audience": "employer", "postcode": "1012", "need": "recruit_staff"}
    page.goto(f"/waar-moet-ik-zijn/advies?{urlencode(answers)}")
    assert "Leerwijzer werkt (nog) alleen" in page.inner_text("main")
    check_page(page, assert_accessible, screenshot, "national")
    page.goto("/waar-moet-ik-zijn?audience=employer&step=place")
    check_page(page, assert_accessible, screenshot, "employer-place")


def send_question(page, question: str) -> str:
    """Send a question through the handover form (as whoever is logged in)."""
    page.goto(f"/waar-moet-ik-zijn/vraag-stellen?{urlencode(ANSWERS)}")
    page.fill("#name", "Sanne de Vries")
    page.fill("#email", "inwoner@leerwijzer.example")
    page.fill("#question", question)
    page.check("#consent")
    click_and_load(page, "main form button[type=submit]")
    assert page.url.endswith("/vraag-verstuurd")
    return re.search(r"LW-\d{4}-\d{6}", page.inner_text("main")).group(0)


def test_the_desk_as_the_demo_adviser_and_mijn_vragen(
    new_page, login, assert_accessible, screenshot
):
    resident = new_page()
    login(resident, *RESIDENT)
    reference = send_question(resident, "Welke opleiding past bij mij?")

    adviser = new_page()
    login(adviser, *ADVISER)
    assert adviser.locator("header a[href='/bureau']").count() == 1
    adviser.goto("/bureau?status=all")
    check_page(adviser, assert_accessible, screenshot, "desk-queue")
    click_and_load(adviser, f"text={reference}")
    check_page(adviser, assert_accessible, screenshot, "desk-case")

    click_and_load(adviser, "form[action$='/toewijzen'] button")
    assert "toegewezen aan Fatima El Amrani" in adviser.inner_text(".flashes")
    adviser.fill("#note-body", "Morgen bellen.")
    click_and_load(adviser, "form[action$='/notitie'] button")
    adviser.fill("#reply-body", "Kom langs op het Leerwerkloket, dan kijken we samen.")
    click_and_load(adviser, "form[action$='/antwoord'] button")
    assert "Uw antwoord is verstuurd." in adviser.inner_text(".flashes")
    adviser.check("#close-outcome-0")
    click_and_load(adviser, "form[action$='/afsluiten'] button")
    assert "Afgesloten" in adviser.inner_text("main")
    check_page(adviser, assert_accessible, screenshot, "desk-case-closed")

    resident.goto("/mijn-vragen")
    check_page(resident, assert_accessible, screenshot, "mijn-vragen")
    click_and_load(resident, f"text={reference}")
    assert "Kom langs op het Leerwerkloket" in resident.inner_text("main")
    check_page(resident, assert_accessible, screenshot, "mijn-vraag")
