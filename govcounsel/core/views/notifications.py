"""A person's own notifications: the inbox, opening one, marking all read, and the choice of
which kinds also come by e-mail. Nobody reads another person's notifications."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from ..models import Notification
from ..notify import email_muted, kinds, set_email_kinds
from ..pagination import KeysetPagination
from .base import _query_without

INBOX_PAGE = 30


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    """Newest first, unread highlighted; `?unread=1` only the unread. Opening one marks it
    read; the page itself leaves them as they are."""
    rows = Notification.objects.filter(recipient_id=request.user.pk)
    unread_only = request.GET.get("unread") == "1"
    if unread_only:
        rows = rows.unread()
    paging = KeysetPagination.by("created_at")()
    cursor = request.GET.get(paging.cursor_query_param)
    try:
        page = paging.page(rows, cursor, INBOX_PAGE)
    except ValueError:
        # A stale or mangled link starts again from the top, as on the registers.
        page = paging.page(rows, None, INBOX_PAGE)
    for notification in page.rows:
        notification.kind_label = kinds.label(notification.kind) if notification.kind else ""
    return render(
        request,
        "core/notifications.html",
        {
            "notifications": page.rows,
            "unread_only": unread_only,
            "unread_count": Notification.objects.filter(recipient_id=request.user.pk)
            .unread()
            .count(),
            "keyset": True,
            "next_keyset": page.next_cursor,
            "previous_keyset": page.previous_cursor,
            "first_page": page.previous_cursor is None,
            "query_without_cursor": _query_without(request, paging.cursor_query_param),
        },
    )


@login_required
def open_notification(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one's own notification read and go to what it is about."""
    # A person reaches only their own notifications.
    mine = Notification.objects.filter(recipient_id=request.user.pk)
    notification = get_object_or_404(mine, pk=pk)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    target = notification.url
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("notifications")


@login_required
@require_POST
def read_all(request: HttpRequest) -> HttpResponse:
    marked = (
        Notification.objects.filter(recipient_id=request.user.pk)
        .unread()
        .update(read_at=timezone.now())
    )
    messages.success(request, _("已将%(n)d条通知标为已读。") % {"n": marked})
    return redirect("notifications")


class EmailKindsForm(forms.Form):
    emailed = forms.MultipleChoiceField(
        label=_("同时发送邮件的通知"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["emailed"].choices = kinds.choices()  # type: ignore[attr-defined]


@login_required
def notification_settings(request: HttpRequest) -> HttpResponse:
    """Each declared kind with a checkbox: ticked, it also comes by e-mail."""
    if request.method == "POST":
        form = EmailKindsForm(request.POST)
        if form.is_valid():
            changed = set_email_kinds(
                user=request.user, by=request.user, emailed=form.cleaned_data["emailed"]
            )
            messages.success(
                request,
                _("已保存通知设置：%(n)d类通知的邮件发送已更改。") % {"n": len(changed)}
                if changed
                else _("通知设置没有变化。"),
            )
            return redirect("notification-settings")
    else:
        muted = email_muted(request.user)
        form = EmailKindsForm(initial={"emailed": [k for k in kinds if k not in muted]})
    return render(
        request,
        "core/notification_settings.html",
        {"form": form, "has_email": bool(getattr(request.user, "email", ""))},
        status=400 if request.method == "POST" else 200,
    )
