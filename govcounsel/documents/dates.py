"""Dates as official documents write them."""

from __future__ import annotations

from datetime import date


def chinese_date(day: date) -> str:
    """成文日期 in Arabic numerals without leading zeros (GB/T 9704-2012 7.3.5.3):
    "2026年9月30日", never "2026年09月30日"."""
    return f"{day.year}年{day.month}月{day.day}日"
