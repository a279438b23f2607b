"""Voucher texts people read: situations and the other routes to money (translated on
display). The same situation texts as the "Waar moet ik zijn?" questionnaire."""

from flask_babel import lazy_gettext as _l

SITUATIONS = {
    "employed": _l("Ik werk in loondienst"),
    "self_employed": _l("Ik ben zzp'er of ondernemer"),
    "jobseeker_uwv": _l("Ik zoek werk en heb een WW- of WIA-uitkering"),
    "jobseeker_municipality": _l("Ik zoek werk en heb bijstand van de gemeente"),
    "jobseeker_other": _l("Ik zoek werk en heb geen uitkering"),
    "young": _l("Ik ben jonger dan 27 en heb geen diploma of ben net van school"),
    "student": _l("Ik zit op school of studeer"),
}

# The official announcement of the SLIM-scholingssubsidie (research/domain.md §2.3).
SLIM_URL = (
    "https://www.rijksoverheid.nl/actueel/nieuws/2025/03/03/"
    "slim-scholingssubsidie-beschikbaar-voor-opleidingen-in-maatschappelijk-cruciale-sectoren"
)

ROUTES = {
    "loket": {
        "title": _l("Advies van het Leerwerkloket of Werkcentrum"),
        "why": _l(
            "Het loket geeft gratis en onafhankelijk advies over leren en werken. Het "
            "kent de regelingen in uw regio en helpt u ze te combineren."
        ),
    },
    "slim": {
        "title": _l("SLIM-scholingssubsidie, via uw werkgever"),
        "why": _l(
            "Werkgevers in zorg en welzijn, kinderopvang, groen, techniek en bouw kunnen "
            "subsidie krijgen voor een opleiding van hun personeel: 90 % van de kosten "
            "voor NLQF-niveau 1 tot en met 3 en 40 % voor NLQF-niveau 4. De opleiding "
            "moet in een ontwikkelpad van de sector staan. De werkgever vraagt het aan "
            "en mag u dan niets laten betalen."
        ),
    },
    "oo_fund": {
        "title": _l("Het opleidingsfonds van uw sector (O&O-fonds)"),
        "why": _l(
            "In veel sectoren hebben werkgevers en vakbonden samen een fonds voor "
            "opleidingen. Vraag uw werkgever welk fonds bij uw cao hoort."
        ),
    },
    "uwv": {
        "title": _l("Overleg eerst met UWV"),
        "why": _l(
            "Met een WW- of WIA-uitkering overlegt u eerst met UWV, want een opleiding "
            "kan gevolgen hebben voor uw uitkering. UWV helpt u ook aan werk."
        ),
    },
    "municipality": {
        "title": _l("Vraag het uw gemeente"),
        "why": _l(
            "Met bijstand overlegt u eerst met uw gemeente over een opleiding. De "
            "gemeente helpt mensen met bijstand aan werk en inkomen."
        ),
    },
}
