"""A synthetic Dutch catalogue for benchmarks (`flask catalog generate --count N`).

Every synthetic course has an external_id starting with "synthetic-" and "synthetic" in
its demo_fields, so it is labelled as example data and `flask catalog remove-synthetic`
removes exactly these. Deterministic: the same count gives the same catalogue.
"""

import random
from datetime import date, timedelta

from sqlalchemy import delete, insert, select, text

from portal.catalog.models import (
    Course,
    ProviderLocation,
    StartMoment,
    course_locations,
)
from portal.extensions import db

PREFIX = "synthetic-"

SUBJECTS = {
    "zorg": [
        "verzorgende",
        "verpleegkundige",
        "helpende zorg en welzijn",
        "doktersassistent",
        "apothekersassistent",
        "thuiszorg",
        "ouderenzorg",
        "dementiezorg",
        "wondzorg",
        "gehandicaptenzorg",
        "kraamzorg",
        "medicatie",
        "tilinstructie",
        "palliatieve zorg",
    ],
    "techniek": [
        "lassen",
        "mig/mag-lassen",
        "tig-lassen",
        "cnc-verspanen",
        "mechatronica",
        "elektrotechniek",
        "installatietechniek",
        "warmtepompen",
        "zonnepanelen",
        "procestechniek",
        "onderhoudsmonteur",
        "plaatwerken",
        "pneumatiek",
        "plc-programmeren",
    ],
    "bouw": [
        "timmerman",
        "metselaar",
        "tegelzetter",
        "dakdekker",
        "schilder",
        "steigerbouw",
        "betonbouw",
        "bouwkunde",
        "uitvoerder bouw",
        "infra",
        "grondwerk",
    ],
    "logistiek": [
        "heftruck",
        "vorkheftruck",
        "reachtruck",
        "orderpicken",
        "magazijnbeheer",
        "code 95",
        "vrachtwagenchauffeur",
        "transportplanning",
        "ladingzekering",
        "douane",
        "supply chain",
    ],
    "ict": [
        "informatica",
        "python programmeren",
        "java",
        "webdevelopment",
        "netwerkbeheer",
        "cybersecurity",
        "data-analyse",
        "cloud",
        "servicedesk",
        "excel",
        "kunstmatige intelligentie",
    ],
    "onderwijs": [
        "onderwijsassistent",
        "pedagogisch medewerker",
        "kinderopvang",
        "leraar basisonderwijs",
        "praktijkopleider",
        "klassenassistent",
        "taalcoach",
    ],
    "groen": [
        "hovenier",
        "boomverzorging",
        "kettingzaag",
        "gewasbescherming",
        "dierverzorging",
        "veehouderij",
        "bloemschikken",
        "groenvoorziening",
    ],
    "horeca": [
        "kok",
        "zelfstandig werkend kok",
        "gastheer",
        "barista",
        "sociale hygiëne",
        "hotelmedewerker",
    ],
    "handel": [
        "verkoopmedewerker",
        "winkelmanager",
        "e-commerce",
        "klantenservice",
        "inkoop",
    ],
    "administratie": [
        "boekhouding",
        "financiële administratie",
        "salarisadministratie",
        "secretaresse",
        "juridisch medewerker",
        "office",
    ],
    "veiligheid": [
        "beveiliger",
        "bhv",
        "vca basis",
        "vca vol",
        "ehbo",
        "toezicht en veiligheid",
    ],
    "overig": [
        "loopbaanadvies",
        "solliciteren",
        "nederlands nt2",
        "taal en rekenen",
        "persoonlijke ontwikkeling",
        "digitale vaardigheden",
        "presenteren",
    ],
}
KINDS = [
    "basiscursus",
    "opleiding",
    "training",
    "cursus",
    "vervolgcursus",
    "certificaat",
    "praktijkopleiding",
    "omscholing",
    "bijscholing",
    "masterclass",
    "module",
    "workshop",
]
FORMS = [
    "bol",
    "bbl",
    "praktijkroute",
    "course",
    "training",
    "certificate",
    "module",
    "elearning",
]
LEVELS = ["1", "2", "3", "4", "hbo", "wo", "none"]
DELIVERIES = ["on_site", "on_site", "on_site", "hybrid", "online"]
KANSRIJK = {"zorg", "techniek", "bouw", "logistiek", "ict", "onderwijs"}
SENTENCES = [
    "U leert de basis van {s} in de praktijk.",
    "Deze {k} is voor werkenden en werkzoekenden die willen overstappen.",
    "Na afloop krijgt u een certificaat of diploma.",
    "De lessen zijn overdag of in de avond, in kleine groepen.",
    "Geschikt voor zij-instromers zonder ervaring in {s}.",
    "U oefent veel en krijgt begeleiding van een vakdocent.",
    "Met deze {k} vergroot u uw kansen op werk in de regio.",
    "Bedrijven in de regio zoeken mensen met kennis van {s}.",
]


def generate(count: int, seed: int = 42, first_start: date = date(2026, 12, 1)) -> int:
    """Insert `count` synthetic courses spread over existing providers and locations."""
    rng = random.Random(seed)
    locations = db.session.execute(
        select(
            ProviderLocation.id,
            ProviderLocation.provider_id,
            ProviderLocation.municipality_id,
        )
    ).all()
    from portal.regions.models import Municipality

    region_of = dict(
        db.session.execute(select(Municipality.id, Municipality.region_id)).all()
    )
    existing = db.session.scalar(
        select(db.func.count(Course.id)).where(Course.external_id.like(f"{PREFIX}%"))
    )
    courses, links, starts = [], [], []
    next_id = (db.session.scalar(select(db.func.max(Course.id))) or 0) + 1
    for n in range(existing, existing + count):
        sector = rng.choice(list(SUBJECTS))
        subject = rng.choice(SUBJECTS[sector])
        kind = rng.choice(KINDS)
        loc_id, provider_id, municipality_id = rng.choice(locations)
        description = " ".join(rng.sample(SENTENCES, 3)).format(s=subject, k=kind)
        courses.append(
            {
                "id": next_id,
                "external_id": f"{PREFIX}{n + 1:06d}",
                "title": f"{subject.capitalize()} {kind}"
                + (f" niveau {rng.randint(1, 4)}" if rng.random() < 0.3 else ""),
                "description_nl": description,
                "provider_id": provider_id,
                "region_id": region_of.get(municipality_id),
                "level": rng.choice(LEVELS),
                "form": rng.choice(FORMS),
                "sector": sector,
                "crebo": None,
                "duration_nl": f"{rng.randint(1, 40)} weken",
                "duration_hours": rng.randint(4, 1600),
                "price_cents": rng.choice([0, rng.randint(50, 6000) * 100]),
                "delivery": rng.choice(DELIVERIES),
                "kansrijk": sector in KANSRIJK and rng.random() < 0.8,
                "src": "",
                "demo_fields": ["synthetic"],
            }
        )
        links.append({"course_id": next_id, "location_id": loc_id})
        for _ in range(rng.randint(0, 3)):
            starts.append(
                {
                    "course_id": next_id,
                    "starts_on": first_start + timedelta(days=rng.randint(0, 420)),
                    "cancelled": False,
                }
            )
        next_id += 1
    for table, rows in (
        (Course.__table__, courses),
        (course_locations, links),
        (StartMoment.__table__, starts),
    ):
        for i in range(0, len(rows), 5000):
            db.session.execute(insert(table), rows[i : i + 5000])
    if db.session.get_bind().dialect.name == "postgresql":
        # Ids were given explicitly: move the sequence past them for normal inserts.
        db.session.execute(
            text(
                "SELECT setval(pg_get_serial_sequence('course', 'id'), "
                "(SELECT max(id) FROM course))"
            )
        )
    return count


def remove() -> int:
    ids = select(Course.id).where(Course.external_id.like(f"{PREFIX}%"))
    db.session.execute(delete(StartMoment).where(StartMoment.course_id.in_(ids)))
    db.session.execute(
        delete(course_locations).where(course_locations.c.course_id.in_(ids))
    )
    result = db.session.execute(
        delete(Course).where(Course.external_id.like(f"{PREFIX}%"))
    )
    return result.rowcount
