"""The date the portal acts on. Views ask here and pass the date into rules explicitly;
tests and demos can pin it with the FIXED_TODAY setting (ISO date)."""

from datetime import date
from zoneinfo import ZoneInfo

from flask import current_app

_AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def today() -> date:
    fixed = current_app.config.get("FIXED_TODAY")
    if fixed:
        return date.fromisoformat(str(fixed))
    from datetime import datetime

    return datetime.now(_AMSTERDAM).date()
