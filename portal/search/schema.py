"""The Whoosh schema. Lean on purpose:

- only the key, title and a short summary are stored (enough for a result card);
- title and body are the only analysed fields;
- facets and sort keys are columns only (not indexed): the search service reads them
  into arrays once per index version and filters and counts there.

Sort keys are plain signed 64-bit integer columns. Whoosh's NUMERIC field is not used:
NUMERIC(float, sortable=True) crashed on the first document and NUMERIC(signed=False)
range queries matched every document (measured on Whoosh 2.7).
"""

from functools import lru_cache
from pathlib import Path

from whoosh.columns import NumericColumn, RefBytesColumn
from whoosh.fields import COLUMN, ID, STORED, TEXT, Schema

from portal.search.analysis import Decompounder, dutch_analyzer, load_parts

FACET_FIELDS = (
    "type",
    "region",
    "municipality",
    "sector",
    "level",
    "form",
    "price_band",
    "start_period",
    "delivery",
    "kansrijk",
    "voucher",
)
NUMBER_FIELDS = ("price", "next_start")
NO_START = 10**9  # sorts after every real date (days since 2000-01-01)


@lru_cache(maxsize=4)
def decompounder(parts_file: str) -> Decompounder:
    return Decompounder(load_parts(parts_file))


def build_schema(parts_file: str | Path) -> Schema:
    analyzer = dutch_analyzer(decompounder(str(parts_file)))
    return Schema(
        key=ID(unique=True, stored=True),
        # No word positions: phrases are found through indexed word pairs (analysis.py).
        title=TEXT(analyzer=analyzer, field_boost=3.0, stored=True, phrase=False),
        body=TEXT(analyzer=analyzer, phrase=False),
        summary=STORED(),
        **{name: COLUMN(RefBytesColumn()) for name in FACET_FIELDS},
        **{name: COLUMN(NumericColumn("q", default=0)) for name in NUMBER_FIELDS},
    )


def to_index_fields(doc: dict) -> dict:
    """A document as Whoosh takes it: facet columns as bytes."""
    fields = {k: v for k, v in doc.items() if k != "spell"}
    for name in FACET_FIELDS:
        fields[name] = (doc.get(name) or "").encode()
    return fields
