"""EDU-DEX code lists → the portal's own keys (catalog/vocab.py).

The code lists are those of the EDU-DEX program schema (program_in in the EDU-DEX Data
API, v1.0.2). Codes are matched without regard to case or surrounding spaces. A code
that is not in the list is refused with a `ValueProblem` naming the allowed values:
the importer never guesses a level, form or type.
"""

import re
from functools import lru_cache

from flask_babel import lazy_gettext as _l

from portal.imports.values import ValueProblem

# programLevel → vocab.LEVELS. "mbo+" is a post-level-4 mbo course, so "4". A bare
# "mbo" names no level (1–4), so it maps to "none", as do the school levels (mavo …
# lbo): they are not levels of the portal's ladder.
LEVELS = {
    "mbo niveau 1": "1",
    "mbo niveau 2": "2",
    "mbo niveau 3": "3",
    "mbo niveau 4": "4",
    "mbo+": "4",
    "associate": "hbo",
    "bachelor": "hbo",
    "master": "hbo",
    "propedeuse": "hbo",
    "post-hbo": "hbo",
    "hbo": "hbo",
    "academic bachelor": "wo",
    "academic master": "wo",
    "PhD": "wo",
    "post-academic": "wo",
    "wo": "wo",
    "none": "none",
    "mavo": "none",
    "havo": "none",
    "vwo": "none",
    "vbo": "none",
    "vmbo": "none",
    "vmbo/mavo": "none",
    "lbo": "none",
    "mbo": "none",
}

PROGRAM_FORMS = (
    "dual",
    "full-time",
    "part-time",
    "evening education",
    "distance learning",
    "e-learning",
    "virtual classroom",
)

PROGRAM_TYPES = (
    "regular",
    "coaching",
    "conference",
    "educational",
    "exam",
    "internship",
    "research",
    "self study",
    "traineeship",
    "training",
    "virtual classroom",
    "webinar",
    "workshop",
    "document",
    "lecture",
    "master class",
    "mbo module",
)

# Forms without a classroom; a program with only these is self-study or online.
SELF_STUDY_FORMS = frozenset({"e-learning", "distance learning"})
ONLINE_FORMS = frozenset({"e-learning", "distance learning", "virtual classroom"})
TRAINING_TYPES = frozenset({"training", "workshop", "coaching", "master class"})
MBO_LEVELS = frozenset({"1", "2", "3", "4"})

# programClassification.theme (an English code list) → vocab.SECTORS.
THEMES = {
    "automation and it": "ict",
    "internet and media": "ict",
    "care and personal care": "zorg",
    "sports and vitality": "zorg",
    "health and safety": "veiligheid",
    "procurement and logistics": "logistiek",
    "manufacturing engineering and construction": "techniek",
    "training and education": "onderwijs",
    "tourism, recreation and hospitality": "horeca",
    "sales": "handel",
    "marketing": "handel",
    "finance": "administratie",
    "secretarial and office work": "administratie",
}

# programClassification.targetSector: SBI sections A–U (CBS) → vocab.SECTORS.
SBI_SECTIONS = {
    "A": "groen",  # landbouw, bosbouw en visserij
    "B": "techniek",  # delfstoffenwinning
    "C": "techniek",  # industrie
    "D": "techniek",  # energievoorziening
    "E": "techniek",  # water en afval
    "F": "bouw",  # bouwnijverheid
    "G": "handel",  # groot- en detailhandel
    "H": "logistiek",  # vervoer en opslag
    "I": "horeca",  # logies, maaltijden en drinken
    "J": "ict",  # informatie en communicatie
    "K": "administratie",  # financiële dienstverlening
    "P": "onderwijs",
    "Q": "zorg",  # gezondheids- en welzijnszorg
}

# Free text (Dutch or English) → sector, first hit wins: "landbouw" before "bouw".
KEYWORDS = (
    ("landbouw", "groen"),
    ("tuinbouw", "groen"),
    ("groen", "groen"),
    ("dier", "groen"),
    ("agrar", "groen"),
    ("zorg", "zorg"),
    ("welzijn", "zorg"),
    ("verpleeg", "zorg"),
    ("veiligheid", "veiligheid"),
    ("beveilig", "veiligheid"),
    ("safety", "veiligheid"),
    ("bouw", "bouw"),
    ("construction", "bouw"),
    ("logistiek", "logistiek"),
    ("transport", "logistiek"),
    ("logistics", "logistiek"),
    ("informatica", "ict"),
    ("software", "ict"),
    ("automation", "ict"),
    ("techniek", "techniek"),
    ("technisch", "techniek"),
    ("metaal", "techniek"),
    ("elektro", "techniek"),
    ("engineering", "techniek"),
    ("onderwijs", "onderwijs"),
    ("education", "onderwijs"),
    ("horeca", "horeca"),
    ("toerisme", "horeca"),
    ("hospitality", "horeca"),
    ("handel", "handel"),
    ("retail", "handel"),
    ("verkoop", "handel"),
    ("administratie", "administratie"),
    ("financ", "administratie"),
    ("boekhoud", "administratie"),
)

# Short words only count as a whole word ("ict", not the "ict" in "predictive").
WORDS = {"ict": "ict", "it": "ict"}
_WORD_RE = re.compile(r"\w+")

_LEVEL_LOOKUP = {code.lower(): code for code in LEVELS}
_FORM_LOOKUP = {code: code for code in PROGRAM_FORMS}
_TYPE_LOOKUP = {code: code for code in PROGRAM_TYPES}


def _allowed(codes) -> str:
    return ", ".join(codes)


def level_code(value) -> str:
    """The canonical programLevel code, or ValueProblem."""
    code = _LEVEL_LOOKUP.get(str(value).strip().lower()) if value is not None else None
    if code is None:
        raise ValueProblem(
            _l(
                "Het niveau '%(value)s' kennen we niet. Gebruik een van deze waarden: %(allowed)s.",
                value=str(value)[:60],
                allowed=_allowed(LEVELS),
            )
        )
    return code


def level_for(value) -> str:
    """programLevel → a key of vocab.LEVELS."""
    return LEVELS[level_code(value)]


def form_codes(values) -> tuple[str, ...]:
    """The programForm codes (one or more), or ValueProblem for an unknown one."""
    codes = []
    for value in values:
        code = _FORM_LOOKUP.get(str(value).strip().lower())
        if code is None:
            raise ValueProblem(
                _l(
                    "De vorm '%(value)s' kennen we niet. Gebruik een van deze waarden: %(allowed)s.",
                    value=str(value)[:60],
                    allowed=_allowed(PROGRAM_FORMS),
                )
            )
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def type_code(value) -> str:
    """The programType code, or ValueProblem. A missing type counts as "regular"."""
    if value is None or value == "":
        return "regular"
    code = _TYPE_LOOKUP.get(str(value).strip().lower())
    if code is None:
        raise ValueProblem(
            _l(
                "Het soort programma '%(value)s' kennen we niet. Gebruik een van deze waarden: %(allowed)s.",
                value=str(value)[:60],
                allowed=_allowed(PROGRAM_TYPES),
            )
        )
    return code


def form_for(forms: tuple[str, ...], program_type: str, level: str) -> str:
    """programForm[] + programType + portal level → a key of vocab.FORMS."""
    if "dual" in forms:
        return "bbl"
    if "full-time" in forms and level in MBO_LEVELS:
        return "bol"
    if program_type == "self study" or (forms and set(forms) <= SELF_STUDY_FORMS):
        return "elearning"
    if program_type == "exam":
        return "certificate"
    if program_type in TRAINING_TYPES:
        return "training"
    if program_type == "mbo module":
        return "module"
    return "course"


def delivery_for(forms: tuple[str, ...], fully_online: bool) -> str:
    """programForm[] + fullyOnline → a key of vocab.DELIVERIES."""
    online = [form for form in forms if form in ONLINE_FORMS]
    if fully_online or (forms and len(online) == len(forms)):
        return "online"
    if online:
        return "hybrid"
    return "on_site"


@lru_cache(maxsize=4096)
def sector_for_text(text: str) -> str | None:
    """One theme or target sector → a sector key, or None when nothing matches."""
    value = text.strip()
    if value.upper() in SBI_SECTIONS and len(value) == 1:
        return SBI_SECTIONS[value.upper()]
    lowered = value.lower()
    if lowered in THEMES:
        return THEMES[lowered]
    for keyword, sector in KEYWORDS:
        if keyword in lowered:
            return sector
    for word in _WORD_RE.findall(lowered):
        if word in WORDS:
            return WORDS[word]
    return None


def sector_for(themes, target_sectors) -> str:
    """theme[] first, then targetSector[]; "overig" when none of them says anything."""
    for text in (*themes, *target_sectors):
        sector = sector_for_text(str(text))
        if sector:
            return sector
    return "overig"
