"""Every page type passes axe-core's WCAG 2.0/2.1 A and AA rules with zero violations."""

import pytest

pytestmark = pytest.mark.browser

REGIONS = ["achterhoek", "zeeland", "zuid-limburg"]

STATIC_PAGES = [
    ("/", 200),
    ("/regio/achterhoek", 200),
    ("/lokets", 200),
    ("/opleidingen", 200),
    ("/opleidingen?region=zeeland&sector=techniek", 200),
    ("/vouchers", 200),
    ("/fonds/opijver", 200),
    ("/privacy", 200),
    ("/toegankelijkheid", 200),
    ("/inloggen", 200),
    ("/registreren", 200),
    ("/wachtwoord-vergeten", 200),
    ("/bestaat-niet", 404),
    ("/postcode?postcode=abc", 400),
    ("/postcode?postcode=1012", 200),
]


@pytest.mark.parametrize(
    ("path", "status"), STATIC_PAGES, ids=[p for p, _ in STATIC_PAGES]
)
def test_static_page_has_no_axe_violations(
    page, assert_accessible, screenshot, path, status
):
    response = page.goto(path)
    assert response is not None and response.status == status, (
        f"{path}: expected HTTP {status}, got {response and response.status}"
    )
    if path == "/":
        screenshot(page, "home")
    assert_accessible(page, path)


def test_postcode_outside_regions_says_so(page):
    page.goto("/postcode?postcode=1012")
    assert "ligt niet in" in page.inner_text("main")


def test_loket_detail(page, assert_accessible, screenshot, first_href):
    href = first_href(page, "/lokets", "/loket/")
    response = page.goto(href)
    assert response is not None and response.ok
    screenshot(page, "loket")
    assert_accessible(page, href)


def test_course_detail(page, assert_accessible, screenshot, first_href):
    href = first_href(page, "/opleidingen", "/opleiding/")
    response = page.goto(href)
    assert response is not None and response.ok
    screenshot(page, "opleiding")
    assert_accessible(page, href)


def test_provider_page(page, assert_accessible, first_href):
    href = first_href(page, "/regio/achterhoek", "/aanbieder/")
    response = page.goto(href)
    assert response is not None and response.ok
    assert_accessible(page, href)


def test_initiative_page(page, assert_accessible):
    href = None
    for region in REGIONS:
        page.goto(f"/regio/{region}")
        links = page.locator("main a[href^='/initiatief/']")
        if links.count():
            href = links.first.get_attribute("href")
            break
    assert href, "no /initiatief/ link on any region page"
    response = page.goto(href)
    assert response is not None and response.ok
    assert_accessible(page, href)


def test_english_home(page, assert_accessible):
    page.goto("/taal/en?next=/")
    response = page.goto("/")
    assert response is not None and response.ok
    assert page.get_attribute("html", "lang") == "en"
    assert_accessible(page, "/ (English)")


def test_account_page_after_login(page, assert_accessible, login):
    login(page)
    assert page.url.endswith("/account")
    assert_accessible(page, "/account (logged in as the demo resident)")


def test_register_with_errors(page, assert_accessible):
    response = page.goto("/registreren")
    assert response is not None and response.ok, (
        f"/registreren gave {response and response.status}"
    )
    page.click("main form[method=post] button[type=submit]")
    page.wait_for_load_state()
    summary = page.locator("#foutmeldingen")
    summary.wait_for(state="visible")
    assert summary.locator("li").count() >= 1
    assert_accessible(page, "/registreren (submitted empty, error summary shown)")


def test_axe_helper_reports_violations(page, assert_accessible):
    """The harness itself: a page with known faults must fail (guards against a no-op check)."""
    page.set_content(
        '<html><body><img src="x.png"><p style="color:#bbb;background:#fff">grijs</p></body></html>'
    )
    with pytest.raises(AssertionError) as failure:
        assert_accessible(page, "a deliberately faulty page")
    message = str(failure.value)
    for rule in ("image-alt", "html-has-lang", "color-contrast"):
        assert rule in message, message
