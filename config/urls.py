from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from govcounsel.accounts.help import help_page
from govcounsel.accounts.home import home
from govcounsel.accounts.views.login import LoginView
from govcounsel.core.views import audit as audit_views
from govcounsel.core.views import notifications as notification_views
from govcounsel.core.views import verbs as verb_views

audit_patterns = (
    [
        path("", audit_views.AuditEventListView.as_view(), name="events"),
        path("changes/", audit_views.ChangeListView.as_view(), name="changes"),
    ],
    "audit",
)

urlpatterns = [
    path("", home, name="home"),
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/", include("govcounsel.accounts.urls")),
    path("security/", include("govcounsel.accounts.security_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("notifications/", notification_views.inbox, name="notifications"),
    path(
        "notifications/settings/",
        notification_views.notification_settings,
        name="notification-settings",
    ),
    path("notifications/read-all/", notification_views.read_all, name="notifications-read-all"),
    path(
        "notifications/<int:pk>/open/",
        notification_views.open_notification,
        name="notification-open",
    ),
    path("help/", help_page, name="help"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("organisations/", include("govcounsel.organisations.urls")),
    path("people/", include("govcounsel.people.urls")),
    path("certificates/", include("govcounsel.certificates.urls")),
    path("coverage/", include("govcounsel.coverage.urls")),
    path("matters/", include("govcounsel.matters.urls")),
    path("disputes/", include("govcounsel.disputes.urls")),
    path("reconciliation/", include("govcounsel.reconciliation.urls")),
    path("activities/", include("govcounsel.activities.urls")),
    path("casebook/", include("govcounsel.casebook.urls")),
    path("public/", include("govcounsel.casebook.public_urls")),
    path("awards/", include("govcounsel.awards.urls")),
    path("documents/", include("govcounsel.documents.urls")),
    path("training/", include("govcounsel.training.urls")),
    path("audit/", include(audit_patterns)),
    # Every declared workflow verb of every model (core/verbs.py).
    path("do/<str:model>/<int:pk>/<slug:verb>/", verb_views.run_verb, name="verb"),
    path("privacy/", include("govcounsel.privacy.urls")),
    path("calendar/", include("govcounsel.core.calendar_urls")),
    path("exports/", include("govcounsel.core.export_urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", include("config.api")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
]

handler403 = "govcounsel.core.views.permission_denied"
handler404 = "govcounsel.core.views.not_found"
