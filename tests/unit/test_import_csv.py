"""The portal's CSV format: reading, per-row rejections, encodings, the template."""

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.imports.csvformat import COLUMNS, REQUIRED, read_csv, template_csv
from portal.imports.records import ImportFileError

SAMPLE = Path(__file__).resolve().parents[2] / "seed" / "import" / "voorbeeld.csv"
HEADER = ["id", "aanbieder", "titel", "niveau", "vorm", "sector", "prijs"]
GOOD = ["c-1", "scalda", "Lassen", "2", "bbl", "techniek", "100"]


def make_csv(rows, header=HEADER, delimiter=";", encoding="utf-8") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def one(changes: dict, extra_header=()):
    header = HEADER + list(extra_header)
    row = dict(zip(header, GOOD + [""] * len(extra_header), strict=True)) | changes
    header = header + [key for key in changes if key not in header]
    return read_csv(make_csv([[row.get(name, "") for name in header]], header=header))


def test_sample_file():
    result = read_csv(SAMPLE.read_bytes(), filename="voorbeeld.csv")
    assert (
        result.rejections == []
        and result.format == "csv"
        and result.files == ["voorbeeld.csv"]
    )
    summary = [
        (
            r.origin,
            r.external_id,
            r.level,
            r.form,
            r.sector,
            r.delivery,
            r.price_cents,
            r.kansrijk,
        )
        for r in result.records
    ]
    assert summary == [
        (
            "regel 2",
            "csv-leeuwenborgh-boekhouden",
            "4",
            "course",
            "administratie",
            "hybrid",
            109500,
            None,
        ),
        (
            "regel 3",
            "csv-gilde-digitale-basis",
            "none",
            "training",
            "ict",
            "on_site",
            0,
            False,
        ),
        (
            "regel 4",
            "csv-graafschap-helpende-zw",
            "2",
            "bbl",
            "zorg",
            "on_site",
            125000,
            True,
        ),
        (
            "regel 6",
            "csv-vista-bhv-basis",
            "none",
            "certificate",
            "veiligheid",
            "on_site",
            19500,
            None,
        ),
        (
            "regel 7",
            "csv-scalda-ai-tools",
            "none",
            "elearning",
            "ict",
            "online",
            8900,
            None,
        ),
    ]
    helpende = result.records[2]
    assert [(s.starts_on, s.cancelled) for s in helpende.starts] == [
        (date(2027, 2, 1), True),
        (date(2027, 9, 1), False),
    ]
    assert (
        helpende.description_nl
        == "U helpt mensen bij het dagelijks leven.\nU werkt en leert tegelijk. (Voorbeeldgegevens.)"
    )
    assert helpende.locations[0].postcode == "7004 HA"
    assert result.records[3].starts[0].starts_on == date(2025, 11, 3)


def test_template_reads_back_and_documents_every_column():
    text = template_csv()
    assert text.startswith("\ufeff") and text.splitlines()[0].lstrip("\ufeff").split(
        ";"
    ) == list(COLUMNS)
    result = read_csv(text.encode("utf-8"))
    assert len(result.records) == 1 and result.rejections == []
    assert set(REQUIRED) <= set(COLUMNS)
    assert all(str(description) for description in COLUMNS.values())


@pytest.mark.parametrize("column", ["id", "titel", "prijs", "niveau", "vorm", "sector"])
def test_empty_required_cell(column):
    result = one({column: ""})
    assert [r.field for r in result.rejections] == [column]
    assert result.rejections[0].record == ("regel 2" if column == "id" else "c-1")


def test_default_provider_and_missing_provider():
    data = make_csv([["c-1", "", "Lassen", "2", "bbl", "techniek", "100"]])
    assert read_csv(data, provider_ref="hz").records[0].provider_ref == "hz"
    assert [r.field for r in read_csv(data).rejections] == ["aanbieder"]


@pytest.mark.parametrize(
    "column,value",
    [
        ("crebo", "2549"),
        ("website", "javascript:alert(1)"),
        ("uren", "veel"),
        ("titel", "x" * 301),
        ("postcode", "1234 AB CD EF"),
    ],
)
def test_bad_optional_values(column, value):
    assert [r.field for r in one({column: value}).rejections] == [column]


def test_comma_delimiter_and_bom():
    data = b"\xef\xbb\xbf" + make_csv(
        [GOOD, ["c-2", "hz", "Titel, met komma", "hbo", "course", "zorg", "1.250,00"]],
        delimiter=",",
    )
    result = read_csv(data)
    assert [r.title for r in result.records] == ["Lassen", "Titel, met komma"]
    assert result.records[1].price_cents == 125000


def test_header_is_case_insensitive_and_extra_columns_are_ignored():
    data = make_csv(
        [GOOD + ["iets"]], header=[h.upper() + " " for h in HEADER] + ["opmerking"]
    )
    assert len(read_csv(data).records) == 1


def test_missing_columns_are_listed():
    with pytest.raises(ImportFileError) as caught:
        read_csv(make_csv([GOOD[:5]], header=HEADER[:5]), filename="x.csv")
    assert (
        "sector, prijs" in str(caught.value.message)
        and caught.value.filename == "x.csv"
    )


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\r\n\r\n", b";;;\n"])
def test_empty_file(data):
    with pytest.raises(ImportFileError):
        read_csv(data)


def test_duplicate_header_column():
    with pytest.raises(ImportFileError, match="twee keer"):
        read_csv(make_csv([GOOD + ["x"]], header=HEADER + ["titel"]))


def test_cp1252_is_refused_with_advice():
    data = make_csv(
        [["c-1", "scalda", "Café-opleiding", "2", "bbl", "horeca", "100"]],
        encoding="cp1252",
    )
    with pytest.raises(ImportFileError) as caught:
        read_csv(data)
    assert "CSV UTF-8" in str(caught.value.message)


def test_real_line_numbers_with_multiline_cells_and_blank_lines():
    rows = [
        GOOD,
        [],
        ["c-2", "hz", "Twee\nregels", "hbo", "course", "zorg", "x"],
        ["c-3", "hz", "T", "hbo", "course", "zorg", "y"],
    ]
    result = read_csv(make_csv(rows))
    assert [r.origin for r in result.records] == ["regel 2"]
    assert [(r.record, r.origin) for r in result.rejections] == [
        ("c-2", "regel 4"),
        ("c-3", "regel 6"),
    ]


def test_too_many_cells():
    result = read_csv(make_csv([GOOD + ["extra"]]))
    assert result.records == [] and result.rejections[0].field == ""


def test_record_limit():
    data = make_csv([[f"c-{n}", *GOOD[1:]] for n in range(5)])
    assert len(read_csv(data, max_records=5).records) == 5
    with pytest.raises(ImportFileError, match="meer dan 4"):
        read_csv(data, max_records=4)


@pytest.mark.parametrize(
    "line",
    [
        'c-1;scalda;"Lassen;2;bbl;techniek;100',
        'c-1;scalda;"Lassen"x;2;bbl;techniek;100',
    ],
)
def test_broken_quotes_refuse_the_file_with_the_line(line):
    data = "\n".join([";".join(HEADER), ";".join(GOOD), line, ";".join(GOOD)]).encode()
    with pytest.raises(ImportFileError) as caught:
        read_csv(data)
    assert "regel 3" in str(caught.value.message)


CELL = st.text(alphabet=st.characters(codec="utf-8"), max_size=30) | st.sampled_from(
    [
        "=1+1",
        "+31",
        "-5",
        "@SUM(A1)",
        '"',
        '""',
        "\n",
        "\r\n",
        ";",
        ",",
        "€ 1.250,00",
        "2027-02-01",
        "bbl",
        "2",
        "zorg",
        "",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(st.lists(CELL, min_size=0, max_size=10), max_size=6),
    delimiter=st.sampled_from([";", ","]),
)
def test_random_cells_give_a_record_or_a_rejection_per_row(rows, delimiter):
    data = make_csv([GOOD, *rows], delimiter=delimiter)
    try:
        result = read_csv(data)
    except ImportFileError:
        return
    rows_with_content = 1 + sum(1 for row in rows if any(cell.strip() for cell in row))
    origins = {r.origin for r in result.records} | {r.origin for r in result.rejections}
    assert len(origins) == rows_with_content
    assert not {r.origin for r in result.records} & {
        r.origin for r in result.rejections
    }
    for record in result.records:
        assert "\x00" not in record.title + record.description_nl


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=400))
def test_random_bytes_never_raise_anything_else(data):
    try:
        read_csv(data)
    except ImportFileError:
        pass


@settings(max_examples=200, deadline=None)
@given(tail=st.binary(max_size=200))
def test_random_bytes_after_a_good_header(tail):
    try:
        read_csv(";".join(HEADER).encode() + b"\r\n" + tail)
    except ImportFileError:
        pass


def test_unicode_digits_that_int_cannot_read_are_rejected_not_raised():
    # '¹'.isdigit() is True, int('¹') raises: found by the fuzz test.
    data = (
        "id;aanbieder;titel;niveau;vorm;sector;prijs;uren\nx;scalda;t;2;bbl;zorg;10;¹\n"
    )
    result = read_csv(data.encode())
    assert [(r.field, r.record) for r in result.rejections] == [("uren", "x")]
