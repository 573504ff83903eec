from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "govcounsel.demo"
    verbose_name = "演示数据"
