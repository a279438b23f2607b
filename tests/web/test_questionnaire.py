"""/waar-moet-ik-zijn: the steps, going back, bad input, the advice page and the PDF."""

import re
from io import BytesIO
from urllib.parse import urlencode

import pypdf
import pytest

QUESTIONNAIRE = "/waar-moet-ik-zijn"
WINTERSWIJK_EMPLOYED_FINANCING = {
    "audience": "resident",
    "postcode": "7101 AB",
    "situation": "employed",
    "need": "financing",
}


def url(path=QUESTIONNAIRE, **params) -> str:
    return f"{path}?{urlencode(params)}" if params else path


def text(response) -> str:
    return response.get_data(as_text=True)


def test_the_first_step_asks_who_the_question_is_for_in_a_fieldset(client):
    response = client.get(QUESTIONNAIRE)
    html = text(response)
    assert response.status_code == 200
    assert (
        "<fieldset" in html
        and "<legend><h1>Voor wie is uw vraag?</h1></legend>" in html
    )
    assert html.count('type="radio"') == 2
    assert 'method="get"' in html
    assert "Vraag 1 van 4" in html
    assert "Vorige vraag" not in html
    assert 'href="/lokets"' in html, "the overview of all lokets stays reachable"


@pytest.mark.parametrize(
    ("answers", "legend", "radios", "count"),
    [
        ({"audience": "resident"}, "Waar woont u?", 0, "Vraag 2 van 4"),
        ({"audience": "employer"}, "Waar is uw bedrijf?", 0, "Vraag 2 van 3"),
        (
            {"audience": "resident", "postcode": "7101"},
            "Wat past het best bij u?",
            7,
            "Vraag 3 van 4",
        ),
        (
            {"audience": "resident", "postcode": "7101", "situation": "young"},
            "Waarmee wilt u hulp?",
            5,
            "Vraag 4 van 4",
        ),
        (
            {"audience": "employer", "postcode": "4461"},
            "Waarmee wilt u hulp?",
            4,
            "Vraag 3 van 3",
        ),
    ],
)
def test_each_step_asks_one_question(client, answers, legend, radios, count):
    html = text(client.get(url(**answers)))
    assert f"<legend><h1>{legend}</h1></legend>" in html
    assert html.count("<fieldset") == 1
    assert html.count('type="radio"') == radios
    assert count in html
    for name, value in answers.items():
        assert f'name="{name}" value="{value}"' in html, "earlier answers ride along"


def test_every_step_can_go_back_with_the_answers_kept(client):
    html = text(
        client.get(url(audience="resident", postcode="7101", situation="young"))
    )
    back = re.search(r'class="back-link" href="([^"]+)"', html).group(1)
    assert "step=situation" in back and "postcode=7101" in back
    previous = text(client.get(back.replace("&amp;", "&")))
    assert "Wat past het best bij u?" in previous
    assert 'value="young" checked' in previous


def test_a_bad_postcode_gets_a_dutch_message_and_keeps_the_input(client):
    response = client.get(url(audience="resident", postcode="71O1", submitted="place"))
    html = text(response)
    assert response.status_code == 400
    assert "Dit is geen geldige postcode" in html
    assert 'value="71O1"' in html
    assert 'aria-invalid="true"' in html
    assert 'role="alert"' in html


def test_submitting_without_an_answer_asks_to_choose_one(client):
    response = client.get(
        url(audience="resident", postcode="7101", submitted="situation")
    )
    assert response.status_code == 400
    assert "Kies een van de antwoorden." in text(response)


def test_an_answer_we_do_not_know_is_asked_again(client):
    response = client.get(url(audience="alien"))
    assert response.status_code == 400
    assert "Dit antwoord kennen wij niet" in text(response)


def test_a_municipality_can_be_chosen_instead_of_a_postcode(client):
    html = text(client.get(url(audience="resident")))
    assert '<option value="goes">Goes</option>' in html
    assert 'optgroup label="Zeeland"' in html
    response = client.get(
        url(
            audience="resident",
            municipality="goes",
            situation="jobseeker_uwv",
            need="find_job",
        )
    )
    assert response.status_code == 302
    advice = text(client.get(response.headers["Location"]))
    assert "UWV Middelburg" in advice and "Goes (Zeeland)" in advice


def test_complete_answers_lead_to_the_advice(client):
    response = client.get(url(**WINTERSWIJK_EMPLOYED_FINANCING))
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/waar-moet-ik-zijn/advies?")


def test_the_advice_names_the_loket_why_how_to_reach_it_and_alternatives(client):
    html = text(
        client.get(url(f"{QUESTIONNAIRE}/advies", **WINTERSWIJK_EMPLOYED_FINANCING))
    )
    assert "Ga eerst naar: Opijver" in html
    assert "scholingsvoucher van maximaal € 2.500" in html
    assert "0314 020 120" in html and "online altijd" in html
    assert "Uw DigiD en een offerte" in html, "what to bring"
    assert "Andere lokets die u kunnen helpen" in html
    assert "Leerwerkloket Achterhoek" in html
    assert "Winterswijk (Achterhoek)" in html
    assert "/waar-moet-ik-zijn/vraag-stellen?" in html
    assert "/waar-moet-ik-zijn/advies.pdf?" in html


def test_an_answer_about_money_links_the_vouchers_and_the_regional_fund(client):
    html = text(
        client.get(url(f"{QUESTIONNAIRE}/advies", **WINTERSWIJK_EMPLOYED_FINANCING))
    )
    assert 'href="/vouchers"' in html
    assert 'href="/fonds/opijver"' in html
    recruit = url(
        f"{QUESTIONNAIRE}/advies",
        audience="employer",
        postcode="7101",
        need="recruit_staff",
    )
    assert 'href="/fonds/' not in text(client.get(recruit))


def test_each_answer_on_the_advice_page_can_be_changed(client):
    html = text(
        client.get(url(f"{QUESTIONNAIRE}/advies", **WINTERSWIJK_EMPLOYED_FINANCING))
    )
    for step in ("audience", "place", "situation", "need"):
        assert f"step={step}" in html


def test_incomplete_answers_on_the_advice_page_go_back_to_the_open_step(client):
    response = client.get(
        url(f"{QUESTIONNAIRE}/advies", audience="resident", postcode="7101")
    )
    assert response.status_code == 302
    assert (
        response.headers["Location"]
        == "/waar-moet-ik-zijn?audience=resident&postcode=7101"
    )


@pytest.mark.parametrize(
    "place", [{"postcode": "1012 AB"}, {"postcode": "9999"}, {"municipality": "elders"}]
)
def test_outside_the_three_regions_the_national_lokets_answer(client, place):
    answers = {"audience": "resident", "situation": "employed", "need": "retraining"}
    html = text(client.get(url(f"{QUESTIONNAIRE}/advies", **answers, **place)))
    assert "Werkcentrum – zoek het Werkcentrum in uw regio" in html
    assert "Leerwijzer werkt (nog) alleen" in html
    assert "/vraag-stellen" not in html, "national lokets have no desk here"


def test_the_header_link_opens_the_questionnaire(client):
    html = text(client.get("/"))
    assert re.search(r'<a href="/waar-moet-ik-zijn"[^>]*>Waar moet ik zijn\?</a>', html)
    assert '<a href="/lokets">Alle lokets</a>' in html


def pdf_text(response) -> str:
    reader = pypdf.PdfReader(BytesIO(response.data))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_advice_downloads_as_a_pdf_with_euro_sign_and_diacritics(client):
    response = client.get(
        url(f"{QUESTIONNAIRE}/advies.pdf", **WINTERSWIJK_EMPLOYED_FINANCING)
    )
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert "attachment" in response.headers["Content-Disposition"]
    content = pdf_text(response)
    assert "Uw advies van Leerwijzer" in content
    assert "Ga eerst naar: Opijver" in content
    assert "€ 2.500" in content
    assert "ma–vr 9.00–17.00 uur" in content
    assert "Winterswijk (Achterhoek)" in content
    assert "Wat kunt u nu doen?" in content
    assert "/vouchers" in content and "/fonds/opijver" in content
    assert "28 november 2026" in content


@pytest.mark.parametrize(
    ("place", "words"),
    [
        ({"municipality": "oude-ijsselstreek"}, "Oude IJsselstreek"),
        ({"postcode": "6411"}, "is één loket voor al uw vragen"),
    ],
)
def test_the_pdf_keeps_dutch_diacritics(client, place, words):
    answers = {"audience": "resident", "situation": "employed", "need": "career_advice"}
    response = client.get(url(f"{QUESTIONNAIRE}/advies.pdf", **answers, **place))
    assert words in pdf_text(response)


def test_the_pdf_of_incomplete_answers_redirects_to_the_questionnaire(client):
    assert (
        client.get(f"{QUESTIONNAIRE}/advies.pdf?audience=employer").status_code == 302
    )
