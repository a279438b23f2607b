"""The desk's words: statuses, outcomes and history actions in Dutch (translatable)."""

from flask_babel import lazy_gettext as _l

from portal.vouchers.workflow import ApplicationStatus

KINDS = {
    "contact_request": _l("Vraag via Leerwijzer"),
    "voucher_application": _l("Aanvraag scholingsvoucher"),
}

STATUSES = {
    "received": _l("Nieuw"),
    "in_progress": _l("In behandeling"),
    "answered": _l("Beantwoord"),
    "closed": _l("Afgesloten"),
    # The voucher statuses; their texts are marked with N_() in vouchers/workflow.py.
    **{status.value: _l(status.label) for status in ApplicationStatus},
}

# What the sender sees in "Mijn vragen".
STATUSES_FOR_SENDER = {
    "received": _l("Ontvangen door het loket"),
    "in_progress": _l("Een adviseur is ermee bezig"),
    "answered": _l("Beantwoord"),
    "closed": _l("Afgehandeld"),
}

OUTCOMES = {
    "answered": _l("Vraag beantwoord"),
    "appointment": _l("Afspraak gemaakt"),
    "referred": _l("Doorverwezen naar een ander loket"),
    "no_contact": _l("Geen contact gekregen"),
    "withdrawn": _l("Vraag ingetrokken"),
}

ACTIONS = {
    "created": _l("Vraag ontvangen"),
    "assigned": _l("Toegewezen"),
    "status_changed": _l("Status gewijzigd"),
    "note_added": _l("Notitie toegevoegd"),
    "replied": _l("Antwoord verstuurd"),
    "closed": _l("Afgesloten"),
    "reopened": _l("Opnieuw geopend"),
    "erased": _l("Persoonsgegevens verwijderd na de bewaartermijn"),
    # Voucher applications (portal/vouchers/services.py).
    "taken_on": _l("In behandeling genomen"),
    "first_approval": _l("Eerste goedkeuring (vier ogen)"),
    "approved": _l("Goedgekeurd, geld gereserveerd"),
    "waitlisted": _l("Op de wachtlijst: niet genoeg geld"),
    "moved_up": _l("Van de wachtlijst goedgekeurd: er kwam geld vrij"),
    "rejected": _l("Afgewezen"),
    "withdrawn": _l("Ingetrokken"),
    "expired": _l("Vervallen: niet op tijd gestart"),
    "information_requested": _l("Om aanvulling gevraagd"),
    "information_received": _l("Aanvulling ontvangen"),
    "sent_to_employer": _l("Naar de werkgever gestuurd"),
    "employer_confirmed": _l("Werkgever bevestigt zijn deel"),
    "employer_declined": _l("Werkgever betaalt niet mee"),
}

STATUS_FILTER_LABELS = {"open": _l("Alle open vragen"), "all": _l("Alle vragen")}
ASSIGNED_FILTER_LABELS = {
    "": _l("Iedereen"),
    "me": _l("Aan mij toegewezen"),
    "none": _l("Nog niet toegewezen"),
}
