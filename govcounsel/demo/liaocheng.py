"""Liaocheng (聊城市, 371500), the city whose measure on public lawyers resolving
administrative disputes is seed 002: its districts, its organs by business system, three
certified public lawyers in each organ and the logins of its centre, bureau, committee
office, two organ offices and one lawyer. The dispute, pool, activity, casebook and award
demos build on these names."""

from __future__ import annotations

import random
from datetime import date, timedelta

from govcounsel.accounts.choices import Role
from govcounsel.accounts.models import RoleGrant, User
from govcounsel.accounts.scopes import forget_grants
from govcounsel.certificates import services as certificates
from govcounsel.demo import generators as gen
from govcounsel.demo.accounts import make_account
from govcounsel.organisations.choices import Sector
from govcounsel.organisations.models import Region, Unit
from govcounsel.people.choices import QualificationKind
from govcounsel.people.models import Person, PersonVersion, Qualification, initial_versions

GOV = "government_organ"

REGIONS = [
    ("370000", "山东省", None),
    ("371500", "聊城市", "370000"),
    ("371502", "东昌府区", "371500"),
    ("371521", "阳谷县", "371500"),
    ("371581", "临清市", "371500"),
]

# name, region code, level, business system, enforcement power, abbreviation
UNITS = [
    ("聊城市司法局", "371500", "city", Sector.JUSTICE, True, "聊司"),
    ("聊城市市场监督管理局", "371500", "city", Sector.MARKET_REGULATION, True, "聊市监"),
    ("聊城市自然资源和规划局", "371500", "city", Sector.NATURAL_RESOURCES, True, "聊自然资源"),
    ("聊城市人力资源和社会保障局", "371500", "city", Sector.HUMAN_RESOURCES, True, "聊人社"),
    ("聊城市生态环境局", "371500", "city", Sector.ECOLOGY, True, "聊环"),
    ("聊城市住房和城乡建设局", "371500", "city", Sector.HOUSING, True, "聊建"),
    ("聊城市交通运输局", "371500", "city", Sector.TRANSPORT, True, "聊交"),
    ("聊城市人民政府办公室", "371500", "city", Sector.GENERAL, False, "聊政办"),
    ("东昌府区市场监督管理局", "371502", "county", Sector.MARKET_REGULATION, True, ""),
    ("东昌府区自然资源局", "371502", "county", Sector.NATURAL_RESOURCES, True, ""),
    ("东昌府区人力资源和社会保障局", "371502", "county", Sector.HUMAN_RESOURCES, True, ""),
    ("东昌府区综合行政执法局", "371502", "county", Sector.URBAN_MANAGEMENT, True, ""),
    ("阳谷县市场监督管理局", "371521", "county", Sector.MARKET_REGULATION, True, ""),
    ("阳谷县自然资源和规划局", "371521", "county", Sector.NATURAL_RESOURCES, True, ""),
    ("临清市市场监督管理局", "371581", "county", Sector.MARKET_REGULATION, True, ""),
    ("临清市人力资源和社会保障局", "371581", "county", Sector.HUMAN_RESOURCES, True, ""),
]

LAWYERS_PER_UNIT = 3
STAFF_PER_UNIT = 5

# username, display name, role, anchor (region code or unit name; the lawyer: their unit)
ACCOUNTS = [
    ("reconcile_lc", "聊城市行政争议审前和解中心", Role.RECONCILIATION_ADMIN, "371500"),
    ("justice_lc", "聊城市司法局", Role.JUSTICE_BUREAU, "371500"),
    ("supervisor_lc", "聊城市委依法治市办", Role.SUPERVISOR, "371500"),
    ("unit_lc", "聊城市市场监管局法制科", Role.UNIT_ADMIN, "聊城市市场监督管理局"),
    ("unit_lc_zr", "聊城市自然资源和规划局法规科", Role.UNIT_ADMIN, "聊城市自然资源和规划局"),
    ("lawyer_lc", "", Role.PUBLIC_LAWYER, "聊城市市场监督管理局"),
]


def seed_liaocheng(rng: random.Random) -> None:
    regions: dict[str, Region] = {}
    for code, name, parent in REGIONS:
        regions[code] = Region.objects.insert(
            code=code, name=name, parent=regions.get(parent or "")
        )
    units = {
        name: Unit.objects.create(
            name=name,
            credit_code=gen.credit_code(rng, code, GOV),
            kind=GOV,
            level=level,
            region=regions[code],
            has_enforcement_power=enforcement,
            sector=sector,
            abbreviation=abbreviation,
            rule_of_law_contact=gen.name(rng),
            rule_of_law_phone=f"0635-{rng.randrange(10**7, 10**8)}",
            established_on=date(2000, 1, 1),
        )
        for name, code, level, sector, enforcement, abbreviation in UNITS
    }
    lawyers = _staff(rng, units)
    _certify(rng, regions["370000"], lawyers)
    for username, display, role, anchor in ACCOUNTS:
        if role == Role.PUBLIC_LAWYER:
            make_account(username, display, role, person=lawyers[anchor][0])
        elif anchor in regions:
            make_account(username, display, role, region=regions[anchor])
        else:
            make_account(username, display, role, unit=units[anchor])


def _staff(rng: random.Random, units: dict[str, Unit]) -> dict[str, list[Person]]:
    """Five staff in each organ, the first three full-time legal staff with a legal
    professional qualification: the organ's public lawyers once certified."""
    seen: set[str] = set()
    people: list[Person] = []
    for unit in units.values():
        for index in range(STAFF_PER_UNIT):
            sex = rng.choice("MF")
            person = Person(
                name=gen.name(rng),
                sex=sex,
                phone=gen.mobile(rng),
                unit=unit,
                is_civil_servant=True,
                full_time_legal=index < LAWYERS_PER_UNIT,
            )
            person.set_id_number(gen.unique_id_number(rng, seen, sex=sex))
            person.fill_derived()
            people.append(person)
    people = Person.objects.bulk_create(people)
    PersonVersion.objects.bulk_create(
        [v for p in people for v in initial_versions(p, p.unit.established_on)]
    )
    lawyers: dict[str, list[Person]] = {}
    for person in people:
        if person.full_time_legal:
            lawyers.setdefault(person.unit.name, []).append(person)
    Qualification.objects.bulk_create(
        [
            Qualification(
                person=person,
                kind=QualificationKind.LEGAL_A,
                certificate_number=f"A{2010 + index % 12}3715{person.pk:08d}",
                obtained_on=date(2010 + index % 12, 3, 1),
            )
            for index, person in enumerate(p for group in lawyers.values() for p in group)
        ]
    )
    return lawyers


def _certify(rng: random.Random, province: Region, lawyers: dict[str, list[Person]]) -> None:
    """Certificates entered as issued on paper over the last years, by the loader account
    that holds the bureau's and the offices' roles only while loading."""
    loader = User.objects.get(username="history_loader")
    RoleGrant.objects.create(user=loader, role=Role.JUSTICE_BUREAU, region=province)
    RoleGrant.objects.bulk_create(
        [
            RoleGrant(user=loader, role=Role.UNIT_ADMIN, unit_id=group[0].unit_id)
            for group in lawyers.values()
        ]
    )
    forget_grants(loader)
    for group in lawyers.values():
        for person in group:
            application = certificates.apply(person=person, by=loader)
            certificates.review(application=application, by=loader, passed=True, note="符合条件")
            certificates.submit(application=application, by=loader)
            certificates.approve(
                application=application,
                by=loader,
                note="准予颁发公职律师证书",
                issued_on=date(2022, 3, 1) + timedelta(days=rng.randrange(0, 1000)),
            )
    RoleGrant.objects.filter(user=loader).delete()
    forget_grants(loader)
