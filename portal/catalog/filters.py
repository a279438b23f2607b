"""Parsing of catalogue list parameters (region, sector, level, page). Pure."""

from dataclasses import dataclass

from portal.catalog.vocab import LEVELS, REGION_SLUGS, SECTORS

MAX_PER_PAGE = 50


class FilterError(ValueError):
    def __init__(self, code: str, message_nl: str):
        super().__init__(message_nl)
        self.code = code
        self.message_nl = message_nl


@dataclass(frozen=True)
class CourseFilters:
    region: str | None = None
    sector: str | None = None
    level: str | None = None
    page: int = 1
    per_page: int = 20


def _choice(args, name: str, allowed, label: str) -> str | None:
    value = (args.get(name) or "").strip()
    if not value:
        return None
    if value not in allowed:
        raise FilterError(
            f"invalid_{name}",
            f"Onbekende {label} '{value[:40]}'. Kies uit: {', '.join(allowed)}.",
        )
    return value


def int_param(args, name: str, default: int, low: int, high: int, label: str) -> int:
    """A whole number from the query string within [low, high]; Dutch FilterError otherwise."""
    raw = (args.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise FilterError(
            f"invalid_{name}", f"{label} moet een heel getal zijn."
        ) from None
    if not low <= value <= high:
        raise FilterError(
            f"invalid_{name}", f"{label} moet tussen {low} en {high} liggen."
        )
    return value


def parse_course_filters(args, default_per_page: int = 20) -> CourseFilters:
    """Read filters from a mapping of strings (request.args); raise FilterError."""
    return CourseFilters(
        region=_choice(args, "region", REGION_SLUGS, "regio"),
        sector=_choice(args, "sector", list(SECTORS), "sector"),
        level=_choice(args, "level", list(LEVELS), "niveau"),
        page=int_param(args, "page", 1, 1, 100_000, "Pagina"),
        per_page=int_param(
            args, "per_page", default_per_page, 1, MAX_PER_PAGE, "Aantal per pagina"
        ),
    )
