from __future__ import annotations

from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from govcounsel.certificates.models import ActivePeriod
from govcounsel.organisations.models import Unit
from govcounsel.people.models import Person


def public_lawyers_of(unit: Unit, on: date | None = None) -> QuerySet[Person]:
    """The unit's own public lawyers: a certificate of this unit active on the day."""
    periods = ActivePeriod.objects.covering(on or timezone.localdate()).filter(unit=unit)
    return Person.objects.filter(pk__in=periods.values("certificate__person_id")).order_by(
        "name_pinyin"
    )
