"""The home page: what each role holds in its scope, with counts."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.certificates import selectors
from govcounsel.core.models import AuditEvent
from govcounsel.organisations.models import Region, Unit
from govcounsel.people.models import LegalAdviser, Person

from .choices import ADMIN_DUTIES, DOMAIN_ROLES, Role
from .models import User
from .scopes import grants_of, roles_of


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    roles = roles_of(user)
    cards: list[dict[str, object]] = []
    today = timezone.localdate()
    if roles & DOMAIN_ROLES:
        people = Person.objects.visible_to(user)
        cards += [
            {
                "label": _("单位"),
                "value": Unit.objects.visible_to(user).count(),
                "url": "organisations:units",
            },
            {"label": _("人员"), "value": people.count(), "url": "people:list"},
            {
                "label": _("具有法律职业资格人员"),
                "value": people.filter(qualifications__isnull=False).distinct().count(),
                "url": "people:list",
                "query": "qualified=true",
            },
            {
                "label": _("在任法律顾问"),
                "value": LegalAdviser.objects.visible_to(user).in_service(today).count(),
                "url": "people:advisers",
                "query": f"in_service_on={today:%Y-%m-%d}",
            },
        ]
    if Role.SYSTEM_ADMIN in roles:
        cards += [
            {"label": _("行政区域"), "value": Region.objects.count(), "url": "organisations:tree"},
            {"label": _("单位"), "value": Unit.objects.count(), "url": "organisations:units"},
        ]
    if Role.SECURITY_ADMIN in roles:
        cards += [
            {
                "label": _("账号"),
                "value": User.objects.filter(is_active=True).count(),
                "admin": "accounts/user",
            },
            {
                "label": _("24小时内登录失败"),
                "value": AuditEvent.objects.filter(
                    action="accounts.login.failed", at__gte=timezone.now() - timedelta(days=1)
                ).count(),
            },
        ]
    if Role.AUDIT_ADMIN in roles:
        since = timezone.now() - timedelta(days=1)
        cards += [
            {
                "label": _("24小时内审计事件"),
                "value": AuditEvent.objects.filter(at__gte=since).count(),
                "url": "audit:events",
            },
            {
                "label": _("24小时内拒绝访问"),
                "value": AuditEvent.objects.filter(action="access.denied", at__gte=since).count(),
                "url": "audit:events",
                "query": "action=access.denied",
            },
        ]
    todo = selectors.todo_counts(user) if roles & DOMAIN_ROLES else []
    return render(
        request,
        "accounts/home.html",
        {
            "cards": cards,
            "todo": todo,
            "grants": grants_of(user),
            "is_admin_duty": bool(roles & ADMIN_DUTIES),
        },
    )
