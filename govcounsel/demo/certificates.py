"""Demo certificates: every state of the lifecycle, made through the real services.

Paper-era history is entered by an inactive loader account ("历史数据导入") that holds the
unit and bureau roles only while loading; the showcase unit's steps are done by its own
demo accounts so that they appear in their queues and timelines.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from govcounsel.accounts.choices import Role
from govcounsel.accounts.models import RoleGrant, User
from govcounsel.accounts.scopes import forget_grants
from govcounsel.certificates import services
from govcounsel.certificates.models import (
    AssociationMembership,
    CancellationCase,
    Certificate,
)
from govcounsel.core.history import change_as_of
from govcounsel.organisations.models import Region, Unit
from govcounsel.people import services as people_services
from govcounsel.people.choices import EmploymentStatus
from govcounsel.people.models import Person, Qualification

NEWCOMER_FULL_TIME_FROM = date(2025, 9, 1)


def _eligible(people: list[Person]) -> list[Person]:
    qualified = set(
        Person.objects.filter(
            pk__in=[p.pk for p in people], qualifications__isnull=False
        ).values_list("pk", flat=True)
    )
    return [
        p
        for p in people
        if p.pk in qualified
        and p.full_time_legal
        and p.is_civil_servant
        and p.employment_status == EmploymentStatus.IN_POST
    ]


def seed_certificates(
    rng: random.Random, people: list[Person], regions: dict[str, Region], showcase: Unit
) -> None:
    loader = User.objects.create(
        username="history_loader", last_name="历史数据导入", is_active=False
    )
    loader.set_unusable_password()
    loader.save()
    for code in ("110000", "610000"):
        RoleGrant.objects.create(user=loader, role=Role.JUSTICE_BUREAU, region=regions[code])
    candidates = _eligible(people)
    units = {p.unit_id for p in candidates}
    RoleGrant.objects.bulk_create(
        [RoleGrant(user=loader, role=Role.UNIT_ADMIN, unit_id=unit) for unit in units]
    )
    forget_grants(loader)

    def through(person: Person, by: Any = loader) -> Any:
        application = services.apply(person=person, by=by)
        services.review(application=application, by=by, passed=True, note="经审核，符合申请条件")
        services.submit(application=application, by=by)
        return application

    rng.shuffle(candidates)
    others = [p for p in candidates if p.unit_id != showcase.pk]
    today = timezone.localdate()

    # Most eligible staff already hold certificates issued over the last few years; each
    # is entered with its paper issue date, so its number carries that first-approval year.
    issued: list[Certificate] = []
    for person in others[: int(len(others) * 0.7)]:
        certificate = services.approve(
            application=through(person),
            by=loader,
            note="准予颁发公职律师证书",
            issued_on=date(2022, 3, 1) + timedelta(days=rng.randrange(0, 1300)),
        )
        issued.append(certificate)
    waiting = others[int(len(others) * 0.7) :]

    # Applications at every step, some in the showcase unit's own queue.
    unit_office = User.objects.get(username="unit_cy")
    bureau = User.objects.get(username="justice_cy")
    lawyer = User.objects.get(username="lawyer_cy").person
    # One applicant waits in the showcase unit's own review queue.
    newcomer = next(
        p
        for p in Person.objects.filter(
            unit=showcase, employment_status=EmploymentStatus.IN_POST
        ).order_by("pk")
        if p != lawyer and not p.certificates.exists()
    )
    # Full time on legal affairs only lately: the 应设尽设 list of earlier days leaves them out.
    newcomer.full_time_legal = newcomer.is_civil_servant = True
    change_as_of(newcomer, NEWCOMER_FULL_TIME_FROM)
    newcomer.save()
    if not newcomer.qualifications.exists():
        Qualification.objects.create(
            person=newcomer,
            kind="legal_a",
            certificate_number="A20211101050188",
            obtained_on=date(2021, 3, 1),
        )
    services.apply(
        person=Person.objects.get(pk=newcomer.pk),
        by=unit_office,
        statement="本人专职从事法律事务，申请公职律师证书",
    )
    for person in waiting[:3]:
        services.apply(person=person, by=loader, statement="申请公职律师证书")
    for person in waiting[3:5]:
        services.review(
            application=services.apply(person=person, by=loader), by=loader, passed=True
        )
    for person in waiting[5:8]:
        through(person)
    if len(waiting) > 8:
        services.reject(
            application=through(waiting[8]), by=loader, note="所附资格证书信息与登记不符"
        )
    if len(waiting) > 9:
        services.review(
            application=services.apply(person=waiting[9], by=loader),
            by=loader,
            passed=False,
            note="申请材料不全",
        )
    if len(waiting) > 10:
        services.withdraw(
            application=services.apply(person=waiting[10], by=loader), by=loader, note="本人撤回"
        )

    # The demo lawyer's certificate, through the showcase unit's own accounts.
    if lawyer is not None:
        application = services.apply(person=lawyer, by=unit_office, statement="申请公职律师证书")
        services.review(application=application, by=unit_office, passed=True, note="符合条件")
        services.submit(application=application, by=unit_office)
        certificate = services.approve(
            application=application, by=bureau, note="准予颁证", issued_on=date(2023, 6, 15)
        )
        issued.append(certificate)

    # Suspended, cancelled, a recent retirement (open case) and an overdue case; the cases
    # in Chaoyang, so that the demo's district accounts see them on their to-do lists.
    chaoyang = [
        c
        for c in issued
        if c.unit.region.code == "110105" and c.person_id != getattr(lawyer, "pk", None)
    ]
    retiring = chaoyang[:2]
    issued = [c for c in issued if c not in retiring]
    for certificate in issued[:2]:
        services.suspend(certificate=certificate, by=loader, note="涉嫌违纪，暂停执业接受调查")
    for certificate in issued[2:4]:
        services.cancel(
            certificate=certificate, by=loader, note="本人申请注销", on=today - timedelta(days=200)
        )
    for certificate, (status, days_ago) in zip(
        retiring, [("retired", 5), ("transferred", 60)], strict=False
    ):
        person = Person.objects.get(pk=certificate.person_id)
        changes: dict[str, Any] = {"employment_status_date": today - timedelta(days=days_ago)}
        if status == "retired":
            changes["employment_status"] = EmploymentStatus.RETIRED
        else:
            changes["employment_status"] = EmploymentStatus.TRANSFERRED
        people_services.update_person(person=person, by=loader, **changes)
    overdue = CancellationCase.objects.filter(reason="transferred").first()
    if overdue is not None:
        CancellationCase.objects.filter(pk=overdue.pk).update(due_on=today - timedelta(days=30))

    # Most holders have joined the lawyers association (001 三(五)); a few have not yet.
    members = [c.person_id for c in issued[: int(len(issued) * 0.85)]]
    AssociationMembership.objects.bulk_create(
        [
            AssociationMembership(
                person_id=pk,
                member_number=f"GZLS{2022 + i % 4}{i:05d}",
                joined_on=date(2022 + i % 4, 6, 1),
            )
            for i, pk in enumerate(members)
        ]
    )
    RoleGrant.objects.filter(user=loader).delete()
