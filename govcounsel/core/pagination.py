"""Kept apart from core.api: DRF reads the default pagination class while its generic views load."""

from rest_framework.pagination import CursorPagination, PageNumberPagination


class StandardPagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 500


class KeysetPagination(CursorPagination):
    """Keyset ("cursor") paging for registers that grow to millions of rows: every page,
    however deep, is an index range scan; no COUNT(*) and no OFFSET."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    ordering = ("-registered_at", "-id")
