"""What a survey file would change: rows, row errors and the plan (or a job's stored result)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from govcounsel.organisations.models import Unit

from ..models import Person


class SurveyFileError(Exception):
    """The file as a whole cannot be read (not Excel, empty, wrong headers)."""


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        return _("第%(row)d行“%(column)s”列：%(reason)s") % {
            "row": self.row,
            "column": self.column,
            "reason": self.reason,
        }


@dataclass
class Row:
    number: int
    name: str
    id_number: str
    id_hash: str
    sex: str
    phone: str
    unit: Unit
    is_civil_servant: bool
    full_time_legal: bool
    qualification: tuple[str, str, date] | None
    person: Person | None = None
    changes: dict[str, list[Any]] = field(default_factory=dict)
    qualification_known: bool = False

    @property
    def changes_nothing(self) -> bool:
        return (
            self.person is not None
            and not self.changes
            and (self.qualification is None or self.qualification_known)
        )


@dataclass
class SurveyPlan:
    rows: list[Row] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    # Fixed once the plan has been applied: the counts describe what the import did.
    applied: dict[str, int] | None = None
    # The row where reading stopped at a run of EMPTY_RUN empty rows (None: read to the end).
    ended_at: int | None = None

    @property
    def new_people(self) -> list[Row]:
        return [r for r in self.rows if r.person is None]

    @property
    def changed_people(self) -> list[Row]:
        return [r for r in self.rows if r.person is not None and r.changes]

    @property
    def new_qualifications(self) -> list[Row]:
        return [r for r in self.rows if r.qualification and not r.qualification_known]

    def summary(self) -> dict[str, int]:
        if self.applied is not None:
            return self.applied
        return {
            "rows": len(self.rows) + len({e.row for e in self.errors}),
            "new_people": len(self.new_people),
            "changed_people": len(self.changed_people),
            "new_qualifications": len(self.new_qualifications),
            "unchanged": sum(1 for r in self.rows if r.changes_nothing),
            "errors": len(self.errors),
        }


@dataclass
class StoredPlan:
    """The preview or result a background job left in SurveyUpload.summary (see tasks.py),
    shaped like a SurveyPlan for the page: counts, the first errors, where reading ended."""

    counts: dict[str, int]
    errors: list[RowError]
    ended_at: int | None = None

    @classmethod
    def from_summary(cls, summary: dict[str, Any]) -> StoredPlan:
        return cls(
            counts={k: summary.get(k, 0) for k in SUMMARY_KEYS},
            errors=[RowError(*e) for e in summary.get("problems", [])],
            ended_at=summary.get("ended_at"),
        )

    def summary(self) -> dict[str, int]:
        return self.counts


SUMMARY_KEYS = ("rows", "new_people", "changed_people", "new_qualifications", "unchanged", "errors")
# Progress of a background job: called with the number of data rows read so far.
Progress = Callable[[int], None]
