"""Small screens: 375 px wide, no horizontal scrolling, the main menu in view."""

import pytest

pytestmark = pytest.mark.browser

MOBILE = {"width": 375, "height": 740}


@pytest.fixture
def mobile_page(new_page):
    return new_page(
        viewport=MOBILE, is_mobile=True, has_touch=True, device_scale_factor=2
    )


def test_home_has_no_horizontal_scroll(mobile_page, screenshot):
    mobile_page.goto("/")
    width = mobile_page.evaluate("document.documentElement.scrollWidth")
    screenshot(mobile_page, "home-375px")
    assert width <= MOBILE["width"], (
        f"page is {width}px wide at a {MOBILE['width']}px viewport"
    )


def test_main_nav_links_are_visible(mobile_page):
    mobile_page.goto("/")
    links = mobile_page.locator("nav.main-nav a")
    assert links.count() == 3
    for i in range(links.count()):
        link = links.nth(i)
        assert link.is_visible(), (
            f"nav link {link.inner_text()!r} is not visible at 375px"
        )
        box = link.bounding_box()
        assert (
            box is not None
            and box["x"] >= 0
            and box["x"] + box["width"] <= MOBILE["width"]
        ), f"nav link {link.inner_text()!r} sticks out of the viewport: {box}"


# WCAG 1.4.10 Reflow: content fits 320 CSS px without scrolling in two directions.
REFLOW = {"width": 320, "height": 640}
REFLOW_PAGES = [
    "/",
    "/regio/achterhoek",
    "/lokets",
    "/opleidingen",
    "/vouchers",
    "/fonds/opijver",
    "/inloggen",
    "/registreren",
    "/privacy",
    "/toegankelijkheid",
]


@pytest.mark.parametrize("path", REFLOW_PAGES)
def test_reflow_at_320px(new_page, path):
    page = new_page(viewport=REFLOW, is_mobile=True, has_touch=True)
    response = page.goto(path)
    assert response is not None and response.ok
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= REFLOW["width"], f"{path} is {width}px wide at a 320px viewport"
