"""The EDU-DEX code-list tables: every row, and unknown codes."""

import pytest

from portal.catalog import vocab as portal_vocab
from portal.imports import edudex_vocab as vocab
from portal.imports.values import ValueProblem

# --- the code-list tables -------------------------------------------------------------


@pytest.mark.parametrize("code,level", sorted(vocab.LEVELS.items()))
def test_every_program_level_maps_to_a_portal_level(code, level):
    assert vocab.level_for(code) == level
    assert level in portal_vocab.LEVELS


@pytest.mark.parametrize(
    "code,level",
    [
        ("mbo niveau 1", "1"),
        ("MBO niveau 4", "4"),
        ("mbo+", "4"),
        ("associate", "hbo"),
        ("phd", "wo"),
        ("post-academic", "wo"),
        ("mbo", "none"),
        ("vmbo/mavo", "none"),
        (" havo ", "none"),
    ],
)
def test_level_examples(code, level):
    assert vocab.level_for(code) == level


@pytest.mark.parametrize("code", ["mbo niveau 5", "hbo-master", "", "niveau 2"])
def test_unknown_level_names_the_allowed_values(code):
    with pytest.raises(ValueProblem) as caught:
        vocab.level_for(code)
    assert "mbo niveau 1" in str(caught.value.message) and "academic master" in str(
        caught.value.message
    )


@pytest.mark.parametrize(
    "forms,program_type,level,form",
    [
        (("dual",), "regular", "3", "bbl"),
        (("dual", "full-time"), "regular", "none", "bbl"),
        (("full-time",), "regular", "2", "bol"),
        (("full-time",), "regular", "hbo", "course"),
        (("e-learning",), "regular", "none", "elearning"),
        (("distance learning",), "regular", "none", "elearning"),
        (("e-learning", "distance learning"), "exam", "none", "elearning"),
        (("part-time",), "self study", "none", "elearning"),
        (("part-time",), "exam", "none", "certificate"),
        (("part-time",), "training", "none", "training"),
        (("evening education",), "workshop", "none", "training"),
        (("part-time",), "coaching", "none", "training"),
        (("part-time",), "master class", "none", "training"),
        (("part-time",), "mbo module", "2", "module"),
        (("part-time",), "regular", "2", "course"),
        (("virtual classroom",), "webinar", "none", "course"),
    ],
)
def test_form_table(forms, program_type, level, form):
    assert vocab.form_for(forms, program_type, level) == form
    assert form in portal_vocab.FORMS


@pytest.mark.parametrize(
    "forms,fully_online,delivery",
    [
        (("part-time",), False, "on_site"),
        (("dual",), False, "on_site"),
        (("e-learning",), False, "online"),
        (("distance learning", "virtual classroom"), False, "online"),
        (("part-time",), True, "online"),
        (("part-time", "virtual classroom"), False, "hybrid"),
        (("full-time", "e-learning"), False, "hybrid"),
    ],
)
def test_delivery_table(forms, fully_online, delivery):
    assert vocab.delivery_for(forms, fully_online) == delivery


@pytest.mark.parametrize("theme,sector", sorted(vocab.THEMES.items()))
def test_theme_table(theme, sector):
    assert vocab.sector_for([theme], []) == sector


@pytest.mark.parametrize("section,sector", sorted(vocab.SBI_SECTIONS.items()))
def test_sbi_table(section, sector):
    assert vocab.sector_for([], [section]) == sector
    assert sector in portal_vocab.SECTORS


@pytest.mark.parametrize(
    "texts,sector",
    [
        (["Zorg en welzijn"], "zorg"),
        (["Techniek"], "techniek"),
        (["Woningbouw"], "bouw"),
        (["Landbouw"], "groen"),
        (["Transport"], "logistiek"),
        (["ICT"], "ict"),
        (["IT-beheer"], "ict"),
        (["Onderwijs"], "onderwijs"),
        (["Dierverzorging"], "groen"),
        (["Horeca"], "horeca"),
        (["Retail"], "handel"),
        (["Financiële administratie"], "administratie"),
        (["Beveiliging"], "veiligheid"),
        (["leadership"], "overig"),
        (["predictive modelling"], "overig"),
        (["career coaching"], "overig"),
        ([], "overig"),
    ],
)
def test_sector_keywords(texts, sector):
    assert vocab.sector_for(texts, []) == sector


def test_theme_comes_before_target_sector():
    assert vocab.sector_for(["automation and it"], ["Q"]) == "ict"
    assert vocab.sector_for(["leadership"], ["Q"]) == "zorg"
