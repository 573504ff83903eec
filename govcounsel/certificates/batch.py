"""统一申报 and 批量批准: one declared verb of applications, taken on several at once.

The unit's rule-of-law office submits its reviewed applications together (000 #1:
统一审核、统一申报), and the justice bureau approves submitted ones together. Each
application goes through the declared verb exactly as from its own page — the same
permission, the same state check, the same form and the same service with its audit event
(certificates/verbs.py) — so a batch can do nothing a single click could not.

Each application is its own transaction, and the batch answers with a summary: "已申报 5 件，
2 件未能申报：原因…". A refusal of one (its applicant retired since the review, moved unit,
or was handled by a colleague a moment ago) must not undo or hold back the others; an
all-or-nothing batch would make the office find the one bad row, deselect it and try
again, and would hold the certificate-serial lock for the whole batch. What was done stays
done; what was refused is listed with the service's own reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from govcounsel.core import verbs
from govcounsel.core.audit import record_event
from govcounsel.core.context import current
from govcounsel.core.errors import DomainError, refusing_duplicates

from .models import CertificateApplication

# More than a unit submits or a bureau decides in one sitting; a page of the list is 50.
MAX_BATCH = 100
# The largest id the database holds (BigAutoField): a larger number names nothing.
MAX_ID = 2**63 - 1


@dataclass(frozen=True)
class BatchAction:
    """A verb offered over several applications: in which queue of the list, with which
    button, consequence and summary sentences."""

    verb: str
    queue: str
    label: Any
    consequence: Any
    done: Any
    refused: Any

    @property
    def declared(self) -> verbs.Verb:
        verb = verbs.find(verbs.label_of(CertificateApplication), self.verb)
        if verb is None:
            raise LookupError(f"certificates declares no verb {self.verb!r}")
        return verb


BATCHES: dict[str, BatchAction] = {
    "submit": BatchAction(
        verb="submit",
        queue="review",
        label=_("统一申报"),
        consequence=_("所选申请将一并申报司法局审批，申报后由司法局审批。"),
        done=_("已申报%(count)s件。"),
        refused=_("%(count)s件未能申报："),
    ),
    "approve": BatchAction(
        verb="approve",
        queue="approval",
        label=_("批量批准"),
        consequence=_("批准后将为每位申请人颁发公职律师证书并生成执业证号，不能撤销。"),
        done=_("已批准%(count)s件，已颁发证书。"),
        refused=_("%(count)s件未能批准："),
    ),
}


@dataclass(frozen=True)
class Refusal:
    """One selected id that was not acted on, and why."""

    id: int
    application: CertificateApplication | None
    code: str
    message: str

    @property
    def name(self) -> str:
        if self.application is None:
            return str(_("第%(id)s号申请") % {"id": self.id})
        return str(self.application.person.name)


@dataclass
class Outcome:
    """What a batch did: each application done with the service's result, each refusal."""

    action: BatchAction
    done: list[tuple[CertificateApplication, Any]] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)

    def summary(self) -> str:
        """ "已申报5件。2件未能申报：张三（原因）；李四（原因）" — the sentence for the page."""
        parts = []
        if self.done or not self.refused:
            parts.append(str(self.action.done % {"count": len(self.done)}))
        if self.refused:
            reasons = "；".join(f"{r.name}（{r.message}）" for r in self.refused)
            parts.append(str(self.action.refused % {"count": len(self.refused)}) + reasons)
        return "".join(parts)


def parse_ids(values: Iterable[Any]) -> list[int]:
    """The selected ids, in order and each once; a refusal for people when there are none,
    too many, or one that is not an id."""
    ids: list[int] = []
    for value in values:
        text = str(value).strip()
        digits = text.isascii() and text.isdigit() and len(text) <= len(str(MAX_ID))
        if not digits or not 1 <= int(text) <= MAX_ID:
            raise DomainError(
                "invalid_ids", _("“%(value)s”不是申请编号。") % {"value": text}, field="ids"
            )
        if int(text) not in ids:
            ids.append(int(text))
    if not ids:
        raise DomainError("no_selection", _("请先勾选要办理的申请。"), field="ids")
    if len(ids) > MAX_BATCH:
        raise DomainError(
            "too_many",
            _("一次最多办理%(max)s件，本次选择了%(count)s件，请分批办理。")
            % {"max": MAX_BATCH, "count": len(ids)},
            field="ids",
        )
    return ids


def _candidates(user: Any, ids: list[int]) -> QuerySet[CertificateApplication]:
    return (
        CertificateApplication.objects.visible_to(user)
        .filter(pk__in=ids)
        .select_related("person", "unit")
    )


def plan(
    user: Any, action: BatchAction, ids: list[int]
) -> tuple[list[CertificateApplication], list[Refusal]]:
    """Which of the selected applications the verb may be taken on now, and why not the
    others. An id outside the user's scope reads as one that does not exist, and the
    attempt is recorded, as for a single object (core.scoping.get_visible_or_404)."""
    verb = action.declared
    found = {application.pk: application for application in _candidates(user, ids)}
    unseen = [pk for pk in ids if pk not in found]
    if unseen:
        existing = list(
            CertificateApplication.objects.filter(pk__in=unseen).values_list("pk", flat=True)
        )
        if existing:
            ctx = current()
            record_event(
                "access.denied",
                by=user,
                data={
                    "path": getattr(ctx.request, "path", "") if ctx is not None else "",
                    "model": CertificateApplication._meta.label,
                    "ids": ",".join(map(str, sorted(existing))),
                    "batch": action.verb,
                },
            )
    ready: list[CertificateApplication] = []
    refused: list[Refusal] = []
    for pk in ids:
        application = found.get(pk)
        if application is None:
            message = str(_("不存在，或不在您的办理范围内"))
            refused.append(Refusal(pk, None, "not_found", message))
        elif not verb.permitted(user, application):
            message = str(_("您无权%(verb)s该申请") % {"verb": verb.label})
            refused.append(Refusal(pk, application, "permission_denied", message))
        elif not verb.applies(application):
            message = str(
                _("当前状态为“%(status)s”") % {"status": application.get_status_display()}
            )
            refused.append(Refusal(pk, application, "invalid_transition", message))
        else:
            ready.append(application)
    return ready, refused


def run(user: Any, action: BatchAction, ids: list[int], data: dict[str, Any]) -> Outcome:
    """Take the verb on each selected application, each in its own transaction (the
    service's), with the same input (`data`: the verb form's fields, such as the note)."""
    verb = action.declared
    ready, refused = plan(user, action, ids)
    outcome = Outcome(action, refused=refused)
    for application in ready:
        form = verb.make_form(user, application, data)
        if not form.is_valid():
            message = verbs.form_errors_text(form)
            outcome.refused.append(Refusal(application.pk, application, "invalid", message))
            continue
        try:
            with refusing_duplicates():
                result = verb.run(application, user, form)
        except DomainError as error:
            outcome.refused.append(
                Refusal(application.pk, application, error.code, str(error.message))
            )
            continue
        except ValidationError as error:
            message = "；".join(error.messages)
            outcome.refused.append(Refusal(application.pk, application, "invalid", message))
            continue
        outcome.done.append((application, result))
    # Refusals in the order the ids were selected, as the person reads down the list.
    order = {pk: i for i, pk in enumerate(ids)}
    outcome.refused.sort(key=lambda refusal: order.get(refusal.id, len(order)))
    return outcome
