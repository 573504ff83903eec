from django.urls import path

from . import grant_views, password_views

app_name = "accounts"
urlpatterns = [
    path("password/", password_views.password_change, name="password-change"),
    path("activate/<uidb64>/<token>/", password_views.ActivateView.as_view(), name="activate"),
    path("grants/pending/", grant_views.pending_grants, name="pending-grants"),
    path("grants/<int:pk>/<slug:decision>/", grant_views.decide_grant, name="decide-grant"),
]
