from django.urls import path

from . import security_views

urlpatterns = [
    path("", security_views.security, name="account-security"),
    path("two-factor/verify/", security_views.verify, name="two-factor-verify"),
    path("two-factor/setup/", security_views.setup, name="two-factor-setup"),
    path("two-factor/disable/", security_views.disable_two_factor, name="two-factor-disable"),
    path("tokens/<int:pk>/revoke/", security_views.revoke, name="token-revoke"),
]
