"""The shared list of fields of expertise and the tags of the talent pool's lawyers, kept by
the superior units' administrators (001 一(三)): the dispatch request names a field, and the
pool is ranked by it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError
from govcounsel.core.permissions import ensure_can
from govcounsel.core.services import lock, model_update
from govcounsel.people.models import Person

from ..models import Expertise

_KEEPER = _("只有上级单位管理员可以维护专长目录。")
_NOT_IN_POOL = _("只能为本系统人才库中的公职律师标注专长。")


def _name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise DomainError("name_required", _("请填写专长名称。"), field="name")
    return name


def _ensure_free(name: str, *, except_pk: int | None = None) -> None:
    clash = Expertise.objects.filter(name=name).exclude(pk=except_pk or 0).first()
    if clash is not None:
        message = (
            _("专长目录中已有“%(name)s”。")
            if clash.active
            else _("专长目录中已有“%(name)s”（已停用），请恢复使用。")
        )
        raise DomainError("duplicate_expertise", message % {"name": name}, field="name")


@transaction.atomic
def add_expertise(*, by: Any, name: str) -> Expertise:
    ensure_can(by, "matters.manage_expertise", None, _KEEPER)
    name = _name(name)
    _ensure_free(name)
    expertise = Expertise(name=name)
    expertise.full_clean()
    expertise.save()
    record_event("matters.expertise.added", expertise, by=by)
    return expertise


@transaction.atomic
def rename_expertise(*, expertise: Expertise, by: Any, name: str) -> Expertise:
    """A better name for the same field: lawyers and requests tagged with it keep it."""
    ensure_can(by, "matters.manage_expertise", None, _KEEPER)
    name = _name(name)
    _ensure_free(name, except_pk=expertise.pk)
    expertise, _changed = model_update(
        expertise, by=by, fields=("name",), data={"name": name}, event="matters.expertise.renamed"
    )
    return expertise


@transaction.atomic
def set_expertise_active(*, expertise: Expertise, by: Any, active: bool) -> Expertise:
    """Retire a field (no longer offered to requests and tags; kept where it was used), or
    take a retired one back into use."""
    ensure_can(by, "matters.manage_expertise", None, _KEEPER)
    expertise, _changed = model_update(
        expertise,
        by=by,
        fields=("active",),
        data={"active": active},
        event="matters.expertise.restored" if active else "matters.expertise.retired",
    )
    return expertise


@transaction.atomic
def tag_lawyer(*, person: Person, by: Any, expertise: Iterable[Expertise]) -> Person:
    """Set the fields in use a pool lawyer is known for. Retired fields the lawyer was tagged
    with stay: they are history, and no longer offered."""
    person = lock(person)
    ensure_can(by, "matters.tag_expertise", person, _NOT_IN_POOL)
    # Read again: the fields as stored now, not as the caller last saw them.
    wanted = {e.pk: e for e in Expertise.objects.filter(pk__in=[e.pk for e in expertise])}
    retired = sorted(e.name for e in wanted.values() if not e.active)
    if retired:
        raise DomainError(
            "expertise_retired",
            _("专长“%(names)s”已停用，不能再标注。") % {"names": "、".join(retired)},
            field="expertise",
        )
    current = {e.pk: e for e in person.expertise.filter(active=True)}
    added = [wanted[pk] for pk in wanted.keys() - current.keys()]
    removed = [current[pk] for pk in current.keys() - wanted.keys()]
    if not added and not removed:
        return person
    person.expertise.add(*added)
    person.expertise.remove(*removed)
    record_event(
        "matters.expertise.tagged",
        person,
        by=by,
        data={
            "added": sorted(e.name for e in added),
            "removed": sorted(e.name for e in removed),
        },
    )
    return person
