"""The audit trail as a hash chain (ADR 0010, MLPS 2.0 8.1.4.3 c: audit records protected
from unexpected deletion, modification or overwriting).

Each audit event and each field-change entry carries the SHA-256 of its own content and of
the digest of the row before it, so a row changed, removed or slipped in afterwards breaks
the chain at that row. Appending takes a transaction-level advisory lock on PostgreSQL, so
two transactions appending at once wait for each other instead of forking the chain; the
lock ends with the transaction, and the next writer reads the committed last digest.

The content is hashed as canonical JSON of the values the database gives back (times in
UTC, integral floats as integers), so that the verifier, reading the stored rows, computes
the same digest as the writer did before the insert.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connections, models
from django.utils.ipv6 import clean_ipv6_address

# Distinct advisory-lock keys for the two chains ("GCAU" and "GCLE" as 32-bit integers).
AUDIT_LOCK = 0x47434155
CHANGE_LOCK = 0x47434C45
VERSION = "v1"


def lock(key: int, using: str = "default") -> None:
    """Hold the chain's append lock until the end of the current transaction (PostgreSQL;
    SQLite writes one transaction at a time anyway)."""
    connection = connections[using]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def _plain(value: Any) -> Any:
    """A value as it reads back from the database, for hashing."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)  # jsonb gives 1e16 back as 10000000000000000
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def ip(value: Any) -> Any:
    """An address as GenericIPAddressField stores it (IPv6 compressed)."""
    if value and ":" in str(value):
        try:
            return clean_ipv6_address(str(value))
        except ValidationError:
            return value
    return value or None


def digest(fields: list[Any], previous: str) -> str:
    payload = json.dumps(
        [VERSION, *(_plain(v) for v in fields), previous],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def normalise_json(value: Any) -> Any:
    """JSON data as it will be stored: a round trip through the encoder (tuples become
    lists, keys strings)."""
    return json.loads(json.dumps(value, default=str))


def event_fields(event: Any) -> list[Any]:
    """The hashed content of an AuditEvent, in a fixed order.

    The request id (ADR 0017) is hashed when there is one, as a tenth value: rows written
    before it existed, and events outside a request, hash exactly as before, so the chain
    they are in still verifies; a request id added to such a row, or taken from a row that
    had one, changes the count of values and breaks the link."""
    fields = [
        event.action,
        event.actor_id,
        event.actor_name,
        event.at,
        ip(event.client_address),
        event.content_type_id,
        str(event.object_id),
        event.object_repr,
        normalise_json(event.data),
    ]
    # getattr: migration 0007 hashes rows through the model as it was, without the field.
    request_id = getattr(event, "request_id", None)
    if request_id is not None:
        fields.append(request_id)
    return fields


def change_fields(entry: Any) -> list[Any]:
    """The hashed content of a django-auditlog LogEntry, in a fixed order."""
    return [
        entry.pk,
        entry.content_type_id,
        str(entry.object_pk),  # a CharField: an int given reads back as text
        None if entry.object_id is None else int(entry.object_id),
        entry.object_repr,
        entry.action,
        normalise_json(entry.changes),
        entry.changes_text,
        entry.actor_id,
        entry.actor_email,
        entry.cid,
        ip(entry.remote_addr),
        entry.remote_port,
        entry.timestamp,
        normalise_json(entry.additional_data),
        normalise_json(entry.serialized_data),
    ]


def last_digest(queryset: models.QuerySet[Any], field: str = "digest") -> str:
    return queryset.order_by("-pk").values_list(field, flat=True).first() or ""


@dataclass(frozen=True)
class BrokenLink:
    """The first row where the chain does not hold, and why."""

    chain: str
    pk: Any
    at: datetime | None
    reason: str


def walk(
    rows: Iterator[Any],
    *,
    chain: str,
    fields: Any,
    pk_of: Any,
    at_of: Any,
) -> tuple[int, BrokenLink | None]:
    """Walk (row, seal) pairs in chain order, where the seal holds previous_digest and
    digest; return how many were checked and the first broken link."""
    previous = ""
    count = 0
    for row, seal in rows:
        count += 1
        if seal.previous_digest != previous:
            return count, BrokenLink(chain, pk_of(row), at_of(row), "previous")
        if digest(fields(row), previous) != seal.digest:
            return count, BrokenLink(chain, pk_of(row), at_of(row), "content")
        previous = seal.digest
    return count, None


# The tables of the trail: the application's role may read and append, never change.
AUDIT_TABLES = ("core_auditevent", "auditlog_logentry", "core_changeseal")
# A session may empty the trail only when it says so first (Django's flush between
# transactional tests does, through config/settings/test.py); a TRUNCATE by accident fails.
TRUNCATE_SETTING = "govcounsel.allow_audit_truncate"


def revoke_audit_writes(connection: Any) -> list[str]:
    """On PostgreSQL, take UPDATE, DELETE and TRUNCATE on the audit tables from every role
    but the table's owner (PUBLIC included): the application's role keeps SELECT and
    INSERT. Returns the statements run. Run by the owner (migrations, docs/operations.md)."""
    if connection.vendor != "postgresql":
        return []
    statements = []
    with connection.cursor() as cursor:
        for table in AUDIT_TABLES:
            cursor.execute(
                """
                SELECT DISTINCT CASE WHEN a.grantee = 0 THEN 'PUBLIC'
                                     ELSE quote_ident(r.rolname) END
                FROM pg_class c
                CROSS JOIN LATERAL aclexplode(c.relacl) a
                LEFT JOIN pg_roles r ON r.oid = a.grantee
                WHERE c.oid = %s::regclass
                  AND a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')
                  AND a.grantee <> c.relowner
                """,
                [table],
            )
            for (grantee,) in cursor.fetchall():
                statements.append(f"REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM {grantee}")
        for statement in statements:
            with connection.cursor() as cursor:
                cursor.execute(statement)
    return statements


def writable_audit_tables(connection: Any) -> list[str]:
    """The audit tables the connected role could change though it does not own them."""
    if connection.vendor != "postgresql":
        return []
    found = []
    with connection.cursor() as cursor:
        for table in AUDIT_TABLES:
            cursor.execute(
                """
                SELECT pg_has_role(current_user, c.relowner, 'USAGE'),
                       has_table_privilege(c.oid, 'UPDATE')
                       OR has_table_privilege(c.oid, 'DELETE')
                       OR has_table_privilege(c.oid, 'TRUNCATE')
                FROM pg_class c WHERE c.oid = %s::regclass
                """,
                [table],
            )
            owner, writable = cursor.fetchone()
            if writable and not owner:
                found.append(table)
    return found
