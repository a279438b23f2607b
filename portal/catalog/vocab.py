"""The catalogue's fixed vocabularies: slug → Dutch label (translated on display)."""

from flask_babel import lazy_gettext as _l

SECTORS = {
    "zorg": _l("Zorg en welzijn"),
    "techniek": _l("Techniek"),
    "bouw": _l("Bouw"),
    "logistiek": _l("Logistiek en transport"),
    "ict": _l("ICT"),
    "onderwijs": _l("Onderwijs"),
    "groen": _l("Groen en dieren"),
    "horeca": _l("Horeca en toerisme"),
    "handel": _l("Handel en retail"),
    "administratie": _l("Administratie en financiën"),
    "veiligheid": _l("Veiligheid"),
    "overig": _l("Overig"),
}

LEVELS = {
    "1": _l("mbo niveau 1"),
    "2": _l("mbo niveau 2"),
    "3": _l("mbo niveau 3"),
    "4": _l("mbo niveau 4"),
    "hbo": _l("hbo"),
    "wo": _l("wo"),
    "none": _l("geen niveau"),
}

FORMS = {
    "bol": _l("BOL (vooral op school)"),
    "bbl": _l("BBL (leren en werken)"),
    "praktijkroute": _l("Praktijkroute"),
    "course": _l("Cursus"),
    "training": _l("Training"),
    "certificate": _l("Certificaat"),
    "module": _l("Module"),
    "elearning": _l("E-learning"),
}

DELIVERIES = {
    "on_site": _l("Op locatie"),
    "online": _l("Online"),
    "hybrid": _l("Deels online"),
}

PROVIDER_KINDS = {
    "mbo": _l("mbo-school (ROC)"),
    "aoc": _l("groene mbo-school (AOC)"),
    "hbo": _l("hogeschool"),
    "wo": _l("universiteit"),
    "private": _l("particuliere opleider"),
    "sector": _l("branche- of sectororganisatie"),
}

REGION_SLUGS = ("achterhoek", "zeeland", "zuid-limburg")
