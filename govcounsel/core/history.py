"""Dated versions: the facts of a record as they stood on any day (ADR 0009).

A versioned record (a unit, a person) keeps its present facts on its own row, for forms,
lists and scoping, and the same facts as dated versions — `[valid_from, valid_to)`, an
open end meaning "still so" — for every question about a past day. The versions never
overlap (PostgreSQL enforces it with an exclusion constraint; the functions here keep it
on any database), and the latest version always mirrors the row:

- `change_as_of(obj, on)` records that the row's present facts hold from `on`: the latest
  version is closed the day before and a new one opens (or is corrected in place when it
  began that very day). Services call it before saving a dated change.
- `Versioned.save()` keeps the latest version equal to the row and within the record's
  own bounds (a unit's establishment and abolition dates): a save without a dated change
  is a correction of the current facts, never a rewrite of closed periods.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, ClassVar

from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .errors import DomainError

# Before this history existed every record counted on every day; the backfill and the
# factories start their first versions here so that no figure reported before moves.
HISTORY_EPOCH = date(2000, 1, 1)


def covering_q(day: date, prefix: str = "") -> Q:
    """The versions in force on `day`: begun on or before it, not yet ended on it."""
    return Q(**{f"{prefix}valid_from__lte": day}) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gt": day})
    )


class VersionQuerySet(models.QuerySet[Any]):
    def covering(self, day: date) -> VersionQuerySet:
        return self.filter(covering_q(day))


class DatedVersion(models.Model):
    """Abstract: one period of a record's facts; the end day is outside the period."""

    valid_from = models.DateField(_("起始日期"))
    valid_to = models.DateField(_("截止日期"), null=True, blank=True)

    objects = VersionQuerySet.as_manager()

    # The name of the foreign key to the versioned record (set by each concrete model).
    owner_field: ClassVar[str] = ""

    class Meta:
        abstract = True

    def covers(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day < self.valid_to)


class Versioned(models.Model):
    """Abstract: a record whose `versioned_fields` keep dated history in `versions`."""

    versioned_fields: ClassVar[tuple[str, ...]] = ()
    # When the first version of a new record begins; services set it to the effective date.
    version_from: date | None = None

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        fields = kwargs.get("update_fields")
        with transaction.atomic():
            super().save(*args, **kwargs)
            if fields is None or set(fields) & {*self.versioned_fields, *self.bound_fields()}:
                sync_latest(self)

    def version_values(self) -> dict[str, Any]:
        """The versioned facts by column name (`unit_id`, not `unit`): no query needed."""
        names = [
            getattr(self._meta.get_field(name), "attname", name) for name in self.versioned_fields
        ]
        return {name: getattr(self, name) for name in names}

    def history_bounds(self) -> tuple[date | None, date | None]:
        """(first day, end) the record's history must span; None as first day keeps it."""
        return None, None

    def bound_fields(self) -> tuple[str, ...]:
        return ()

    def first_versions(self, start: date, end: date | None) -> list[Any]:
        """The versions of a record first saved with facts on record since `start`."""
        return [_versions(self).model(valid_from=start, valid_to=end, **self.version_values())]


def _versions(obj: Versioned) -> Any:
    return obj.versions  # type: ignore[attr-defined]


def _differs(version: DatedVersion, values: dict[str, Any]) -> bool:
    return any(getattr(version, key) != value for key, value in values.items())


def _refuse(code: str, message: Any, field: str = "") -> None:
    raise DomainError(code, message, field=field or None)


def sync_latest(obj: Versioned) -> None:
    """Make the history agree with the row: the latest version carries the row's facts and
    ends when the record ends; the first begins when the record begins."""
    start, end = obj.history_bounds()
    values = obj.version_values()
    versions = list(_versions(obj).select_for_update().order_by("valid_from"))
    if not versions:
        first_day = start or obj.version_from or timezone.localdate()
        if end is not None and end <= first_day:
            _refuse("invalid_period", _("撤销日期须晚于成立日期。"), "abolished_on")
        for version in obj.first_versions(first_day, end):
            setattr(version, version.owner_field, obj)
            version.save()
        return
    first, latest = versions[0], versions[-1]
    if start is not None and start != first.valid_from:
        limit = first.valid_to if len(versions) > 1 else end
        if limit is not None and start >= limit:
            _refuse(
                "invalid_period",
                _("成立日期须早于%(date)s（此后的变更或撤销日期）。") % {"date": limit},
                "established_on",
            )
        first.valid_from = start
        first.save(update_fields=["valid_from"])
    if end is not None and end <= latest.valid_from:
        _refuse(
            "invalid_period",
            _("撤销日期须晚于%(date)s（最近一次变更的生效日期）。") % {"date": latest.valid_from},
            "abolished_on",
        )
    if _differs(latest, values) or latest.valid_to != end:
        for key, value in values.items():
            setattr(latest, key, value)
        latest.valid_to = end
        latest.save()


def change_as_of(obj: Versioned, on: date, *, before_first: str = "refuse") -> None:
    """Record that the row's present facts hold from `on` (call before saving the row).

    A date before the latest version began cannot rewrite the closed periods and is
    refused — or, with `before_first="clamp"`, taken as that version's first day when it
    is the record's only version (nothing was on record before it)."""
    values = obj.version_values()
    versions = _versions(obj)
    latest = versions.select_for_update().order_by("-valid_from").first()
    if latest is None:
        obj.version_from = on
        return
    if not _differs(latest, values):
        return
    if on < latest.valid_from:
        only = not versions.filter(valid_from__lt=latest.valid_from).exists()
        if before_first == "clamp" and only:
            on = latest.valid_from
        else:
            _refuse(
                "before_last_change",
                _("变更生效日期不能早于%(date)s（上一次变更的生效日期）。")
                % {"date": latest.valid_from},
                "effective_on",
            )
    if latest.valid_to is not None and on >= latest.valid_to:
        _refuse(
            "record_ended",
            _("该记录自%(date)s起已终止，不能登记此后的变更。") % {"date": latest.valid_to},
            "effective_on",
        )
    if on == latest.valid_from:
        for key, value in values.items():
            setattr(latest, key, value)
        latest.save()
        return
    end = latest.valid_to
    latest.valid_to = on  # shortened first, so the periods never overlap
    latest.save(update_fields=["valid_to"])
    versions.create(valid_from=on, valid_to=end, **values)


def move_latest_start(
    obj: Versioned, old_start: date | None, new_start: date, *, field: str = "effective_on"
) -> None:
    """Correct the day the latest version began (and the previous one ended), if it began
    on `old_start`."""
    ordered = list(_versions(obj).select_for_update().order_by("-valid_from")[:2])
    if len(ordered) < 2 or ordered[0].valid_from != old_start or old_start == new_start:
        return
    latest, previous = ordered
    if new_start <= previous.valid_from or (
        latest.valid_to is not None and new_start >= latest.valid_to
    ):
        _refuse(
            "before_last_change",
            _("变更生效日期须晚于%(date)s（上一次变更的生效日期）。")
            % {"date": previous.valid_from},
            field,
        )
    # Shrink before growing, so the two periods never overlap on the way.
    if new_start > latest.valid_from:
        latest.valid_from = new_start
        latest.save(update_fields=["valid_from"])
        previous.valid_to = new_start
        previous.save(update_fields=["valid_to"])
    else:
        previous.valid_to = new_start
        previous.save(update_fields=["valid_to"])
        latest.valid_from = new_start
        latest.save(update_fields=["valid_from"])


def bulk_change_as_of(
    version_model: type[DatedVersion], objs: Iterable[Versioned], on: date
) -> None:
    """`change_as_of` for many records at once (importers): two queries and two bulk writes.
    A record whose latest version began after `on` takes the change from that day."""
    objs = list(objs)
    owner = version_model.owner_field
    latest: dict[int, DatedVersion] = {}
    for version in (
        version_model.objects.filter(**{f"{owner}__in": [o.pk for o in objs]})
        .select_for_update()
        .order_by(owner, "-valid_from")
    ):
        latest.setdefault(getattr(version, f"{owner}_id"), version)
    closed, corrected, opened = [], [], []
    for obj in objs:
        values = obj.version_values()
        current = latest.get(obj.pk)
        if current is None:
            opened.append(version_model(**{owner: obj}, valid_from=on, **values))
        elif not _differs(current, values):
            continue
        elif current.valid_from >= on:
            for key, value in values.items():
                setattr(current, key, value)
            corrected.append(current)
        else:
            opened.append(
                version_model(**{owner: obj}, valid_from=on, valid_to=current.valid_to, **values)
            )
            current.valid_to = on
            closed.append(current)
    if closed:
        version_model.objects.bulk_update(closed, ["valid_to"], batch_size=1000)
    if corrected:
        fields = list(objs[0].version_values()) if objs else []
        version_model.objects.bulk_update(corrected, fields, batch_size=1000)
    if opened:
        version_model.objects.bulk_create(opened, batch_size=1000)
