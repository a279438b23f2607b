"""The import page in a real browser: the demo admin uploads the example CSV, reads the
preview, applies it, and finds the new course in the search; a broken file gets its
message. axe-core at zero violations on every page of it; keyboard only for the form."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ADMIN = ("beheerder@leerwijzer.example", "Beheerder-demo-2026")
SAMPLES = Path(__file__).resolve().parents[2] / "seed" / "import"


def test_upload_preview_apply_and_find_the_course(
    new_page, login, assert_accessible, screenshot, tmp_path
):
    page = new_page()
    login(page, *ADMIN)
    page.goto("/beheer/import")
    assert_accessible(page, "import page")
    page.click("summary")  # the CSV columns
    assert_accessible(page, "import page with the CSV columns open")

    # An empty submit: the Dutch error summary, focusable, with a link to the field.
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "Kies een bestand." in page.content()
    assert_accessible(page, "import page with errors")

    page.set_input_files("#file", str(SAMPLES / "voorbeeld.csv"))
    page.focus("#provider")
    page.keyboard.press("Tab")  # to the "volledig aanbod" checkbox, left unticked
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "/beheer/import/" in page.url
    assert "Voorbeeld, nog niet doorgevoerd" in page.content()
    assert "Praktijkdiploma Boekhouden" in page.content()
    screenshot(page, "import-1-preview")
    assert_accessible(page, "import preview")

    with page.expect_navigation():
        page.click("form[action$='/toepassen'] button")
    assert "De wijzigingen zijn doorgevoerd." in page.content()
    screenshot(page, "import-2-applied")
    assert_accessible(page, "import applied")

    page.goto("/zoeken?q=praktijkdiploma+boekhouden")
    assert "Praktijkdiploma Boekhouden" in page.content()

    broken = tmp_path / "kapot.xml"
    broken.write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
    )
    page.goto("/beheer/import")
    page.set_input_files("#file", str(broken))
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "Mislukt" in page.content()
    assert "DTD" in page.content()
    screenshot(page, "import-3-refused")
    assert_accessible(page, "import of a broken file")
