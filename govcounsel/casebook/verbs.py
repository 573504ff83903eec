"""The verbs of typical cases (002 §18): the justice bureau reviews, edits, anonymises,
publishes, revises and withdraws; the nominating office is told of each decision."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.recipients import office_of
from govcounsel.core.verbs import Tell, Verb, register

from . import services
from .forms import AnonymiseForm, EditForm, NoteForm, ReasonForm, ReviseForm
from .models import TypicalCase


def _office(case: Any, result: Any) -> Any:
    return office_of(case.unit)


register(
    TypicalCase,
    Verb(
        "accept",
        _("采用并进入编辑"),
        "casebook.review",
        services.accept,
        subject="case",
        form=NoteForm,
        transition="accept",
        style="success",
        done=_("已采用典型案例“%(title)s”，请编辑并做隐名处理后发布。"),
        tell=Tell(
            _office,
            _("典型案例推荐已采用：“%(title)s”"),
            _("司法局已采用贵单位推荐的典型案例，进入编辑。"),
        ),
    ),
    Verb(
        "decline",
        _("不予采用"),
        "casebook.review",
        services.decline,
        subject="case",
        form=ReasonForm,
        transition="decline",
        style="outline-danger",
        done=_("已不予采用典型案例“%(title)s”。"),
        tell=Tell(
            _office,
            _("典型案例推荐未采用：“%(title)s”"),
            _("理由：%(reason)s"),
        ),
    ),
    Verb(
        "edit",
        _("编辑案例"),
        "casebook.review",
        services.edit,
        subject="case",
        form=EditForm,
        when=lambda case: case.is_editing or case.is_withdrawn,
        style="outline-primary",
        done=_("已保存典型案例“%(title)s”。"),
    ),
    Verb(
        "anonymise",
        _("隐名处理"),
        "casebook.review",
        services.anonymise,
        subject="case",
        form=AnonymiseForm,
        when=lambda case: case.is_editing or case.is_withdrawn,
        style="outline-secondary",
        done=_("已对典型案例“%(title)s”做隐名处理。"),
    ),
    Verb(
        "publish",
        _("发布"),
        "casebook.review",
        services.publish,
        subject="case",
        form=NoteForm,
        transition="publish",
        style="success",
        confirm=_("发布后案例将在公开页面上向社会公示。请确认已做隐名处理。确定发布吗？"),
        done=_("已发布典型案例“%(title)s”。"),
        tell=Tell(
            _office,
            _("典型案例已发布：“%(title)s”"),
            _("贵单位推荐的典型案例已在公开页面发布。"),
        ),
    ),
    Verb(
        "revise",
        _("修订"),
        "casebook.review",
        services.revise,
        subject="case",
        form=ReviseForm,
        transition="revise",
        style="outline-primary",
        confirm=_("修订后公开页面将显示新版本，原版本留存备查。确定修订吗？"),
        done=_("已修订典型案例“%(title)s”，公开页面显示新版本。"),
    ),
    Verb(
        "withdraw",
        _("撤下"),
        "casebook.review",
        services.withdraw,
        subject="case",
        form=ReasonForm,
        transition="withdraw",
        style="outline-danger",
        confirm=_("撤下后案例不再在公开页面显示，各版本留存备查。确定撤下吗？"),
        done=_("已撤下典型案例“%(title)s”。"),
    ),
)
