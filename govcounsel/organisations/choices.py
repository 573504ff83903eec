from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionLevel(models.TextChoices):
    PROVINCE = "province", _("省级")
    CITY = "city", _("市级")
    COUNTY = "county", _("县级")


class UnitKind(models.TextChoices):
    PARTY_ORGAN = "party_organ", _("党的机关")
    GOVERNMENT_ORGAN = "government_organ", _("国家机关")
    PEOPLES_ORGANISATION = "peoples_organisation", _("人民团体")


class UnitLevel(models.TextChoices):
    CITY = "city", _("市级")
    COUNTY = "county", _("区县级")
    TOWNSHIP = "township", _("乡镇（街道）级")
