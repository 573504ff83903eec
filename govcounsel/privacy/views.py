"""The notice on personal-information handling (PIPL art. 17, 18, 35): open to everyone,
linked from the login page and the survey import."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .models import RetentionRule


def notice(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "privacy/notice.html",
        {
            "rules": RetentionRule.objects.all(),
            "contact": settings.PRIVACY_CONTACT,
        },
    )
