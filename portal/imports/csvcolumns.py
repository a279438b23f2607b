"""The documented CSV format: its columns, the words accepted in them, and the template.

Column names are Dutch and matched without regard to case or surrounding spaces;
columns the portal does not know are ignored. The coded columns (niveau, vorm, sector,
uitvoering) take the portal's key ("bbl") or its Dutch label ("BBL (leren en werken)"),
also without regard to case.
"""

from flask_babel import lazy_gettext as _l

from portal.catalog import vocab
from portal.csvexport import to_csv

COLUMNS = {
    "id": _l(
        "Verplicht. Uw eigen vaste code voor de opleiding, bijvoorbeeld csv-vig-bbl. Gebruik een code nooit voor een andere opleiding."
    ),
    "aanbieder": _l(
        "De code van de opleider in de portal, bijvoorbeeld graafschap-college. Leeg: de opleider die u bij het importeren kiest."
    ),
    "titel": _l("Verplicht. De naam van de opleiding, hoogstens 300 tekens."),
    "omschrijving": _l(
        "Wat leert u en voor wie is de opleiding? Gewone tekst, zonder HTML."
    ),
    "niveau": _l(
        "Verplicht. 1, 2, 3, 4 (mbo-niveau), hbo, wo of none (geen niveau). De Nederlandse naam mag ook, bijvoorbeeld 'mbo niveau 2' of 'geen niveau'."
    ),
    "vorm": _l(
        "Verplicht. bol, bbl, praktijkroute, course (cursus), training, certificate (certificaat), module of elearning. De Nederlandse naam mag ook."
    ),
    "sector": _l(
        "Verplicht. zorg, techniek, bouw, logistiek, ict, onderwijs, groen, horeca, handel, administratie, veiligheid of overig. De Nederlandse naam mag ook, bijvoorbeeld 'Zorg en welzijn'."
    ),
    "crebo": _l(
        "De crebo-code (5 tekens) als de opleiding een mbo-diploma of -certificaat geeft."
    ),
    "duur": _l(
        "Hoe lang de opleiding duurt, in woorden, bijvoorbeeld '6 maanden' of '2 jaar'."
    ),
    "uren": _l("Het aantal uren (een heel getal), bijvoorbeeld 40."),
    "prijs": _l(
        "Verplicht. De prijs in euro's, met btw, van alle kosten die verplicht zijn. Bijvoorbeeld 1250,00 of 1250.00 of € 1.250,00. Gratis: 0."
    ),
    "uitvoering": _l("op locatie, online of deels online. Leeg: op locatie."),
    "kansrijk": _l(
        "ja of nee: leidt de opleiding tot werk met veel vacatures? Leeg: de portal bepaalt het."
    ),
    "startdata": _l(
        "De startdata, gescheiden door een puntkomma: 2027-02-01;2027-09-01. De vorm 01-02-2027 mag ook."
    ),
    "geannuleerd": _l("Startdata die niet doorgaan, op dezelfde manier geschreven."),
    "locatie": _l(
        "De naam van de plaats waar de lessen zijn, bijvoorbeeld 'Graafschap College Doetinchem'."
    ),
    "adres": _l("Straat en huisnummer van de locatie."),
    "postcode": _l("Postcode van de locatie, bijvoorbeeld 7004 HA."),
    "plaats": _l("Plaats van de locatie."),
    "website": _l("De webpagina van de opleiding; begint met https://."),
}
REQUIRED = ("id", "titel", "niveau", "vorm", "sector", "prijs")

EXAMPLE_ROW = {
    "id": "csv-voorbeeld-vig-bbl",
    "aanbieder": "graafschap-college",
    "titel": "Verzorgende IG (BBL)",
    "omschrijving": "U verzorgt mensen thuis of in een verpleeghuis. U werkt en leert tegelijk. (voorbeeld)",
    "niveau": "3",
    "vorm": "bbl",
    "sector": "zorg",
    "crebo": "25491",
    "duur": "2 jaar",
    "uren": "1200",
    "prijs": "695,00",
    "uitvoering": "op locatie",
    "kansrijk": "ja",
    "startdata": "2027-02-01;2027-09-01",
    "geannuleerd": "",
    "locatie": "Graafschap College Doetinchem",
    "adres": "Voorbeeldstraat 1",
    "postcode": "7004 HA",
    "plaats": "Doetinchem",
    "website": "https://www.graafschapcollege.nl",
}


def _msgid(label) -> str:
    """The Dutch text of a lazy label, whatever the current locale."""
    args = getattr(label, "_args", None)
    return str(args[0] if args else label)


def _aliases(table: dict, extra: dict) -> dict[str, str]:
    aliases = {key.lower(): key for key in table}
    aliases.update({_msgid(label).lower(): key for key, label in table.items()})
    aliases.update(extra)
    return aliases


LEVEL_WORDS = _aliases(
    vocab.LEVELS,
    {f"mbo {n}": str(n) for n in range(1, 5)}
    | {f"mbo-{n}": str(n) for n in range(1, 5)}
    | {f"niveau {n}": str(n) for n in range(1, 5)}
    | {"entree": "1", "geen": "none", "geen niveau": "none"},
)
FORM_WORDS = _aliases(
    vocab.FORMS,
    {"cursus": "course", "certificaat": "certificate", "e-learning": "elearning"},
)
SECTOR_WORDS = _aliases(vocab.SECTORS, {})
DELIVERY_WORDS = _aliases(
    vocab.DELIVERIES, {"locatie": "on_site", "op_locatie": "on_site"}
)
YES_NO = {"ja": True, "j": True, "yes": True, "true": True, "1": True}
YES_NO |= {"nee": False, "n": False, "no": False, "false": False, "0": False}
ALLOWED = {"kansrijk": "ja, nee", "uitvoering": "op locatie, online, deels online"}


def template_csv() -> str:
    """The downloadable template: a UTF-8 BOM (so Excel reads the accents right), the
    header and one example row, separated by semicolons."""
    return to_csv([list(COLUMNS), [EXAMPLE_ROW[name] for name in COLUMNS]])
