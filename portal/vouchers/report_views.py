"""Fund reporting on the desk: charts with tables, and the same figures as CSV.

Region-scoped like the queue: an adviser counts only the applications of their own
lokets and regions, an admin all of them.
"""

from flask import Blueprint, Response, render_template
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.accounts.access import role_required
from portal.catalog.models import Course
from portal.catalog.vocab import LEVELS, SECTORS
from portal.desk.models import DeskCase
from portal.desk.queries import visible_to
from portal.desk.workflow import ADVISER_ROLES
from portal.extensions import db
from portal.vouchers.application_forms import GOALS
from portal.vouchers.models import VoucherApplication
from portal.vouchers.reporting import (
    ReportRow,
    bar_chart,
    build_report,
    money_chart,
    to_csv,
)
from portal.vouchers.vocab import SITUATIONS
from portal.vouchers.workflow import LABELS
from portal.vouchers.workflow import ApplicationStatus as S

bp = Blueprint("voucher_report", __name__, url_prefix="/bureau/vouchers")
desk_only = role_required(*ADVISER_ROLES)

TITLES = {
    "sector": _l("Sector"),
    "level": _l("Niveau"),
    "situation": _l("Situatie"),
    "age_band": _l("Leeftijd bij aanvraag"),
    "goal": _l("Doel"),
    "status": _l("Status"),
}


def _labels() -> dict[str, dict[str, str]]:
    return {
        "sector": {k: str(v) for k, v in SECTORS.items()},
        "level": {k: str(v) for k, v in LEVELS.items()},
        "situation": {k: str(v) for k, v in SITUATIONS.items()},
        "goal": {k: str(v) for k, v in GOALS.items()},
        "status": {str(k): str(_l(v)) for k, v in LABELS.items()},
    }


def _moment(application: VoucherApplication, target: str):
    moments = [
        e.created_at.date() for e in application.case.events if e.to_status == target
    ]
    return max(moments, default=None)


def _rows() -> list[ReportRow]:
    applications = db.session.scalars(
        select(VoucherApplication)
        .join(DeskCase)
        .where(
            visible_to(current_user),
            DeskCase.status != S.DRAFT,
            # An employer's invitation the employee never accepted is no application.
            VoucherApplication.applicant_id.is_not(None),
        )
        .options(
            selectinload(VoucherApplication.case).selectinload(DeskCase.events),
            selectinload(VoucherApplication.course).load_only(Course.level),
        )
    ).all()
    return [
        ReportRow(
            sector=a.sector,
            level=a.course.level if a.course else "",
            situation=a.situation,
            birth_date=a.birth_date,
            applied_on=(a.submitted_at or a.case.created_at).date(),
            goal=a.goal,
            status=a.status,
            reserved_cents=a.reserved_cents,
            reserved_on=_moment(a, S.APPROVED),
            paid_cents=a.paid_cents,
            paid_on=_moment(a, S.COMPLETED),
        )
        for a in applications
    ]


@bp.get("/rapportage")
@desk_only
def report():
    figures = build_report(_rows())
    labels = _labels()
    charts = {
        dimension: bar_chart(
            [(labels.get(dimension, {}).get(v, v), n) for v, n in pairs]
        )
        for dimension, pairs in figures.counts.items()
    }
    return render_template(
        "vouchers/report.html",
        report=figures,
        charts=charts,
        titles=TITLES,
        money=money_chart(figures.months),
    )


@bp.get("/rapportage.csv")
@desk_only
def report_csv():
    text = to_csv(build_report(_rows()), _labels())
    return Response(
        "\ufeff" + text,  # BOM: Excel reads the accents right
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="vouchers.csv"'},
    )
