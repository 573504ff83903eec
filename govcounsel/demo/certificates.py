"""Demo certificates: every state of the lifecycle, made through the real services.

Paper-era history is entered by an inactive loader account ("历史数据导入") that holds the
unit and bureau roles only while loading; the showcase unit's steps are done by its own
demo accounts so that they appear in their queues and timelines.
"""

from __future__ import annotations

import dataclasses
import random
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import Role
from govcounsel.accounts.models import RoleGrant, User
from govcounsel.accounts.scopes import forget_grants
from govcounsel.certificates import numbering, services
from govcounsel.certificates.models import (
    ActivePeriod,
    CancellationCase,
    Certificate,
    CertificateStep,
)
from govcounsel.core.errors import DomainError
from govcounsel.demo.acting import act
from govcounsel.organisations.models import Region, Unit
from govcounsel.people import services as people_services
from govcounsel.people.choices import EmploymentStatus
from govcounsel.people.models import Person

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


def _chenggu_queue(loader: User) -> None:
    """Chenggu's accounts find work waiting too: an application of 城固县自然资源局
    reviewed and awaiting its office's submission (unit_cg is told), and one of another
    county unit submitted to the county's justice bureau (justice_cg is told)."""
    from govcounsel.certificates.models import CertificateApplication

    busy = CertificateApplication.objects.open().values("person_id")
    people = _eligible(
        list(
            Person.objects.filter(unit__region__code="610722", certificates__isnull=True)
            .exclude(pk__in=busy)
            .select_related("unit")
            .order_by("pk")
        )
    )
    reviewed = next((p for p in people if p.unit.name == "城固县自然资源局"), None)
    submitted = next((p for p in people if p.unit.name != "城固县自然资源局"), None)
    for person in (reviewed, submitted):
        if person is None:
            continue
        application = services.apply(person=person, by=loader, statement="申请公职律师证书")
        act(application, "review", loader, passed=True, note="经审核，符合申请条件")
        if person is submitted:
            act(application, "submit", loader)


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
        # The associations' paper registers of members are entered by the loader too.
        RoleGrant.objects.create(user=loader, role=Role.ASSOCIATION, region=regions[code])
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
    people_services.update_person(
        person=newcomer,
        by=unit_office,
        full_time_legal=True,
        is_civil_servant=True,
        effective_on=NEWCOMER_FULL_TIME_FROM,
    )
    if not newcomer.qualifications.exists():
        people_services.add_qualification(
            by=unit_office,
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
    # The queues of today go through the declared verbs: the next actor is told.
    for person in waiting[3:5]:
        act(services.apply(person=person, by=loader), "review", loader, passed=True)
    submitted = []
    for person in waiting[5:8]:
        application = services.apply(person=person, by=loader)
        act(application, "review", loader, passed=True, note="经审核，符合申请条件")
        submitted.append(act(application, "submit", loader))
    # One approved today in Chaoyang: the district's lawyers association is told that a new
    # public lawyer has yet to join it (001 三(五)).
    in_chaoyang = [a for a in submitted if a.unit.region.code == "110105"]
    if in_chaoyang:
        act(in_chaoyang[0], "approve", loader, note="准予颁发公职律师证书")
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

    _chenggu_queue(loader)

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
        retiring, [(EmploymentStatus.RETIRED, 5), (EmploymentStatus.TRANSFERRED, 60)], strict=False
    ):
        person = Person.objects.get(pk=certificate.person_id)
        changes: dict[str, Any] = {"employment_status_date": today - timedelta(days=days_ago)}
        changes["employment_status"] = status
        people_services.update_person(person=person, by=loader, **changes)
    # The retired holder's unit has taken the paper certificate back: the justice bureau is
    # told to complete the cancellation.
    recovered = CancellationCase.objects.filter(reason="retired").first()
    if recovered is not None:
        act(recovered, "recover", loader, note="已收回纸质证书")
    overdue = CancellationCase.objects.filter(reason="transferred").first()
    if overdue is not None:
        CancellationCase.objects.filter(pk=overdue.pk).update(due_on=today - timedelta(days=30))

    # Most holders have joined the lawyers association (001 三(五)); a few have not yet.
    members = Person.objects.in_bulk([c.person_id for c in issued[: int(len(issued) * 0.85)]])
    for i, person in enumerate(members.values()):
        services.record_membership(
            person=person,
            by=loader,
            member_number=f"GZLS{2022 + i % 4}{i:05d}",
            joined_on=date(2022 + i % 4, 6, 1),
        )
    RoleGrant.objects.filter(user=loader).delete()


# --- demo and test only -----------------------------------------------------------------


@transaction.atomic
def backdate_issue(certificate: Certificate, issued_on: date) -> None:
    """DEMO AND TEST ONLY — no page, API or task calls it. Moves a certificate's issue date
    into the past, as if it had been issued on paper then; a real certificate entered late
    is entered with `services.approve(issued_on=…)`, which gets every date right from the
    start. The issue step's effective date, the start of the first active period and the
    licence numbers move together: when this is the person's first certificate, its year
    becomes the first-approval year of every certificate the person holds or held (000 #1:
    the number carries the year of first approval). The same checks as approve's hold."""
    locked = Certificate.objects.select_for_update().select_related("person").get(pk=certificate.pk)
    services.check_issue_date(locked.person, issued_on, locked)
    if locked.ended_on is not None and locked.ended_on < issued_on:
        raise DomainError(
            "issue_after_end",
            _("颁证日期不能晚于证书的终止日期%(ended)s。") % {"ended": locked.ended_on},
            field="issued_on",
        )
    first = ActivePeriod.objects.filter(certificate=locked).order_by("started_on").first()
    if first is not None and first.ended_on is not None and first.ended_on < issued_on:
        raise DomainError(
            "issue_after_end",
            _("颁证日期不能晚于证书的首个有效期间结束日%(ended)s。") % {"ended": first.ended_on},
            field="issued_on",
        )
    Certificate.objects.filter(pk=locked.pk).update(issued_on=issued_on)
    CertificateStep.objects.filter(certificate=locked, action="issued").update(
        effective_on=issued_on
    )
    if first is not None:
        ActivePeriod.objects.filter(pk=first.pk).update(started_on=issued_on)
    _renumber_from_first_approval(locked.person)
    certificate.refresh_from_db(fields=["issued_on", "first_approved_year", "number"])


def _renumber_from_first_approval(person: Person) -> None:
    """Every certificate of the person carries the year of the earliest one's issue; only the
    year digits change (place, category, sex and serial stay as issued)."""
    certificates = list(Certificate.objects.select_for_update().filter(person=person))
    first_year = min(certificates, key=lambda c: (c.issued_on, c.pk)).issued_on.year
    for certificate in certificates:
        parts = numbering.decode(certificate.number)
        number = str(dataclasses.replace(parts, first_year=first_year))
        if (certificate.first_approved_year, certificate.number) != (first_year, number):
            Certificate.objects.filter(pk=certificate.pk).update(
                first_approved_year=first_year, number=number
            )
