"""The proof of completion from the provider (through its signed link, after the
start) and from the resident (in "Mijn aanvragen", once started): checked by content
and size as on the desk, recorded on the audit trail; the adviser still pays out."""

import io

from tests.web.test_voucher_completion import (  # noqa: F401
    JPEG,
    LINK,
    PNG,
    approved,
)
from tests.web.test_voucher_desk import (  # noqa: F401
    adviser,
    application_of,
    make_voucher,
)
from tests.web.test_voucher_letters import applicant_client


def send(client, path, data, kind="diploma", filename="diploma.png"):
    return client.post(
        path,
        data={"proof-kind": kind, "proof-proof": (io.BytesIO(data), filename)},
        content_type="multipart/form-data",
    )


def test_the_provider_sends_the_proof_through_its_link_after_the_start(
    desk_app,
    approved,  # noqa: F811
):
    client, case_id, _ = approved
    path = LINK.search(client.get(f"/bureau/zaken/{case_id}").get_data(as_text=True))
    path = path.group(1)
    provider = desk_app.test_client()
    # Not before the start: the page offers the start, the proof is refused.
    assert "Stuur het bewijs" not in provider.get(path).get_data(as_text=True)
    assert send(provider, path + "/bewijs", PNG).status_code == 404
    provider.post(path, data={"name": "Petra de Opleider"})
    page = provider.get(path).get_data(as_text=True)
    assert "Stuur het bewijs" in page and "De opleiding is gestart" not in page
    refused = send(provider, path + "/bewijs", b"GIF89a")
    assert refused.status_code == 400
    assert "geen pdf, png of jpg" in refused.get_data(as_text=True)
    done = send(provider, path + "/bewijs", PNG, kind="attendance")
    assert done.status_code == 200 and "ontvangen" in done.get_data(as_text=True)
    application = application_of(desk_app, case_id)
    assert application.proof_file == PNG and application.proof_kind == "attendance"
    added = application.case.events[-1]
    assert (added.action, added.actor_id, added.data["by"]) == (
        "proof_added",
        None,
        "provider",
    )
    # The adviser checks it and records the payout.
    client.post(f"/bureau/vouchers/{case_id}/uitbetalen")
    assert application_of(desk_app, case_id).case.status == "afgerond"
    # Done: the link has no more business.
    assert provider.get(path).status_code == 404


def test_the_resident_sends_the_proof_once_started(
    desk_app,
    approved,  # noqa: F811
    login_as,
):
    client, case_id, _ = approved
    client.post("/uitloggen")
    resident, application_id = applicant_client(desk_app, case_id, login_as)
    detail = f"/vouchers/mijn-aanvragen/{application_id}"
    assert "Stuur het bewijs" not in resident.get(detail).get_data(as_text=True)
    early = send(resident, detail + "/bewijs", JPEG).get_data(as_text=True)
    assert "gestarte opleiding" in early
    assert application_of(desk_app, case_id).proof_file is None
    with desk_app.test_request_context():
        from portal.extensions import db
        from portal.vouchers import completion

        completion.record_start(application_of_in(db, case_id), None, "Opleider")
        db.session.commit()
    assert "Stuur het bewijs" in resident.get(detail).get_data(as_text=True)
    # The same content check as on the desk (the size limit is tested there).
    wrong = send(resident, detail + "/bewijs", b"MZ\x90\x00 diploma.exe")
    assert wrong.status_code == 400
    assert "geen pdf, png of jpg" in wrong.get_data(as_text=True)
    sent = send(resident, detail + "/bewijs", JPEG, filename="diploma.jpg")
    assert sent.status_code == 302
    application = application_of(desk_app, case_id)
    assert application.proof_mimetype == "image/jpeg"
    added = application.case.events[-1]
    assert added.action == "proof_added" and added.data["by"] == "resident"
    assert added.actor_id == application.applicant_id


def test_another_resident_cannot_send_a_proof(
    desk_app,
    approved,  # noqa: F811
    new_user,
    login_as,
):
    _, case_id, _ = approved
    application_id = application_of(desk_app, case_id).id
    _, email = new_user("resident")
    other = login_as(email, "Een-goed-wachtwoord")
    path = f"/vouchers/mijn-aanvragen/{application_id}/bewijs"
    assert send(other, path, PNG).status_code == 404


def application_of_in(db, case_id):
    from portal.vouchers.models import VoucherApplication

    return db.session.scalar(
        db.select(VoucherApplication).where(VoucherApplication.case_id == case_id)
    )
