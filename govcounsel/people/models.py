from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from pypinyin import Style, lazy_pinyin

from govcounsel.core import crypto
from govcounsel.core.history import DatedVersion, Versioned
from govcounsel.core.masking import mask_id_number, mask_phone
from govcounsel.core.scoping import Mine, ScopedQuerySet, Via
from govcounsel.core.validators import normalise_code, parse_id_number, validate_phone

from .choices import AdviserKind, EmploymentStatus, QualificationKind, Sex

if TYPE_CHECKING:
    from govcounsel.accounts.models import User


class PersonQuerySet(ScopedQuerySet["Person"]):
    def manageable_by(self, user: User | Any) -> PersonQuerySet:
        """People whose records the user may add and change (PEOPLE_MANAGERS)."""
        return self.named_scope("manageable_by", user)

    def with_id_number(self, id_number: str) -> PersonQuerySet:
        """Exact lookup by full ID number through the keyed hash; no clear number is stored."""
        return self.filter(id_number_hash=crypto.lookup_hash(id_number))


def pinyin_of(name: str) -> tuple[str, str]:
    syllables = lazy_pinyin(name, style=Style.NORMAL, errors="ignore")
    return "".join(syllables).lower(), "".join(s[0] for s in syllables if s).lower()


class Person(Versioned):
    """A member of staff of a unit: a possible or actual public lawyer (000 #1, 001 一(四)).

    Unit, civil-servant status, full-time flag and employment status as of any day are in
    `versions` (ADR 0009), so that the 应设尽设 list of a past day uses that day's facts."""

    # Reads are recorded as personal-data access (core/access.py).
    personal_data = True

    name = models.CharField(_("姓名"), max_length=50)
    name_pinyin = models.CharField(_("姓名拼音"), max_length=200, editable=False, db_index=True)
    name_initials = models.CharField(_("拼音首字母"), max_length=50, editable=False, db_index=True)
    sex = models.CharField(_("性别"), max_length=1, choices=Sex.choices)
    birth_date = models.DateField(_("出生日期"), editable=False)
    id_number_cipher = models.TextField(editable=False)
    id_number_hash = models.CharField(max_length=64, unique=True, editable=False)
    # Kept so lists and exports never need to decrypt: only audited reveals do.
    id_number_masked = models.CharField(_("身份证号码"), max_length=18, editable=False)
    # Encrypted at rest; pages, exports and the API show `phone_masked`, the full number only
    # through the audited reveal (PIPL art. 51).
    phone = crypto.EncryptedTextField(
        _("联系电话"), max_length=20, blank=True, validators=[validate_phone]
    )
    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("所在单位"),
        on_delete=models.PROTECT,
        related_name="people",
    )
    is_civil_servant = models.BooleanField(_("公务员（参照公务员法管理）"), default=True)
    full_time_legal = models.BooleanField(_("专门从事法律事务工作"), default=False)
    employment_status = models.CharField(
        _("任职状态"),
        max_length=16,
        choices=EmploymentStatus.choices,
        default=EmploymentStatus.IN_POST,
    )
    employment_status_date = models.DateField(_("状态日期"), null=True, blank=True)

    objects = PersonQuerySet.as_manager()

    class Scoping:
        roles = "DOMAIN_ROLES"
        region = "unit__region__path"
        unit = "unit_id"
        system = "unit__system_path"
        person = "pk"
        named = {"manageable_by": "PEOPLE_MANAGERS"}

    versioned_fields = ("unit", "is_civil_servant", "full_time_legal", "employment_status")

    class Meta:
        verbose_name = _("人员")
        verbose_name_plural = _("人员")
        ordering = ["name_pinyin", "id"]
        indexes = [models.Index(fields=["unit", "name_pinyin"], name="person_unit_pinyin")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.fill_derived()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("people:person", kwargs={"pk": self.pk})

    def first_versions(self, start: date, end: date | None) -> list[PersonVersion]:
        return initial_versions(self, start)

    def fill_derived(self) -> None:
        """Pinyin and initials for sort and search; bulk loaders call this instead of save()."""
        self.name_pinyin, self.name_initials = pinyin_of(self.name)

    @property
    def id_number(self) -> str:
        """The full number, decrypted. Callers outside services.reveal_identity must not show it."""
        return crypto.decrypt(self.id_number_cipher) if self.id_number_cipher else ""

    def set_id_number(self, value: str) -> None:
        # One spelling for cipher, hash and mask: full-width digits and a lower-case x count
        # as the same number (crypto.lookup_hash normalises the same way for look-ups).
        number = normalise_code(value)
        parsed = parse_id_number(number)
        self.id_number_cipher = crypto.encrypt(number)
        self.id_number_hash = crypto.lookup_hash(number)
        self.id_number_masked = mask_id_number(number)
        self.birth_date = parsed.birth_date
        if not self.sex:
            self.sex = parsed.sex

    @property
    def phone_masked(self) -> str:
        return mask_phone(self.phone)

    @property
    def birth_year(self) -> int | None:
        """All that is shown of the birth date: the masked ID number hides exactly its eight
        digits, so the day and month would restore the full number. A year, unlike
        an age, does not narrow down the birthday when read again on another day."""
        return self.birth_date.year if self.birth_date else None

    def clean(self) -> None:
        if self.id_number_cipher and self.sex:
            parsed = parse_id_number(self.id_number)
            if parsed.sex != self.sex:
                raise ValidationError(
                    {"sex": _("性别与身份证号码第17位不符（奇数为男，偶数为女）。")}
                )
        if self.employment_status != EmploymentStatus.IN_POST and not self.employment_status_date:
            raise ValidationError({"employment_status_date": _("退休、离职或调离须填写日期。")})


class PersonVersion(DatedVersion):
    """A person's unit, civil-servant status, full-time-legal flag and employment status over
    a span of days: the facts 000 #1 and 001 一(四) ask of a 应设尽设 candidate on a day."""

    person = models.ForeignKey(
        Person, verbose_name=_("人员"), on_delete=models.CASCADE, related_name="versions"
    )
    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("所在单位"),
        on_delete=models.PROTECT,
        related_name="person_versions",
    )
    is_civil_servant = models.BooleanField(_("公务员（参照公务员法管理）"), default=True)
    full_time_legal = models.BooleanField(_("专门从事法律事务工作"), default=False)
    employment_status = models.CharField(
        _("任职状态"),
        max_length=16,
        choices=EmploymentStatus.choices,
        default=EmploymentStatus.IN_POST,
    )

    owner_field = "person"

    class Meta:
        verbose_name = _("人员历史")
        verbose_name_plural = _("人员历史")
        ordering = ["person_id", "valid_from"]
        indexes = [
            # The 应设尽设 test of a day looks only at these rows, unit by unit.
            models.Index(
                fields=["unit", "valid_from"],
                name="personversion_candidate",
                condition=Q(
                    is_civil_servant=True,
                    full_time_legal=True,
                    employment_status=EmploymentStatus.IN_POST,
                ),
            )
        ]
        constraints = [
            # On PostgreSQL an exclusion constraint (migration 0004) also forbids overlaps.
            models.UniqueConstraint(
                fields=["person", "valid_from"], name="personversion_unique_start"
            ),
            models.CheckConstraint(
                name="personversion_ordered",
                condition=Q(valid_to__isnull=True) | Q(valid_to__gt=models.F("valid_from")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.valid_from}–{self.valid_to or ''}"


def initial_versions(person: Person, start: date) -> list[PersonVersion]:
    """The versions of a person loaded in bulk with facts known since `start`: in post until
    the day of retirement or leaving, if recorded, then in that status."""
    values = person.version_values()
    change = person.employment_status_date
    if person.employment_status == EmploymentStatus.IN_POST or change is None:
        return [PersonVersion(person=person, valid_from=start, **values)]
    if change <= start:
        return [PersonVersion(person=person, valid_from=change, **values)]
    return [
        PersonVersion(
            person=person,
            valid_from=start,
            valid_to=change,
            **{**values, "employment_status": EmploymentStatus.IN_POST},
        ),
        PersonVersion(person=person, valid_from=change, **values),
    ]


class QualificationQuerySet(ScopedQuerySet["Qualification"]):
    """Qualifications, seen through their holder."""


class Qualification(models.Model):
    """A legal professional qualification or a lawyer qualification held by a person."""

    # Reads are recorded as personal-data access (core/access.py).
    personal_data = True

    person = models.ForeignKey(
        Person, verbose_name=_("人员"), on_delete=models.CASCADE, related_name="qualifications"
    )
    kind = models.CharField(_("资格类别"), max_length=16, choices=QualificationKind.choices)
    certificate_number = models.CharField(_("证书编号"), max_length=40)
    obtained_on = models.DateField(_("取得日期"))

    objects = QualificationQuerySet.as_manager()

    class Scoping:
        also = (Via("person"),)

    class Meta:
        verbose_name = _("法律职业资格")
        verbose_name_plural = _("法律职业资格")
        ordering = ["person_id", "obtained_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "certificate_number"], name="qualification_certificate_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        # A qualification is shown in its holder's page.
        return reverse("people:person", kwargs={"pk": self.person_id})

    def clean(self) -> None:
        if self.obtained_on and self.obtained_on > timezone.localdate():
            raise ValidationError({"obtained_on": _("取得日期不能晚于今天。")})


class LegalAdviserQuerySet(ScopedQuerySet["LegalAdviser"]):
    def in_service(self, on: date) -> LegalAdviserQuerySet:
        return self.filter(
            Q(service_end__isnull=True) | Q(service_end__gte=on), service_start__lte=on
        )


class LegalAdviser(models.Model):
    """A legal adviser serving a unit for a period; fills public-lawyer duties where a unit
    has none yet (000 #2, 001 一(二))."""

    # Reads are recorded as personal-data access (core/access.py).
    personal_data = True

    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("服务单位"),
        on_delete=models.PROTECT,
        related_name="advisers",
    )
    kind = models.CharField(_("顾问类别"), max_length=16, choices=AdviserKind.choices)
    name = models.CharField(_("姓名"), max_length=50)
    organisation = models.CharField(
        _("所在机构"), max_length=200, blank=True, help_text=_("外聘顾问所在律师事务所等。")
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("本单位人员"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="adviser_roles",
    )
    # Encrypted at rest; pages, exports and the API show `phone_masked`, the full number only
    # through the audited reveal (PIPL art. 51).
    phone = crypto.EncryptedTextField(
        _("联系电话"), max_length=20, blank=True, validators=[validate_phone]
    )
    service_start = models.DateField(_("服务开始日期"))
    service_end = models.DateField(_("服务结束日期"), null=True, blank=True)
    end_reason = models.CharField(_("结束原因"), max_length=200, blank=True)
    notes = models.TextField(_("备注"), blank=True)

    objects = LegalAdviserQuerySet.as_manager()

    class Scoping:
        roles = "DOMAIN_ROLES"
        region = "unit__region__path"
        unit = "unit_id"
        system = "unit__system_path"
        person = "person_id"

    class Meta:
        verbose_name = _("法律顾问")
        verbose_name_plural = _("法律顾问")
        ordering = ["unit_id", "-service_start"]
        constraints = [
            models.CheckConstraint(
                name="adviser_period_ordered",
                condition=Q(service_end__isnull=True)
                | Q(service_end__gte=models.F("service_start")),
            ),
            models.CheckConstraint(
                name="internal_adviser_is_staff",
                condition=~Q(kind="internal") | Q(person__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.get_kind_display()}）"

    def get_absolute_url(self) -> str:
        return reverse("people:adviser", kwargs={"pk": self.pk})

    def clean(self) -> None:
        if self.service_end and self.service_start and self.service_end < self.service_start:
            raise ValidationError({"service_end": _("服务结束日期不能早于开始日期。")})
        if self.kind == AdviserKind.INTERNAL and not self.person_id:
            raise ValidationError({"person": _("内部法律顾问须选择本单位人员。")})

    def in_service_on(self, on: date) -> bool:
        return self.service_start <= on and (self.service_end is None or self.service_end >= on)

    @property
    def is_ended(self) -> bool:
        """An end of service is on record (it may lie ahead: a contract's last day)."""
        return self.service_end is not None

    @property
    def phone_masked(self) -> str:
        return mask_phone(self.phone)


class SurveyUploadQuerySet(ScopedQuerySet["SurveyUpload"]):
    """Uploaded survey files, each seen by its uploader only."""


class SurveyUpload(models.Model):
    """A survey file (摸排表, 001 一(四)) as uploaded: previewed first, imported on confirmation."""

    file = models.FileField(_("文件"), upload_to="surveys/%Y/%m/")
    filename = models.CharField(_("文件名"), max_length=255)
    uploaded_by = models.ForeignKey(
        "accounts.User", verbose_name=_("上传人"), on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)
    summary = models.JSONField(_("校验结果"), default=dict)
    imported_at = models.DateTimeField(_("导入时间"), null=True, blank=True)

    objects = SurveyUploadQuerySet.as_manager()

    class Scoping:
        # An upload is its uploader's own working file until it is imported.
        also = (Mine(user="uploaded_by_id"),)

    class Meta:
        verbose_name = _("摸排表上传")
        verbose_name_plural = _("摸排表上传")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.filename
