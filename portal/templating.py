"""Jinja filters for display: money, dates, the right language of a data field."""

from datetime import date

from flask import Flask
from flask_babel import format_currency, format_date, get_locale


def euro(cents: int | None) -> str:
    if cents is None:
        return ""
    return format_currency(cents / 100, "EUR")


def long_date(value: date | None) -> str:
    return format_date(value, "long") if value else ""


def localized(obj, field: str) -> str:
    """`obj.<field>_en` in English when it is filled in, else the Dutch `obj.<field>_nl`."""
    if str(get_locale()) == "en":
        english = getattr(obj, f"{field}_en", "")
        if english:
            return english
    return getattr(obj, f"{field}_nl", "")


def label(vocabulary: dict, slug: str | None) -> str:
    return str(vocabulary.get(slug, slug or ""))


def labels(slugs: list[str], vocabulary: dict) -> str:
    return ", ".join(label(vocabulary, slug) for slug in slugs)


def init_app(app: Flask) -> None:
    from portal.catalog import vocab as catalog_vocab
    from portal.lokets import vocab as loket_vocab

    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.filters.update(euro=euro, long_date=long_date, labels=labels)
    app.jinja_env.globals.update(
        localized=localized,
        label=label,
        SECTORS=catalog_vocab.SECTORS,
        LEVELS=catalog_vocab.LEVELS,
        FORMS=catalog_vocab.FORMS,
        DELIVERIES=catalog_vocab.DELIVERIES,
        PROVIDER_KINDS=catalog_vocab.PROVIDER_KINDS,
        LOKET_TYPES=loket_vocab.LOKET_TYPES,
        SERVES=loket_vocab.SERVES,
    )
