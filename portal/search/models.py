"""Anonymous search log for demand signals ("vraagsignalering"): what people look for
and do not find. No IP address, no user: only the query, filters and result count."""

from datetime import datetime

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db
from portal.timestamps import UTCDateTime, utcnow


class SearchLog(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(
        UTCDateTime, default=utcnow, index=True
    )
    query: Mapped[str] = mapped_column(String(200), default="")
    normalized: Mapped[str] = mapped_column(String(200), default="", index=True)
    filters: Mapped[dict] = mapped_column(JSON, default=dict)
    region: Mapped[str | None] = mapped_column(String(40), index=True)
    result_count: Mapped[int]
    source: Mapped[str] = mapped_column(String(10), default="page")
