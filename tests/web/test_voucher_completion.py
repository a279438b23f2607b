"""Start and completion: the provider's signed link or the adviser records the start;
the proof of completion is checked by its content; the payout moves the reservation to
paid in the same step, and the fund's figures still add up."""

import io
import re

import pytest

from portal.extensions import db
from portal.vouchers import completion
from portal.vouchers.models import VoucherApplication
from tests.web.test_voucher_budget import VOUCHER
from tests.web.test_voucher_desk import (  # noqa: F401
    adviser,
    application_of,
    make_voucher,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 32
LINK = re.compile(
    r'id="provider-link"[^>]*value="https?://[^/"]+(/vouchers/opleider/[^"]+)"'
)


@pytest.fixture
def approved(make_voucher, adviser):  # noqa: F811
    """An approved voucher on the desk: (adviser client, case id, fund id)."""
    client, _ = adviser
    case_id, fund_id = make_voucher()
    assert client.post(f"/bureau/vouchers/{case_id}/goedkeuren").status_code == 302
    return client, case_id, fund_id


def upload(client, case_id, data, kind="diploma", filename="diploma.pdf"):
    return client.post(
        f"/bureau/vouchers/{case_id}/bewijs",
        data={"proof-kind": kind, "proof-proof": (io.BytesIO(data), filename)},
        content_type="multipart/form-data",
        follow_redirects=True,
    )


def fund_figures(client, fund_id) -> dict:
    [fund] = [
        f for f in client.get("/api/v1/funds").json["results"] if f["id"] == fund_id
    ]
    return fund


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7 diploma", "application/pdf"),
        (PNG, "image/png"),
        (JPEG, "image/jpeg"),
        (b"GIF89a", None),
        (b"MZ\x90\x00 an .exe called diploma.pdf", None),
        (b"", None),
    ],
)
def test_a_proof_is_recognised_by_its_content_not_its_name(data, expected):
    assert completion.proof_mimetype(data) == expected


def test_the_provider_confirms_the_start_once_by_its_signed_link(desk_app, approved):
    client, case_id, _ = approved
    page = client.get(f"/bureau/zaken/{case_id}").get_data(as_text=True)
    path = LINK.search(page).group(1)
    provider = desk_app.test_client()
    shown = provider.get(path)
    assert shown.status_code == 200 and "Verzorgende IG" in shown.get_data(as_text=True)
    assert provider.post(path, data={"name": ""}).status_code == 400
    done = provider.post(path, data={"name": "Petra de Opleider"})
    assert done.status_code == 200 and "vastgelegd" in done.get_data(as_text=True)
    application = application_of(desk_app, case_id)
    assert application.case.status == "gestart"
    started = application.case.events[-1]
    assert (started.action, started.from_status, started.actor_id) == (
        "started",
        "goedgekeurd",
        None,
    )
    assert started.data["provider_name"] == "Petra de Opleider"
    # Single use, and a forged link does nothing.
    assert provider.post(path, data={"name": "X"}).status_code == 404
    assert provider.get(path[:-3] + "abc").status_code == 404


def test_an_expired_provider_link_does_not_work(desk_app, approved, monkeypatch):
    client, case_id, _ = approved
    path = LINK.search(client.get(f"/bureau/zaken/{case_id}").get_data(as_text=True))
    monkeypatch.setattr(completion, "PROVIDER_LINK_DAYS", -1)
    assert desk_app.test_client().get(path.group(1)).status_code == 404


def test_the_adviser_records_start_proof_and_payout_and_the_money_moves_to_paid(
    desk_app, approved
):
    client, case_id, fund_id = approved
    before = fund_figures(client, fund_id)
    assert (before["reserved_cents"], before["paid_cents"]) == (VOUCHER, 0)
    client.post(f"/bureau/vouchers/{case_id}/gestart")
    assert application_of(desk_app, case_id).case.status == "gestart"
    # No payout without proof.
    refused = client.post(
        f"/bureau/vouchers/{case_id}/uitbetalen", follow_redirects=True
    )
    assert "Voeg eerst het diploma" in refused.get_data(as_text=True)
    assert application_of(desk_app, case_id).case.status == "gestart"
    page = upload(client, case_id, PNG, kind="attendance", filename="lijst.png")
    assert "Het bewijs is toegevoegd" in page.get_data(as_text=True)
    proof = client.get(f"/bureau/vouchers/{case_id}/bewijs")
    assert proof.data == PNG and proof.mimetype == "image/png"
    client.post(f"/bureau/vouchers/{case_id}/uitbetalen")
    application = application_of(desk_app, case_id)
    assert application.case.status == "afgerond"
    assert (application.reserved_cents, application.paid_cents) == (0, VOUCHER)
    actions = [e.action for e in application.case.events]
    assert actions[-3:] == ["started", "proof_added", "paid_out"]
    assert application.case.events[-1].data["paid"] == VOUCHER
    after = fund_figures(client, fund_id)
    assert (after["reserved_cents"], after["paid_cents"]) == (0, VOUCHER)
    assert (
        after["reserved_cents"] + after["paid_cents"] + after["remaining_cents"]
        == after["budget_cents"]
    )
    # Paid once: a second payout is refused and changes nothing.
    client.post(f"/bureau/vouchers/{case_id}/uitbetalen")
    assert application_of(desk_app, case_id).paid_cents == VOUCHER


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"GIF89a not a proof", "geen pdf, png of jpg"),
        (b"%PDF" + b"0" * completion.MAX_PROOF_BYTES, "groter dan 5 MB"),
        (b"", "Kies een bestand"),
    ],
)
def test_a_wrong_or_too_large_proof_is_refused_in_dutch(
    desk_app, approved, data, message
):
    client, case_id, _ = approved
    client.post(f"/bureau/vouchers/{case_id}/gestart")
    page = upload(client, case_id, data).get_data(as_text=True)
    assert message in page
    with desk_app.app_context():
        application = db.session.scalar(
            db.select(VoucherApplication).where(VoucherApplication.case_id == case_id)
        )
        assert application.proof_file is None and application.case.status == "gestart"


def test_completion_steps_need_the_right_status(desk_app, make_voucher, adviser):  # noqa: F811
    client, _ = adviser
    case_id, _ = make_voucher()  # submitted, not approved
    client.post(f"/bureau/vouchers/{case_id}/gestart", follow_redirects=True)
    assert application_of(desk_app, case_id).case.status == "ingediend"
    page = upload(client, case_id, b"%PDF-1.4").get_data(as_text=True)
    assert "gestarte opleiding" in page


def test_an_adviser_of_another_region_cannot_record_a_start(
    desk_app, approved, new_user, login_as
):
    _, case_id, _ = approved
    _, email = new_user("adviser", region="zeeland")
    other = login_as(email, "Een-goed-wachtwoord")
    assert other.post(f"/bureau/vouchers/{case_id}/gestart").status_code == 404
    assert other.get(f"/bureau/vouchers/{case_id}/bewijs").status_code == 404
    assert application_of(desk_app, case_id).case.status == "goedgekeurd"
