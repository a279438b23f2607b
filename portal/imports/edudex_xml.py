"""One EDU-DEX XML program file → the program dict that edudex.py maps.

Parsed only with defusedxml, with DTDs, entities and external references forbidden: a
file with any of them (XXE, "billion laughs") is refused, as is one that is not UTF-8,
not well-formed, or whose root is not <program> in the EDU-DEX program namespace.

The dict has the shape of the JSON program: an element with children becomes a dict,
repeated elements a list, elements with xml:lang a localised set {"nl": …}, and
<programDuration unit="month">6</programDuration> becomes {"months": "6"}.
"""

import re
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from flask_babel import lazy_gettext as _l

from portal.imports.records import ImportFileError

NAMESPACE = "http://studieData.nl/schema/edudex/program"
ROOT = f"{{{NAMESPACE}}}program"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Element names that are lists in the JSON schema, kept as lists when they occur once.
LIST_NAMES = frozenset(
    {
        "programForm",
        "programLocation",
        "programRun",
        "cost",
        "theme",
        "targetSector",
        "includeInCatalog",
    }
)
_DECLARED_ENCODING_RE = re.compile(
    rb"\A\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']"
)
_UTF8_NAMES = frozenset({b"utf-8", b"utf8"})


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _value(element):
    children = [child for child in element if isinstance(child.tag, str)]
    if not children:
        text = (element.text or "").strip()
        unit = element.get("unit")
        if unit and _local(element.tag) == "programDuration":
            return {f"{unit.strip().lower()}s": text}
        return text
    result: dict = {}
    for child in children:
        name = _local(child.tag)
        lang = child.get(XML_LANG)
        if lang and not len(child):
            result.setdefault(name, {})
            if isinstance(result[name], dict):
                result[name][lang.lower()[:2]] = (child.text or "").strip()
            continue
        value = _value(child)
        if name not in result:
            result[name] = [value] if name in LIST_NAMES else value
        elif isinstance(result[name], list):
            result[name].append(value)
        elif (
            isinstance(result[name], dict)
            and isinstance(value, dict)
            and name == "programDuration"
        ):
            result[name].update(value)
        else:
            result[name] = [result[name], value]
    return result


def _check_encoding(data: bytes, filename: str) -> None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError(
            _l("Het XML-bestand is geen UTF-8 maar UTF-16. Sla het op als UTF-8."),
            filename,
        )
    match = _DECLARED_ENCODING_RE.match(data.removeprefix(b"\xef\xbb\xbf"))
    if match and match.group(1).lower() not in _UTF8_NAMES:
        raise ImportFileError(
            _l(
                "Het XML-bestand gebruikt de tekenset %(encoding)s. Wij lezen alleen UTF-8. Sla het op als UTF-8.",
                encoding=match.group(1).decode("ascii"),
            ),
            filename,
        )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _l(
                "Het XML-bestand is geen geldige UTF-8 (fout bij teken %(position)s). Sla het op als UTF-8.",
                position=error.start + 1,
            ),
            filename,
        ) from None


def program_from_xml(data: bytes, filename: str = "") -> dict:
    """The program dict of one EDU-DEX XML file, or ImportFileError."""
    _check_encoding(data, filename)
    try:
        root = SafeET.fromstring(
            data, forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except DefusedXmlException:
        raise ImportFileError(
            _l(
                "Het XML-bestand bevat een DTD, entiteiten of verwijzingen naar andere bestanden. Dat is niet toegestaan in EDU-DEX."
            ),
            filename,
        ) from None
    except ParseError as error:
        line, column = getattr(error, "position", (0, 0))
        raise ImportFileError(
            _l(
                "Het bestand is geen goed XML-bestand: de fout zit in regel %(line)s, teken %(column)s. Misschien is het niet helemaal opgeslagen.",
                line=line,
                column=column + 1,
            ),
            filename,
        ) from None
    except (ValueError, LookupError):
        raise ImportFileError(
            _l("Het bestand is geen goed XML-bestand."), filename
        ) from None
    if root.tag != ROOT:
        raise ImportFileError(
            _l(
                "Dit is geen EDU-DEX-programma: het eerste element is <%(found)s>, wij verwachten <program> uit %(namespace)s.",
                found=_local(root.tag)[:60],
                namespace=NAMESPACE,
            ),
            filename,
        )
    program = _value(root)
    return program if isinstance(program, dict) else {}
