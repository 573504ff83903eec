"""The inputs of award cycles: opening one, rules, candidates and the decision."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.certificates.choices import HELD_CERTIFICATE
from govcounsel.core.fields import (
    ScopedForm,
    ScopedModelChoiceField,
    ScopedModelMultipleChoiceField,
)
from govcounsel.core.forms import DateInput
from govcounsel.core.verbs import VerbForm
from govcounsel.organisations.models import Region, Unit
from govcounsel.people.models import Person

from .choices import CandidateKind
from .models import AwardCycle, Candidate

REASON = forms.Textarea(attrs={"rows": 2})


class OpenCycleForm(ScopedForm):
    region = ScopedModelChoiceField(Region, label=_("区域"))
    year = forms.IntegerField(label=_("评选年度"), min_value=2020, max_value=2100)
    note = forms.CharField(label=_("说明"), required=False, widget=REASON)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        region = self.scoped_field("region")
        region.narrow(Region.objects.supervised_by(user))
        self.initial.setdefault("year", timezone.localdate().year)
        first = region.queryset.first()
        if first is not None:
            self.initial.setdefault("region", first.pk)


class RuleForm(ScopedForm):
    region = ScopedModelChoiceField(Region, label=_("区域"))
    valid_from = forms.DateField(label=_("施行日期"), widget=DateInput())
    valid_to = forms.DateField(label=_("有效期至"), required=False, widget=DateInput())
    cycle_month = forms.IntegerField(label=_("评选月份"), min_value=1, max_value=12)
    unit_quota = forms.IntegerField(label=_("先进单位名额"), min_value=0, max_value=999)
    individual_quota = forms.IntegerField(label=_("先进个人名额"), min_value=0, max_value=999)
    basis = forms.CharField(label=_("依据条款"), max_length=200)
    basis_text = forms.CharField(label=_("条款原文"), required=False, widget=REASON)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        self.scoped_field("region").narrow(Region.objects.supervised_by(user))


def lawyers_in(region: Region) -> Any:
    """The certified public lawyers of the region's units, the people a list offers."""
    return Person.objects.filter(
        unit__region__path__startswith=region.path,
        certificates__status__in=[s.value for s in HELD_CERTIFICATE],
    )


class CandidateForm(VerbForm):
    """A unit, or one public lawyer (the lawyer's unit goes with them)."""

    unit = ScopedModelChoiceField(Unit, label=_("先进单位候选"), required=False)
    person = ScopedModelChoiceField(Person, label=_("先进个人候选（公职律师）"), required=False)
    reason = forms.CharField(label=_("推荐理由"), required=False, widget=REASON)
    # Nominations name the office's own units and lawyers only.
    own_only = False

    def __init__(self, *args: Any, user: Any, obj: AwardCycle, **kwargs: Any) -> None:
        super().__init__(*args, user=user, obj=obj, **kwargs)
        self.scoped_field("unit").narrow(Q(region__path__startswith=obj.region.path))
        if self.own_only:
            self.scoped_field("unit").narrow(Unit.objects.run_by(user))
        if not self.is_bound:
            # The list offers the region's lawyers; a posted choice is checked by the service,
            # which says why someone in scope cannot be a candidate.
            lawyers = lawyers_in(obj.region)
            if self.own_only:
                lawyers = lawyers.filter(unit__in=Unit.objects.run_by(user))
            self.scoped_field("person").narrow(lawyers)


class NominateForm(CandidateForm):
    own_only = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].help_text = _("不选单位和个人时，申报本单位。")


class NoteForm(VerbForm):
    note = forms.CharField(label=_("说明"), required=False, widget=REASON)


class WithdrawForm(VerbForm):
    reason = forms.CharField(label=_("撤回原因"), required=False, widget=REASON)


class DecideForm(VerbForm):
    units = ScopedModelMultipleChoiceField(
        Candidate,
        label=_("表彰的先进单位"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    individuals = ScopedModelMultipleChoiceField(
        Candidate,
        label=_("表彰的先进个人"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    dated = forms.DateField(label=_("成文日期"), required=False, widget=DateInput())

    def __init__(self, *args: Any, user: Any, obj: AwardCycle, **kwargs: Any) -> None:
        super().__init__(*args, user=user, obj=obj, **kwargs)
        self.scoped_field("units").narrow(Q(cycle=obj, kind=CandidateKind.UNIT))
        self.scoped_field("individuals").narrow(Q(cycle=obj, kind=CandidateKind.INDIVIDUAL))
        rule = obj.rule
        self.fields["units"].help_text = _("名额%(n)s个") % {"n": rule.unit_quota}
        self.fields["individuals"].help_text = _("名额%(n)s名") % {"n": rule.individual_quota}

    def service_data(self) -> dict[str, Any]:
        data = super().service_data()
        data["units"] = list(data.get("units") or [])
        data["individuals"] = list(data.get("individuals") or [])
        return data
