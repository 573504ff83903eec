"""Training objects around the cast: a plan of unit_a (or of 朝阳区's association) with a
course, a lawyer's enrolment, a self-claim."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from govcounsel.training import services
from govcounsel.training.choices import Category, CourseKind, OwnerKind


def pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("证明.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")


def unit_plan(cast: Any, year: int | None = None) -> Any:
    return services.create_plan(
        by=cast.own_unit,
        title="本单位公职律师培训计划",
        year=year or timezone.localdate().year,
        owner_kind=OwnerKind.UNIT,
        unit=cast.tree.unit_a,
    )


def region_plan(cast: Any, year: int | None = None) -> Any:
    return services.create_plan(
        by=cast.association,
        title="朝阳区律师协会公职律师培训计划",
        year=year or timezone.localdate().year,
        owner_kind=OwnerKind.ASSOCIATION,
        region=cast.tree.chaoyang,
    )


def course(cast: Any, plan: Any = None, **kwargs: Any) -> Any:
    plan = plan or unit_plan(cast)
    by = cast.own_unit if plan.unit_id else cast.association
    today = timezone.localdate()
    fields: dict[str, Any] = {
        "title": "行政诉讼实务",
        "kind": CourseKind.CATEGORISED,
        "category": Category.PRACTICE_SKILLS,
        "provider": "朝阳区律师协会",
        "hours": Decimal("6"),
        "starts_on": today,
        "ends_on": today,
        "place": "区司法局三楼",
        "capacity": 30,
    }
    fields.update(kwargs)
    return services.add_course(by=by, plan=plan, **fields)


def enrolled(cast: Any, **kwargs: Any) -> Any:
    """A course of unit_a with the cast's lawyer enrolled and a sitting open now."""
    c = course(cast, **kwargs)
    now = timezone.now()
    services.add_session(
        by=cast.own_unit,
        course=c,
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(hours=1),
    )
    services.enrol(course=c, by=cast.lawyer)
    return c


def attended(cast: Any) -> Any:
    c = enrolled(cast)
    return services.record_attendance(course=c, by=cast.own_unit, person=cast.lawyer.person)


def claim(cast: Any, hours: str = "3", day: date | None = None) -> Any:
    return services.submit_claim(
        by=cast.lawyer,
        title="全国律协行政法专题讲座",
        provider="中华全国律师协会",
        kind=CourseKind.CATEGORISED,
        category=Category.POLITICAL_THEORY,
        day=day or timezone.localdate(),
        hours=Decimal(hours),
        proof=pdf(),
    )


def verified_claim(cast: Any, hours: str = "3") -> Any:
    return services.verify_claim(claim=claim(cast, hours), by=cast.association)
