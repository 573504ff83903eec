"""A national-size data set for measuring speed: regions, units, people, certificates with
histories and advisers, generated deterministically and inserted in large batches."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, timedelta

from django.db import transaction
from django.utils import timezone

from govcounsel.certificates import numbering
from govcounsel.certificates.choices import ApplicationStatus, CertificateStatus
from govcounsel.certificates.models import ActivePeriod, Certificate, CertificateApplication
from govcounsel.core.history import HISTORY_EPOCH
from govcounsel.core.validators import PROVINCE_CODES
from govcounsel.demo import generators as gen
from govcounsel.organisations.models import Region, Unit, UnitVersion
from govcounsel.people.choices import EmploymentStatus
from govcounsel.people.models import (
    LegalAdviser,
    Person,
    PersonVersion,
    Qualification,
    initial_versions,
)


@dataclass
class ScaleSize:
    counties: int = 3000
    units: int = 50_000
    people: int = 1_000_000
    certificates: int = 150_000
    advisers: int = 20_000

    def scaled(self, factor: float) -> ScaleSize:
        return ScaleSize(
            *(
                max(1, int(v * factor))
                for v in (self.counties, self.units, self.people, self.certificates, self.advisers)
            )
        )


BATCH = 5000
Say = Callable[[str], None]


def _regions(rng: random.Random, counties: int, say: Say) -> list[Region]:
    provinces = sorted(PROVINCE_CODES)
    per_province = max(1, counties // len(provinces))
    leaves: list[Region] = []
    for p_index, code in enumerate(provinces):
        province = Region.objects.insert(code=f"{code}0000", name=f"省份{p_index + 1:02d}")
        remaining = per_province
        city_no = 0
        while remaining > 0:
            city_no += 1
            city = Region.objects.insert(
                code=f"{code}{city_no:02d}00",
                name=f"省份{p_index + 1:02d}市{city_no:02d}",
                parent=province,
            )
            for county_no in range(1, min(remaining, rng.randint(6, 14)) + 1):
                leaves.append(
                    Region.objects.insert(
                        code=f"{code}{city_no:02d}{county_no:02d}",
                        name=f"{city.name}县{county_no:02d}",
                        parent=city,
                    )
                )
                remaining -= 1
        say(f"  regions: province {code} done ({len(leaves)} counties)")
    return leaves


def _unit_versions(history: random.Random, units: list[Unit]) -> None:
    """Dated versions (ADR 0009): a few units established lately, a few whose enforcement
    power changed, so that "as of a day" is exercised at scale. A separate random stream
    keeps the rest of the data set as it was."""
    versions = []
    for unit in units:
        if history.random() < 0.02:
            unit.established_on = date(2024, 1, 1) + timedelta(days=history.randrange(700))
        else:
            unit.established_on = HISTORY_EPOCH
        values = unit.version_values()
        if history.random() < 0.05:
            changed = date(2021, 1, 1) + timedelta(days=history.randrange(1500))
            if changed > unit.established_on:
                earlier = {**values, "has_enforcement_power": not unit.has_enforcement_power}
                versions.append(
                    UnitVersion(
                        unit=unit, valid_from=unit.established_on, valid_to=changed, **earlier
                    )
                )
                versions.append(UnitVersion(unit=unit, valid_from=changed, **values))
                continue
        versions.append(UnitVersion(unit=unit, valid_from=unit.established_on, **values))
    Unit.objects.bulk_update(units, ["established_on"], batch_size=BATCH)
    UnitVersion.objects.bulk_create(versions, batch_size=BATCH)


def _person_versions(history: random.Random, people: list[Person]) -> None:
    """Staff on record since their unit's establishment; a few only lately full time."""
    versions = []
    for person in people:
        start = person.unit.established_on
        became = date(2021, 1, 1) + timedelta(days=history.randrange(1500))
        lately = person.full_time_legal and history.random() < 0.1 and became > start
        if lately and person.employment_status == EmploymentStatus.IN_POST:
            values = person.version_values()
            versions.append(
                PersonVersion(
                    person=person,
                    valid_from=start,
                    valid_to=became,
                    **{**values, "full_time_legal": False},
                )
            )
            versions.append(PersonVersion(person=person, valid_from=became, **values))
            continue
        versions.extend(initial_versions(person, start))
    PersonVersion.objects.bulk_create(versions, batch_size=BATCH)


def build(size: ScaleSize, *, seed: int = 7, say: Say = print) -> None:
    rng = random.Random(seed)
    history = random.Random(seed + 1)
    with transaction.atomic():
        counties = _regions(rng, size.counties, say)
        kinds = ["party_organ", "government_organ", "government_organ", "peoples_organisation"]
        codes: set[str] = set()
        units = []
        for index in range(size.units):
            region = counties[index % len(counties)]
            kind = rng.choice(kinds)
            code = gen.credit_code(rng, region.code, kind)
            while code in codes:
                code = gen.credit_code(rng, region.code, kind)
            codes.add(code)
            units.append(
                Unit(
                    name=f"单位{index:06d}",
                    credit_code=code,
                    kind=kind,
                    region=region,
                    level=rng.choice(["county", "county", "township"]),
                    has_enforcement_power=rng.random() < 0.5,
                    system_path="",
                )
            )
        Unit.objects.bulk_create(units, batch_size=BATCH)
        # Each unit heads its own vertical system here; system_path is its own segment.
        for unit in units:
            unit.system_path = f"{unit.pk:010d}/"
        Unit.objects.bulk_update(units, ["system_path"], batch_size=BATCH)
        _unit_versions(history, units)
        say(f"  units: {len(units)}")

        seen: set[str] = set()
        people: list[Person] = []
        start = date(2018, 1, 1)
        for index in range(size.people):
            sex = "M" if index % 2 else "F"
            number = gen.unique_id_number(rng, seen, sex=sex)
            person = Person(
                name=gen.name(rng),
                sex=sex,
                unit=units[index % len(units)],
                phone="",
                is_civil_servant=rng.random() < 0.9,
                full_time_legal=rng.random() < 0.2,
            )
            person.set_id_number(number)
            person.fill_derived()
            if rng.random() < 0.03:
                person.employment_status, person.employment_status_date = (
                    "retired",
                    start + timedelta(days=rng.randrange(3000)),
                )
            people.append(person)
            if len(people) == BATCH:
                Person.objects.bulk_create(people)
                _qualify(rng, people)
                _person_versions(history, people)
                people = []
            if index and index % 100_000 == 0:
                say(f"  people: {index}")
        if people:
            Person.objects.bulk_create(people)
            _qualify(rng, people)
            _person_versions(history, people)
        say(f"  people: {size.people}")

        holders = list(
            Person.objects.filter(full_time_legal=True).values_list(
                "pk", "unit_id", "sex", "unit__region__code"
            )[: size.certificates]
        )
        rng.shuffle(holders)
        serial = 0
        for chunk_start in range(0, len(holders), BATCH):
            chunk = holders[chunk_start : chunk_start + BATCH]
            applications = [
                CertificateApplication(
                    person_id=pk, unit_id=unit_id, status=ApplicationStatus.APPROVED
                )
                for pk, unit_id, _s, _c in chunk
            ]
            CertificateApplication.objects.bulk_create(applications)
            certificates, spans = [], []
            for application, (pk, unit_id, sex, region_code) in zip(
                applications, chunk, strict=True
            ):
                serial += 1
                issued = start + timedelta(days=rng.randrange(0, 3200))
                ended = (
                    issued + timedelta(days=rng.randrange(30, 1500))
                    if rng.random() < 0.12
                    else None
                )
                certificates.append(
                    Certificate(
                        application=application,
                        person_id=pk,
                        unit_id=unit_id,
                        serial=serial,
                        first_approved_year=issued.year,
                        number=numbering.encode(
                            region_code=region_code, first_year=issued.year, sex=sex, serial=serial
                        ),
                        issued_on=issued,
                        ended_on=ended,
                        status=CertificateStatus.CANCELLED if ended else CertificateStatus.ACTIVE,
                    )
                )
                spans.append((issued, ended, rng.random() < 0.03))
            Certificate.objects.bulk_create(certificates)
            periods = []
            for certificate, (issued, ended, suspended) in zip(certificates, spans, strict=True):
                if suspended and ended is None:
                    pause = issued + timedelta(days=200)
                    periods.append(
                        ActivePeriod(
                            certificate=certificate,
                            unit_id=certificate.unit_id,
                            started_on=issued,
                            ended_on=pause,
                        )
                    )
                    periods.append(
                        ActivePeriod(
                            certificate=certificate,
                            unit_id=certificate.unit_id,
                            started_on=pause + timedelta(days=60),
                        )
                    )
                else:
                    periods.append(
                        ActivePeriod(
                            certificate=certificate,
                            unit_id=certificate.unit_id,
                            started_on=issued,
                            ended_on=ended,
                        )
                    )
            ActivePeriod.objects.bulk_create(periods)
        say(f"  certificates: {len(holders)}")

        advisers = []
        for index in range(size.advisers):
            begun = start + timedelta(days=rng.randrange(0, 2500))
            advisers.append(
                LegalAdviser(
                    unit=units[rng.randrange(len(units))],
                    kind="external",
                    name=f"顾问{index}",
                    organisation="某律师事务所",
                    service_start=begun,
                    service_end=begun + timedelta(days=730) if rng.random() < 0.4 else None,
                )
            )
        LegalAdviser.objects.bulk_create(advisers, batch_size=BATCH)
        say(f"  advisers: {len(advisers)}")


def _qualify(rng: random.Random, people: list[Person]) -> None:
    Qualification.objects.bulk_create(
        [
            Qualification(
                person=p,
                kind="legal_a",
                certificate_number=f"S{p.pk:012d}",
                obtained_on=date(2005 + rng.randrange(18), 3, 1),
            )
            for p in people
            if p.full_time_legal or rng.random() < 0.05
        ]
    )


BUSY_SHARE = 0.02  # one unit holds 2% of all matters, so its list has deep pages at any size


def build_matters(count: int, *, seed: int = 11, say: Say = print) -> None:
    """Legal matters over the existing units: registration times strictly increasing (a
    keyset needs a unique order), a tenth of them open past their deadline."""
    from datetime import datetime

    from govcounsel.matters.choices import MatterStatus
    from govcounsel.matters.models import Matter

    rng = random.Random(seed)
    unit_ids = list(Unit.objects.order_by("pk").values_list("pk", flat=True))
    busy = unit_ids[0]
    categories = [
        ("normative", "legality_review"),
        ("documents", "contract"),
        ("cases", "petition"),
        ("litigation", "litigation"),
        ("decisions", "major_decision"),
        ("publicity", "publicity"),
    ]
    start = datetime(2019, 1, 1, tzinfo=UTC)
    today = timezone.localdate()
    batch: list[Matter] = []
    for index in range(count):
        unit = busy if rng.random() < BUSY_SHARE else unit_ids[rng.randrange(len(unit_ids))]
        registered = start + timedelta(seconds=index * 30)
        category, subtype = categories[index % len(categories)]
        roll = rng.random()
        status = (
            MatterStatus.CLOSED
            if roll < 0.8
            else (MatterStatus.IN_PROGRESS if roll < 0.95 else MatterStatus.REGISTERED)
        )
        deadline = timezone.localdate(registered) + timedelta(days=rng.randrange(5, 40))
        if status != MatterStatus.CLOSED and rng.random() < 0.5:
            deadline = min(deadline, today - timedelta(days=1))
        batch.append(
            Matter(
                unit_id=unit,
                title=f"事项{index:07d}",
                category=category,
                subtype=subtype,
                deadline=deadline,
                status=status,
                registered_at=registered,
            )
        )
        if len(batch) == 20_000:
            Matter.objects.bulk_create(batch)
            batch = []
        if index and index % 500_000 == 0:
            say(f"  matters: {index}")
    if batch:
        Matter.objects.bulk_create(batch)
    say(f"  matters: {count}")


def build_disputes(count: int, *, seed: int = 13, say: Say = print) -> None:
    """Administrative disputes over the existing units (002 §12 figures at national size):
    registered over the last three years, in every state, closed ones with each outcome and
    a satisfaction; the units are spread over the business systems first."""
    from govcounsel.disputes.choices import DisputeStatus, Outcome, Satisfaction
    from govcounsel.disputes.models import Dispute
    from govcounsel.organisations.choices import Sector

    rng = random.Random(seed)
    units = list(Unit.objects.order_by("pk").only("pk", "sector"))
    if not units or count <= 0:
        return
    sectors = list(Sector.values)
    for unit in units:
        unit.sector = sectors[unit.pk % len(sectors)]
    Unit.objects.bulk_update(units, ["sector"], batch_size=BATCH)
    unit_ids = [unit.pk for unit in units]
    now = timezone.now()
    span = 3 * 365 * 86400
    outcomes = [
        (Outcome.SETTLED, 0.30),
        (Outcome.MEDIATED, 0.25),
        (Outcome.WITHDRAWN, 0.10),
        (Outcome.TO_RECONSIDERATION, 0.15),
        (Outcome.TO_LITIGATION, 0.10),
        (Outcome.NOT_RESOLVED, 0.10),
    ]
    satisfactions = list(Satisfaction.values)
    batch: list[Dispute] = []
    for index in range(count):
        registered = now - timedelta(seconds=rng.randrange(span))
        roll = rng.random()
        closed_at, outcome, satisfaction = None, "", ""
        if roll < 0.75:
            status = DisputeStatus.CLOSED
            closed_at = min(now, registered + timedelta(days=rng.randrange(5, 120)))
            outcome = rng.choices([o for o, _w in outcomes], [w for _o, w in outcomes])[0]
            satisfaction = rng.choice(satisfactions)
        elif roll < 0.85:
            status = DisputeStatus.UNQUALIFIED
            closed_at = min(now, registered + timedelta(days=rng.randrange(1, 15)))
        elif roll < 0.93:
            status = DisputeStatus.HANDLING
        elif roll < 0.97:
            status = DisputeStatus.QUALIFIED
        else:
            status = DisputeStatus.REGISTERED
        batch.append(
            Dispute(
                unit_id=unit_ids[rng.randrange(len(unit_ids))],
                title=f"争议{index:07d}",
                registered_by_centre=rng.random() < 0.2,
                counterparty_kind="person",
                counterparty_name="某某",
                act_kind="act",
                act="行政行为",
                contested="争议焦点",
                origin="complaint",
                arose_on=timezone.localdate(registered),
                status=status,
                registered_at=registered,
                closed_at=closed_at,
                outcome=outcome,
                satisfaction=satisfaction,
            )
        )
        if len(batch) == 20_000:
            Dispute.objects.bulk_create(batch)
            batch = []
        if index and index % 100_000 == 0:
            say(f"  disputes: {index}")
    if batch:
        Dispute.objects.bulk_create(batch)
    say(f"  disputes: {count}")
