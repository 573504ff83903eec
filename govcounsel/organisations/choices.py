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


class Sector(models.TextChoices):
    """The business system (业务系统) an organ belongs to: the mediator pool draws on the
    organs of a dispute's own system (002 §10)."""

    PUBLIC_SECURITY = "public_security", _("公安")
    MARKET_REGULATION = "market_regulation", _("市场监管")
    NATURAL_RESOURCES = "natural_resources", _("自然资源")
    ECOLOGY = "ecology", _("生态环境")
    HUMAN_RESOURCES = "human_resources", _("人力资源和社会保障")
    HOUSING = "housing", _("住房城乡建设")
    TRANSPORT = "transport", _("交通运输")
    URBAN_MANAGEMENT = "urban_management", _("城市管理和综合执法")
    HEALTH = "health", _("卫生健康")
    EDUCATION = "education", _("教育")
    AGRICULTURE = "agriculture", _("农业农村")
    EMERGENCY = "emergency", _("应急管理")
    TAXATION = "taxation", _("税务")
    JUSTICE = "justice", _("司法行政")
    GENERAL = "general", _("综合管理")
