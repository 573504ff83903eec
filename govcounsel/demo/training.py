"""Training in the demo (000 #9, 001 三(二)): requirements for 朝阳区 and 聊城市, plans and
courses for last year and this year (朝阳区's association and justice bureau, 聊城市司法局,
one unit plan each), enrolments and attendance from the provider, some lawyers behind, a
self-claim of lawyer_cy awaiting verification and a lawyer of 聊城 past their pre-service
period. Written through the services as the demo logins; runs after awards."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from govcounsel.accounts.models import User
from govcounsel.certificates.choices import HELD_CERTIFICATE
from govcounsel.certificates.models import Certificate
from govcounsel.core.errors import DomainError
from govcounsel.demo.acting import act
from govcounsel.organisations.models import Region, Unit
from govcounsel.training import services
from govcounsel.training.choices import Category, CourseKind, OwnerKind

COURSES = [
    ("习近平法治思想专题培训", CourseKind.CATEGORISED, Category.POLITICAL_THEORY, "8"),
    ("行政复议法修订要点", CourseKind.CATEGORISED, Category.PRACTICE_SKILLS, "6"),
    (
        "法官、检察官、公职律师同堂培训：行政诉讼出庭应诉",
        CourseKind.JOINT,
        Category.PRACTICE_SKILLS,
        "8",
    ),
    ("模拟法庭：政府信息公开诉讼", CourseKind.MOOT_COURT, Category.PRACTICE_SKILLS, "4"),
    ("律师事务所实训基地：合同审查实务", CourseKind.FIRM_BASE, Category.PRACTICE_SKILLS, "12"),
    ("新任公职律师职前培训", CourseKind.PRE_SERVICE, Category.ETHICS, "16"),
]


def _user(name: str) -> User:
    return User.objects.get(username=name)


def _lawyers(region: Region) -> list[Any]:
    return [
        c.person
        for c in Certificate.objects.filter(
            status__in=HELD_CERTIFICATE, unit__region__path__startswith=region.path
        ).select_related("person__unit")
    ]


def _plan(by: User, title: str, year: int, **owner: Any) -> Any:
    return services.create_plan(by=by, title=title, year=year, **owner)


def _courses(
    rng: random.Random, plan: Any, by: User, year: int, provider: str, n: int
) -> list[Any]:
    today = timezone.localdate()
    made = []
    for title, kind, category, hours in rng.sample(COURSES[:5], n):
        start = date(year, rng.randint(3, 10), rng.randint(1, 28))
        if start > today:
            start = today - timedelta(days=rng.randint(5, 40))
        made.append(
            services.add_course(
                by=by,
                plan=plan,
                title=title,
                kind=kind,
                category=category,
                provider=provider,
                hours=Decimal(hours),
                starts_on=start,
                ends_on=start,
                place=""
                if kind == CourseKind.CATEGORISED and rng.random() < 0.3
                else "司法局培训中心",
                online=False,
                capacity=60,
                cost_per_person=Decimal(rng.choice(["0", "200", "480"])),
            )
        )
    return made


def _run(rng: random.Random, course: Any, owner: User, lawyers: list[Any], share: float) -> None:
    """Enrol a share of the lawyers (each by themselves through the office's account) and
    record most of them as attended, as the provider does."""
    for person in lawyers:
        if rng.random() > share:
            continue
        office = User.objects.filter(
            grants__role="unit_admin", grants__unit=person.unit, is_active=True
        ).first()
        by = office or owner
        try:
            enrolment = services.enrol(course=course, by=by, person=person)
        except DomainError:
            continue
        if rng.random() < 0.85:
            act(course, "record-attendance", owner, person=enrolment.person)


def seed_training(rng: random.Random) -> None:
    today = timezone.localdate()
    this, last = today.year, today.year - 1
    chaoyang = Region.objects.get(code="110105")
    liaocheng = Region.objects.get(code="371500")
    justice_cy, justice_lc = _user("justice_cy"), _user("justice_lc")
    association = _user("association_cy")
    lc_lawyers = _lawyers(liaocheng)
    # 000 #9 at least one training; 24 hours with 6 of political theory; pre-service within
    # 90 days for lawyers certified from the day the rule was set (the latest of 聊城's
    # certificates old enough to be past its period, so that one lawyer is overdue).
    cutoffs = sorted(
        c.issued_on
        for c in Certificate.objects.filter(unit__region__path__startswith=liaocheng.path)
        if c.issued_on < today - timedelta(days=120)
    )
    for by, region, after in (
        (justice_cy, chaoyang, None),
        (justice_lc, liaocheng, cutoffs[-1] if cutoffs else None),
    ):
        services.set_requirement(
            by=by,
            region=region,
            effective_from=date(last, 1, 1),
            min_trainings=1,
            min_hours=Decimal("24"),
            pre_service_after=after,
            pre_service_days=90,
            minimums=[(Category.POLITICAL_THEORY, Decimal("6"), 0)],
            note="《关于加强公职律师工作的意见》三（二）",
        )
    cy_lawyers = _lawyers(chaoyang)
    unit_cy, unit_lc = _user("unit_cy"), _user("unit_lc")
    for year, share in ((last, 0.8), (this, 0.5)):
        plans = [
            (
                _plan(
                    association,
                    f"朝阳区律师协会{year}年度公职律师培训计划",
                    year,
                    owner_kind=OwnerKind.ASSOCIATION,
                    region=chaoyang,
                ),
                association,
                "朝阳区律师协会",
                cy_lawyers,
            ),
            (
                _plan(
                    justice_cy,
                    f"朝阳区司法局{year}年度公职律师培训计划",
                    year,
                    owner_kind=OwnerKind.BUREAU,
                    region=chaoyang,
                ),
                justice_cy,
                "北京市朝阳区司法局",
                cy_lawyers,
            ),
            (
                _plan(
                    justice_lc,
                    f"聊城市司法局{year}年度公职律师培训计划",
                    year,
                    owner_kind=OwnerKind.BUREAU,
                    region=liaocheng,
                ),
                justice_lc,
                "聊城市司法局",
                lc_lawyers,
            ),
        ]
        unit = Unit.objects.get(grants__user=unit_lc, grants__role="unit_admin")
        plans.append(
            (
                _plan(
                    unit_lc,
                    f"{unit.name}{year}年度公职律师培训计划",
                    year,
                    owner_kind=OwnerKind.UNIT,
                    unit=unit,
                ),
                unit_lc,
                unit.name,
                [p for p in lc_lawyers if p.unit_id == unit.pk],
            )
        )
        for plan, owner, provider, audience in plans:
            for course in _courses(rng, plan, owner, year, provider, 2):
                _run(rng, course, owner, audience, share)
    # A self-claim of lawyer_cy awaiting the association's or the bureau's verification.
    lawyer_cy = _user("lawyer_cy")
    services.submit_claim(
        by=lawyer_cy,
        title="北京市律师协会行政法专业委员会专题研讨",
        provider="北京市律师协会",
        kind=CourseKind.CATEGORISED,
        category=Category.POLITICAL_THEORY,
        day=today - timedelta(days=20),
        hours=Decimal("4"),
        proof=ContentFile(b"%PDF-1.4\n%%EOF\n", name="结业证明.pdf"),
    )
    _ = unit_cy
