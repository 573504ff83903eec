"""Groups of units that targets and figures speak of: by level, kind and enforcement power."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from govcounsel.organisations.choices import UnitKind, UnitLevel

# 001 一(一): "各镇办、县级国家机关各工作部门（以下统称党政机关）" — party organs and
# government organs; people's organisations (人民团体) are not 党政机关 (000 preamble names
# them side by side: "任职于党政机关或者人民团体").
ORGAN_KINDS: tuple[str, ...] = (UnitKind.PARTY_ORGAN.value, UnitKind.GOVERNMENT_ORGAN.value)


class GroupKind(models.TextChoices):
    """The kinds a group of units can name: a single unit kind, or 党政机关 (both organ kinds)."""

    ORGAN = "organ", gettext_lazy("党政机关")
    PARTY_ORGAN = UnitKind.PARTY_ORGAN.value, UnitKind.PARTY_ORGAN.label
    GOVERNMENT_ORGAN = UnitKind.GOVERNMENT_ORGAN.value, UnitKind.GOVERNMENT_ORGAN.label
    PEOPLES_ORGANISATION = UnitKind.PEOPLES_ORGANISATION.value, UnitKind.PEOPLES_ORGANISATION.label


@dataclass(frozen=True)
class UnitGroup:
    level: str = ""
    kind: str = ""  # a GroupKind value; "organ" means party or government organ
    enforcement: bool | None = None

    @classmethod
    def from_params(cls, params: Any) -> UnitGroup:
        enforcement = params.get("enforcement")
        return cls(
            level=params.get("level", "") if params.get("level") in UnitLevel.values else "",
            kind=params.get("kind", "") if params.get("kind") in GroupKind.values else "",
            enforcement={"true": True, "false": False}.get(str(enforcement).lower()),
        )

    def q(self, prefix: str = "") -> Q:
        """The condition on a table with `kind`, `level` and `has_enforcement_power` columns,
        reached through `prefix` (e.g. "versions__" for a table of dated unit versions)."""
        condition = Q()
        if self.level:
            condition &= Q(**{f"{prefix}level": self.level})
        if self.kind == GroupKind.ORGAN:
            condition &= Q(**{f"{prefix}kind__in": ORGAN_KINDS})
        elif self.kind:
            condition &= Q(**{f"{prefix}kind": self.kind})
        if self.enforcement is not None:
            condition &= Q(**{f"{prefix}has_enforcement_power": self.enforcement})
        return condition

    @property
    def label(self) -> str:
        parts = []
        if self.level:
            parts.append(str(UnitLevel(self.level).label))
        if self.kind:
            parts.append(str(GroupKind(self.kind).label))
        if self.enforcement is True:
            parts.append(_("具有行政执法权的机关"))
        elif self.enforcement is False:
            parts.append(_("无行政执法权的机关"))
        return " · ".join(parts) or _("全部单位")

    def as_params(self) -> dict[str, str]:
        params = {"level": self.level, "kind": self.kind}
        if self.enforcement is not None:
            params["enforcement"] = "true" if self.enforcement else "false"
        return {k: v for k, v in params.items() if v}
