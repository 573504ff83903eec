from typing import Any

from django.dispatch import receiver

from govcounsel.people.signals import employment_ended


@receiver(employment_ended)
def _open_cancellation(
    sender: Any, person: Any, reason: str, on: Any, by: Any = None, **kwargs: Any
) -> None:
    from .services import end_by_hr_event

    end_by_hr_event(person=person, reason=reason, on=on, by=by)
