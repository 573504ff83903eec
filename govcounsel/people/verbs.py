"""The verbs of qualifications and legal advisers: corrections by whoever keeps the records
(the unit's office and the justice bureau, people.manage_*)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from govcounsel.core.verbs import Verb, register

from . import services
from .forms import AdviserEditForm, EndServiceForm, QualificationEditForm
from .models import LegalAdviser, Qualification

register(
    Qualification,
    Verb(
        "edit",
        _("修改资格"),
        "people.manage_person",
        services.update_qualification,
        subject="qualification",
        form=QualificationEditForm,
        target=lambda qualification: qualification.person,
        style="outline-secondary",
        done=_("已保存法律职业资格。"),
    ),
    Verb(
        "delete",
        _("删除误录资格"),
        "people.manage_person",
        services.delete_qualification,
        subject="qualification",
        target=lambda qualification: qualification.person,
        style="outline-danger",
        confirm=_("仅用于删除误录的资格，删除后不能恢复（审计日志保留原内容）。确定删除吗？"),
        done=_("已删除误录的法律职业资格。"),
        then=lambda qualification, person: person,
        answer_serializer="govcounsel.people.api.PersonSerializer",
    ),
)

register(
    LegalAdviser,
    Verb(
        "edit",
        _("修改"),
        "people.manage_unit_staff",
        services.update_adviser,
        subject="adviser",
        form=AdviserEditForm,
        target=lambda adviser: adviser.unit,
        style="outline-secondary",
        done=_("已保存法律顾问信息。"),
    ),
    Verb(
        "end-service",
        _("结束服务"),
        "people.manage_unit_staff",
        services.end_adviser_service,
        subject="adviser",
        form=EndServiceForm,
        when=lambda adviser: not adviser.is_ended,
        refusal=lambda adviser: services.already_ended(adviser),
        target=lambda adviser: adviser.unit,
        style="outline-danger",
        confirm=_("结束服务后，该顾问自次日起不再计入工作覆盖率。确定结束服务吗？"),
        done=_("已登记法律顾问结束服务。"),
    ),
)
