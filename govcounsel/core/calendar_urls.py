from django.urls import path

from .views import calendar as views

app_name = "calendar"
urlpatterns = [
    path("", views.years, name="years"),
    path("import/", views.import_file, name="import"),
    path("import/template/", views.import_template, name="import-template"),
    path("<int:year>/", views.year, name="year"),
    path("<int:year>/notice/", views.notice_edit, name="notice"),
    path("<int:year>/days/add/", views.day_add, name="day-add"),
    path("<int:year>/days/<str:day>/", views.day_edit, name="day-edit"),
    path("<int:year>/days/<str:day>/delete/", views.day_delete, name="day-delete"),
]
