"""The questionnaire's flow: which step to show, what is wrong, where "back" goes."""

from portal.lokets.questionnaire import (
    ELSEWHERE,
    MISSING,
    UNKNOWN,
    State,
    position,
    previous_step,
    problems,
    step_to_show,
    visible_problem,
)

TOWNS = {"winterswijk", "goes"}


def show(rules, requested=None, **answers) -> str | None:
    state = State(**answers)
    return step_to_show(state, problems(state, rules, TOWNS), requested)


def test_an_empty_questionnaire_starts_with_who_you_are(rules):
    assert show(rules) == "audience"
    assert position(State(), "audience") == (1, 4)


def test_residents_answer_four_questions_and_employers_three(rules):
    resident = State(audience="resident")
    employer = State(audience="employer")
    assert resident.steps() == ("audience", "place", "situation", "need")
    assert employer.steps() == ("audience", "place", "need")
    assert position(employer, "need") == (3, 3)
    assert show(rules, audience="employer", postcode="7101") == "need"


def test_the_steps_follow_each_other_until_the_advice(rules):
    assert show(rules, audience="resident") == "place"
    assert show(rules, audience="resident", postcode="7101 AB") == "situation"
    answers = {"audience": "resident", "postcode": "7101", "situation": "young"}
    assert show(rules, **answers) == "need"
    assert show(rules, need="find_job", **answers) is None


def test_a_bad_postcode_is_a_problem_with_a_dutch_message(rules):
    state = State(audience="resident", postcode="71O1")
    found = problems(state, rules, TOWNS)
    assert found["place"].code == "postcode"
    assert "geen geldige postcode" in found["place"].message_nl


def test_a_municipality_can_replace_the_postcode(rules):
    assert show(rules, audience="resident", municipality="goes") == "situation"
    assert show(rules, audience="resident", municipality=ELSEWHERE) == "situation"
    state = State(audience="resident", municipality="atlantis")
    assert problems(state, rules, TOWNS)["place"].code == UNKNOWN


def test_unknown_answers_are_asked_again(rules):
    state = State(audience="alien")
    assert problems(state, rules, TOWNS)["audience"].code == UNKNOWN
    state = State(audience="employer", postcode="4461", need="career_advice")
    assert problems(state, rules, TOWNS) == {
        "need": problems(state, rules, TOWNS)["need"]
    }
    assert problems(State(), rules, TOWNS)["audience"].code == MISSING


def test_going_back_opens_an_earlier_step_but_never_skips_ahead(rules):
    answers = {"audience": "resident", "postcode": "7101"}
    assert show(rules, requested="audience", **answers) == "audience"
    assert show(rules, requested="need", **answers) == "situation"
    assert show(rules, requested="nonsense", **answers) == "situation"
    assert previous_step(State(**answers), "situation") == "place"
    assert previous_step(State(**answers), "audience") is None
    assert previous_step(State(audience="employer"), "need") == "place"


def test_the_url_keeps_only_answers_that_matter(rules):
    state = State(
        audience="employer", postcode="7101", municipality="goes", situation="young"
    )
    assert state.query() == {"audience": "employer", "postcode": "7101"}
    assert state.query(without=("postcode",)) == {"audience": "employer"}
    assert state.answers().situation == ""


def test_answers_from_the_url_are_trimmed_and_cut_short():
    state = State.from_args({"audience": "  resident ", "postcode": "7" * 100})
    assert state.audience == "resident"
    assert len(state.postcode) == 40


def test_a_missing_answer_is_only_an_error_after_pressing_next(rules):
    state = State(audience="resident")
    found = problems(state, rules, TOWNS)
    assert visible_problem("place", found, submitted="") is None
    assert visible_problem("place", found, submitted="place").code == MISSING
    unknown = problems(State(audience="alien"), rules, TOWNS)
    assert visible_problem("audience", unknown, submitted="").code == UNKNOWN
