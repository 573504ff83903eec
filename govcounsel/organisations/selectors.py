"""Reads of the organisation tree, each a fixed number of queries whatever the tree's size."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet
from django.db.models.functions import Substr

from govcounsel.core.scoping import scope_of

from .models import Region, Unit


@dataclass
class RegionRow:
    region: Region
    units: int
    people: int


def top_regions(user: Any) -> QuerySet[Region]:
    """Where the user's tree starts: their granted regions, or the regions of their units."""
    scope = scope_of(user, "ORGANISATION_READERS")
    if scope.everything:
        return Region.objects.get_root_nodes()
    if scope.region_paths:
        return Region.objects.filter(path__in=scope.region_paths)
    return Region.objects.filter(pk__in=Unit.objects.visible_to(user).values("region_id"))


def _counts_by_prefix(queryset: QuerySet[Any], path_lookup: str, length: int) -> dict[str, int]:
    rows = (
        queryset.annotate(prefix=Substr(path_lookup, 1, length))
        .values("prefix")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {row["prefix"]: row["n"] for row in rows}


def region_rows(user: Any, regions: QuerySet[Region] | list[Region]) -> list[RegionRow]:
    """Each region with the units and people the user can see in its subtree: two GROUP BYs."""
    from govcounsel.people.models import Person

    regions = list(regions)
    if not regions:
        return []
    lengths = {len(r.path) for r in regions}
    units: dict[str, int] = {}
    people: dict[str, int] = {}
    for length in lengths:
        units |= _counts_by_prefix(Unit.objects.visible_to(user), "region__path", length)
        people |= _counts_by_prefix(Person.objects.visible_to(user), "unit__region__path", length)
    return [RegionRow(r, units.get(r.path, 0), people.get(r.path, 0)) for r in regions]


def child_regions(user: Any, region: Region) -> QuerySet[Region]:
    return Region.objects.visible_to(user).filter(
        path__startswith=region.path, depth=region.depth + 1
    )


def units_in_region(user: Any, region: Region) -> QuerySet[Unit]:
    return (
        Unit.objects.visible_to(user)
        .filter(region=region)
        .annotate(people_count=Count("people"))
        .order_by("level", "name")
    )
