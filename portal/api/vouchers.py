"""/api/v1/vouchers/quote and /api/v1/funds (thin: portal/vouchers does the work)."""

from flask import jsonify, request
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.api.views import bp
from portal.catalog.models import Fund
from portal.clock import today
from portal.errors import api_error
from portal.extensions import db
from portal.vouchers.budget import budget_state
from portal.vouchers.inputs import QuoteInputError, parse_quote_json
from portal.vouchers.quotes import make_quote, quote_json


@bp.post("/vouchers/quote")
def voucher_quote():
    try:
        quote = make_quote(
            parse_quote_json(request.get_json(silent=True), today()), today()
        )
    except QuoteInputError as exc:
        return api_error(400, exc.code, exc.message_nl)
    return jsonify(quote_json(quote))


@bp.get("/funds")
def funds():
    found = db.session.scalars(
        select(Fund).options(selectinload(Fund.region)).order_by(Fund.name)
    )
    results = []
    for fund in found:
        budget = budget_state(fund)
        results.append(
            {
                "id": fund.id,
                "name": fund.name,
                "region": fund.region.slug,
                "demo": fund.demo,
                "budget_cents": budget.budget_cents,
                "reserved_cents": budget.reserved_cents,
                "paid_cents": budget.paid_cents,
                "remaining_cents": budget.remaining_cents,
                "max_voucher_cents": budget.max_voucher_cents,
            }
        )
    return jsonify({"results": results})
