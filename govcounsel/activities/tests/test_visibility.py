"""Who reads, records and corrects activities, role by role (core/testing/cases.py)."""

from __future__ import annotations

from django.utils import timezone

from govcounsel.activities.models import Activity
from govcounsel.core.testing.cases import Call, ScopedAPICase, ScopedViewCase, answers

from .factories import activity


def recorded(cast):
    """An activity of person_a, typed by the lawyer."""
    return activity(cast, kind="calls_letters", title="答复来信")


def payload(scene):
    return {
        "people": [scene.tree.person_a.pk],
        "kind": "law_class",
        "day": str(timezone.localdate()),
        "title": "专题法课",
        "audience": 40,
    }


# The office and its superior, the region's supervisor and justice bureau, the lawyer who
# took part; not the association, the centre, another unit, another region or a colleague.
SEEN = answers(404, own_unit=200, parent_region=200, bureau=200, lawyer=200)


class TestActivityAPI(ScopedAPICase):
    basename = "activity"
    model = Activity
    make = staticmethod(recorded)
    list_expected = answers(200, anonymous=401)
    detail_expected = {**SEEN, "anonymous": 401}
    # The lawyer for themself, the office for its lawyers; the others may not name person_a
    # (out of their scope: 400) or are refused.
    create = Call(
        payload=payload,
        expected=answers(400, own_unit=201, lawyer=201, anonymous=401),
    )
    update = Call(
        payload={"title": "答复来信（更正）"},
        expected=answers(
            404, own_unit=200, lawyer=200, parent_region=403, bureau=403, anonymous=401
        ),
    )


class TestActivityPages(ScopedViewCase):
    model = Activity
    make = staticmethod(recorded)
    list_name = "activities:list"
    detail_name = "activities:activity"
    create_name = "activities:create"
    list_expected = answers(200, anonymous=302)
    detail_expected = {**SEEN, "anonymous": 302}
    create = Call(
        payload=payload,
        # A colleague may record for themself only: naming person_a sends the form back.
        expected=answers(403, own_unit=302, lawyer=302, colleague=200, anonymous=302),
    )
