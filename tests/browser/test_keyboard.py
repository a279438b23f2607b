"""Keyboard only: the skip link, logging in, the postcode form."""

import pytest

pytestmark = pytest.mark.browser

MAX_TABS = 40


def focused(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {
                tag: el ? el.tagName.toLowerCase() : null,
                id: el ? el.id : null,
                cls: el ? el.className : null,
                href: el ? el.getAttribute('href') : null,
            };
        }"""
    )


def tab_to(page, element_id: str) -> None:
    """Press Tab until the element with this id has focus (fail after MAX_TABS)."""
    seen = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        now = focused(page)
        if now["id"] == element_id:
            return
        seen.append(now)
    pytest.fail(
        f"#{element_id} not reached in {MAX_TABS} Tab presses; focus went: {seen}"
    )


def test_skip_link_is_first_tab_stop_and_moves_focus_to_main(page):
    page.goto("/")
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["tag"] == "a" and "skip-link" in first["cls"], first
    assert first["href"] == "#inhoud"
    assert page.locator("a.skip-link").is_visible(), (
        "the skip link must show when focused"
    )
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.activeElement && document.activeElement.id === 'inhoud'"
    )
    assert focused(page)["tag"] == "main"


def test_login_by_keyboard_alone(page):
    page.goto("/inloggen")
    tab_to(page, "email")
    page.keyboard.type("inwoner@leerwijzer.example")
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "password"
    page.keyboard.type("Inwoner-demo-2026")
    page.keyboard.press("Enter")
    page.wait_for_url("**/account")
    assert "Sanne de Vries" in page.inner_text("main")


def test_postcode_form_by_keyboard(page):
    page.goto("/")
    tab_to(page, "postcode")
    page.keyboard.type("7101 AB")
    page.keyboard.press("Enter")
    page.wait_for_url("**/regio/achterhoek**")
    assert "Winterswijk" in page.inner_text("main")


def test_every_tab_stop_on_home_shows_focus(page):
    """WCAG 2.4.7: each element that gets keyboard focus has a visible indicator."""
    page.goto("/")
    missing = []
    for _ in range(20):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => {
                const el = document.activeElement;
                const s = getComputedStyle(el);
                return {
                    what: el.tagName.toLowerCase() + ' ' + (el.textContent || el.id || '').trim().slice(0, 40),
                    body: el === document.body,
                    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
                    shadow: s.boxShadow !== 'none',
                };
            }"""
        )
        if info["body"]:
            break
        if not (info["outline"] or info["shadow"]):
            missing.append(info["what"])
    assert not missing, f"no visible focus indicator on: {missing}"
