"""Build the demo jurisdiction: Chaoyang district and Chenggu county, their organs and staff,
qualifications, advisers, and one account per role. Deterministic; does nothing if present."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from auditlog.context import disable_auditlog
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from govcounsel.accounts.choices import Role
from govcounsel.accounts.models import User
from govcounsel.certificates.models import Certificate
from govcounsel.core.history import change_as_of
from govcounsel.demo import generators as gen
from govcounsel.demo.accounts import make_account
from govcounsel.demo.activities import seed_activities
from govcounsel.demo.awards import seed_awards
from govcounsel.demo.casebook import seed_casebook
from govcounsel.demo.certificates import seed_certificates
from govcounsel.demo.disputes import seed_disputes
from govcounsel.demo.expertise import seed_expertise
from govcounsel.demo.liaocheng import ACCOUNTS as LIAOCHENG_ACCOUNTS
from govcounsel.demo.liaocheng import seed_liaocheng
from govcounsel.demo.matters import seed_matters
from govcounsel.demo.places import (
    CITY_UNITS,
    COUNTY_UNITS,
    ENFORCEMENT_GAINED_ON,
    ESTABLISHED,
    LAW_FIRMS,
    LONG_STANDING,
    REGIONS,
    TOWNS_GAINING_POWER,
    TOWNSHIPS,
)
from govcounsel.demo.reconciliation import seed_reconciliation
from govcounsel.demo.security import seed_lockout
from govcounsel.demo.training import seed_training
from govcounsel.organisations.models import Region, Unit
from govcounsel.people.choices import AdviserKind, EmploymentStatus, QualificationKind
from govcounsel.people.models import (
    LegalAdviser,
    Person,
    PersonVersion,
    Qualification,
    initial_versions,
)

# username, display name, role, anchor (region code, unit name, or None)
BASE_ACCOUNTS = [
    ("supervisor_cy", "朝阳区依法治区办", Role.SUPERVISOR, "110105"),
    ("supervisor_cg", "城固县依法治县办", Role.SUPERVISOR, "610722"),
    ("justice_cy", "朝阳区司法局", Role.JUSTICE_BUREAU, "110105"),
    ("justice_cg", "城固县司法局", Role.JUSTICE_BUREAU, "610722"),
    ("unit_cy", "朝阳区市场监管局法制科", Role.UNIT_ADMIN, "北京市朝阳区市场监督管理局"),
    ("unit_cg", "城固县自然资源局法规股", Role.UNIT_ADMIN, "城固县自然资源局"),
    ("superior_bj", "北京市公安局法制总队", Role.SUPERIOR_ADMIN, "北京市公安局"),
    ("reconcile_cy", "朝阳区行政争议和解中心", Role.RECONCILIATION_ADMIN, "110105"),
    ("association_cy", "朝阳区律师协会", Role.ASSOCIATION, "110105"),
    ("lawyer_cy", "", Role.PUBLIC_LAWYER, None),
    ("sysadmin", "系统管理员", Role.SYSTEM_ADMIN, None),
    ("secadmin", "安全管理员", Role.SECURITY_ADMIN, None),
    ("auditadmin", "审计管理员", Role.AUDIT_ADMIN, None),
]
# Every demo login, the Liaocheng ones (the reconciliation measure, seed 002) included.
ACCOUNTS = BASE_ACCOUNTS + LIAOCHENG_ACCOUNTS


class Command(BaseCommand):
    help = "生成演示数据（朝阳区、城固县、聊城市）及各角色演示账号。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--seed", type=int, default=2022, help="随机种子，默认2022")

    def handle(self, *args: Any, seed: int, **options: Any) -> None:
        if Region.objects.filter(code="110105").exists():
            self.stdout.write("演示数据已存在，跳过。")
            return
        rng = random.Random(seed)
        with disable_auditlog(), transaction.atomic():
            regions = self._regions()
            units = self._units(rng, regions)
            people = self._people(rng, units)
            self._qualifications(rng, people)
            self._advisers(rng, units, people)
            self._accounts(regions, units, people)
            seed_certificates(rng, people, regions, showcase=units["北京市朝阳区市场监督管理局"])
            call_command("load_policy_targets", verbosity=0)
            seed_matters(units["北京市朝阳区市场监督管理局"])
            seed_expertise()
            seed_lockout()
            seed_liaocheng(random.Random(seed + 371500))
            # The reconciliation measure of Liaocheng (seed 002), each part on the one before.
            seed_disputes(random.Random(seed + 1))
            seed_reconciliation(random.Random(seed + 2))
            seed_activities(random.Random(seed + 3))
            seed_casebook(random.Random(seed + 4))
            seed_awards(random.Random(seed + 5))
            seed_training(random.Random(seed + 6))
        self.stdout.write(
            self.style.SUCCESS(
                f"演示数据已生成：{Region.objects.count()}个区域，{Unit.objects.count()}个单位，"
                f"{Person.objects.count()}名人员，{Qualification.objects.count()}条资格，"
                f"{LegalAdviser.objects.count()}名法律顾问，{Certificate.objects.count()}张公职律师证书，"
                f"{User.objects.filter(is_active=True).count()}个账号。"
            )
        )

    def _regions(self) -> dict[str, Region]:
        regions: dict[str, Region] = {}
        for code, name, parent in REGIONS:
            regions[code] = Region.objects.insert(
                code=code, name=name, parent=regions.get(parent or "")
            )
        return regions

    def _units(self, rng: random.Random, regions: dict[str, Region]) -> dict[str, Unit]:
        units: dict[str, Unit] = {}
        specs: list[tuple[str, tuple[str, str, str, bool, str | None]]] = [
            (code, spec) for code, lst in CITY_UNITS.items() for spec in lst
        ]
        specs += [(code, spec) for code, lst in COUNTY_UNITS.items() for spec in lst]
        for code, (name, kind, level, enforcement, superior) in specs:
            units[name] = Unit.objects.create(
                name=name,
                credit_code=gen.credit_code(rng, code, kind),
                kind=kind,
                level=level,
                region=regions[code],
                has_enforcement_power=enforcement,
                vertical_superior=units[superior] if superior else None,
                rule_of_law_contact=gen.name(rng),
                rule_of_law_phone=("010-" if code.startswith("11") else "0916-")
                + f"{rng.randrange(10**7, 10**8)}",
                established_on=ESTABLISHED.get(name, LONG_STANDING),
            )
        for code, names in TOWNSHIPS.items():
            for index, name in enumerate(names):
                unit = units[name] = Unit.objects.create(
                    name=name,
                    credit_code=gen.credit_code(rng, code, "government_organ"),
                    kind="government_organ",
                    level="township",
                    region=regions[code],
                    # Street offices gained comprehensive enforcement power; not all of them.
                    has_enforcement_power=index % 3 != 2 and code != TOWNS_GAINING_POWER,
                    rule_of_law_contact=gen.name(rng),
                    established_on=ESTABLISHED.get(name, LONG_STANDING),
                )
                if index % 3 != 2 and code == TOWNS_GAINING_POWER:
                    # Chenggu's towns only since the demo's reform day: visible in the trend.
                    unit.has_enforcement_power = True
                    change_as_of(unit, ENFORCEMENT_GAINED_ON)
                    unit.save()
        return units

    def _people(self, rng: random.Random, units: dict[str, Unit]) -> list[Person]:
        people: list[Person] = []
        seen: set[str] = set()
        for unit in units.values():
            size = {"city": 4, "county": rng.randint(6, 14), "township": rng.randint(2, 6)}[
                unit.level
            ]
            for _ in range(size):
                sex = rng.choice("MF")
                number = gen.unique_id_number(rng, seen, sex=sex)
                person = Person(
                    name=gen.name(rng),
                    sex=sex,
                    phone=gen.mobile(rng),
                    unit=unit,
                    is_civil_servant=rng.random() < 0.92,
                    full_time_legal=rng.random() < 0.3,
                )
                person.set_id_number(number)
                roll = rng.random()
                if roll < 0.03:
                    person.employment_status = EmploymentStatus.RETIRED
                    person.employment_status_date = date(2026, 1, 1) + timedelta(
                        days=rng.randrange(300)
                    )
                elif roll < 0.05:
                    person.employment_status = EmploymentStatus.LEFT
                    person.employment_status_date = date(2025, 6, 1) + timedelta(
                        days=rng.randrange(400)
                    )
                person.fill_derived()
                people.append(person)
        people = Person.objects.bulk_create(people, batch_size=500)
        # Staff on record since their unit was established (ADR 0009).
        PersonVersion.objects.bulk_create(
            [v for p in people for v in initial_versions(p, p.unit.established_on)],
            batch_size=500,
        )
        return people

    def _qualifications(self, rng: random.Random, people: list[Person]) -> None:
        rows = []
        for index, person in enumerate(people):
            if rng.random() > (0.55 if person.full_time_legal else 0.12):
                continue
            year = rng.randint(2003, 2024)
            kind = rng.choices(
                [QualificationKind.LEGAL_A, QualificationKind.LEGAL_B, QualificationKind.LAWYER],
                weights=[70, 10, 20],
            )[0]
            number = (
                f"{person.unit.region.code[:4]}{year}1{index:07d}"
                if kind == QualificationKind.LAWYER
                else f"A{year}{person.unit.region.code}{index:07d}"
            )
            rows.append(
                Qualification(
                    person=person,
                    kind=kind,
                    certificate_number=number,
                    obtained_on=date(year, 3, 1),
                )
            )
        Qualification.objects.bulk_create(rows)

    def _advisers(self, rng: random.Random, units: dict[str, Unit], people: list[Person]) -> None:
        staff_by_unit: dict[int, list[Person]] = {}
        for person in people:
            staff_by_unit.setdefault(person.unit_id, []).append(person)
        rows = []
        for unit in units.values():
            firms = LAW_FIRMS.get(unit.region.code)
            if firms and rng.random() < 0.45:
                start = date(2021, 1, 1) + timedelta(days=rng.randrange(900))
                ended = rng.random() < 0.2
                rows.append(
                    LegalAdviser(
                        unit=unit,
                        kind=AdviserKind.EXTERNAL,
                        name=gen.name(rng),
                        organisation=rng.choice(firms),
                        phone=gen.mobile(rng),
                        service_start=start,
                        service_end=start + timedelta(days=365 * 2) if ended else None,
                    )
                )
            staff = staff_by_unit.get(unit.pk, [])
            if staff and unit.level == "county" and rng.random() < 0.2:
                member = rng.choice(staff)
                rows.append(
                    LegalAdviser(
                        unit=unit,
                        kind=AdviserKind.INTERNAL,
                        name=member.name,
                        person=member,
                        service_start=date(2022, 1, 1),
                    )
                )
        LegalAdviser.objects.bulk_create(rows)

    def _accounts(
        self, regions: dict[str, Region], units: dict[str, Unit], people: list[Person]
    ) -> None:
        lawyer_unit = units["北京市朝阳区市场监督管理局"]
        lawyer = next(p for p in people if p.unit_id == lawyer_unit.pk)
        lawyer.full_time_legal = True
        lawyer.is_civil_servant = True
        lawyer.employment_status = EmploymentStatus.IN_POST
        lawyer.employment_status_date = None
        lawyer.save()
        Qualification.objects.get_or_create(
            person=lawyer,
            kind=QualificationKind.LEGAL_A,
            defaults={"certificate_number": "A20161101050001", "obtained_on": date(2016, 3, 1)},
        )
        for username, display, role, anchor in BASE_ACCOUNTS:
            make_account(
                username,
                display,
                role,
                region=regions.get(anchor) if anchor in regions else None,
                unit=units.get(anchor) if anchor and anchor not in regions else None,
                person=lawyer if role == Role.PUBLIC_LAWYER else None,
            )
