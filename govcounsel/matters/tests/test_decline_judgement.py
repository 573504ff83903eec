"""001 三(三): a decline without valid reason counts against the lawyer's annual assessment.
The office judges the reason from the matter's page; only a judged decline is counted in the
work archive, and one not yet judged is shown as pending there and on the matter."""

from django.urls import reverse
from django.utils import timezone

from govcounsel.matters import services
from govcounsel.matters.archive import work_archive
from govcounsel.matters.models import Matter


def _declined(cast, title):
    matter = services.register_matter(
        unit=cast.tree.unit_a,
        by=cast.own_unit,
        title=title,
        category="cases",
        subtype="petition",
        working_days=3,
    )
    services.assign(matter=matter, by=cast.own_unit, lawyer=cast.lawyer.person)
    return services.decline(matter=matter, by=cast.lawyer, reason="与本人有利害关系")


def _counts(cast):
    archive = work_archive(cast.lawyer.person, timezone.localdate().year)
    return (archive.declines_justified, archive.declines_unjustified, archive.declines_unjudged)


def test_only_judged_declines_count_and_undecided_ones_are_pending(cast):
    first = _declined(cast, "信访一")
    second = _declined(cast, "信访二")
    _declined(cast, "信访三")
    assert _counts(cast) == (0, 0, 3)
    services.judge_decline(assignment=first.assignments.get(), by=cast.own_unit, justified=False)
    services.judge_decline(assignment=second.assignments.get(), by=cast.own_unit, justified=True)
    assert _counts(cast) == (1, 1, 1)


def test_the_matter_page_shows_an_undecided_decline_until_it_is_judged(cast):
    matter = _declined(cast, "信访")
    page = cast.page("own_unit")
    shown = page.get(matter.get_absolute_url()).content.decode()
    assert 'data-testid="undecided-declines"' in shown
    assert "与本人有利害关系" in shown
    assert 'data-testid="verb-judge-decline"' in shown  # the office judges it right there
    response = page.post(
        reverse("verb", args=["matters.matter", matter.pk, "judge-decline"]),
        {"assignment": matter.assignments.get().pk, "justified": "false"},
    )
    assert response.status_code == 302
    shown = page.get(matter.get_absolute_url()).content.decode()
    assert 'data-testid="undecided-declines"' not in shown
    assert "理由不正当" in shown
    assert Matter.objects.get(pk=matter.pk).undecided_declines == []


def test_the_archive_page_lists_the_pending_declines_with_their_matters(cast):
    matter = _declined(cast, "待认定的信访")
    url = f"{reverse('matters:archive')}?person={cast.lawyer.person.pk}"
    shown = cast.page("own_unit").get(url).content.decode()
    assert 'data-testid="pending-declines"' in shown
    assert matter.get_absolute_url() in shown
    services.judge_decline(assignment=matter.assignments.get(), by=cast.own_unit, justified=True)
    shown = cast.page("own_unit").get(url).content.decode()
    assert 'data-testid="pending-declines"' not in shown


def test_a_pending_decline_on_a_matter_the_reader_cannot_open_is_counted_not_listed(cast):
    matter = _declined(cast, "涉密信访")
    Matter.objects.filter(pk=matter.pk).update(confidential=True)
    url = f"{reverse('matters:archive')}?person={cast.lawyer.person.pk}"
    shown = cast.page("parent_region").get(url).content.decode()
    assert "涉密信访" not in shown
    assert 'data-testid="archive"' in shown
