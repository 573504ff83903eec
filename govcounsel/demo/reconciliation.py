"""The reconciliation centre of 聊城市 (002 §10, §20): its pool rule, the organs' mediators,
draws on disputes of the city's organs and sessions. Runs after seed_disputes, through the
services and verbs, acting as the demo logins."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from govcounsel.accounts.models import User
from govcounsel.accounts.recipients import office_of
from govcounsel.core.errors import DomainError
from govcounsel.disputes.choices import DisputeStatus
from govcounsel.disputes.models import Dispute
from govcounsel.matters.selectors import public_lawyers_of
from govcounsel.organisations.choices import UnitKind
from govcounsel.organisations.models import Region, Unit
from govcounsel.reconciliation import selectors, services

from .acting import act

# 002 §10: these two nominate nobody, so that the centre's list of missing organs has rows.
MISSING = {"聊城市住房和城乡建设局", "阳谷县自然资源和规划局"}
CLAUSE = (
    "行政机关应当每年在本业务系统遴选1至2名工作能力突出的公职律师作为和解调解员加入和解中心的"
    "和解调解员人才库，接受和解中心统一委派，主持或参加与本系统专业相关行政案件的和解调解工作。"
)


def _login(username: str) -> User:
    return User.objects.get(username=username)


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def seed_reconciliation(rng: random.Random) -> None:
    centre = _login("reconcile_lc")
    lawyer = _login("lawyer_lc")
    city = Region.objects.get(code="371500")
    rule = services.create_rule(
        by=centre,
        region=city,
        valid_from=date(2022, 2, 1),
        valid_to=date(2027, 1, 31),
        quota_min=1,
        quota_max=2,
        due_month=3,
        due_day=31,
        term_months=12,
        load_cap=3,
        basis="《聊城市公职律师参与行政争议化解工作实施办法》第十条、第二十条",
        clause_text=CLAUSE,
    )
    today = timezone.localdate()
    organs = Unit.objects.filter(
        region__path__startswith=city.path, kind=UnitKind.GOVERNMENT_ORGAN
    ).order_by("region__path", "name")
    for unit in organs:
        if unit.name in MISSING:
            continue
        offices = office_of(unit)
        if not offices:
            continue
        lawyers = list(public_lawyers_of(unit, today, own_only=True))
        if unit.pk == getattr(lawyer.person, "unit_id", None):
            lawyers.sort(key=lambda p: p.pk != lawyer.person_id)
            count = 2  # the organ that nominates two
        else:
            count = 1
        for person in lawyers[:count]:
            services.nominate(unit=unit, person=person, by=offices[0])
    _draws(rng, centre, lawyer, rule, city, today)


def _draws(
    rng: random.Random, centre: User, lawyer: User, rule: Any, city: Region, today: date
) -> None:
    worked = Dispute.objects.filter(
        unit__region__path__startswith=city.path,
        status__in=(DisputeStatus.QUALIFIED, DisputeStatus.HANDLING),
    ).select_related("unit", "unit__region")
    drawn = 0
    mine = None
    for dispute in worked.order_by("pk"):
        if drawn >= 5:
            break
        rows = [r for r in selectors.eligibility(dispute, rule) if r.eligible]
        if not rows:
            continue
        ids = sorted(r.person.pk for r in rows)
        seed = rng.getrandbits(63)
        if mine is None and lawyer.person_id in ids:
            # A recorded seed that picks lawyer_lc, so that the demo lawyer has a session.
            while services.pick(seed, ids, 1) != [lawyer.person_id]:
                seed = rng.getrandbits(63)
        try:
            draw = services.draw_mediators(dispute=dispute, by=centre, seed=seed)
        except DomainError:
            continue
        drawn += 1
        if mine is None and draw.picked == [lawyer.person_id]:
            mine = draw
        _sessions(draw, centre, today, drawn)
    if mine is not None:
        session = services.schedule_session(
            dispute=mine.dispute,
            by=centre,
            place="聊城市行政争议审前和解中心第二调解室",
            starts_at=_at(today + timedelta(days=2), 9),
            ends_at=_at(today + timedelta(days=2), 11),
            mediators=[mine.assignments.get().person],
        )
        assert session.pk


def _sessions(draw: Any, centre: User, today: date, n: int) -> None:
    person = draw.assignments.get().person
    place = "聊城市行政争议审前和解中心第一调解室"
    if n == 1:
        # One today, as the centre's to-do list shows.
        services.schedule_session(
            dispute=draw.dispute,
            by=centre,
            place=place,
            starts_at=_at(today, 14),
            ends_at=_at(today, 16),
            mediators=[person],
        )
    elif n % 2 == 0:
        held = services.schedule_session(
            dispute=draw.dispute,
            by=centre,
            place=place,
            starts_at=_at(today - timedelta(days=7 * n), 9),
            ends_at=_at(today - timedelta(days=7 * n), 11),
            mediators=[person],
        )
        act(
            held,
            "hold",
            centre,
            note="双方就处罚裁量充分沟通，达成和解意向，约定十日内签署和解协议。",
        )
    else:
        called_off = services.schedule_session(
            dispute=draw.dispute,
            by=centre,
            place=place,
            starts_at=_at(today + timedelta(days=n), 9),
            ends_at=_at(today + timedelta(days=n), 11),
            mediators=[person],
        )
        act(called_off, "cancel", centre, reason="party_absent", note="申请人因病请假，另行安排。")
