"""Dates typed by people: read leniently where a page can fall back, strictly in the API."""

from __future__ import annotations

from datetime import date

from django.utils.dateparse import parse_date


def parse_day(text: str | None) -> date | None:
    """The date in `text` (YYYY-MM-DD), or None when it is empty, malformed or impossible
    (2026-02-30): `parse_date` raises on the last, and a typo must not cost a 500."""
    try:
        return parse_date(text or "")
    except ValueError:
        return None


def parse_year(text: str | None) -> int | None:
    """The year in `text` (four digits, 1900–9999), or None: a year outside what a date can
    hold would fail in the query that filters by it."""
    text = (text or "").strip()
    if len(text) == 4 and text.isascii() and text.isdigit() and int(text) >= 1900:
        return int(text)
    return None
