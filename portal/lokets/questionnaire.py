"""The questionnaire's flow: at most four steps, one question each, state in the URL.

Pure: the view hands in the query arguments, the rule set and the municipality slugs it
knows; these functions say which step to show, what is wrong, and where "back" goes.
"""

from collections.abc import Collection, Mapping
from dataclasses import asdict, dataclass, fields

from portal.lokets.routing import EMPLOYER, RESIDENT, Answers, RuleSet
from portal.regions.postcodes import InvalidPostcode, Postcode, parse_postcode

STEPS = ("audience", "place", "situation", "need")
# The municipality choice for "somewhere else in the Netherlands".
ELSEWHERE = "elders"
MISSING = "missing"
UNKNOWN = "unknown"
_MAX_LENGTH = 40


@dataclass(frozen=True)
class Problem:
    """Why a step is not answered: MISSING, UNKNOWN, or "postcode" with a message."""

    code: str
    message_nl: str = ""


@dataclass(frozen=True)
class State:
    """The answers so far, as they arrive in the URL (all strings, maybe empty)."""

    audience: str = ""
    postcode: str = ""
    municipality: str = ""
    situation: str = ""
    need: str = ""

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> "State":
        return cls(
            **{
                f.name: (args.get(f.name) or "").strip()[:_MAX_LENGTH]
                for f in fields(cls)
            }
        )

    def steps(self) -> tuple[str, ...]:
        """Employers skip the situation question; until we know, count four."""
        if self.audience == EMPLOYER:
            return tuple(s for s in STEPS if s != "situation")
        return STEPS

    def query(self, without: Collection[str] = ()) -> dict[str, str]:
        """The answers worth keeping in a URL: filled in and relevant to the audience."""
        skip = set(without)
        if self.audience == EMPLOYER:
            skip.add("situation")
        if self.postcode:
            skip.add("municipality")
        return {k: v for k, v in asdict(self).items() if v and k not in skip}

    def answers(self) -> Answers:
        situation = "" if self.audience == EMPLOYER else self.situation
        return Answers(audience=self.audience, need=self.need, situation=situation)

    def postcode_or_none(self) -> Postcode | None:
        """The parsed postcode, or None when there is none or it is not valid."""
        try:
            return parse_postcode(self.postcode) if self.postcode else None
        except InvalidPostcode:
            return None


def _place_problem(state: State, municipalities: Collection[str]) -> Problem | None:
    if state.postcode:
        try:
            parse_postcode(state.postcode)
        except InvalidPostcode as exc:
            return Problem("postcode", exc.message_nl)
        return None
    if not state.municipality:
        return Problem(MISSING)
    if state.municipality != ELSEWHERE and state.municipality not in municipalities:
        return Problem(UNKNOWN)
    return None


def problems(
    state: State, rules: RuleSet, municipalities: Collection[str]
) -> dict[str, Problem]:
    """Each step of this person's path that is unanswered or has an unknown answer."""
    choices = {
        "audience": (state.audience, (RESIDENT, EMPLOYER)),
        "situation": (state.situation, rules.situations),
        "need": (state.need, rules.needs.get(state.audience, ())),
    }
    found = {}
    for step in state.steps():
        if step == "place":
            problem = _place_problem(state, municipalities)
        else:
            value, allowed = choices[step]
            problem = (
                Problem(MISSING)
                if not value
                else (None if value in allowed else Problem(UNKNOWN))
            )
        if problem:
            found[step] = problem
    return found


def visible_problem(
    step: str, found: Mapping[str, Problem], submitted: str
) -> Problem | None:
    """The problem to show on `step`: unknown answers always, a missing one only after
    the person pressed "next" on this step (not when they first arrive)."""
    problem = found.get(step)
    if problem and problem.code == MISSING and submitted != step:
        return None
    return problem


def step_to_show(
    state: State, found: Mapping[str, Problem], requested: str | None
) -> str | None:
    """The first open step; an earlier step when asked for it ("back", "change").

    None means every step is answered: the advice can be shown.
    """
    steps = state.steps()
    open_step = next((s for s in steps if s in found), None)
    if requested in steps and (
        open_step is None or steps.index(requested) <= steps.index(open_step)
    ):
        return requested
    return open_step


def previous_step(state: State, step: str) -> str | None:
    steps = state.steps()
    index = steps.index(step)
    return steps[index - 1] if index > 0 else None


def position(state: State, step: str) -> tuple[int, int]:
    """(number of this step, number of steps), for "Vraag 2 van 4"."""
    steps = state.steps()
    return steps.index(step) + 1, len(steps)
