import pytest
from flask import Flask

from portal.pages.navigation import safe_next_url


@pytest.fixture
def ctx():
    app = Flask(__name__)
    app.add_url_rule("/", "pages.home")
    with app.test_request_context():
        yield


@pytest.mark.parametrize("target", ["/account", "/opleidingen?region=zeeland"])
def test_paths_inside_the_portal_are_kept(ctx, target):
    assert safe_next_url(target) == target


@pytest.mark.parametrize(
    "target",
    [
        None,
        "",
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "javascript:alert(1)",
    ],
)
def test_everything_else_goes_home(ctx, target):
    assert safe_next_url(target) == "/"
