"""The workflow verbs of applications, certificates and cancellation cases (000 #1, #3)."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.recipients import accounts_of, association_of, bureau_of, office_of
from govcounsel.core.verbs import Tell, Verb, register

from . import services
from .forms import ActionForm, CancelForm, ReasonForm, RecoverForm, ReviewForm, WithdrawForm
from .models import CancellationCase, Certificate, CertificateApplication


def _office(obj: Any, result: Any = None) -> list[Any]:
    """The rule-of-law office of the unit that applied or holds the certificate."""
    return office_of(obj.unit)


def _office_and_person(obj: Any, result: Any = None) -> list[Any]:
    """The office and the applicant or holder, where they have an account."""
    return office_of(obj.unit) + accounts_of(obj.person_id)


def _case_words(case: CancellationCase, result: Any) -> dict[str, Any]:
    return {"person": case.certificate.person, "number": case.certificate.number}


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
        done=_("已审核通过%(person)s的申请，下一步请申报司法局。"),
        tell=Tell(
            _office,
            _("证书申请待申报：%(person)s"),
            _("%(unit)s已审核通过%(person)s的公职律师证书申请，请申报司法局。"),
        ),
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
        done=_("已将%(person)s的申请退回，退回理由：%(note)s"),
        tell=Tell(
            _office_and_person,
            _("证书申请被退回：%(person)s"),
            _("退回理由：%(note)s。请补正后重新申请。"),
        ),
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
        done=_("已将%(person)s的申请申报司法局审批。"),
        tell=Tell(
            lambda application, result: bureau_of(application.unit.region),
            _("证书申请待审批：%(unit)s %(person)s"),
            _("%(unit)s申报%(person)s的公职律师证书申请，请审批。"),
        ),
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
        done=_("已批准%(person)s的申请并颁发公职律师证书，执业证号%(number)s。"),
        tell=(
            Tell(
                _office_and_person,
                _("公职律师证书已颁发：%(person)s（%(number)s）"),
                _("司法局已批准%(person)s的申请，执业证号%(number)s，请领取证书。"),
            ),
            # Every public lawyer must join the lawyers association (001 三(五)).
            Tell(
                lambda application, certificate: association_of(application.unit.region),
                _("新颁证公职律师待入会：%(person)s（%(number)s）"),
                _("%(person)s已取得公职律师证书，请办理入会登记。"),
                kind="certificates.certificate.to_join",
                label=_("新颁证公职律师待入会"),
                url=lambda application, certificate: reverse("certificates:non-members"),
            ),
        ),
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
        confirm=_("不予批准后本申请即告终结，申请人须重新申请。确定不予批准吗？"),
        done=_("已对%(person)s的申请作出不予批准决定。"),
        tell=Tell(
            _office_and_person,
            _("证书申请不予批准：%(person)s"),
            _("司法局不予批准%(person)s的公职律师证书申请，理由：%(note)s"),
        ),
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
        done=_("已撤回%(person)s的申请。"),
        tell=Tell(_office_and_person, _("证书申请已撤回：%(person)s"), _("%(note)s")),
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
        confirm=_(
            "暂停期间该律师不计为在岗公职律师，不能被指派承办法律事务，直至恢复执业。"
            "确定暂停执业吗？"
        ),
        done=_("已暂停%(person)s执业（执业证号%(number)s）。"),
        tell=Tell(
            _office_and_person,
            _("暂停执业：%(person)s（%(number)s）"),
            _("司法局已暂停%(person)s执业，理由：%(note)s"),
        ),
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
        done=_("已恢复%(person)s执业（执业证号%(number)s）。"),
        tell=Tell(
            _office_and_person,
            _("恢复执业：%(person)s（%(number)s）"),
            _("司法局已恢复%(person)s执业，可以重新指派其承办法律事务。"),
        ),
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
        confirm=_("注销后证书不再有效，不能恢复，持证人须重新申请。确定注销吗？"),
        done=_("已注销%(person)s的公职律师证书（执业证号%(number)s）。"),
        tell=Tell(
            _office_and_person,
            _("公职律师证书已注销：%(person)s（%(number)s）"),
            _("注销理由：%(note)s"),
        ),
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
        confirm=_("登记收回后将提请司法局办结注销，证书随之失效。确定纸质证书已收回吗？"),
        words=_case_words,
        done=_("已登记收回%(person)s的证书（执业证号%(number)s），待司法局办结注销。"),
        tell=Tell(
            lambda case, result: (
                bureau_of(case.certificate.unit.region) + office_of(case.certificate.unit)
            ),
            _("注销案件待办结：%(person)s（%(number)s）"),
            _("证书已收回，请办结注销。"),
        ),
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
        words=_case_words,
        done=_("已办结%(person)s的注销案件，执业证号%(number)s已注销。"),
        tell=Tell(
            lambda case, result: (
                office_of(case.certificate.unit) + accounts_of(case.certificate.person_id)
            ),
            _("注销已办结：%(person)s（%(number)s）"),
            _("司法局已办结注销，该证书自%(event_on)s起失效。"),
        ),
    ),
)
