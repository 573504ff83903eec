"""The matter workflow (指派 → 承办 → 反馈 → 督办 → 评价), one service per verb.

One module per part of the domain; callers keep using `services.<verb>` from here."""

from .corrections import (
    EDITABLE_FIELDS,
    HANDLED,
    change_deadline,
    edit_matter,
    reassign,
    withdraw_matter,
)
from .decisions import (
    DECISION_ITEM_FIELDS,
    add_decision_item,
    decide,
    open_decision,
    update_decision_item,
)
from .dispatch import dispatch, reject_dispatch, request_dispatch
from .notices import WORD, issue_commission_letter, letter_refusal, remind
from .workflow import (
    accept,
    assign,
    close,
    decline,
    judge_decline,
    judge_decline_on,
    record_overtime,
    register_matter,
    return_for_rework,
    submit_opinion,
)

__all__ = [
    "DECISION_ITEM_FIELDS",
    "EDITABLE_FIELDS",
    "HANDLED",
    "WORD",
    "accept",
    "add_decision_item",
    "assign",
    "change_deadline",
    "close",
    "decide",
    "decline",
    "dispatch",
    "edit_matter",
    "issue_commission_letter",
    "judge_decline",
    "judge_decline_on",
    "letter_refusal",
    "open_decision",
    "reassign",
    "record_overtime",
    "register_matter",
    "reject_dispatch",
    "remind",
    "request_dispatch",
    "return_for_rework",
    "submit_opinion",
    "update_decision_item",
    "withdraw_matter",
]
