from django.db import models
from django.utils.translation import gettext_lazy as _


class Sex(models.TextChoices):
    MALE = "M", _("男")
    FEMALE = "F", _("女")


class EmploymentStatus(models.TextChoices):
    IN_POST = "in_post", _("在职")
    RETIRED = "retired", _("退休")
    LEFT = "left", _("离职")
    TRANSFERRED = "transferred", _("调离")


class QualificationKind(models.TextChoices):
    LEGAL_A = "legal_a", _("法律职业资格（A类）")
    LEGAL_B = "legal_b", _("法律职业资格（B类）")
    LEGAL_C = "legal_c", _("法律职业资格（C类）")
    LAWYER = "lawyer", _("律师资格")


class AdviserKind(models.TextChoices):
    INTERNAL = "internal", _("内部法律顾问")
    EXTERNAL = "external", _("外聘法律顾问")
