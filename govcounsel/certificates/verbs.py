"""The workflow verbs of applications, certificates and cancellation cases (000 #1, #3)."""

from __future__ import annotations

from functools import partial

from django.utils.translation import gettext_lazy as _

from govcounsel.core.verbs import Verb, register

from . import services
from .forms import ActionForm, CancelForm, ReasonForm, RecoverForm, ReviewForm, WithdrawForm
from .models import CancellationCase, Certificate, CertificateApplication

register(
    CertificateApplication,
    Verb(
        "review",
        _("审核通过"),
        "certificates.unit_review",
        services.review,
        subject="application",
        form=ReviewForm,
        transition="pass_review",
        style="success",
    ),
    Verb(
        "return",
        _("退回"),
        "certificates.unit_review",
        partial(services.review, passed=False),
        subject="application",
        form=ReasonForm,
        transition="return_to_applicant",
        style="warning",
    ),
    Verb(
        "submit",
        _("申报司法局"),
        "certificates.unit_review",
        services.submit,
        subject="application",
        form=ActionForm,
        transition="submit",
        style="success",
    ),
    Verb(
        "approve",
        _("批准并颁证"),
        "certificates.decide",
        services.approve,
        subject="application",
        form=ActionForm,
        transition="approve",
        style="success",
        confirm=_("批准后将颁发证书并生成执业证号，不能撤销。确定批准吗？"),
        then=lambda application, certificate: certificate,
        answer_serializer="govcounsel.certificates.api.CertificateSerializer",
    ),
    Verb(
        "reject",
        _("不予批准"),
        "certificates.decide",
        services.reject,
        subject="application",
        form=ReasonForm,
        transition="reject",
        style="danger",
        confirm=_("不予批准后本申请即告终结。确定吗？"),
    ),
    Verb(
        "withdraw",
        _("撤回申请"),
        "certificates.withdraw",
        services.withdraw,
        subject="application",
        form=WithdrawForm,
        transition="withdraw",
        style="secondary",
        confirm=_("撤回后本申请即告终结。确定撤回吗？"),
    ),
)

register(
    Certificate,
    Verb(
        "suspend",
        _("暂停执业"),
        "certificates.manage_certificate",
        services.suspend,
        subject="certificate",
        form=ReasonForm,
        transition="suspend",
        style="warning",
    ),
    Verb(
        "reinstate",
        _("恢复执业"),
        "certificates.manage_certificate",
        services.reinstate,
        subject="certificate",
        form=ActionForm,
        transition="reinstate",
        style="success",
    ),
    Verb(
        "cancel",
        _("注销证书"),
        "certificates.manage_certificate",
        services.cancel,
        subject="certificate",
        form=CancelForm,
        transition="cancel",
        style="danger",
        confirm=_("注销后证书不再有效，不能恢复。确定注销吗？"),
    ),
)

register(
    CancellationCase,
    Verb(
        "recover",
        _("登记证书已收回"),
        "certificates.recover_certificate",
        services.record_recovery,
        subject="case",
        form=RecoverForm,
        transition="record_recovery",
        target=lambda case: case.certificate,
    ),
    Verb(
        "complete",
        _("办结注销"),
        "certificates.manage_certificate",
        services.complete_case,
        subject="case",
        form=ActionForm,
        transition="complete",
        target=lambda case: case.certificate,
        style="danger",
        confirm=_("办结后证书即注销。确定办结吗？"),
        # The case is done; the page and the API show the case, as before.
        then=lambda case, certificate: case,
    ),
)
