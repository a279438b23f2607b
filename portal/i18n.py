"""Language: Dutch by default, English on request (the switch stores it in the session)."""

from flask import Flask, current_app, has_request_context, request, session
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from portal.extensions import babel, login_manager


def select_locale() -> str:
    """The request's language; outside a request (commands, jobs) the default."""
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    lang = request.args.get("lang") or session.get("lang")
    if lang in current_app.config["LANGUAGES"]:
        return lang
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)
    login_manager.login_message = _l("Log in om deze pagina te zien.")

    @app.context_processor
    def inject_language():
        current = str(get_locale())
        other = "en" if current == "nl" else "nl"
        return {"current_language": current, "other_language": other}
