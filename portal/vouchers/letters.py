"""The decision letter as a PDF: a toekenningsbrief (grant) with the split and the
conditions, or an afwijzingsbrief (rejection) with the reason.

Built from what the database holds about the decision (the split, the decision text,
the audit trail's date), so it can be made again at any time and always says the same.
The fonts and building blocks are the advice PDF's (portal/lokets/pdf.py): the same
embedded Vera font with € and Dutch diacritics.
"""

from datetime import date
from io import BytesIO

from flask import Response
from flask_babel import format_date
from flask_babel import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate

from portal.lokets.pdf import _facts, _register_fonts, _styles, _text
from portal.templating import euro
from portal.vouchers.models import VoucherApplication
from portal.vouchers.workflow import ApplicationStatus as S

# A letter exists once the fund decided: granted (and what follows) or rejected.
GRANTED = frozenset({S.APPROVED, S.STARTED, S.COMPLETED, S.EXPIRED})
DECIDED = GRANTED | {S.REJECTED}


def decision_day(application: VoucherApplication) -> date | None:
    """The day of the decision: the last step to approved or rejected."""
    days = [
        e.created_at.date()
        for e in application.case.events
        if e.to_status in (S.APPROVED, S.REJECTED)
    ]
    return max(days, default=None)


def _conditions(application: VoucherApplication) -> list[str]:
    fund = application.fund
    conditions = [
        _(
            "Begin binnen %(weeks)s weken met de opleiding. Anders vervalt de voucher.",
            weeks=fund.start_within_weeks,
        ),
        _(
            "Het fonds betaalt de voucher aan de opleider, niet aan u. De opleider "
            "heeft de vouchercode nodig."
        ),
        _(
            "Wij sturen de opleider een e-mail met de vouchercode en een kopie van "
            "deze brief."
        )
        if application.provider_email
        else _(
            "Wij hebben geen e-mailadres van de opleider. Geef deze brief daarom zelf "
            "aan de opleider."
        ),
        _(
            "Na de opleiding laat u een diploma of certificaat zien, of een bewijs dat "
            "u minstens 80 % van de lessen volgde."
        ),
    ]
    if application.employer_cents:
        conditions.append(
            _(
                "Uw werkgever betaalt %(amount)s aan de opleider.",
                amount=euro(application.employer_cents),
            )
        )
    if application.own_cents:
        conditions.append(
            _(
                "U betaalt zelf %(amount)s aan de opleider.",
                amount=euro(application.own_cents),
            )
        )
    return conditions


def decision_letter(application: VoucherApplication) -> bytes:
    """The letter for a decided application (status in DECIDED)."""
    _register_fonts()
    s = _styles()
    granted = application.status in GRANTED
    title = _("Toekenning scholingsvoucher") if granted else _("Besluit op uw aanvraag")
    day = decision_day(application)
    story = [
        Paragraph(_text(title), s["title"]),
        Paragraph(_text(application.fund.name), s["body"]),
        _facts(
            [
                (_("Aan"), application.applicant.name),
                (_("Datum"), format_date(day, "long") if day else ""),
                (_("Referentie"), application.reference),
                (_("Opleiding"), f"{application.title} ({application.provider_name})"),
                (_("Prijs"), euro(application.price_cents)),
            ],
            s["body"],
        ),
    ]
    if granted:
        story += [
            Paragraph(_text(_("Wij kennen u een scholingsvoucher toe.")), s["h2"]),
            _facts(
                [
                    (_("Vouchercode"), application.voucher_code or ""),
                    (_("Voucher"), euro(application.voucher_cents)),
                    (_("Werkgever"), euro(application.employer_cents)),
                    (_("Eigen deel"), euro(application.own_cents)),
                ],
                s["body"],
            ),
            Paragraph(_text(_("Voorwaarden")), s["h2"]),
            ListFlowable(
                [
                    ListItem(Paragraph(_text(text), s["body"]))
                    for text in _conditions(application)
                ],
                bulletType="1",
                bulletFontName="Vera",
            ),
        ]
    else:
        story += [
            Paragraph(_text(_("Wij wijzen uw aanvraag af.")), s["h2"]),
            Paragraph(_text(application.decision_text), s["body"]),
            Paragraph(
                _text(
                    _(
                        "Bent u het niet eens met dit besluit? Neem binnen 6 weken "
                        "contact op met %(loket)s.",
                        loket=application.case.loket.name,
                    )
                ),
                s["body"],
            ),
        ]
    buffer = BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=application.fund.name,
        lang="nl",
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    ).build(story)
    return buffer.getvalue()


def letter_response(application: VoucherApplication) -> Response:
    """The letter as a download named after the reference."""
    return Response(
        decision_letter(application),
        mimetype="application/pdf",
        headers={
            "Content-Disposition": (
                f'attachment; filename="besluit-{application.reference}.pdf"'
            )
        },
    )
