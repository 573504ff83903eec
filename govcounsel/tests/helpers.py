from __future__ import annotations

from typing import Any

from rest_framework.test import APIClient

from govcounsel.core.models import AuditEvent


def client_for(user: Any) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def events(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action))
