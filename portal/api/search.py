"""/api/v1/search and /api/v1/suggest (thin: the search service does the work)."""

from flask import jsonify, request

from portal.api.views import bp
from portal.catalog.filters import FilterError
from portal.errors import api_error
from portal.search import engine
from portal.search.params import parse_search_args
from portal.search.records import load_records, url_for_record
from portal.search.searchlog import log_search

API_FACETS = ("type", "region", "sector", "level")


@bp.get("/search")
def search():
    try:
        req = parse_search_args(request.args)
    except FilterError as exc:
        return api_error(400, exc.code, exc.message_nl)
    page = engine.service().search(req)
    log_search(req, page.total, "api")
    records = load_records(page.hits)
    results = []
    for hit in page.hits:
        record = records.get((hit.type, hit.id))
        if record is None:  # removed from the database since the index was written
            continue
        results.append(
            {
                "type": hit.type,
                "id": hit.id,
                "title": hit.title,
                "url": url_for_record(hit.type, record, external=True),
                "region": hit.region or None,
                "level": hit.level or None,
                "sector": hit.sector or None,
                "snippet": str(hit.snippet),
                "score": hit.score,
            }
        )
    return jsonify(
        {
            "query": req.q,
            "total": page.total,
            "page": req.page,
            "per_page": req.per_page,
            "results": results,
            "facets": {name: page.facets.get(name, {}) for name in API_FACETS},
            "suggestion": page.suggestion,
        }
    )


@bp.get("/suggest")
def suggest():
    return jsonify(
        {
            "query": request.args.get("q", ""),
            "suggestions": engine.service().complete(request.args.get("q", "")),
        }
    )
