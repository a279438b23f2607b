"""Error pages in the portal's style; JSON errors under /api/."""

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

MESSAGES = {
    400: "Er ging iets mis met uw verzoek. Controleer wat u hebt ingevuld.",
    403: "U hebt geen toegang tot deze pagina.",
    404: "Deze pagina bestaat niet (meer).",
    405: "Deze actie kan hier niet.",
    413: "Het bestand is te groot.",
    429: "U hebt dit te vaak geprobeerd. Wacht even en probeer het opnieuw.",
    500: "Er ging bij ons iets mis. Probeer het later opnieuw.",
}


def api_error(status: int, code: str, message: str):
    return jsonify({"error": {"code": code, "message": message}}), status


def _wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/healthz"


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error):
        message = _(
            "Uw sessie is verlopen. Laad de pagina opnieuw en probeer het nog eens."
        )
        if _wants_json():
            return api_error(400, "csrf", message)
        return render_template("errors/error.html", status=400, message=message), 400

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        status = error.code or 500
        message = _(MESSAGES.get(status, MESSAGES[400]))
        if _wants_json():
            return api_error(
                status, (error.name or "error").lower().replace(" ", "_"), message
            )
        template = (
            f"errors/{status}.html"
            if status in (403, 404, 500)
            else "errors/error.html"
        )
        return render_template(template, status=status, message=message), status

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        app.logger.exception("Unhandled error")
        from portal.extensions import db

        db.session.rollback()
        if _wants_json():
            return api_error(500, "internal_error", _(MESSAGES[500]))
        return render_template(
            "errors/500.html", status=500, message=_(MESSAGES[500])
        ), 500
