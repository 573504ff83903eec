"""Who reads and works certificate applications, certificates and cancellation cases, role
by role (core/testing/cases.py)."""

from datetime import date

from govcounsel.certificates import services
from govcounsel.certificates.models import CancellationCase, Certificate, CertificateApplication
from govcounsel.core.testing.cases import Call, ScopedAPICase, ScopedViewCase, answers
from govcounsel.people import services as people_services
from govcounsel.people.tests.factories import PersonFactory, QualificationFactory


def eligible(scene_or_cast, name="孙科员"):
    """A staff member of unit_a made eligible: qualified, full time on legal affairs, a
    civil servant in post, with no application yet."""
    cast = getattr(scene_or_cast, "cast", scene_or_cast)
    person = PersonFactory(name=name, unit=cast.tree.unit_a, full_time_legal=True)
    QualificationFactory(person=person)
    return person


# --- applications, in the states each verb starts from --------------------------------------


def applied(scene_or_cast):
    cast = getattr(scene_or_cast, "cast", scene_or_cast)
    return services.apply(person=eligible(cast), by=cast.own_unit)


def reviewed(scene):
    application = applied(scene)
    services.review(application=application, by=scene.cast.own_unit, passed=True)
    return application


def submitted(scene):
    application = reviewed(scene)
    services.submit(application=application, by=scene.cast.own_unit)
    return application


class TestApplicationAPI(ScopedAPICase):
    basename = "certificate-application"
    model = CertificateApplication
    make = staticmethod(applied)

    list_expected = answers(200, anonymous=401)
    detail_expected = answers(
        404,
        own_unit=200,
        parent_region=200,
        bureau=200,
        anonymous=401,
    )
    create = Call(
        payload=lambda scene: {"person": scene.extra["applicant"].pk, "statement": "申请"},
        expected=answers(
            400,
            own_unit=201,
            parent_region=403,
            bureau=403,
            # They see the person (people are read by every business role), not the casework.
            association=403,
            reconciliation=403,
            anonymous=401,
        ),
    )
    verbs = {
        "review": Call(
            make=applied,
            payload={"passed": True},
            expected=answers(
                404,
                own_unit=200,
                parent_region=403,
                bureau=403,
                anonymous=401,
            ),
        ),
        "return": Call(
            make=applied,
            payload={"note": "材料不全"},
            expected=answers(
                404,
                own_unit=200,
                parent_region=403,
                bureau=403,
                anonymous=401,
            ),
        ),
        "withdraw": Call(
            make=applied,
            expected=answers(
                404,
                own_unit=200,
                parent_region=403,
                bureau=403,
                anonymous=401,
            ),
        ),
        "submit": Call(
            make=reviewed,
            expected=answers(
                404,
                own_unit=200,
                parent_region=403,
                bureau=403,
                anonymous=401,
            ),
        ),
        "approve": Call(
            make=submitted,
            payload={"note": "意见"},
            expected=answers(
                404,
                own_unit=403,
                parent_region=403,
                bureau=200,
                anonymous=401,
            ),
        ),
        "reject": Call(
            make=submitted,
            payload={"note": "意见"},
            expected=answers(
                404,
                own_unit=403,
                parent_region=403,
                bureau=200,
                anonymous=401,
            ),
        ),
    }

    @staticmethod
    def prepare(cast):
        return {"applicant": eligible(cast, name="申请人")}


# --- certificates and their cancellation ----------------------------------------------------


def issued(scene_or_cast):
    cast = getattr(scene_or_cast, "cast", scene_or_cast)
    return cast.certify(eligible(cast, name="持证人"), issued_on=date(2024, 1, 15))


def suspended(scene):
    return services.suspend(certificate=issued(scene), by=scene.cast.bureau, note="调查")


class TestCertificateAPI(ScopedAPICase):
    basename = "certificate"
    model = Certificate
    make = staticmethod(issued)

    list_expected = answers(200, anonymous=401)
    detail_expected = answers(
        404,
        own_unit=200,
        parent_region=200,
        bureau=200,
        association=200,
        reconciliation=200,
        anonymous=401,
    )
    verbs = {
        "suspend": Call(
            make=issued,
            payload={"note": "原因"},
            expected=answers(
                404,
                own_unit=403,
                parent_region=403,
                bureau=200,
                association=403,
                reconciliation=403,
                anonymous=401,
            ),
        ),
        "cancel": Call(
            make=issued,
            payload={"note": "原因"},
            expected=answers(
                404,
                own_unit=403,
                parent_region=403,
                bureau=200,
                association=403,
                reconciliation=403,
                anonymous=401,
            ),
        ),
        "reinstate": Call(
            make=suspended,
            expected=answers(
                404,
                own_unit=403,
                parent_region=403,
                bureau=200,
                association=403,
                reconciliation=403,
                anonymous=401,
            ),
        ),
    }


def case_opened(scene_or_cast):
    """The holder left the unit: the unit must recover the certificate (000 #3)."""
    cast = getattr(scene_or_cast, "cast", scene_or_cast)
    certificate = issued(cast)
    people_services.update_person(
        person=certificate.person,
        by=cast.own_unit,
        employment_status="left",
        employment_status_date="2026-11-01",
    )
    return CancellationCase.objects.get(certificate=certificate)


class TestCancellationCaseAPI(ScopedAPICase):
    basename = "cancellation-case"
    model = CancellationCase
    make = staticmethod(case_opened)

    list_expected = answers(200, anonymous=401)
    detail_expected = answers(
        404,
        own_unit=200,
        parent_region=200,
        bureau=200,
        anonymous=401,
    )
    verbs = {
        "recover": Call(
            make=case_opened,
            expected=answers(
                404,
                own_unit=200,
                parent_region=403,
                bureau=200,
                anonymous=401,
            ),
        ),
        "complete": Call(
            make=case_opened,
            expected=answers(
                404,
                own_unit=403,
                parent_region=403,
                bureau=200,
                anonymous=401,
            ),
        ),
    }


class TestApplicationPages(ScopedViewCase):
    model = CertificateApplication
    make = staticmethod(applied)
    list_name = "certificates:applications"
    detail_name = "certificates:application"

    list_expected = answers(200, anonymous=302)
    detail_expected = answers(
        404,
        own_unit=200,
        parent_region=200,
        bureau=200,
        anonymous=302,
    )


class TestCertificatePages(ScopedViewCase):
    model = Certificate
    make = staticmethod(issued)
    list_name = "certificates:certificates"
    detail_name = "certificates:certificate"

    list_expected = answers(200, anonymous=302)
    detail_expected = answers(
        404,
        own_unit=200,
        parent_region=200,
        bureau=200,
        association=200,
        reconciliation=200,
        anonymous=302,
    )


class TestCancellationCasePages(ScopedViewCase):
    model = CancellationCase
    make = staticmethod(case_opened)
    list_name = "certificates:cases"
    detail_name = "certificates:case"

    list_expected = answers(200, anonymous=302)
    detail_expected = answers(
        404,
        own_unit=200,
        parent_region=200,
        bureau=200,
        anonymous=302,
    )
