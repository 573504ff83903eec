"""The security administrator's page of login security: accounts locked by failed logins
(lifted with a reason) and signed-in sessions (ended one by one). Both are audited through
accounts.security_services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from govcounsel.core.errors import DomainError

from .. import security_services
from ..predicates import is_security_admin
from ..selectors import active_sessions, locked_accounts, lockouts_of

PAGE_SIZE = 25


class UnlockForm(forms.Form):
    username = forms.CharField(max_length=150, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("解除理由"),
        max_length=200,
        error_messages={"required": _("请填写解除锁定的理由。")},
    )


def _gate(request: HttpRequest) -> None:
    if not is_security_admin(request.user):
        raise PermissionDenied(_("只有安全管理员可以查看登录安全。"))


def _page(request: HttpRequest, rows: Any) -> Any:
    return Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _lockouts_page(
    request: HttpRequest, form: UnlockForm | None = None, status: int = 200
) -> HttpResponse:
    q = request.GET.get("q", "")
    page = _page(request, locked_accounts(q))
    return render(
        request,
        "accounts/lockouts.html",
        {
            "q": q,
            "page_obj": page,
            "lockouts": lockouts_of(page.object_list),
            "form": form,
            "query_without_page": _query_without_page(request),
        },
        status=status,
    )


@login_required
def lockouts(request: HttpRequest) -> HttpResponse:
    _gate(request)
    return _lockouts_page(request)


@require_POST
@login_required
def unlock(request: HttpRequest) -> HttpResponse:
    _gate(request)
    form = UnlockForm(request.POST)
    if form.is_valid():
        try:
            security_services.unlock_account(by=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(
                request, _("已解除 %(name)s 的锁定。") % {"name": form.cleaned_data["username"]}
            )
            return redirect("accounts:lockouts")
    # Nothing changed: the page again, with what is wrong beside the account.
    return _lockouts_page(request, form, status=400)


@login_required
def sessions(request: HttpRequest) -> HttpResponse:
    _gate(request)
    q = request.GET.get("q", "")
    page = _page(request, active_sessions(q))
    return render(
        request,
        "accounts/sessions.html",
        {
            "q": q,
            "page_obj": page,
            "current_key": request.session.session_key,
            "query_without_page": _query_without_page(request),
        },
    )


@require_POST
@login_required
def end_session(request: HttpRequest, pk: int) -> HttpResponse:
    _gate(request)
    session = active_sessions().filter(pk=pk).first()
    if session is None:
        raise Http404
    security_services.end_session(session=session, by=request.user)
    messages.success(
        request, _("已结束 %(name)s 的登录会话。") % {"name": session.user.display_name}
    )
    return redirect("accounts:sessions")
