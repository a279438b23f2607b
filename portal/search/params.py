"""Reading search parameters (from a query string) into a SearchRequest. Pure."""

from collections.abc import Mapping
from dataclasses import dataclass, field

from portal.catalog.filters import FilterError, int_param
from portal.catalog.vocab import DELIVERIES, FORMS, LEVELS, REGION_SLUGS, SECTORS

TYPES = ("course", "loket", "provider", "fund", "initiative")
SORTS = ("relevance", "start", "price")
PRICE_BANDS = ("gratis", "tot-500", "500-1500", "1500-3000", "boven-3000")
YES_NO = ("ja", "nee")
MAX_QUERY_CHARS = 200
MAX_PER_PAGE = 50

# Facet filters: parameter name → allowed values (None: any value of the index).
FILTERS = {
    "type": TYPES,
    "region": REGION_SLUGS,
    "municipality": None,
    "sector": tuple(SECTORS),
    "level": tuple(LEVELS),
    "form": tuple(FORMS),
    "price_band": PRICE_BANDS,
    "start_period": None,
    "delivery": tuple(DELIVERIES),
    "kansrijk": YES_NO,
    "voucher": YES_NO,
}
LABELS_NL = {
    "type": "soort",
    "region": "regio",
    "municipality": "gemeente",
    "sector": "sector",
    "level": "niveau",
    "form": "vorm",
    "price_band": "prijs",
    "start_period": "startperiode",
    "delivery": "lesvorm",
    "kansrijk": "kansrijk",
    "voucher": "voucher",
}


@dataclass(frozen=True)
class SearchRequest:
    q: str = ""
    filters: tuple[tuple[str, tuple[str, ...]], ...] = field(default_factory=tuple)
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20

    def selected(self, name: str) -> tuple[str, ...]:
        return dict(self.filters).get(name, ())

    def cache_key(self) -> tuple:
        return (self.q, self.filters, self.sort, self.page, self.per_page)


def parse_search_args(args, default_per_page: int = 20) -> SearchRequest:
    """Read q, filters (repeatable: ?sector=zorg&sector=ict), sort and paging.

    Unknown filter values raise FilterError with a Dutch message; the query text itself
    is never an error (it is trimmed and cut to a sane length).
    """
    getlist = (
        args.getlist if hasattr(args, "getlist") else (lambda k: _as_list(args, k))
    )
    q = " ".join(_single(args, "q").split())[:MAX_QUERY_CHARS]
    filters = []
    for name, allowed in FILTERS.items():
        values = tuple(
            sorted({str(v).strip() for v in getlist(name) if v and str(v).strip()})
        )
        for value in values:
            if allowed is not None and value not in allowed:
                raise FilterError(
                    f"invalid_{name}",
                    f"Onbekende {LABELS_NL[name]} '{value[:40]}'. Kies uit: {', '.join(allowed)}.",
                )
            if len(value) > 60:
                raise FilterError(f"invalid_{name}", f"Onbekende {LABELS_NL[name]}.")
        if values:
            filters.append((name, values))
    sort = _single(args, "sort").strip() or "relevance"
    scalars = {name: _single(args, name) for name in ("page", "per_page")}
    if sort not in SORTS:
        raise FilterError(
            "invalid_sort", f"Onbekende sortering. Kies uit: {', '.join(SORTS)}."
        )
    return SearchRequest(
        q=q,
        filters=tuple(filters),
        sort=sort,
        page=int_param(scalars, "page", 1, 1, 10_000, "Pagina"),
        per_page=int_param(
            scalars, "per_page", default_per_page, 1, MAX_PER_PAGE, "Aantal per pagina"
        ),
    )


def _single(mapping: Mapping, key: str) -> str:
    """One text value: the first of a list, a number as text, nothing as ""."""
    value = mapping.get(key)
    if isinstance(value, (list, tuple)):
        value = value[0] if value else ""
    return "" if value is None else str(value)


def _as_list(mapping: Mapping, key: str) -> list[str]:
    value = mapping.get(key)
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]
