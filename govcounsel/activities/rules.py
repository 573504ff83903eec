"""Who records and corrects activities: the lawyer for themself, the unit's office for its
lawyers; the recorder corrects within `EDIT_DAYS`, the office keeps the record after that."""

from __future__ import annotations

from typing import Any

import rules
from django.utils import timezone

from govcounsel.accounts.choices import Role
from govcounsel.accounts.predicates import holds
from govcounsel.certificates.rules import runs_the_unit_of

# Long enough to notice a slip in one's own entry; after it the office corrects (002 §15: the
# archive is the unit's record, used in assessment).
EDIT_DAYS = 30


@rules.predicate
def recorded_it_lately(user: Any, activity: Any) -> bool:
    if activity is None or activity.recorded_by_id != getattr(user, "pk", None):
        return False
    return (timezone.localdate() - timezone.localdate(activity.recorded_at)).days <= EDIT_DAYS


is_public_lawyer = holds(Role.PUBLIC_LAWYER)

# obj: the unit whose lawyers took part
rules.add_perm("activities.record_for_unit", runs_the_unit_of)
rules.add_perm("activities.record_own", is_public_lawyer)
# obj: the activity
rules.add_perm("activities.correct", runs_the_unit_of | recorded_it_lately)
