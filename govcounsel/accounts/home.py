"""The home page: what each role holds in its scope, with counts (accounts.selectors)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .selectors import home_page


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/home.html", home_page(request.user).context())
