"""Jinja filters for display: money, dates, the right language of a data field."""

from datetime import date

from flask import Flask
from flask_babel import format_currency, format_date, get_locale
from flask_babel import lazy_gettext as _l


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


DEMO_FIELDS = {
    "name": _l("naam"),
    "title": _l("titel"),
    "street": _l("straat"),
    "postcode": _l("postcode"),
    "town": _l("plaats"),
    "phone": _l("telefoonnummer"),
    "email": _l("e-mailadres"),
    "website": _l("website"),
    "opening_hours": _l("openingstijden"),
    "price_cents": _l("prijs"),
    "starts": _l("startdata"),
    "duration": _l("duur"),
    "level": _l("niveau"),
    "form": _l("vorm"),
    "delivery": _l("lesvorm"),
    "provider": _l("aanbieder"),
    "locations": _l("locaties"),
    "crebo": _l("crebo"),
    "budget_cents": _l("budget"),
    "period_start": _l("begindatum"),
    "period_end": _l("einddatum"),
    "max_voucher_cents": _l("maximumbedrag"),
    "vouchers_per_year": _l("aantal vouchers"),
    "sectors": _l("sectoren"),
    "four_eyes_above_cents": _l("grens voor een tweede beoordeling"),
    "decision_weeks": _l("beslistermijn"),
    "start_within_weeks": _l("starttermijn"),
}


def demo_field_names(fields: list[str]) -> str:
    """The invented fields of a record, in words a person understands."""
    return ", ".join(str(DEMO_FIELDS.get(f, f.replace("_", " "))) for f in fields)


def price(cents: int | None) -> str:
    if cents == 0:
        return str(_l("gratis"))
    return euro(cents)


def labels(slugs: list[str], vocabulary: dict) -> str:
    return ", ".join(label(vocabulary, slug) for slug in slugs)


def init_app(app: Flask) -> None:
    from portal.catalog import vocab as catalog_vocab
    from portal.lokets import vocab as loket_vocab

    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.filters.update(
        euro=euro,
        price=price,
        long_date=long_date,
        labels=labels,
        demo_field_names=demo_field_names,
    )
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
