import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from govcounsel.certificates.models import ActivePeriod, Certificate
from govcounsel.core.validators import validate_credit_code
from govcounsel.coverage.groups import UnitGroup
from govcounsel.coverage.selectors import figures_by_region
from govcounsel.organisations.models import Region, Unit
from govcounsel.people.models import Person


@pytest.mark.django_db
def test_a_small_national_data_set(capsys):
    call_command("seed_scale", scale=0.002)
    assert Region.objects.filter(level="province").count() == 34
    assert Unit.objects.count() == 100
    assert Person.objects.count() == 2000
    assert 0 < Certificate.objects.count() <= 300
    assert ActivePeriod.objects.count() >= Certificate.objects.count()
    for code in Unit.objects.values_list("credit_code", flat=True)[:20]:
        validate_credit_code(code)
    figures = figures_by_region(None, None, UnitGroup(), timezone.localdate())
    assert sum(f.units for path, f in figures.items() if len(path) == Region.steplen) == 100
    with pytest.raises(CommandError):
        call_command("seed_scale", scale=0.002)
