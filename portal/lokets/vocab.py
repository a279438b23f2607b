"""Loket types and the groups of people a loket serves."""

from flask_babel import lazy_gettext as _l

LOKET_TYPES = {
    "leerwerkloket": _l("Leerwerkloket"),
    "werkcentrum": _l("Werkcentrum"),
    "wsp": _l("WerkgeversServicepunt"),
    "uwv": _l("UWV"),
    "gemeente": _l("Gemeente of werkbedrijf"),
    "jongerenloket": _l("Jongerenloket"),
    "mobiliteitsteam": _l("Mobiliteitsteam"),
    "vakbond": _l("Vakbond (loopbaanadvies)"),
    "llo_portal": _l("Leerportaal en scholingsfonds"),
    "school": _l("School"),
    "sbb": _l("SBB (leerbedrijven)"),
    "national": _l("Landelijk loket"),
    "other": _l("Overig"),
}

SERVES = {
    "employed": _l("werkenden"),
    "self_employed": _l("zzp'ers"),
    "jobseeker_uwv": _l("werkzoekenden met WW of WIA"),
    "jobseeker_municipality": _l("mensen met bijstand"),
    "jobseeker_other": _l("werkzoekenden zonder uitkering"),
    "young": _l("jongeren"),
    "student": _l("studenten en scholieren"),
    "employer": _l("werkgevers"),
}


def type_order(loket_type: str) -> int:
    """Display order: the lokets that help everyone first ("no wrong door")."""
    order = list(LOKET_TYPES)
    return order.index(loket_type) if loket_type in order else len(order)
