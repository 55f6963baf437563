"""Every state change of the whistleblowing channel, by concern; each is one transaction with its audit event.

The events are unscoped (no office), so the office a report concerns does not see them in its own trail, and their
summaries name the report's number, never its content. Reads of protected content are audited too
(`audited_reads`).
"""

from garda.whistle.actions.audited_reads import (
    OpenedFile,
    OpenedMessage,
    file_bytes,
    opened_file,
    protected,
    read_content,
    read_file,
    report_key_for_receipt,
    report_key_for_user,
    thread,
)
from garda.whistle.actions.common import ORDER, story
from garda.whistle.actions.forwarding import do_open_intel_record
from garda.whistle.actions.handling import (
    do_confirm_close,
    do_exclude,
    do_grant_access,
    do_set_status,
    eligible_handlers,
    needs_two_to_close,
)
from garda.whistle.actions.keys import do_open_key_pair, do_retire_key_pair, do_rewrap_key_pair
from garda.whistle.actions.messages import do_reply, do_reporter_message
from garda.whistle.actions.recovery import do_create_recovery_key, do_restore_access
from garda.whistle.actions.reveal import do_decide_reveal, do_request_reveal, identity_key_for, read_identity
from garda.whistle.actions.submission import Submission, Upload, do_submit_report, seal_for, seal_identity_for

__all__ = [
    "ORDER",
    "OpenedFile",
    "OpenedMessage",
    "Submission",
    "Upload",
    "do_confirm_close",
    "do_create_recovery_key",
    "do_decide_reveal",
    "do_exclude",
    "do_grant_access",
    "do_open_intel_record",
    "do_open_key_pair",
    "do_reply",
    "do_reporter_message",
    "do_request_reveal",
    "do_restore_access",
    "do_retire_key_pair",
    "do_rewrap_key_pair",
    "do_set_status",
    "do_submit_report",
    "eligible_handlers",
    "file_bytes",
    "identity_key_for",
    "needs_two_to_close",
    "opened_file",
    "protected",
    "read_content",
    "read_file",
    "read_identity",
    "report_key_for_receipt",
    "report_key_for_user",
    "seal_for",
    "seal_identity_for",
    "story",
    "thread",
]
