"""GET /api/v1/route: the questionnaire's advice as JSON (English field names, Dutch
error messages). Thin: the same rules and services as the web pages."""

from flask import Blueprint, jsonify, request

from portal.api.views import loket_json
from portal.clock import today
from portal.errors import api_error
from portal.extensions import csrf
from portal.lokets import questionnaire as flow
from portal.lokets.advice import advice_for, rule_set
from portal.lokets.models import Loket
from portal.regions.postcodes import InvalidPostcode, parse_postcode

bp = Blueprint("api_route", __name__, url_prefix="/api/v1")
csrf.exempt(bp)


def route_loket_json(loket: Loket) -> dict:
    """A loket as in /api/v1/lokets, without the region (the answer names it once)."""
    data = loket_json(loket)
    del data["region"]
    return data


def _unknown(param: str, value: str, allowed) -> tuple[str, str]:
    return (
        f"invalid_{param}",
        f"Onbekende waarde '{value[:40]}' voor {param}. Kies uit: {', '.join(allowed)}.",
    )


def _problem(state: flow.State) -> tuple[str, str] | None:
    """The first thing wrong with the parameters, as (code, Dutch message)."""
    rules = rule_set()
    for param in ("postcode", "audience", "need"):
        if not getattr(state, param):
            return f"missing_{param}", f"De parameter '{param}' ontbreekt."
    try:
        parse_postcode(state.postcode)
    except InvalidPostcode as exc:
        return "invalid_postcode", exc.message_nl
    if state.audience not in rules.audiences:
        return _unknown("audience", state.audience, rules.audiences)
    if state.need not in rules.needs[state.audience]:
        return _unknown("need", state.need, rules.needs[state.audience])
    if state.audience == "employer":
        if state.situation:
            return (
                "invalid_situation",
                "Werkgevers geven geen situation op; laat die weg.",
            )
    elif not state.situation:
        return "missing_situation", "De parameter 'situation' ontbreekt."
    elif state.situation not in rules.situations:
        return _unknown("situation", state.situation, rules.situations)
    return None


@bp.get("/route")
def route():
    """postcode, audience, need and (for residents) situation → where to go."""
    state = flow.State.from_args(
        {
            k: request.args.get(k, "")
            for k in ("postcode", "audience", "situation", "need")
        }
    )
    problem = _problem(state)
    if problem:
        return api_error(400, *problem)
    result = advice_for(state, today())
    place = result.place
    return jsonify(
        {
            "postcode": str(place.postcode),
            "municipality": place.municipality.name if place.municipality else None,
            "region": place.region.slug if place.region else None,
            "primary": route_loket_json(result.primary.loket),
            "alternatives": [route_loket_json(a.loket) for a in result.alternatives],
            "reason": result.primary.reason.nl,
        }
    )
