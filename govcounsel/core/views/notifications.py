from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from ..models import Notification


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    """A person's notifications, newest first; opening the page marks them read."""
    mine = Notification.objects.filter(recipient_id=request.user.pk)
    notifications = list(mine[:200])
    mine.unread().update(read_at=timezone.now())
    return render(request, "core/notifications.html", {"notifications": notifications})
