"""The back office belongs to the three separated duties; each model is owned by exactly one.

System administrator: configuration and organisation data. Security administrator:
accounts, role grants, lockouts, tokens. Audit administrator: the audit trail, read-only.
Records of the domain are not deleted from here.

No side doors (ADR 0008): every registered model declares one of three kinds, and
`core/tests/test_admin_side_doors.py` fails on a model registered any other way.

- `ReadOnlyAdmin`: domain records and trails, shown and never written here. Their writes
  belong to the services (and the pages and API that call them), which check, transition,
  signal and audit; a save here would skip all of that (000 #3: retiring a certificate holder
  must open a cancellation case).
- `ServiceAdmin`: written here only through the app's service functions, so the back office
  takes the same path, with the same checks and audit, as the pages and the API.
- `ConfigurationAdmin`: what its duty configures directly and no service stands behind —
  accounts, role grants, lockouts, tokens, shared vocabularies. The model validates itself and
  django-auditlog records each change; each declares why it belongs here.
"""

from __future__ import annotations

from typing import Any

from auditlog.models import LogEntry
from django import forms
from django.contrib import admin
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_q import admin as q_admin
from django_q.models import Failure, OrmQ, Schedule, Success

from .audit_actions import actions as audit_actions
from .forms import run_service
from .models import AuditEvent, CalendarDay, HolidayNotice, Notification
from .scoping import holds

admin.site.site_header = _("公职律师工作管理平台 · 后台管理")
admin.site.site_title = "govcounsel"
admin.site.index_title = _("后台管理")


class DutyAdmin(admin.ModelAdmin):
    # A role's value ("system_admin"); core names roles only through the scope provider.
    duty: str = "system_admin"
    read_only = False
    deletable = False
    # Other duties that may look (never change): the security administrator picks regions and
    # units when granting roles.
    viewers: frozenset[str] = frozenset()

    def _holds(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and holds(request.user, {self.duty}))

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._holds(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._holds(request) or bool(
            self.viewers and request.user.is_active and holds(request.user, self.viewers)
        )

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return self._holds(request) and not self.read_only

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._holds(request) and not self.read_only

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._holds(request) and self.deletable and not self.read_only


def take_over(model: Any, admin_class: type[admin.ModelAdmin]) -> None:
    """Register a third-party model under a duty, replacing the package's own admin."""
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, admin_class)


class ReadOnlyInline(admin.TabularInline):
    """Related rows shown beside a record, never written from here."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyAdmin(DutyAdmin):
    """Shown to its duty; never added, changed or deleted from the back office."""

    read_only = True

    def __init__(self, model: type[models.Model], admin_site: admin.AdminSite) -> None:
        super().__init__(model, admin_site)
        for inline in self.inlines:
            if not issubclass(inline, ReadOnlyInline):
                raise ImproperlyConfigured(
                    f"{type(self).__name__}: inline {inline.__name__} must be a ReadOnlyInline."
                )

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ServiceAdmin(DutyAdmin):
    """Adds and changes go through the app's services: `create_service(by=, **fields)` and
    `update_service(<update_target>=obj, by=, **changed_fields)`, or the two hooks below.

    The service runs while the form is validated, so that its refusal (a domain error or a
    validation error) lands on the form like any other error, and nothing is half-written:
    the admin view holds the whole request in one transaction. Nothing is deleted here."""

    create_service: Any = None
    update_service: Any = None
    update_target: str = ""

    def __init__(self, model: type[models.Model], admin_site: admin.AdminSite) -> None:
        super().__init__(model, admin_site)
        if self.inlines or self.list_editable or self.deletable:
            # Inlines and list editing would save rows around the service.
            raise ImproperlyConfigured(
                f"{type(self).__name__}: a ServiceAdmin has no inlines, list editing or delete."
            )
        if self.update_service is not None and not self.update_target:
            raise ImproperlyConfigured(f"{type(self).__name__}: name the update_target.")

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return super().has_add_permission(request, *args) and self._creates()

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and self._updates()

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def _creates(self) -> bool:
        return type(self).create_through_service is not ServiceAdmin.create_through_service or (
            self.create_service is not None
        )

    def _updates(self) -> bool:
        return type(self).update_through_service is not ServiceAdmin.update_through_service or (
            self.update_service is not None
        )

    def create_through_service(self, request: HttpRequest, data: dict[str, Any]) -> Any:
        return type(self).create_service(by=request.user, **data)

    def update_through_service(
        self, request: HttpRequest, obj: Any, changes: dict[str, Any]
    ) -> Any:
        return type(self).update_service(**{self.update_target: obj}, by=request.user, **changes)

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        form_class = super().get_form(request, obj, change=change, **kwargs)
        model_admin = self

        class ThroughService(form_class):  # type: ignore[misc, valid-type]
            saved_through_service = False

            def _post_clean(self) -> None:
                super()._post_clean()
                if not self._errors:
                    model_admin._run_service(request, self, change)

        return ThroughService

    def _run_service(self, request: HttpRequest, form: forms.ModelForm, change: bool) -> None:
        data = form.cleaned_data
        if change:
            changes = {name: data[name] for name in form.changed_data if name in data}
            if not changes:
                form.saved_through_service = True  # type: ignore[attr-defined]
                return
            result = run_service(
                form, lambda: self.update_through_service(request, form.instance, changes)
            )
        else:
            result = run_service(form, lambda: self.create_through_service(request, dict(data)))
        if result is not None:
            form.instance = result
            form.saved_through_service = True  # type: ignore[attr-defined]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not getattr(form, "saved_through_service", False):
            raise PermissionDenied  # never reached through the form above

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """The service wrote everything there is to write."""

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        raise PermissionDenied

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        raise PermissionDenied


class ConfigurationAdmin(DutyAdmin):
    """Configuration its duty keeps here directly; `why` says why no service stands behind it."""

    why: str = ""

    def __init__(self, model: type[models.Model], admin_site: admin.AdminSite) -> None:
        super().__init__(model, admin_site)
        if not self.why:
            raise ImproperlyConfigured(f"{type(self).__name__}: say why it is configuration.")


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    duty = "audit_admin"
    list_display = ["at", "action_label", "actor_name", "client_address", "object_repr"]
    list_filter = ["action"]
    search_fields = ["action", "actor_name", "object_repr", "client_address"]
    date_hierarchy = "at"

    @admin.display(description=_("操作"), ordering="action")
    def action_label(self, event: AuditEvent) -> str:
        # The registered label in the reader's language, as on the audit pages; the raw
        # name stays searchable and filterable.
        declared = audit_actions.get(event.action)
        return str(declared.label) if declared else event.action


class ChangeAdmin(ReadOnlyAdmin):
    duty = "audit_admin"
    list_display = ["timestamp", "action", "content_type", "object_repr", "actor", "remote_addr"]
    list_filter = ["action", "content_type"]
    search_fields = ["object_repr", "actor__username"]
    date_hierarchy = "timestamp"


take_over(LogEntry, ChangeAdmin)


class ScheduleAdmin(ConfigurationAdmin, q_admin.ScheduleAdmin):
    why = (
        "When the background jobs run (daily supervision, quarterly bulletins) is system "
        "configuration; the jobs themselves write only through the services."
    )


class SuccessAdmin(ReadOnlyAdmin, q_admin.TaskAdmin):
    actions: list[Any] = []  # no resubmitting from here: a job is requested through its service


class FailureAdmin(ReadOnlyAdmin, q_admin.FailAdmin):
    actions: list[Any] = []


class QueueAdmin(ReadOnlyAdmin, q_admin.QueueAdmin):
    pass


take_over(Schedule, ScheduleAdmin)
take_over(Success, SuccessAdmin)
take_over(Failure, FailureAdmin)
if admin.site.is_registered(OrmQ):
    take_over(OrmQ, QueueAdmin)


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "recipient", "title", "read_at"]


# The statutory calendar is changed only on its own pages, through calendar_services (audited,
# and the working-day cache is refreshed); the back office shows it.
@admin.register(HolidayNotice)
class HolidayNoticeAdmin(ReadOnlyAdmin):
    list_display = ["year", "source", "document_number", "published_on", "updated_at"]
    list_filter = ["source"]


@admin.register(CalendarDay)
class CalendarDayAdmin(ReadOnlyAdmin):
    list_display = ["date", "kind", "name", "notice"]
    list_filter = ["kind", "notice__year"]
    date_hierarchy = "date"
