"""Paging of lists, for the API and the pages alike.

Kept apart from core.api: DRF reads the default pagination class while its generic views load.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound
from rest_framework.pagination import BasePagination, PageNumberPagination, _positive_int
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param


class StandardPagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 500


@dataclass
class KeysetPage:
    """One page of rows, with the cursors of the pages after and before it (None: none)."""

    rows: list[Any]
    next_cursor: str | None
    previous_cursor: str | None


class KeysetPagination(BasePagination):
    """Keyset ("cursor") paging for registers that grow to millions of rows: every page,
    however deep, is an index range scan; no COUNT(*) and no OFFSET.

    One implementation for the API (`pagination_class = KeysetPagination.by("at")`) and for
    the pages (`ScopedListView.keyset_field = "at"`): the same `?cursor=` token, the same
    order. Rows are ordered by one non-null field and then the primary key, both in the same
    direction; the cursor is an opaque token holding the last row's (field, pk) and whether
    it points backwards. A row inserted meanwhile never shifts a page, as OFFSET would.
    """

    # The matters API declares this class itself; other registers use `by(field)`.
    ordering: tuple[str, str] = ("-registered_at", "-pk")
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    cursor_query_param = "cursor"
    cursor_query_description = _("分页游标：上一次回应中 next 或 previous 链接所带的值。")
    invalid_cursor_message = _("分页游标无效，请从第一页重新开始。")

    @classmethod
    def by(cls, field: str, *, descending: bool = True) -> type[KeysetPagination]:
        """The paging of a register ordered by `field` (newest first unless told otherwise)."""
        sign = "-" if descending else ""
        return type(
            f"KeysetPaginationBy_{field}", (cls,), {"ordering": (f"{sign}{field}", f"{sign}pk")}
        )

    # The one implementation -------------------------------------------------------------

    @property
    def _field(self) -> str:
        return self.ordering[0].lstrip("-")

    @property
    def _descending(self) -> bool:
        return self.ordering[0].startswith("-")

    def encode_cursor(self, obj: Any, *, back: bool = False) -> str:
        value = getattr(obj, self._field)
        text = value.isoformat() if hasattr(value, "isoformat") else value
        raw = json.dumps({"k": [text, obj.pk], "b": int(back)}, separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    def decode_cursor(self, text: str, model: Any) -> tuple[Any, Any, bool] | None:
        """(field value, pk, backwards), or None for a token this paging did not write."""
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            data = json.loads(raw)
            (value, pk), back = data["k"], bool(data["b"])
            value = model._meta.get_field(self._field).to_python(value)
            pk = model._meta.pk.to_python(pk)
        except (
            binascii.Error,
            ValueError,  # bad JSON, bad UTF-8, a value the field cannot read
            KeyError,
            TypeError,
            ValidationError,
            FieldDoesNotExist,
        ):
            return None
        if value is None or pk is None or (isinstance(pk, int) and not 0 < pk < 2**63):
            return None
        if isinstance(value, datetime) and timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value, pk, back

    def page(self, queryset: QuerySet[Any], cursor: str | None, page_size: int) -> KeysetPage:
        """The page the cursor points at (the first page without one). Raises ValueError
        for a cursor this paging did not write."""
        position = None
        if cursor:
            position = self.decode_cursor(cursor, queryset.model)
            if position is None:
                raise ValueError(cursor)
        back = bool(position and position[2])
        # Walking backwards reads the rows before the cursor in the opposite order.
        descending = self._descending != back
        sign = "-" if descending else ""
        rows = queryset.order_by(f"{sign}{self._field}", f"{sign}pk")
        if position is not None:
            value, pk, _back = position
            beyond = "lt" if descending else "gt"
            rows = rows.filter(
                Q(**{f"{self._field}__{beyond}": value})
                | Q(**{self._field: value, f"pk__{beyond}": pk})
            )
        fetched = list(rows[: page_size + 1])
        more = len(fetched) > page_size
        fetched = fetched[:page_size]
        if back:
            fetched.reverse()
        # Forwards: a next page if more rows were found, a previous one if a cursor led here.
        # Backwards: the mirror image.
        has_next = position is not None if back else more
        has_previous = more if back else position is not None
        return KeysetPage(
            rows=fetched,
            next_cursor=self.encode_cursor(fetched[-1]) if fetched and has_next else None,
            previous_cursor=(
                self.encode_cursor(fetched[0], back=True) if fetched and has_previous else None
            ),
        )

    # The API side (DRF) -----------------------------------------------------------------

    def get_page_size(self, request: Request) -> int:
        try:
            return _positive_int(
                request.query_params[self.page_size_query_param],
                strict=True,
                cutoff=self.max_page_size,
            )
        except (KeyError, ValueError):
            return self.page_size

    def paginate_queryset(self, queryset: Any, request: Request, view: Any = None) -> list[Any]:
        self.request = request
        try:
            self.current = self.page(
                queryset,
                request.query_params.get(self.cursor_query_param),
                self.get_page_size(request),
            )
        except ValueError:
            raise NotFound(self.invalid_cursor_message) from None
        return self.current.rows

    def _link(self, cursor: str | None) -> str | None:
        if cursor is None:
            return None
        return replace_query_param(
            self.request.build_absolute_uri(), self.cursor_query_param, cursor
        )

    def get_next_link(self) -> str | None:
        return self._link(self.current.next_cursor)

    def get_previous_link(self) -> str | None:
        return self._link(self.current.previous_cursor)

    def get_paginated_response(self, data: Any) -> Response:
        return Response(
            {"next": self.get_next_link(), "previous": self.get_previous_link(), "results": data}
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        link = {"type": "string", "nullable": True, "format": "uri"}
        return {
            "type": "object",
            "required": ["results"],
            "properties": {"next": link, "previous": dict(link), "results": schema},
        }

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": force_str(self.cursor_query_description),
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": force_str(_("每页条数（最多500）。")),
                "schema": {"type": "integer"},
            },
        ]
