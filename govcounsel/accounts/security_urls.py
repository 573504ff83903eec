from django.urls import path

from .views import security

urlpatterns = [
    path("", security.security, name="account-security"),
    path("two-factor/verify/", security.verify, name="two-factor-verify"),
    path("two-factor/setup/", security.setup, name="two-factor-setup"),
    path("two-factor/disable/", security.disable_two_factor, name="two-factor-disable"),
    path("tokens/<int:pk>/revoke/", security.revoke, name="token-revoke"),
]
