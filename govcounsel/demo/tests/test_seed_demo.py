import pytest
from django.core.management import call_command

from govcounsel.accounts.choices import Role
from govcounsel.accounts.models import RoleGrant, User
from govcounsel.core.validators import parse_id_number, validate_credit_code
from govcounsel.demo.management.commands.seed_demo import ACCOUNTS
from govcounsel.demo.security import LOCKED_USERNAME
from govcounsel.organisations.models import Region, Unit
from govcounsel.people.models import Person


@pytest.fixture
def seeded(db):
    call_command("seed_demo", verbosity=0)


def test_demo_builds_both_places_with_valid_codes(seeded):
    assert set(Region.objects.values_list("code", flat=True)) >= {"110105", "610722"}
    chaoyang = Unit.objects.filter(region__code="110105")
    assert chaoyang.filter(level="county").count() >= 20
    assert chaoyang.filter(level="township").count() >= 30
    assert chaoyang.filter(has_enforcement_power=True).exists()
    assert chaoyang.filter(has_enforcement_power=False).exists()
    assert Unit.objects.filter(region__code="610722", level="township").count() >= 15
    for code in Unit.objects.values_list("credit_code", flat=True):
        validate_credit_code(code)
    people = list(Person.objects.all())
    assert 300 <= len(people) <= 1000
    for person in people[:100]:
        assert parse_id_number(person.id_number).sex == person.sex


def test_demo_has_one_account_per_role(seeded):
    roles = set(RoleGrant.objects.values_list("role", flat=True))
    assert roles == {r.value for r in Role}
    # Besides the demo logins, only the account locked for the security administrator.
    others = User.objects.filter(is_active=True).exclude(username__in=[a[0] for a in ACCOUNTS])
    assert list(others.values_list("username", flat=True)) == [LOCKED_USERNAME]
    assert not others.get().has_usable_password()
    lawyer = User.objects.get(username="lawyer_cy")
    assert lawyer.person is not None
    assert lawyer.person.qualifications.exists()


def test_demo_is_deterministic_and_runs_once(seeded):
    first = list(Person.objects.order_by("id").values_list("name", "id_number_hash"))
    call_command("seed_demo", verbosity=0)  # second run: leaves everything as it is
    assert list(Person.objects.order_by("id").values_list("name", "id_number_hash")) == first


def test_demo_has_certificates_in_every_state(seeded):
    from govcounsel.certificates.models import CancellationCase, Certificate, CertificateApplication

    assert set(Certificate.objects.values_list("status", flat=True)) == {
        "active",
        "suspended",
        "cancelled",
    }
    assert set(CertificateApplication.objects.values_list("status", flat=True)) >= {
        "applied",
        "reviewed",
        "submitted",
        "approved",
        "rejected",
        "returned",
        "withdrawn",
    }
    assert CancellationCase.objects.open().filter(reason="retired").exists()
    assert CancellationCase.objects.overdue().count() == 1
    lawyer = User.objects.get(username="lawyer_cy").person
    assert lawyer.certificates.filter(status="active").exists()
    assert not User.objects.get(username="history_loader").grants.exists()


def test_demo_has_matters_in_every_state(seeded):
    from govcounsel.matters.models import Decision, Matter

    assert set(Matter.objects.values_list("status", flat=True)) == {
        "registered",
        "assigned",
        "in_progress",
        "opinion_submitted",
        "closed",
    }
    assert Matter.objects.overdue().exists()
    assert Decision.objects.filter(status="decided").count() == 1
    assert Decision.objects.without_opinion().count() == 0


def test_every_demo_certificate_carries_its_first_approval_year(seeded):
    from govcounsel.certificates import numbering
    from govcounsel.certificates.models import Certificate

    first_issue: dict[int, object] = {}
    certificates = list(Certificate.objects.order_by("issued_on", "pk"))
    for certificate in certificates:
        first_issue.setdefault(certificate.person_id, certificate.issued_on)
    for certificate in certificates:
        year = first_issue[certificate.person_id].year
        assert certificate.first_approved_year == year, certificate.number
        assert numbering.decode(certificate.number).first_year == year, certificate.number
    # The paper-era certificates (issued 2022–2025) carry their own years, not the seeding year.
    assert {c.first_approved_year for c in certificates} >= {2022, 2023, 2024, 2025}


def test_each_workflow_account_finds_work_waiting_in_its_inbox(seeded):
    """Made by the verbs' own notices (and the supervision run), not inserted by hand."""
    from govcounsel.core.models import Notification

    waiting = set(
        Notification.objects.unread().values_list("recipient__username", flat=True).distinct()
    )
    assert waiting >= {
        "lawyer_cy",
        "unit_cy",
        "unit_cg",
        "justice_cy",
        "justice_cg",
        "supervisor_cy",
        "superior_bj",
        "association_cy",  # a public lawyer certified today, yet to join
        "secadmin",  # an account locked by mistyped passwords
    }
    kinds = set(Notification.objects.values_list("kind", flat=True))
    assert {"matters.matter.assign", "matters.matter.submit-opinion"} <= kinds
    assert "matters.matter.remind" in kinds
    assert "matters.supervision" in kinds


def test_demo_has_liaocheng_with_certified_lawyers_in_every_organ(seeded):
    from govcounsel.certificates.models import Certificate
    from govcounsel.demo.liaocheng import ACCOUNTS as LIAOCHENG
    from govcounsel.demo.liaocheng import LAWYERS_PER_UNIT, UNITS

    organs = Unit.objects.filter(region__path__startswith=Region.objects.get(code="371500").path)
    assert organs.count() == len(UNITS)
    assert organs.filter(sector="general").count() == 1
    for organ in organs:
        active = Certificate.objects.filter(person__unit=organ, status="active")
        assert active.count() == LAWYERS_PER_UNIT, organ.name
    usernames = [a[0] for a in LIAOCHENG]
    assert User.objects.filter(username__in=usernames, is_active=True).count() == len(usernames)
    assert User.objects.get(username="lawyer_lc").person.unit.name == "聊城市市场监督管理局"
    assert not User.objects.get(username="history_loader").grants.exists()
