"""Reading an import: formats by extension, JSON shapes, limits, folders, duplicate ids."""

import json
import shutil
from pathlib import Path

import pytest

from portal.imports.records import ImportFileError
from portal.imports.sources import list_folder, read_bytes, read_path
from tests.unit.test_import_edudex import BASE

SEED_IMPORT = Path(__file__).resolve().parents[2] / "seed" / "import"


def program_json(*ids, provider="scalda") -> bytes:
    programs = []
    for program_id in ids:
        program = json.loads(json.dumps(BASE))
        program["programClassification"]["programId"] = program_id
        program["programClassification"]["orgUnitId"] = provider
        programs.append(program)
    return json.dumps(programs).encode()


def test_seed_folder_reads_all_three_files():
    result = read_path(SEED_IMPORT)
    assert result.files == [
        "edudex-voorbeeld.json",
        "edudex-voorbeeld.xml",
        "voorbeeld.csv",
    ]
    assert result.format == "mixed" and result.rejections == []
    assert len(result.records) == 4 + 1 + 5
    assert all(r.external_id.startswith(("edudex-", "csv-")) for r in result.records)


def test_sample_ids_do_not_collide_with_the_seed_courses():
    seed = SEED_IMPORT.parent
    known = (seed / "courses.yaml").read_text(encoding="utf-8") + (
        seed / "courses_demo.csv"
    ).read_text(encoding="utf-8")
    for record in read_path(SEED_IMPORT).records:
        assert record.external_id not in known


def test_single_files_by_path(tmp_path):
    for name in ("edudex-voorbeeld.json", "edudex-voorbeeld.xml", "voorbeeld.csv"):
        result = read_path(SEED_IMPORT / name)
        assert (
            result.files == [name]
            and result.records
            and result.format in ("edudex-json", "edudex-xml", "csv")
        )


def test_one_object_or_a_list():
    one = json.dumps(json.loads(program_json("a"))[0]).encode()
    assert [r.external_id for r in read_bytes("p.json", one).records] == ["a"]
    assert [
        r.external_id for r in read_bytes("p.json", program_json("a", "b")).records
    ] == ["a", "b"]


@pytest.mark.parametrize(
    "data,words",
    [
        (b'"programma"', "één programma"),
        (b"42", "één programma"),
        (b"null", "één programma"),
        (program_json("a")[:-20], "geen goede JSON"),
        (b"", "geen goede JSON"),
        (b"<program/>", "geen goede JSON"),
        (b"[NaN]", "geen goede JSON"),
        (b"\xff\xfe[]", "UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "JSON"),
    ],
)
def test_json_that_is_not_a_program_list(data, words):
    with pytest.raises(ImportFileError) as caught:
        read_bytes("p.json", data)
    assert words in str(caught.value.message) and caught.value.filename == "p.json"


def test_list_with_a_non_object_rejects_that_item_only():
    programs = json.loads(program_json("a")) + ["tekst", 3]
    result = read_bytes("p.json", json.dumps(programs).encode())
    assert [r.external_id for r in result.records] == ["a"]
    assert [(r.record, r.origin) for r in result.rejections] == [
        ("programma 2", "programma 2"),
        ("programma 3", "programma 3"),
    ]


@pytest.mark.parametrize("name", ["p.txt", "p.xlsx", "p"])
def test_unknown_extension(name):
    with pytest.raises(ImportFileError, match="soort bestand"):
        read_bytes(name, b"[]")


def test_content_must_match_the_extension():
    with pytest.raises(ImportFileError):
        read_bytes("p.xml", program_json("a"))
    with pytest.raises(ImportFileError):
        read_bytes("p.json", (SEED_IMPORT / "edudex-voorbeeld.xml").read_bytes())
    with pytest.raises(ImportFileError, match="kolommen ontbreken"):
        read_bytes("p.csv", program_json("a"))


def test_size_limit(tmp_path):
    data = program_json("a")
    assert read_bytes("p.json", data, max_bytes=len(data)).records
    with pytest.raises(ImportFileError, match="te groot"):
        read_bytes("p.json", data, max_bytes=len(data) - 1)
    (tmp_path / "p.json").write_bytes(data)
    with pytest.raises(ImportFileError, match="te groot"):
        read_path(tmp_path / "p.json", max_bytes=len(data) - 1)
    with pytest.raises(ImportFileError, match="te groot"):
        read_path(tmp_path, max_bytes=len(data) - 1)


def test_record_limit(tmp_path):
    assert len(read_bytes("p.json", program_json("a", "b"), max_records=2).records) == 2
    with pytest.raises(ImportFileError, match="meer dan 1"):
        read_bytes("p.json", program_json("a", "b"), max_records=1)
    (tmp_path / "a.json").write_bytes(program_json("a", "b"))
    (tmp_path / "b.json").write_bytes(program_json("c"))
    assert len(read_path(tmp_path, max_records=3).records) == 3
    with pytest.raises(ImportFileError):
        read_path(tmp_path, max_records=2)


def test_folder_is_sorted_not_recursive_and_ignores_other_files(tmp_path):
    (tmp_path / "b.json").write_bytes(program_json("b"))
    (tmp_path / "A.JSON").write_bytes(program_json("a"))
    (tmp_path / "notities.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.json").write_bytes(program_json("c"))
    shutil.copy(SEED_IMPORT / "edudex-voorbeeld.xml", tmp_path / "c.xml")
    result = read_path(tmp_path)
    assert result.files == ["A.JSON", "b.json", "c.xml"]
    assert [r.external_id for r in result.records] == [
        "a",
        "b",
        "edudex-graafschap-heftruck",
    ]
    readable, ignored = list_folder(tmp_path)
    assert [p.name for p in readable] == ["A.JSON", "b.json", "c.xml"] and [
        p.name for p in ignored
    ] == ["notities.txt"]


def test_folder_without_import_files_and_missing_path(tmp_path):
    (tmp_path / "x.txt").write_text("x")
    with pytest.raises(ImportFileError, match="geen .json"):
        read_path(tmp_path)
    with pytest.raises(ImportFileError, match="bestaat niet"):
        read_path(tmp_path / "nergens.json")


def test_a_bad_file_in_a_folder_fails_the_import_naming_it(tmp_path):
    (tmp_path / "a.json").write_bytes(program_json("a"))
    (tmp_path / "b.xml").write_bytes(b"<program")
    with pytest.raises(ImportFileError) as caught:
        read_path(tmp_path)
    assert caught.value.filename == "b.xml"


def test_duplicate_ids_reject_the_later_one(tmp_path):
    (tmp_path / "a.json").write_bytes(program_json("x", "y", "x"))
    (tmp_path / "b.json").write_bytes(program_json("y") + b"")
    (tmp_path / "c.json").write_bytes(program_json("y", provider="hz"))
    result = read_path(tmp_path)
    assert [(r.provider_ref, r.external_id) for r in result.records] == [
        ("scalda", "x"),
        ("scalda", "y"),
        ("hz", "y"),
    ]
    assert [(r.record, r.filename, r.origin, r.field) for r in result.rejections] == [
        ("x", "a.json", "programma 3", "programClassification.programId"),
        ("y", "b.json", "programma 1", "programClassification.programId"),
    ]
    assert "a.json, programma 1" in str(result.rejections[0].message)


def test_default_provider_applies_before_duplicates():
    data = json.loads(program_json("a", "a"))
    data[0]["programClassification"].pop("orgUnitId")
    result = read_bytes("p.json", json.dumps(data).encode(), provider_ref="scalda")
    assert len(result.records) == 1 and len(result.rejections) == 1


def test_messages_render_without_an_app():
    with pytest.raises(ImportFileError) as caught:
        read_bytes("p.json", b"{")
    assert str(caught.value).startswith("Het bestand is geen goede JSON")
