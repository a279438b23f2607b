"""The import report: what a plan creates, updates, leaves, rejects and withdraws, as
JSON for the import log and the preview page, and as text for the command line. The
report is in Dutch, like the files it describes."""

from flask_babel import force_locale

from portal.imports.plan import CatalogueState, Plan

# How many entries per list the log keeps (the counts are always complete).
KEEP = 1000

FIELD_LABELS = {
    "title": "titel",
    "description_nl": "omschrijving",
    "level": "niveau",
    "form": "vorm",
    "sector": "sector",
    "delivery": "uitvoering",
    "crebo": "crebo",
    "duration_nl": "duur",
    "duration_hours": "uren",
    "price_cents": "prijs",
    "url": "website",
    "kansrijk": "kansrijk",
    "region_id": "regio",
    "starts": "startdata",
    "locations": "locaties",
    "source_codes": "oorspronkelijke codes",
    "withdrawn": "ingetrokken",
}

COUNT_LABELS = {
    "created": "nieuw",
    "updated": "bijgewerkt",
    "unchanged": "ongewijzigd",
    "rejected": "afgekeurd",
    "withdrawn": "ingetrokken",
}


def euro(cents: int | None) -> str:
    if cents is None:
        return "—"
    whole, rest = divmod(int(cents), 100)
    return f"€ {whole:,}".replace(",", ".") + f",{rest:02d}"


def show(field: str, value, state: CatalogueState) -> str:
    """A value as a person reads it in the report."""
    if value is None or value == "" or value == ():
        return "—"
    if field == "price_cents":
        return euro(value)
    if field in ("kansrijk", "withdrawn"):
        return "ja" if value else "nee"
    if field == "starts":
        return ", ".join(
            day
            + (f" [{run_id}]" if run_id else "")
            + (" (geannuleerd)" if cancelled else "")
            for day, run_id, cancelled in value
        )
    if field == "locations":
        names = {loc.id: loc.name for locs in state.locations.values() for loc in locs}
        return ", ".join(names.get(k, str(k)) for k in value)
    if field == "description_nl":
        text = str(value)
        return text if len(text) <= 80 else text[:77] + "…"
    return str(value)


def build(plan: Plan, state: CatalogueState) -> dict:
    names = state.provider_names
    with force_locale("nl"):
        created = [
            {
                "external_id": c.record.external_id,
                "title": c.record.title,
                "provider": names.get(c.provider_id, ""),
                "origin": c.record.origin,
            }
            for c in plan.of_kind("create")[:KEEP]
        ]
        updated = [
            {
                "external_id": c.record.external_id,
                "title": c.record.title,
                "provider": names.get(c.provider_id, ""),
                "course_id": c.course_id,
                "changes": [
                    entry for diff in c.diffs for entry in _changes(*diff, state)
                ],
            }
            for c in plan.of_kind("update")[:KEEP]
        ]
        rejected = [
            {
                "record": r.record,
                "field": r.field,
                "message": str(r.message),
                "origin": r.origin,
                "filename": r.filename,
            }
            for r in plan.rejections[:KEEP]
        ]
    withdrawn = [
        {
            "external_id": w.external_id,
            "title": w.title,
            "provider": names.get(w.provider_id, ""),
            "course_id": w.course_id,
        }
        for w in plan.withdrawals[:KEEP]
    ]
    return {
        "counts": plan.counts,
        "created": created,
        "updated": updated,
        "rejected": rejected,
        "withdrawn": withdrawn,
        "unchanged": [c.record.external_id for c in plan.of_kind("unchanged")[:KEEP]],
    }


def _changes(field: str, old, new, state: CatalogueState) -> list[dict]:
    """One line per changed field; the source's codes one line per changed code."""
    if field != "source_codes":
        label = FIELD_LABELS[field]
        return [
            {
                "field": label,
                "old": show(field, old, state),
                "new": show(field, new, state),
            }
        ]
    old, new = old or {}, new or {}
    return [
        {"field": f"code {key}", "old": _code(old.get(key)), "new": _code(new.get(key))}
        for key in sorted(set(old) | set(new), key=str)
        if old.get(key) != new.get(key)
    ]


def _code(value) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list | tuple):
        return ", ".join(_code(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={_code(v)}" for k, v in value.items())
    return str(value)


def as_text(report: dict, limit: int = 50) -> str:
    """The report for the terminal: the counts, then up to `limit` lines per list."""
    lines = [f"  {COUNT_LABELS[k]:<12} {v:>7}" for k, v in report["counts"].items()]
    sections = (
        ("Nieuw", "+", report["created"], _created_line),
        ("Bijgewerkt", "~", report["updated"], _updated_line),
        ("Afgekeurd", "!", report["rejected"], _rejected_line),
        ("Ingetrokken", "-", report["withdrawn"], _created_line),
    )
    for title, mark, entries, line in sections:
        if not entries:
            continue
        lines.append(f"{title}:")
        lines.extend(f"  {mark} {line(e)}" for e in entries[:limit])
        if len(entries) > limit:
            lines.append(f"  … en nog {len(entries) - limit}")
    return "\n".join(lines)


def _created_line(e: dict) -> str:
    return f"{e['external_id']}  {e['title']} ({e['provider']})"


def _updated_line(e: dict) -> str:
    changes = "; ".join(f"{c['field']}: {c['old']} → {c['new']}" for c in e["changes"])
    return f"{e['external_id']}  {changes}"


def _rejected_line(e: dict) -> str:
    where = " ".join(x for x in (e["filename"], e["origin"]) if x)
    record = e["record"] if e["record"] != e["origin"] else ""
    head = " · ".join(x for x in (where, record) if x)
    return f"{head} · {e['field']}: {e['message']}"


def timing(seconds: dict[str, float]) -> str:
    """ "Tijd: lezen 5,1 s · vergelijken 1,2 s · …" for the terminal and the log page."""
    parts = [
        f"{phase} {value:.1f} s".replace(".", ",") for phase, value in seconds.items()
    ]
    return "Tijd: " + " · ".join(parts)
