"""Display labels for facet values (Dutch, translated on display)."""

from flask_babel import lazy_gettext as _l

from portal.catalog.vocab import DELIVERIES, FORMS, LEVELS, SECTORS

FACET_TITLES = {
    "type": _l("Soort"),
    "region": _l("Regio"),
    "municipality": _l("Gemeente"),
    "sector": _l("Sector"),
    "level": _l("Niveau"),
    "form": _l("Vorm"),
    "price_band": _l("Prijs"),
    "start_period": _l("Start"),
    "delivery": _l("Waar"),
    "kansrijk": _l("Kansrijk beroep"),
    "voucher": _l("Scholingsvoucher"),
}
TYPES = {
    "course": _l("Opleiding of cursus"),
    "loket": _l("Loket"),
    "provider": _l("School of opleider"),
    "fund": _l("Geld voor scholing"),
    "initiative": _l("Initiatief"),
}
PRICE_BANDS = {
    "gratis": _l("Gratis"),
    "tot-500": _l("Tot € 500"),
    "500-1500": _l("€ 500 tot € 1.500"),
    "1500-3000": _l("€ 1.500 tot € 3.000"),
    "boven-3000": _l("Meer dan € 3.000"),
}
YES_NO = {
    "kansrijk": {"ja": _l("Ja, kansrijk beroep"), "nee": _l("Nee")},
    "voucher": {"ja": _l("Kan met scholingsvoucher"), "nee": _l("Niet met voucher")},
}
SORTS = {
    "relevance": _l("Beste match"),
    "start": _l("Eerste start"),
    "price": _l("Laagste prijs"),
}
FACET_ORDER = (
    "type",
    "region",
    "sector",
    "level",
    "form",
    "delivery",
    "price_band",
    "start_period",
    "kansrijk",
    "voucher",
    "municipality",
)


def value_label(facet: str, value: str, names: dict[str, str]) -> str:
    """`names` holds database names for regions and municipalities (slug → name)."""
    if facet in ("region", "municipality"):
        return names.get(value, value)
    if facet == "start_period":
        if value == "op-aanvraag":
            return str(_l("Op aanvraag"))
        year, _, quarter = value.partition("-K")
        return str(_l("%(year)s, kwartaal %(quarter)s", year=year, quarter=quarter))
    table = {
        "type": TYPES,
        "sector": SECTORS,
        "level": LEVELS,
        "form": FORMS,
        "delivery": DELIVERIES,
        "price_band": PRICE_BANDS,
    }.get(facet) or YES_NO.get(facet, {})
    return str(table.get(value, value))


def ordered_values(
    facet: str, counts: dict[str, int], chosen: tuple[str, ...]
) -> list[str]:
    """Facet values in a natural order: the vocabulary's order where there is one
    (levels, sectors, price bands, quarters), else the largest count first."""
    values = list(counts) + [v for v in chosen if v not in counts]
    fixed = {
        "type": list(TYPES),
        "sector": list(SECTORS),
        "level": list(LEVELS),
        "form": list(FORMS),
        "delivery": list(DELIVERIES),
        "price_band": list(PRICE_BANDS),
        "kansrijk": ["ja", "nee"],
        "voucher": ["ja", "nee"],
    }.get(facet)
    if fixed:
        return sorted(
            values, key=lambda v: fixed.index(v) if v in fixed else len(fixed)
        )
    if facet == "start_period":
        return sorted(values, key=lambda v: (v == "op-aanvraag", v))
    return sorted(values, key=lambda v: (-counts.get(v, 0), v))
