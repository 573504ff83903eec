"""Groups of units that targets and figures speak of: by level, kind and enforcement power."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from govcounsel.organisations.choices import UnitKind, UnitLevel


@dataclass(frozen=True)
class UnitGroup:
    level: str = ""
    kind: str = ""
    enforcement: bool | None = None

    @classmethod
    def from_params(cls, params: Any) -> UnitGroup:
        enforcement = params.get("enforcement")
        return cls(
            level=params.get("level", "") if params.get("level") in UnitLevel.values else "",
            kind=params.get("kind", "") if params.get("kind") in UnitKind.values else "",
            enforcement={"true": True, "false": False}.get(str(enforcement).lower()),
        )

    def q(self, prefix: str = "") -> Q:
        condition = Q()
        if self.level:
            condition &= Q(**{f"{prefix}level": self.level})
        if self.kind:
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
            parts.append(str(UnitKind(self.kind).label))
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
