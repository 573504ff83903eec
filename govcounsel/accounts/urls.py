from django.urls import path

from .views import grants, passwords

app_name = "accounts"
urlpatterns = [
    path("password/", passwords.password_change, name="password-change"),
    path("activate/<uidb64>/<token>/", passwords.ActivateView.as_view(), name="activate"),
    path("grants/pending/", grants.pending_grants, name="pending-grants"),
    path("grants/<int:pk>/<slug:decision>/", grants.decide_grant, name="decide-grant"),
]
