"""The advice in words, shared by the result page, the PDF and the desk: the answers
as a person reads them, the next steps, and the answers stored with a handed-over
question."""

from dataclasses import dataclass

from flask import url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import select

from portal.desk.rules import RETENTION_MONTHS
from portal.extensions import db
from portal.lokets.advice import AdviceResult
from portal.lokets.questionnaire import State
from portal.lokets.questions import answer_label
from portal.lokets.routing import Reason
from portal.regions.models import Municipality
from portal.templating import localized


@dataclass(frozen=True)
class SummaryRow:
    step: str
    question: str
    answer: str


def place_label(postcode, municipality: Municipality | None) -> str:
    if municipality is not None:
        where = f"{municipality.name} ({municipality.region.name})"
        return f"{postcode} – {where}" if postcode else where
    outside = _("buiten de Achterhoek, Zeeland en Zuid-Limburg")
    return f"{postcode} – {outside}" if postcode else outside[:1].upper() + outside[1:]


def answer_rows(answers: dict, municipality: Municipality | None) -> list[SummaryRow]:
    """The answers (as stored by `stored_answers`) in words, one row per question."""
    audience = answers.get("audience", "")
    rows = [
        SummaryRow("audience", _("Voor wie"), answer_label("audience", audience)),
        SummaryRow(
            "place", _("Waar"), place_label(answers.get("postcode"), municipality)
        ),
    ]
    if answers.get("situation"):
        situation = answer_label("situation", answers["situation"])
        rows.append(SummaryRow("situation", _("Situatie"), situation))
    need = answer_label("need", answers.get("need", ""), audience)
    rows.append(SummaryRow("need", _("Hulp bij"), need))
    return rows


def summary_rows(state: State, result: AdviceResult) -> list[SummaryRow]:
    return answer_rows(stored_answers(state, result), result.place.municipality)


def stored_rows(answers: dict) -> list[SummaryRow]:
    """The answers kept with a handed-over question, for the desk."""
    if not answers:
        return []
    municipality = None
    if answers.get("municipality"):
        municipality = db.session.scalar(
            select(Municipality).where(Municipality.slug == answers["municipality"])
        )
    return answer_rows(answers, municipality)


def reason_text(reason: Reason) -> str:
    return reason.en if str(get_locale()) == "en" else reason.nl


def contact_step(loket) -> str:
    if loket.phone and loket.email:
        return _(
            "Neem contact op met %(name)s: bel %(phone)s of mail naar %(email)s.",
            name=loket.name,
            phone=loket.phone,
            email=loket.email,
        )
    if loket.phone:
        return _("Bel %(name)s op %(phone)s.", name=loket.name, phone=loket.phone)
    if loket.email:
        return _("Mail %(name)s via %(email)s.", name=loket.name, email=loket.email)
    return _("Ga naar de website: %(url)s.", url=loket.website)


@dataclass(frozen=True)
class NextStep:
    """One thing to do; `url` (absolute, for paper too) when it leads somewhere."""

    text: str
    url: str = ""


def next_steps(result: AdviceResult, handover_url: str | None) -> list[NextStep]:
    """What to do now, in order. `handover_url` when the loket takes questions."""
    primary = result.primary.loket
    steps = [NextStep(contact_step(primary))]
    if primary.bring_nl:
        steps.append(
            NextStep(_("Neem mee: %(what)s.", what=localized(primary, "bring")))
        )
    if result.advice.involves_money:
        steps.append(
            NextStep(
                _("Reken uit wat een opleiding u kost, met voucher en regelingen"),
                url_for("vouchers.calculator", _external=True),
            )
        )
    if result.fund is not None:
        steps.append(
            NextStep(
                _("Lees de regels van %(fund)s", fund=result.fund.name),
                url_for("catalog.fund", slug=result.fund.slug, _external=True),
            )
        )
    if handover_url:
        steps.append(
            NextStep(
                _(
                    "Liever schrijven? Stuur uw vraag via Leerwijzer naar %(name)s. "
                    "Dan hoeft u uw verhaal niet opnieuw te vertellen.",
                    name=primary.name,
                ),
                handover_url,
            )
        )
    if result.alternatives:
        steps.append(NextStep(_("Past dit loket niet? Kijk dan bij de andere lokets.")))
    return steps


def stored_answers(state: State, result: AdviceResult) -> dict:
    """The answers and the advice, as codes, kept with a handed-over question."""
    place = result.place
    return {
        "audience": state.audience,
        "situation": state.answers().situation,
        "need": state.need,
        "postcode": str(place.postcode) if place.postcode else "",
        "municipality": place.municipality.slug if place.municipality else "",
        "region": place.region.slug if place.region else "",
        "rule": result.advice.rule_id,
        "primary": result.primary.loket.slug,
        "alternatives": [alt.loket.slug for alt in result.alternatives],
    }


@dataclass(frozen=True)
class Consent:
    """What the sender agrees to before a question is shared (AVG art. 6(1)(a), 13)."""

    shared: str
    receiver: str
    kept: str
    statement: str

    def text(self) -> str:
        """The whole wording, stored with the question as proof of consent."""
        return "\n".join((self.shared, self.receiver, self.kept, self.statement))


def consent_for(loket_name: str, region_name: str) -> Consent:
    return Consent(
        shared=_(
            "Wat wij delen: uw naam, uw e-mailadres en telefoonnummer, uw vraag en uw "
            "antwoorden in de vragenlijst (ook uw postcode)."
        ),
        receiver=_(
            "Met wie: met de adviseurs van %(loket)s en de loketadviseurs in %(region)s "
            "die met hen samenwerken. Zij gebruiken uw gegevens alleen om uw vraag te "
            "beantwoorden. De beheerder van Leerwijzer kan uw vraag ook zien.",
            loket=loket_name,
            region=region_name,
        ),
        kept=_(
            "Hoe lang: tot %(months)s maanden nadat uw vraag is afgehandeld. Daarna "
            "wissen wij uw gegevens. U kunt uw toestemming altijd intrekken via "
            "privacy@leerwijzer.example.",
            months=RETENTION_MONTHS,
        ),
        statement=_(
            "Ik geef toestemming om mijn gegevens zo te delen met %(loket)s.",
            loket=loket_name,
        ),
    )
