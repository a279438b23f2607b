"""The questionnaire's words (Dutch, translatable): questions, hints, answer labels.

The codes and their order come from seed/routing.yaml; a unit test checks every code
there has a label here.
"""

from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.lokets.questionnaire import MISSING, Problem, State
from portal.lokets.routing import RuleSet

AUDIENCES = {
    "resident": _l("Ik ben inwoner en heb een vraag voor mezelf"),
    "employer": _l("Ik ben werkgever en heb een vraag voor mijn bedrijf"),
}

AUDIENCES_SHORT = {"resident": _l("Inwoner"), "employer": _l("Werkgever")}

SITUATIONS = {
    "employed": _l("Ik werk in loondienst"),
    "self_employed": _l("Ik ben zzp'er of ondernemer"),
    "jobseeker_uwv": _l("Ik zoek werk en heb een WW- of WIA-uitkering"),
    "jobseeker_municipality": _l("Ik zoek werk en heb bijstand van de gemeente"),
    "jobseeker_other": _l("Ik zoek werk en heb geen uitkering"),
    "young": _l("Ik ben jonger dan 27 en heb geen diploma of ben net van school"),
    "student": _l("Ik zit op school of studeer"),
}

NEEDS = {
    "retraining": _l("Een opleiding volgen of omscholen"),
    "career_advice": _l("Advies over mijn loopbaan"),
    "financing": _l("Geld voor een opleiding"),
    "find_job": _l("(Ander) werk vinden"),
    "apprenticeship": _l("Werken en leren tegelijk (een leerbaan)"),
    "recruit_staff": _l("Personeel vinden"),
    "train_staff": _l("Mijn personeel laten leren"),
}

# For employers "apprenticeship" and "financing" read differently.
EMPLOYER_NEEDS = {
    "apprenticeship": _l("Een leerling opleiden in mijn bedrijf (leerbaan of stage)"),
    "financing": _l("Geld voor de opleiding van mijn personeel"),
}

LEGENDS = {
    "audience": _l("Voor wie is uw vraag?"),
    "place": _l("Waar woont u?"),
    "place_employer": _l("Waar is uw bedrijf?"),
    "situation": _l("Wat past het best bij u?"),
    "need": _l("Waarmee wilt u hulp?"),
}

HINTS = {
    "audience": _l("Werkt u bij een bedrijf en gaat het om uzelf? Kies dan inwoner."),
    "place": _l(
        "Vul uw postcode in, bijvoorbeeld 7101 AB. Of kies uw gemeente uit de lijst."
    ),
    "situation": _l(
        "Kies wat nu voor u geldt. Hebt u een uitkering? Kies dan die situatie."
    ),
    "need": _l("Kies wat u nu het liefst wilt. U kunt later meer vragen stellen."),
}


def need_label(need: str, audience: str) -> str:
    if audience == "employer" and need in EMPLOYER_NEEDS:
        return str(EMPLOYER_NEEDS[need])
    return str(NEEDS.get(need, need))


def answer_label(step: str, value: str, audience: str = "") -> str:
    """The label of one answer, for summaries (result page, PDF, desk)."""
    if step == "audience":
        return str(AUDIENCES_SHORT.get(value, value))
    if step == "situation":
        return str(SITUATIONS.get(value, value))
    if step == "need":
        return need_label(value, audience)
    return value


@dataclass(frozen=True)
class StepPage:
    """What one step of the questionnaire shows."""

    step: str
    legend: str
    hint: str
    choices: list[tuple[str, str]]
    error: str


def _choices(step: str, state: State, rules: RuleSet) -> list[tuple[str, str]]:
    if step == "audience":
        return [(code, str(AUDIENCES[code])) for code in rules.audiences]
    if step == "situation":
        return [(code, str(SITUATIONS[code])) for code in rules.situations]
    if step == "need":
        codes = rules.needs.get(state.audience, ())
        return [(code, need_label(code, state.audience)) for code in codes]
    return []


def _error(step: str, problem: Problem | None) -> str:
    if problem is None:
        return ""
    if problem.code == "postcode":
        return problem.message_nl
    if problem.code == MISSING:
        if step == "place":
            return _("Vul uw postcode in of kies uw gemeente.")
        return _("Kies een van de antwoorden.")
    return _("Dit antwoord kennen wij niet. Kies een van de antwoorden.")


def step_page(
    step: str, state: State, problem: Problem | None, rules: RuleSet
) -> StepPage:
    employer_place = step == "place" and state.audience == "employer"
    return StepPage(
        step=step,
        legend=str(LEGENDS["place_employer" if employer_place else step]),
        hint=str(HINTS[step]),
        choices=_choices(step, state, rules),
        error=_error(step, problem),
    )
