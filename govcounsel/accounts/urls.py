from django.urls import path

from .views import grants, lockouts, passwords

app_name = "accounts"
urlpatterns = [
    path("password/", passwords.password_change, name="password-change"),
    path("activate/<uidb64>/<token>/", passwords.ActivateView.as_view(), name="activate"),
    path("grants/pending/", grants.pending_grants, name="pending-grants"),
    path("grants/<int:pk>/<slug:decision>/", grants.decide_grant, name="decide-grant"),
    # The security administrator's login security: locked accounts and signed-in sessions.
    path("lockouts/", lockouts.lockouts, name="lockouts"),
    path("lockouts/unlock/", lockouts.unlock, name="unlock"),
    path("sessions/", lockouts.sessions, name="sessions"),
    path("sessions/<int:pk>/end/", lockouts.end_session, name="end-session"),
]
