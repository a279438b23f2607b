"""EDU-DEX XML files: the dict shape, and every way a file can be refused."""

import pytest

from portal.imports.edudex_xml import program_from_xml
from portal.imports.records import ImportFileError

NS = "http://studieData.nl/schema/edudex/program"
PROGRAM = f"""<?xml version="1.0" encoding="UTF-8"?>
<program xmlns="{NS}">
  <programClassification>
    <orgUnitId>hz</orgUnitId>
    <programDuration unit="month">6</programDuration>
    <programForm>part-time</programForm>
    <programForm>virtual classroom</programForm>
    <programId>x-1</programId>
    <programLevel>bachelor</programLevel>
    <programLocation><description xml:lang="nl">HZ Middelburg</description><id>m</id></programLocation>
    <programType>regular</programType>
  </programClassification>
  <programDescriptions>
    <programName xml:lang="nl">Één cursus</programName>
    <programName xml:lang="en">One course</programName>
  </programDescriptions>
  <programSchedule>
    <genericProgramRun><cost><amount>10.00</amount><isRequiredCost>true</isRequiredCost></cost></genericProgramRun>
  </programSchedule>
</program>"""


def test_shape():
    program = program_from_xml(PROGRAM.encode())
    classification = program["programClassification"]
    assert classification["programForm"] == ["part-time", "virtual classroom"]
    assert classification["programDuration"] == {"months": "6"}
    assert classification["programLocation"] == [
        {"description": {"nl": "HZ Middelburg"}, "id": "m"}
    ]
    assert program["programDescriptions"]["programName"] == {
        "nl": "Één cursus",
        "en": "One course",
    }
    assert program["programSchedule"]["genericProgramRun"]["cost"] == [
        {"amount": "10.00", "isRequiredCost": "true"}
    ]


def test_bom_and_no_declaration_are_fine():
    body = PROGRAM.split("\n", 1)[1]
    assert (
        program_from_xml(b"\xef\xbb\xbf" + PROGRAM.encode())["programClassification"][
            "programId"
        ]
        == "x-1"
    )
    assert (
        program_from_xml(body.encode())["programClassification"]["programId"] == "x-1"
    )


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE program [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<program xmlns="http://studieData.nl/schema/edudex/program"><editor>&xxe;</editor></program>"""
LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<program xmlns="http://studieData.nl/schema/edudex/program">&lol3;</program>"""
DTD = b"""<?xml version="1.0"?><!DOCTYPE program SYSTEM "http://example.com/program.dtd">
<program xmlns="http://studieData.nl/schema/edudex/program"/>"""
INTERNAL_DTD = b"""<!DOCTYPE program [<!ELEMENT program ANY>]><program xmlns="http://studieData.nl/schema/edudex/program"/>"""


@pytest.mark.parametrize(
    "data,words",
    [
        (XXE, "DTD"),
        (LAUGHS, "DTD"),
        (DTD, "DTD"),
        (INTERNAL_DTD, "DTD"),
        (PROGRAM.encode()[:200], "geen goed XML"),
        (b"", "geen goed XML"),
        (b"programId;titel\nx;y\n", "geen goed XML"),
        (b'{"programClassification": {}}', "geen goed XML"),
        (b"<program><programId>x</programId></program>", "geen EDU-DEX-programma"),
        (f'<institute xmlns="{NS}"/>'.encode(), "geen EDU-DEX-programma"),
        (PROGRAM.replace("Één", "\u00e9").encode("latin-1"), "geen geldige UTF-8"),
        (PROGRAM.replace("UTF-8", "ISO-8859-1").encode("utf-8"), "ISO-8859-1"),
        (
            PROGRAM.replace("UTF-8", "ISO-8859-1")
            .replace("Één", "e")
            .encode("latin-1"),
            "ISO-8859-1",
        ),
        (PROGRAM.replace("UTF-8", "UTF-16").encode("utf-16"), "UTF-16"),
        (PROGRAM.replace("UTF-8", "nonsense").encode(), "nonsense"),
    ],
)
def test_refused(data, words):
    with pytest.raises(ImportFileError) as caught:
        program_from_xml(data, "f.xml")
    assert words in str(caught.value.message)
    assert caught.value.filename == "f.xml"


def test_truncated_file_names_the_line():
    with pytest.raises(ImportFileError) as caught:
        program_from_xml(PROGRAM.encode()[:300])
    assert "regel" in str(caught.value)
