"""Membership of the lawyers association held by public lawyers (001 三(五))."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from govcounsel.core.scoping import ScopedQuerySet, Via


class MembershipQuerySet(ScopedQuerySet["AssociationMembership"]):
    def current(self) -> MembershipQuerySet:
        return self.filter(ended_on__isnull=True)


class AssociationMembership(models.Model):
    """A person's membership of the lawyers association; every public lawyer must hold one
    (001 三(五))."""

    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("会员"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    member_number = models.CharField(_("会员证号"), max_length=40)
    joined_on = models.DateField(_("入会日期"))
    ended_on = models.DateField(_("退会日期"), null=True, blank=True)
    end_reason = models.CharField(_("退会原因"), max_length=200, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Scoping:
        # Whoever sees the person sees whether they are a member (the association by region).
        also = (Via("person"),)

    class Meta:
        verbose_name = _("律师协会会员")
        verbose_name_plural = _("律师协会会员")
        ordering = ["-joined_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=Q(ended_on__isnull=True), name="one_current_membership"
            ),
            models.CheckConstraint(
                name="membership_ends_after_joining",
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("joined_on")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.member_number}"

    def get_absolute_url(self) -> str:
        return reverse("certificates:member", kwargs={"pk": self.pk})

    @property
    def is_current(self) -> bool:
        return self.ended_on is None
