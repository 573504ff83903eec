"""How personal data is shown to people who may not see it in full, and kept out of trails."""

from __future__ import annotations

import logging
import re
from typing import Any

# An 18-character resident ID number (GB 11643) wherever it stands in a text: 17 digits
# and a digit or X, not part of a longer run of digits (full-width digits included, since
# searches normalise them). Fifteen-digit first-generation numbers carry the birth date too.
_ID_NUMBER = re.compile(
    r"(?<![0-9０-９])(?:[0-9０-９]{17}[0-9０-９XxＸｘ]|[0-9]{15})(?![0-9０-９])"
)


def mask_id_number(value: str) -> str:
    """110105********123X: region code and the last four characters stay visible.

    The eight hidden characters are exactly the birth date, so nothing shown beside the
    masked number may restore it: pages, exports and the API give the birth year only."""
    if not value:
        return ""
    if len(value) < 10:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_phone(value: str) -> str:
    """138****5678 for mobiles; landlines keep area code and last four digits."""
    if not value:
        return ""
    digits = value.replace("-", "")
    if len(digits) <= 7:
        return "*" * len(value)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def is_masked(value: str) -> bool:
    """A value as it came out masked (submitted back unchanged by a form or an API client)."""
    return "*" in (value or "")


def hash_token(number: str) -> str:
    """What a trail keeps of an ID number: a truncated keyed hash, equal for equal numbers
    (so an auditor can still match a search to `Person.id_number_hash`), never the number."""
    from .crypto import lookup_hash

    return "idhash:" + lookup_hash(number)[:16]


def scrub_identifiers(value: Any) -> Any:
    """`value` (text, or lists and dicts of them) with every full ID number replaced by its
    keyed hash: for audit event data, exported filters and log lines."""
    if isinstance(value, str):
        return _ID_NUMBER.sub(lambda m: hash_token(m.group(0)), value) if value else value
    if isinstance(value, dict):
        return {k: scrub_identifiers(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(scrub_identifiers(v) for v in value)
    return value


class ScrubIdentifiersFilter(logging.Filter):
    """A logging filter (request lines, warnings, errors): full ID numbers typed into a search
    or a URL reach the log as their keyed hash."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is left for logging itself to report
            return True
        scrubbed = scrub_identifiers(message)
        if scrubbed != message:
            record.msg, record.args = scrubbed, None
        return True
