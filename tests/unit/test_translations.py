"""The English translation covers every Dutch UI text in the code and templates."""

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "translations" / "en" / "LC_MESSAGES" / "messages.po"


def load(path: Path):
    with path.open("rb") as fh:
        return read_po(fh)


def test_every_message_in_the_catalogue_is_translated():
    catalog = load(PO)
    missing = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
    assert missing == []


def test_every_ui_text_in_the_source_is_in_the_catalogue(tmp_path):
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "-k",
            "N_",
            "-o",
            str(pot),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    source_ids = {m.id for m in load(pot) if m.id}
    catalog_ids = {m.id for m in load(PO) if m.id}
    assert source_ids - catalog_ids == set(), "run `make messages` and translate"
