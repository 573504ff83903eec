"""The work archive's dispute work and activities (002 §15), each counted once."""

from __future__ import annotations

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from govcounsel.matters import services as matter_services
from govcounsel.matters.archive import archive_rows, work_archive

from .factories import activity, day_this_year, dispute, on_dispute


def test_the_archive_counts_disputes_and_activities_once(cast):
    assert cast.lawyer  # certifies person_a
    person = cast.tree.person_a
    unit = cast.tree.unit_a
    year = timezone.localdate().year
    worked = dispute(unit, title="已化解", resolved=True)
    lost = dispute(unit, title="转诉讼", resolved=False)
    handling = dispute(unit, title="化解中")
    mediated = dispute(cast.tree.unit_a2, title="中心调解")
    for case in (worked, lost, handling):
        on_dispute(case, person)
    on_dispute(mediated, person, mediator=True)
    # The centre's sessions: the held one counts, the cancelled one does not (002 §7, §10).
    from govcounsel.reconciliation.models import MediationSession

    start = timezone.now().replace(month=2, day=10, hour=6)
    for status in ("held", "cancelled"):
        session = MediationSession.objects.create(
            dispute=mediated,
            place="和解中心",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            status=status,
            scheduled_by=cast.reconciliation,
        )
        session.mediators.add(person)
    matter = matter_services.register_matter(
        unit=unit,
        by=cast.own_unit,
        title="审核",
        category="cases",
        subtype="petition",
        working_days=5,
    )
    matter_services.assign(matter=matter, by=cast.own_unit, lawyer=person)
    stranger = dispute(unit, title="未参与")
    day = day_this_year()
    activity(cast, kind="complaints", day=day)
    activity(cast, kind="risk_screening", day=day, title="排查")
    activity(cast, by=cast.own_unit, kind="to_villages", day=day, audience=80, title="送法下乡")
    # On records the archive counts already: not counted again.
    activity(cast, kind="calls_letters", day=day, dispute=worked, title="答复申请人来电")
    activity(cast, kind="legal_review", day=day, matter=matter, title="辅助审核")
    # On a dispute the lawyer is not on: the activity is the lawyer's only trace of it.
    activity(cast, by=cast.own_unit, kind="complaints", day=day, dispute=stranger, title="接访")
    # Another year is another archive.
    activity(cast, kind="law_class", day=day.replace(year=year - 1), title="去年法课")

    work = work_archive(person, year).disputes
    assert work is not None
    assert (work.disputes_worked, work.disputes_resolved, work.mediator_roles) == (3, 1, 1)
    assert work.centre_sessions == 1
    assert work.activities_by_kind["complaints"] == 2
    assert work.activities_by_kind["risk_screening"] == 1
    assert work.activities_by_kind["calls_letters"] == 0
    assert work.activities_by_kind["legal_review"] == 0
    assert work.activities_by_kind["law_class"] == 0
    assert (work.dispute_activities, work.outreach_activities) == (3, 1)
    assert work.outreach_audience == 80
    rows = dict(archive_rows(work_archive(person, year)))
    assert rows["参与化解行政争议"] == 3
    assert rows["参加和解中心和解调解（次）"] == 1
    assert rows["活动：送法进乡村"] == 1
    assert rows["释案说法与送法活动合计（第十四条）"] == 1


def test_the_archive_reads_a_fixed_number_of_queries(cast):
    person = cast.tree.person_a
    year = timezone.localdate().year
    with CaptureQueriesContext(connection) as empty:
        work_archive(person, year)
    for n in range(3):
        case = dispute(cast.tree.unit_a, title=f"争议{n}")
        on_dispute(case, person)
        activity(cast, kind="complaints", day=day_this_year(), dispute=case, title=f"接访{n}")
        activity(cast, kind="to_schools", day=day_this_year(), audience=10, title=f"进校园{n}")
    with CaptureQueriesContext(connection) as full:
        work_archive(person, year)
    assert len(full) == len(empty)


def test_the_api_and_the_export_carry_the_figures(cast):
    activity(cast, kind="to_communities", day=day_this_year(), audience=30, title="进社区")
    year = timezone.localdate().year
    answer = cast.api("lawyer").get(
        "/api/v1/work-archives/", {"person": cast.tree.person_a.pk, "year": year}
    )
    assert answer.status_code == 200
    assert answer.json()["activities_by_kind"]["to_communities"] == 1
    assert answer.json()["outreach_audience"] == 30
    page = cast.page("own_unit").get(
        "/matters/archive/", {"person": cast.tree.person_a.pk, "year": year, "export": "csv"}
    )
    text = b"".join(page.streaming_content).decode("utf-8-sig")
    assert "活动：送法进社区" in text
