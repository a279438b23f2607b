"""Turn catalogue records into search documents (plain dicts). `today` is explicit: it
decides which start moments still count."""

from dataclasses import dataclass
from datetime import date

from portal.catalog.models import Course, Fund, Initiative, Provider
from portal.catalog.vocab import DELIVERIES, FORMS, LEVELS, PROVIDER_KINDS, SECTORS
from portal.lokets.models import Loket
from portal.lokets.vocab import LOKET_TYPES
from portal.search.schema import FACET_FIELDS, NO_START

EPOCH = date(2000, 1, 1)
_LABELS: dict[tuple[int, str], str] = {}


def _label(vocabulary: dict, slug: str | None) -> str:
    """The Dutch label of a vocabulary value. Resolving a lazy string costs a trip
    through Flask-Babel, so each label is resolved once (callers force the "nl" locale)."""
    key = (id(vocabulary), slug or "")
    text = _LABELS.get(key)
    if text is None:
        text = _LABELS[key] = str(vocabulary.get(slug, "")) if slug else ""
    return text


SUMMARY_CHARS = 320
PRICE_BANDS = (  # (slug, upper bound in cents, inclusive)
    ("gratis", 0),
    ("tot-500", 50_000),
    ("500-1500", 150_000),
    ("1500-3000", 300_000),
    ("boven-3000", None),
)


def price_band(cents: int) -> str:
    for slug, upper in PRICE_BANDS:
        if upper is None or cents <= upper:
            return slug
    raise AssertionError("unreachable")


def start_period(day: date | None) -> str:
    """The calendar quarter of the next start ("2027-K1"), or "op-aanvraag"."""
    if day is None:
        return "op-aanvraag"
    return f"{day.year}-K{(day.month - 1) // 3 + 1}"


def _summary(*parts: str) -> str:
    text = " ".join(p.strip() for p in parts if p and p.strip())
    if len(text) <= SUMMARY_CHARS:
        return text
    return text[:SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"


def _text(*parts) -> str:
    return " ".join(str(p) for p in parts if p)


def _base(key: str, kind: str, title: str, body: str, summary: str, **facets) -> dict:
    doc = {
        "key": key,
        "type": kind,
        "title": title,
        "body": body,
        "summary": summary,
        "price": 0,
        "next_start": NO_START,
    }
    doc.update(
        {name: facets.get(name) or "" for name in FACET_FIELDS if name != "type"}
    )
    return doc


@dataclass(frozen=True)
class CourseFacts:
    """What the index needs of a course; read from the ORM or straight from SQL rows."""

    id: int
    title: str
    description_nl: str
    provider_name: str
    region_id: int | None
    region_slug: str
    sector: str
    form: str
    level: str
    delivery: str
    crebo: str | None
    kansrijk: bool
    price_cents: int
    towns: tuple[str, ...]
    municipality_slug: str
    starts: tuple[date, ...]  # start dates that are not cancelled

    @classmethod
    def of(cls, course: Course) -> "CourseFacts":
        first = course.locations[0] if course.locations else None
        return cls(
            id=course.id,
            title=course.title,
            description_nl=course.description_nl,
            provider_name=course.provider.name,
            region_id=course.region_id,
            region_slug=course.region.slug if course.region else "",
            sector=course.sector,
            form=course.form,
            level=course.level,
            delivery=course.delivery,
            crebo=course.crebo,
            kansrijk=course.kansrijk,
            price_cents=course.price_cents,
            towns=tuple(loc.town for loc in course.locations if loc.town),
            municipality_slug=first.municipality.slug
            if first and first.municipality
            else "",
            starts=tuple(s.starts_on for s in course.starts if not s.cancelled),
        )


def course_document(
    course: CourseFacts, today: date, fund_sectors: dict[int, set[str]]
) -> dict:
    """`fund_sectors` maps a region id to the sectors its voucher fund pays for."""
    upcoming = min((d for d in course.starts if d >= today), default=None)
    voucher = course.kansrijk and course.sector in fund_sectors.get(
        course.region_id, ()
    )
    doc = _base(
        f"course:{course.id}",
        "course",
        course.title,
        _text(
            course.description_nl,
            course.provider_name,
            " ".join(sorted(set(course.towns))),
            _label(SECTORS, course.sector),
            _label(FORMS, course.form),
            _label(LEVELS, course.level),
            _label(DELIVERIES, course.delivery),
            course.crebo,
        ),
        _summary(course.description_nl),
        region=course.region_slug,
        municipality=course.municipality_slug,
        sector=course.sector,
        level=course.level,
        form=course.form,
        price_band=price_band(course.price_cents),
        start_period=start_period(upcoming),
        delivery=course.delivery,
        kansrijk="ja" if course.kansrijk else "nee",
        voucher="ja" if voucher else "nee",
    )
    doc["price"] = course.price_cents
    doc["next_start"] = (upcoming - EPOCH).days if upcoming else NO_START
    return doc


def loket_document(loket: Loket) -> dict:
    return _base(
        f"loket:{loket.id}",
        "loket",
        loket.name,
        _text(
            _label(LOKET_TYPES, loket.type),
            loket.serves_nl,
            loket.organisation.name,
            loket.organisation.description_nl,
            loket.town,
        ),
        _summary(loket.serves_nl, loket.organisation.description_nl),
        region=loket.region.slug if loket.region else "",
        municipality=loket.municipality.slug if loket.municipality else "",
    )


def provider_document(provider: Provider) -> dict:
    towns = sorted({loc.town for loc in provider.locations if loc.town})
    return _base(
        f"provider:{provider.id}",
        "provider",
        provider.name,
        _text(
            _label(PROVIDER_KINDS, provider.kind),
            provider.description_nl,
            " ".join(towns),
        ),
        _summary(provider.description_nl),
        region=provider.regions[0].slug if provider.regions else "",
    )


def fund_document(fund: Fund) -> dict:
    return _base(
        f"fund:{fund.id}",
        "fund",
        fund.name,
        _text("scholingsvoucher", fund.description_nl, fund.region.name),
        _summary(fund.description_nl),
        region=fund.region.slug,
    )


def initiative_document(initiative: Initiative) -> dict:
    return _base(
        f"initiative:{initiative.id}",
        "initiative",
        initiative.name,
        _text(initiative.what_nl, initiative.goal_nl, initiative.who_nl),
        _summary(initiative.what_nl, initiative.goal_nl),
        region=initiative.region.slug if initiative.region else "",
        sector=initiative.sector,
    )
