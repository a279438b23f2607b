"""The advice as a PDF, for people who take it on paper to an appointment.

Built with reportlab. The text font is Bitstream Vera, which ships inside reportlab and
is embedded in the file: it has the € sign and the Dutch diacritics (é, ë, ï, ü) on
every machine, not only where a system font happens to be installed.
"""

from datetime import date
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from flask_babel import format_date
from flask_babel import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from portal.lokets.advice import AdviceResult, LoketAdvice
from portal.lokets.summary import NextStep, SummaryRow, reason_text
from portal.templating import localized

_FONT_DIR = Path(reportlab.__file__).parent / "fonts"
_FONTS = {"Vera": "Vera.ttf", "Vera-Bold": "VeraBd.ttf"}
_BLUE = colors.HexColor("#083a66")


def _register_fonts() -> None:
    for name, filename in _FONTS.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(_FONT_DIR / filename)))


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName="Vera", fontSize=10.5, leading=14)
    return {
        "body": body,
        "title": ParagraphStyle(
            "title",
            body,
            fontName="Vera-Bold",
            fontSize=18,
            leading=22,
            textColor=_BLUE,
        ),
        "h2": ParagraphStyle(
            "h2",
            body,
            fontName="Vera-Bold",
            fontSize=13,
            leading=17,
            spaceBefore=10,
            spaceAfter=4,
            textColor=_BLUE,
        ),
        "h3": ParagraphStyle("h3", body, fontName="Vera-Bold", spaceBefore=6),
        "small": ParagraphStyle("small", body, fontSize=8.5, leading=11),
    }


def _text(value: str) -> str:
    """Escape for reportlab's mini-markup; Vera has no ĳ ligature, so spell it out."""
    return escape(str(value)).replace("ĳ", "ij").replace("Ĳ", "IJ")


def _facts(rows: list[tuple[str, str]], style: ParagraphStyle) -> Table:
    data = [
        [Paragraph(f"<b>{_text(k)}</b>", style), Paragraph(_text(v), style)]
        for k, v in rows
        if v
    ]
    table = Table(data, colWidths=[38 * mm, 132 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
            ]
        )
    )
    return table


def _step_text(step: NextStep) -> str:
    return f"{step.text}: {step.url}" if step.url else step.text


def _loket_facts(item: LoketAdvice) -> list[tuple[str, str]]:
    loket = item.loket
    return [
        (_("Waarom"), reason_text(item.reason)),
        (_("Adres"), loket.address),
        (_("Telefoon"), loket.phone),
        (_("E-mail"), loket.email),
        (_("Website"), loket.website),
        (_("Openingstijden"), localized(loket, "opening_hours")),
        (_("Neem mee"), localized(loket, "bring")),
    ]


def advice_pdf(
    *,
    rows: list[SummaryRow],
    result: AdviceResult,
    steps: list[NextStep],
    day: date,
    page_url: str,
) -> bytes:
    """The answers, the recommended loket with its contact data, and the next steps."""
    _register_fonts()
    s = _styles()
    primary = result.primary
    story = [
        Paragraph(_text(_("Uw advies van Leerwijzer")), s["title"]),
        Paragraph(
            _text(_("Gemaakt op %(day)s", day=format_date(day, "long"))), s["body"]
        ),
        Paragraph(_text(_("Uw antwoorden")), s["h2"]),
        _facts([(row.question, row.answer) for row in rows], s["body"]),
        Paragraph(
            _text(_("Ga eerst naar: %(name)s", name=primary.loket.name)), s["h2"]
        ),
        _facts(_loket_facts(primary), s["body"]),
        Paragraph(_text(_("Wat kunt u nu doen?")), s["h2"]),
        ListFlowable(
            [ListItem(Paragraph(_text(_step_text(step)), s["body"])) for step in steps],
            bulletType="1",
            bulletFontName="Vera",
        ),
    ]
    if result.alternatives:
        story.append(Paragraph(_text(_("Andere lokets die u kunnen helpen")), s["h2"]))
        for item in result.alternatives:
            story += [
                Paragraph(_text(item.loket.name), s["h3"]),
                _facts(_loket_facts(item)[:5], s["body"]),
            ]
    if any(item.loket.demo_fields for item in (primary, *result.alternatives)):
        story.append(Spacer(1, 6 * mm))
        story.append(
            Paragraph(
                _text(
                    _(
                        "Let op: dit is een demo. Adressen, telefoonnummers en "
                        "openingstijden van de lokets zijn voorbeeldgegevens."
                    )
                ),
                s["small"],
            )
        )
    story.append(Spacer(1, 4 * mm))
    story.append(
        Paragraph(_text(_("Dit advies online: %(url)s", url=page_url)), s["small"])
    )
    buffer = BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=_("Uw advies van Leerwijzer"),
        author="Leerwijzer",
        lang="nl",
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    ).build(story)
    return buffer.getvalue()
