"""Voucher applications share the desk: their workflow is registered next to contact
requests and ends in four ways, not one."""

from portal.desk.workflow import WORKFLOWS, workflow_for
from portal.vouchers.workflow import FINAL, ApplicationStatus


def test_voucher_applications_have_a_desk_workflow_built_from_the_voucher_table():
    workflow = workflow_for("voucher_application")
    assert workflow.initial == ApplicationStatus.SUBMITTED
    assert workflow.can_transition("in_behandeling", "goedgekeurd", "adviser")
    assert not workflow.can_transition("in_behandeling", "goedgekeurd", "resident")
    assert workflow.can_transition("wachtlijst", "goedgekeurd", "system")


def test_every_final_voucher_status_closes_the_case_and_the_others_keep_it_open():
    workflow = workflow_for("voucher_application")
    for status in ApplicationStatus:
        assert workflow.is_open(status) == (status not in FINAL)


def test_contact_requests_still_end_only_when_closed():
    workflow = WORKFLOWS["contact_request"]
    assert workflow.ends == {"closed"}
    assert workflow.is_open("answered") and not workflow.is_open("closed")
