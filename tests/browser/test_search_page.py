"""/zoeken in Chromium: axe with zero violations, keyboard alone with instant filters,
and the same filters without JavaScript through the "Filters toepassen" button."""

import re

import pytest

pytestmark = pytest.mark.browser

MAX_TABS = 80


@pytest.fixture(scope="module", autouse=True)
def search_index(live_server):
    """The live server's catalogue, indexed (its fixture loads the seed only)."""
    from portal.search import engine

    with live_server.app.app_context():
        engine.reindex()


def focused(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return el ? {id: el.id, name: el.getAttribute('name'), value: el.value,
                         type: el.type, checked: !!el.checked} : {};
        }"""
    )


def tab_until(page, matches, label: str) -> dict:
    seen = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        now = focused(page)
        if matches(now):
            return now
        seen.append(now.get("id") or now.get("name"))
    pytest.fail(f"{label} not reached in {MAX_TABS} Tab presses; focus went: {seen}")


def result_count(page) -> int:
    text = page.locator(".result-count").inner_text()
    found = re.match(r"\s*(\d+) resulta", text)
    assert found, text
    return int(found.group(1))


def facet_count(page, name: str, value: str) -> int:
    box = page.locator(f'input[name="{name}"][value="{value}"]')
    label = page.locator(f'label[for="{box.get_attribute("id")}"] .count').inner_text()
    return int(label.strip("()"))


@pytest.mark.parametrize(
    "path",
    [
        "/zoeken?q=lassen",
        "/zoeken?q=lassen&region=zeeland&type=course&sort=price",
        "/zoeken?q=heftruk",
        "/zoeken",
    ],
)
def test_the_search_page_has_no_axe_violations(page, assert_accessible, path):
    response = page.goto(path)
    assert response is not None and response.status == 200
    if "heftruk" in path:
        assert page.locator(".suggestion").inner_text().startswith("Bedoelde u")
    else:
        assert result_count(page) > 0
    assert_accessible(page, path)


def test_a_bad_filter_page_has_no_axe_violations(page, assert_accessible):
    response = page.goto("/zoeken?q=lassen&region=groningen")
    assert response is not None and response.status == 400
    assert_accessible(page, "/zoeken with an unknown region")


def test_search_and_filter_by_keyboard_alone_with_javascript(page, screenshot):
    page.goto("/zoeken")
    tab_until(page, lambda f: f.get("id") == "q", "the search box")
    page.keyboard.type("lassen")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/zoeken\?q=lassen"))
    before = result_count(page)
    page.evaluate("window.__sameDocument = true")

    box = tab_until(
        page,
        lambda f: f.get("name") == "region" and f.get("type") == "checkbox",
        "a region checkbox",
    )
    expected = facet_count(page, "region", box["value"])
    assert 0 < expected < before
    page.keyboard.press("Space")
    page.wait_for_function(
        "n => { const el = document.querySelector('.result-count');"
        " return el && !el.textContent.trim().startsWith(String(n) + ' '); }",
        arg=before,
    )
    # Updated in place (no page load), the URL is shareable, and focus stayed put.
    assert page.evaluate("window.__sameDocument === true")
    assert f"region={box['value']}" in page.url
    now = focused(page)
    assert (now["name"], now["value"], now["checked"]) == ("region", box["value"], True)
    assert result_count(page) == expected
    live = page.locator(".search-form [aria-live=polite]").inner_text()
    assert live.startswith(f"{expected} resulta")
    screenshot(page, "search-keyboard-filter")


def test_filters_apply_through_the_button_without_javascript(new_page):
    page = new_page(java_script_enabled=False)
    page.goto("/zoeken?q=lassen")
    before = result_count(page)
    expected = facet_count(page, "region", "zeeland")
    page.locator('input[name="region"][value="zeeland"]').check()
    assert result_count(page) == before  # nothing happens until the button
    page.get_by_role("button", name="Filters toepassen").click()
    page.wait_for_url(re.compile(r"region=zeeland"))
    assert "q=lassen" in page.url
    assert result_count(page) == expected < before
    assert page.locator('input[name="region"][value="zeeland"]').is_checked()
