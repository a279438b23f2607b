"""Where to send a person after an action."""

from urllib.parse import urlsplit

from flask import url_for


def safe_next_url(target: str | None) -> str:
    """`target` when it is a path inside the portal, else the home page (no open redirect)."""
    if target and target.startswith("/") and not target.startswith("//"):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and "\\" not in target:
            return target
    return url_for("pages.home")
