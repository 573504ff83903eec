"""The workflow verbs of training: enrolment (by the lawyer, or by the office), attendance
by the provider or by the sitting's check-in code, the training certificate, the
verification of self-claims and the working of the yearly sample."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.recipients import accounts_of
from govcounsel.core.verbs import NoInput, Tell, Verb, register

from . import services
from .choices import ClaimStatus
from .forms import (
    AttendanceForm,
    CheckInForm,
    ConfirmForm,
    EnrolLawyerForm,
    NoteForm,
    OverturnForm,
    ReasonForm,
)
from .models import Course, Enrolment, ExternalClaim, SampleItem


def _lawyer(obj: Any, result: Any) -> list[Any]:
    return accounts_of(result.person_id)


def _person(obj: Any, result: Any) -> dict[str, Any]:
    return {"name": result.person.name}


def _course_page(course: Course, enrolment: Enrolment) -> Course:
    return course


register(
    Course,
    Verb(
        "enrol",
        _("本人报名"),
        "training.enrol_self",
        services.enrol,
        subject="course",
        form=NoInput,
        style="primary",
        then=_course_page,
        words=_person,
        done=_("%(name)s已报名“%(title)s”。"),
    ),
    Verb(
        "enrol-lawyer",
        _("为本单位律师报名"),
        "training.enrol_lawyers",
        services.enrol,
        subject="course",
        form=EnrolLawyerForm,
        style="outline-primary",
        then=_course_page,
        words=_person,
        done=_("已为%(name)s报名“%(title)s”。"),
        tell=Tell(
            _lawyer,
            _("已为您报名培训：“%(title)s”"),
            _("本单位已为您报名，请按时参加（费用由单位承担）。"),
        ),
    ),
    Verb(
        "check-in",
        _("现场签到"),
        "training.check_in",
        services.check_in,
        subject="course",
        form=CheckInForm,
        when=lambda course: course.sessions.exists(),
        style="success",
        then=_course_page,
        done=_("签到成功。"),
        help=_("签到码在培训场次开始前30分钟至结束时有效。"),
    ),
    Verb(
        "record-attendance",
        _("登记参训"),
        "training.run_plan",
        services.record_attendance,
        subject="course",
        form=AttendanceForm,
        style="outline-success",
        then=_course_page,
        words=_person,
        done=_("已登记%(name)s参加“%(title)s”。"),
    ),
)

register(
    Enrolment,
    Verb(
        "issue-certificate",
        _("出具培训证明"),
        "training.run_plan",
        services.issue_certificate,
        subject="enrolment",
        when=lambda enrolment: enrolment.attended,
        style="outline-primary",
        document=True,
    ),
)

register(
    ExternalClaim,
    Verb(
        "verify",
        _("核验通过"),
        "training.verify_claim",
        services.verify_claim,
        subject="claim",
        form=NoteForm,
        transition="verify",
        style="success",
        done=_("已核验“%(title)s”，计入%(name)s的年度培训。"),
        words=lambda claim, result: {"name": claim.person.name},
        tell=Tell(
            _lawyer,
            _("自报培训已核验：“%(title)s”"),
            _("已计入您的年度培训。"),
        ),
    ),
    Verb(
        "refuse",
        _("退回"),
        "training.verify_claim",
        services.refuse_claim,
        subject="claim",
        form=ReasonForm,
        transition="refuse",
        style="outline-danger",
        done=_("已退回“%(title)s”。"),
        tell=Tell(
            _lawyer,
            _("自报培训未通过核验：“%(title)s”"),
            _("理由：%(reason)s"),
        ),
    ),
)


def _pending(item: SampleItem) -> bool:
    return item.is_pending and item.claim.status == ClaimStatus.VERIFIED


register(
    SampleItem,
    Verb(
        "confirm",
        _("核查属实"),
        "training.work_sample",
        services.check_item,
        subject="item",
        form=ConfirmForm,
        when=_pending,
        style="success",
        done=_("已记录核查结果：属实。"),
    ),
    Verb(
        "overturn",
        _("核查不实"),
        "training.work_sample",
        services.check_item,
        subject="item",
        form=OverturnForm,
        when=_pending,
        style="outline-danger",
        confirm=_("核查不实的自报培训将不再计入该律师的年度培训。确定吗？"),
        done=_("已记录核查结果：不实，该自报培训不再计入。"),
        tell=Tell(
            lambda item, result: accounts_of(item.claim.person_id),
            _("自报培训经抽查核查不实：“%(claim)s”"),
            _("该培训不再计入年度培训。核查情况：%(note)s"),
        ),
    ),
)
