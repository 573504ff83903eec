"""Every named URL of config/urls.py and what a GET of it answers to each role of the cast.

test_url_table.py walks the resolver and fails on a route missing here (or listed here and
no longer routed), then requests each `Get` row as every role, with real ids of the objects
below. Three other kinds of row say where a route is tested instead:

- `Case(cases.TestXxx, "list" | "detail")`: the generic case of the endpoint (its table);
- `VERBS`: a workflow verb (POST), tested by the cases' `verbs` and the generated verb tests;
- the Django admin's routes of each registered model follow from the duty its admin declares
  (`admin_expected`); `ADMIN_OBJECT` marks its routes of one object, which
  core/tests/test_admin_side_doors.py checks admin by admin.

Answers: 200 shown, 302 a redirect (anonymous visitors to the login page), 401 an API call
without credentials, 403 refused, 404 not found or out of scope, 405 a POST-only route.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from govcounsel.activities.tests import test_visibility as activity_cases
from govcounsel.awards.tests import test_visibility as award_cases
from govcounsel.casebook.tests import test_visibility as casebook_cases
from govcounsel.certificates.tests import test_membership as membership_cases
from govcounsel.certificates.tests import test_visibility as certificate_cases
from govcounsel.core.testing.cases import Answers, Scene, answers
from govcounsel.coverage.tests import test_visibility as coverage_cases
from govcounsel.disputes.tests import test_visibility as dispute_cases
from govcounsel.documents.tests import test_visibility as document_cases
from govcounsel.matters.tests import test_visibility as matter_cases
from govcounsel.organisations.tests import test_visibility as organisation_cases
from govcounsel.people.tests import test_visibility as people_cases
from govcounsel.reconciliation.tests import scenarios as reconciliation_scenarios

# An id no row has: routes whose objects the world does not make answer as for a stranger's.
MISSING = 999_999


@dataclass(frozen=True)
class Get:
    """Request the route with GET as every role; `kwargs` fill the URL from the scene."""

    expected: Answers
    kwargs: Callable[[Scene], Mapping[str, Any]] | None = None
    query: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Case:
    """Tested by a generic case (its `list` or `detail` table), not requested again here."""

    case: type
    test: str


@dataclass(frozen=True)
class Verbs:
    """A POST-only workflow verb route: the cases' `verbs` and the generated verb tests."""


VERBS = Verbs()

# The admin's routes of one object (change, history, delete): the same duty decides as for
# the model's list; core/tests/test_admin_side_doors.py checks each admin's permissions.
ADMIN_OBJECT = ("_change", "_history", "_delete")
# Who is requested on the admin's routes: the admin site turns every account that is not
# staff away at its door (AdminSite.has_permission), so one stands for all of them.
ADMIN_ROLES = ("system_admin", "security_admin", "audit_admin", "own_unit", "anonymous")


def pk(name: str) -> Callable[[Scene], Mapping[str, Any]]:
    """The URL's `pk` is the id of the scene's object of that name."""
    return lambda scene: {"pk": scene.extra[name].pk}


def missing(**others: Any) -> Callable[[Scene], Mapping[str, Any]]:
    return lambda scene: {"pk": MISSING, **others}


def matter_with_attachment(cast: Any) -> Any:
    """A registered matter of unit_a with a PDF attached (for its file routes)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from govcounsel.matters import services

    return services.register_matter(
        unit=cast.tree.unit_a,
        by=cast.own_unit,
        title="附件",
        category="documents",
        subtype="contract",
        working_days=5,
        attachment=SimpleUploadedFile("合同.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf"),
    )


def build_objects(cast: Any) -> dict[str, Any]:
    """One object of each kind a route names, around unit_a (made once for the table)."""
    return {
        "person": people_cases.staff_member(cast),
        "unit": cast.tree.unit_a,
        "dispatch": matter_cases.dispatch_request(cast),
        "matter_file": matter_with_attachment(cast),
        "matter": matter_cases.assigned(cast),
        "case": certificate_cases.case_opened(cast),
        "membership": membership_cases.member(cast),
        "target": coverage_cases.TestTargetAPI.make(cast),
        "bulletin": coverage_cases.TestBulletinAPI.make(cast),
        "mediation": reconciliation_scenarios.session(cast),
        "expertise": matter_cases.expertise(cast),
        "compilation": casebook_cases.compilation(cast),
        "document": document_cases.letter(cast),
    }


ROUTES: dict[str, Get | Case | Verbs] = {
    # --- signing in, the account, languages ------------------------------------------------
    "home": Get(answers(200, anonymous=302)),
    "login": Get(answers(302, anonymous=200)),
    "logout": Get(answers(405)),
    "accounts:password-change": Get(answers(200, anonymous=302)),
    "accounts:activate": Get(answers(200), lambda scene: {"uidb64": "MQ", "token": "x-y"}),
    "accounts:pending-grants": Get(answers(403, bureau=200, other_region=200, anonymous=302)),
    "accounts:decide-grant": Get(answers(405, anonymous=302), missing(decision="approve")),
    "accounts:lockouts": Get(answers(403, security_admin=200, anonymous=302)),
    "accounts:unlock": Get(answers(405)),
    "accounts:sessions": Get(answers(403, security_admin=200, anonymous=302)),
    "accounts:end-session": Get(answers(405), missing()),
    "account-security": Get(answers(200, anonymous=302)),
    "two-factor-verify": Get(answers(302)),
    "two-factor-setup": Get(answers(200, anonymous=302)),
    "two-factor-disable": Get(answers(405)),
    "token-revoke": Get(answers(405), missing()),
    "set_language": Get(answers(302)),
    "notifications": Get(answers(200, anonymous=302)),
    "notification-settings": Get(answers(200, anonymous=302)),
    "notifications-read-all": Get(answers(405, anonymous=302)),
    # Only one's own: another's id answers as a missing one (core/tests/test_notices.py).
    "notification-open": Get(answers(404, anonymous=302), missing()),
    "help": Get(answers(200, anonymous=302)),
    "javascript-catalog": Get(answers(200)),
    "privacy:notice": Get(answers(200)),
    # --- organisations and people ------------------------------------------------------------
    "organisations:tree": Get(answers(200, anonymous=302)),
    "organisations:units": Case(organisation_cases.TestUnitPages, "list"),
    "organisations:unit": Case(organisation_cases.TestUnitPages, "detail"),
    "people:list": Case(people_cases.TestPersonPages, "list"),
    "people:person": Case(people_cases.TestPersonPages, "detail"),
    "people:identity": Get(answers(405, anonymous=302), pk("person")),
    "people:create": Get(
        answers(
            403,
            own_unit=200,
            sibling_unit=200,
            superior=200,
            bureau=200,
            other_region=200,
            anonymous=302,
        )
    ),
    "people:update": Get(
        answers(
            404,
            own_unit=200,
            parent_region=403,
            bureau=200,
            association=403,
            reconciliation=403,
            anonymous=302,
        ),
        pk("person"),
    ),
    "people:qualification-add": Get(
        answers(
            404,
            own_unit=200,
            parent_region=403,
            bureau=200,
            association=403,
            reconciliation=403,
            anonymous=302,
        ),
        pk("person"),
    ),
    "people:adviser-add": Get(
        answers(
            403,
            own_unit=200,
            sibling_unit=404,
            superior=404,
            bureau=200,
            other_region=404,
            audit_admin=404,
            anonymous=302,
        ),
        lambda scene: {"unit_pk": scene.extra["unit"].pk},
    ),
    "people:qualifications": Get(answers(200, anonymous=302)),
    "people:advisers": Get(answers(200, anonymous=302)),
    "people:adviser": Case(people_cases.TestAdviserPages, "detail"),
    "people:survey": Get(
        answers(
            403,
            own_unit=200,
            sibling_unit=200,
            superior=200,
            bureau=200,
            other_region=200,
            anonymous=302,
        )
    ),
    "people:survey-template": Get(answers(200, anonymous=302)),
    "people:survey-job": Get(
        answers(
            403,
            own_unit=404,
            sibling_unit=404,
            superior=404,
            bureau=404,
            other_region=404,
            anonymous=302,
        ),
        missing(),
    ),
    "people:survey-import": Get(answers(405, anonymous=302), missing()),
    # --- certificates --------------------------------------------------------------------------
    "certificates:applications": Case(certificate_cases.TestApplicationPages, "list"),
    "certificates:application": Case(certificate_cases.TestApplicationPages, "detail"),
    "certificates:apply": Get(
        answers(
            404,
            own_unit=200,
            parent_region=403,
            bureau=403,
            association=403,
            reconciliation=403,
            anonymous=302,
        ),
        lambda scene: {"person_pk": scene.extra["person"].pk},
    ),
    "certificates:certificates": Case(certificate_cases.TestCertificatePages, "list"),
    "certificates:certificate": Case(certificate_cases.TestCertificatePages, "detail"),
    "certificates:cases": Case(certificate_cases.TestCancellationCasePages, "list"),
    "certificates:case": Case(certificate_cases.TestCancellationCasePages, "detail"),
    "certificates:qualified": Get(answers(200, anonymous=302)),
    "certificates:non-members": Get(answers(200, anonymous=302)),
    "certificates:membership": Get(
        answers(
            404,
            own_unit=403,
            parent_region=403,
            bureau=403,
            association=200,
            reconciliation=403,
            anonymous=302,
        ),
        lambda scene: {"person_pk": scene.extra["case"].certificate.person_id},
    ),
    "certificates:scan": Get(answers(404, anonymous=302), missing(kind="application")),
    # 统一申报 and 批量批准 take a POST from the list (certificates/tests/test_batch.py).
    "certificates:batch": Get(answers(405, anonymous=302), lambda scene: {"action": "submit"}),
    "certificates:members": Case(membership_cases.TestMembershipPages, "list"),
    "certificates:member": Case(membership_cases.TestMembershipPages, "detail"),
    # Those who see the member see the form's door; only the region's association opens it.
    "certificates:membership-end": Get(
        answers(
            404,
            own_unit=403,
            parent_region=403,
            bureau=403,
            association=200,
            reconciliation=403,
            anonymous=302,
        ),
        pk("membership"),
    ),
    # --- activities (002 §7, §14) ---------------------------------------------------------------
    "activities:list": Case(activity_cases.TestActivityPages, "list"),
    "activities:activity": Case(activity_cases.TestActivityPages, "detail"),
    # Whoever has a certified lawyer to record for: themself, or the office's lawyers.
    "activities:create": Get(
        answers(
            403,
            own_unit=200,
            sibling_unit=200,
            superior=200,
            lawyer=200,
            colleague=200,
            anonymous=302,
        )
    ),
    # --- coverage ------------------------------------------------------------------------------
    "coverage:dashboard": Get(
        answers(200, system_admin=403, security_admin=403, audit_admin=403, anonymous=302)
    ),
    "coverage:target-create": Get(answers(403, parent_region=200, anonymous=302)),
    "coverage:target-update": Get(
        answers(403, parent_region=200, other_region=404, anonymous=302), pk("target")
    ),
    "coverage:bulletins": Case(coverage_cases.TestBulletinPages, "list"),
    "coverage:bulletin": Case(coverage_cases.TestBulletinPages, "detail"),
    # A bulletin still being generated has no file yet.
    "coverage:bulletin-download": Get(
        answers(404, system_admin=403, security_admin=403, audit_admin=403, anonymous=302),
        lambda scene: {"pk": scene.extra["bulletin"].pk, "fmt": "docx"},
    ),
    # --- official documents (ADR 0027): the register and the stored files --------------------
    "documents:list": Case(document_cases.TestDocumentPages, "list"),
    "documents:file": Get(answers(404, **document_cases.SEEN_BY, anonymous=302), pk("document")),
    # --- dispute figures (002 §12): the region's readers and the organs' offices ---------------
    "disputes:figures": Get(
        answers(
            403,
            own_unit=200,
            sibling_unit=200,
            superior=200,
            parent_region=200,
            bureau=200,
            other_region=200,
            reconciliation=200,
            anonymous=302,
        )
    ),
    # --- annual awards (002 §19) ---------------------------------------------------------------
    "awards:cycles": Case(award_cases.TestAwardCyclePages, "list"),
    "awards:cycle": Case(award_cases.TestAwardCyclePages, "detail"),
    "awards:decision": Get(
        answers(404, system_admin=403, security_admin=403, audit_admin=403, anonymous=302),
        missing(),
    ),
    "awards:rules": Get(
        answers(200, system_admin=403, security_admin=403, audit_admin=403, anonymous=302)
    ),
    "awards:awardees": Get(
        answers(200, system_admin=403, security_admin=403, audit_admin=403, anonymous=302)
    ),
    # 002 §19: for those who recommend and promote lawyers, not the lawyers or the centre.
    "awards:repeated": Get(
        answers(
            403,
            own_unit=200,
            sibling_unit=200,
            superior=200,
            parent_region=200,
            bureau=200,
            other_region=200,
            anonymous=302,
        )
    ),
    # --- matters, decisions, dispatch ----------------------------------------------------------
    # --- administrative disputes ----------------------------------------------------------
    "disputes:list": Case(dispute_cases.TestDisputePages, "list"),
    "disputes:dispute": Case(dispute_cases.TestDisputePages, "detail"),
    "disputes:mine": Get(answers(200, anonymous=302)),
    # Each office registers for the units it runs, the centre for the organs of its region.
    "disputes:create": Get(
        answers(
            403, own_unit=200, sibling_unit=200, superior=200, reconciliation=200, anonymous=302
        )
    ),
    # No file on a missing dispute: 404 for everyone signed in.
    "disputes:file": Get(answers(404, anonymous=302), missing(which="attachment")),
    # --- typical cases (002 §18) ------------------------------------------------------------
    "casebook:cases": Case(casebook_cases.TestTypicalCasePages, "list"),
    "casebook:case": Case(casebook_cases.TestTypicalCasePages, "detail"),
    # An office's own resolved disputes; anyone else signed in sees an empty list.
    "casebook:nominable": Get(answers(200, anonymous=302)),
    "casebook:nominate": Get(answers(404, anonymous=302), lambda scene: {"dispute_pk": MISSING}),
    "casebook:compilations": Get(
        answers(403, parent_region=200, bureau=200, other_region=200, anonymous=302)
    ),
    "casebook:compilation-issue": Get(answers(405, anonymous=302)),
    "casebook:compilation-download": Get(
        answers(404, parent_region=200, bureau=200, anonymous=302), pk("compilation")
    ),
    # The public page: no login, only what was published.
    "public:cases": Get(answers(200)),
    "public:case": Get(
        answers(200), lambda scene: {"pk": scene.extra["compilation"].cases.get().case_id}
    ),
    "typical-case-list": Case(casebook_cases.TestTypicalCaseAPI, "list"),
    "typical-case-detail": Case(casebook_cases.TestTypicalCaseAPI, "detail"),
    "typical-case-accept": VERBS,
    "typical-case-decline": VERBS,
    "typical-case-edit": VERBS,
    "typical-case-anonymise": VERBS,
    "typical-case-publish": VERBS,
    "typical-case-revise": VERBS,
    "typical-case-withdraw": VERBS,
    "typical-case-compilation-list": Case(casebook_cases.TestCompilationAPI, "list"),
    "typical-case-compilation-detail": Case(casebook_cases.TestCompilationAPI, "detail"),
    "typical-case-compilation-download": Get(
        answers(404, parent_region=200, bureau=200, anonymous=401), pk("compilation")
    ),
    "matters:board": Case(matter_cases.TestMatterPages, "list"),
    "matters:matter": Case(matter_cases.TestMatterPages, "detail"),
    # Those who see the matter (not yet assigned: no lawyer) read its file; others 404.
    "matters:attachment": Get(
        answers(404, own_unit=200, parent_region=200, bureau=200, anonymous=302),
        pk("matter_file"),
    ),
    "matters:attachment-preview": Get(
        answers(404, own_unit=200, parent_region=200, bureau=200, anonymous=302),
        pk("matter_file"),
    ),
    "matters:opinion-file": Get(answers(404, anonymous=302), missing()),
    "matters:opinion-file-preview": Get(answers(404, anonymous=302), missing()),
    # The 办理单 of a matter: whoever may open the matter may print it.
    "matters:print": Get(
        answers(404, own_unit=200, parent_region=200, bureau=200, lawyer=200, anonymous=302),
        pk("matter"),
    ),
    "matters:mine": Get(answers(200, anonymous=302)),
    "matters:create": Get(
        answers(403, own_unit=200, sibling_unit=200, superior=200, anonymous=302)
    ),
    "matters:decisions": Case(matter_cases.TestDecisionPages, "list"),
    "matters:decision-item-new": Get(
        answers(403, own_unit=200, sibling_unit=200, superior=200, anonymous=302)
    ),
    "matters:archive": Get(answers(200, anonymous=302)),
    "matters:dispatches": Case(matter_cases.TestDispatchPages, "list"),
    "matters:dispatch": Case(matter_cases.TestDispatchPages, "detail"),
    "matters:dispatch-new": Get(answers(403, own_unit=200, sibling_unit=200, anonymous=302)),
    "matters:pool": Get(answers(403, superior=200, anonymous=302)),
    # --- reconciliation centre (002 §10) ---------------------------------------------------
    "reconciliation:pool": Get(answers(200, anonymous=302)),
    "reconciliation:nominate": Get(
        answers(403, own_unit=200, sibling_unit=200, superior=200, anonymous=302)
    ),
    "reconciliation:nomination": Get(
        answers(
            404,
            sibling_unit=200,
            superior=200,
            parent_region=200,
            bureau=200,
            reconciliation=200,
            anonymous=302,
        ),
        kwargs=lambda s: {"pk": s.extra["mediation"].mediators.get().mediator_nominations.get().pk},
    ),
    "reconciliation:missing": Get(answers(403, reconciliation=200, anonymous=302)),
    "reconciliation:rules": Get(answers(200, anonymous=302)),
    "reconciliation:rule-new": Get(answers(403, reconciliation=200, anonymous=302)),
    "reconciliation:rule": Get(
        answers(
            200,
            other_region=404,
            system_admin=404,
            security_admin=404,
            audit_admin=404,
            anonymous=302,
        ),
        kwargs=lambda s: {"pk": s.extra["mediation"].dispute.mediator_draws.get().rule_id},
    ),
    "reconciliation:awaiting": Get(answers(403, reconciliation=200, anonymous=302)),
    "reconciliation:assign": Get(
        answers(
            404, own_unit=200, parent_region=200, bureau=200, reconciliation=200, anonymous=302
        ),
        kwargs=lambda s: {"pk": s.extra["mediation"].dispute_id},
    ),
    "reconciliation:session-new": Get(
        answers(
            404, own_unit=403, parent_region=403, bureau=403, reconciliation=200, anonymous=302
        ),
        kwargs=lambda s: {"pk": s.extra["mediation"].dispute_id},
    ),
    "reconciliation:draw": Get(
        answers(
            404, own_unit=200, parent_region=200, bureau=200, reconciliation=200, anonymous=302
        ),
        kwargs=lambda s: {"pk": s.extra["mediation"].dispute.mediator_draws.get().pk},
    ),
    "reconciliation:sessions": Get(answers(200, anonymous=302)),
    "reconciliation:session": Get(
        answers(
            404, own_unit=200, parent_region=200, bureau=200, reconciliation=200, anonymous=302
        ),
        kwargs=lambda s: {"pk": s.extra["mediation"].pk},
    ),
    "reconciliation:ledger": Get(answers(200, anonymous=302)),
    "reconciliation:mine": Get(answers(200, anonymous=302)),
    "pool-rule-list": Get(answers(200, anonymous=401)),
    "mediator-nomination-list": Get(answers(200, anonymous=401)),
    "mediator-draw-list": Get(answers(200, anonymous=401)),
    "mediator-assignment-list": Get(answers(200, anonymous=401)),
    "mediation-session-list": Get(answers(200, anonymous=401)),
    "pool-rule-detail": Get(
        answers(
            200,
            other_region=404,
            system_admin=404,
            security_admin=404,
            audit_admin=404,
            anonymous=401,
        ),
        kwargs=lambda s: {"pk": s.extra["mediation"].dispute.mediator_draws.get().rule_id},
    ),
    "mediator-nomination-detail": Get(
        answers(
            404,
            sibling_unit=200,
            superior=200,
            parent_region=200,
            bureau=200,
            reconciliation=200,
            anonymous=401,
        ),
        kwargs=lambda s: {"pk": s.extra["mediation"].mediators.get().mediator_nominations.get().pk},
    ),
    "mediator-draw-detail": Get(
        answers(
            404, own_unit=200, parent_region=200, bureau=200, reconciliation=200, anonymous=401
        ),
        kwargs=lambda s: {"pk": s.extra["mediation"].dispute.mediator_draws.get().pk},
    ),
    "mediator-assignment-detail": Get(
        answers(
            404, own_unit=200, parent_region=200, bureau=200, reconciliation=200, anonymous=401
        ),
        kwargs=lambda s: {"pk": s.extra["mediation"].dispute.mediator_assignments.get().pk},
    ),
    "mediation-session-detail": Get(
        answers(
            404, own_unit=200, parent_region=200, bureau=200, reconciliation=200, anonymous=401
        ),
        kwargs=lambda s: {"pk": s.extra["mediation"].pk},
    ),
    "pool-rule-retire": VERBS,
    "mediator-nomination-renew": VERBS,
    "mediator-nomination-end": VERBS,
    "mediator-draw-verify": VERBS,
    "mediator-assignment-withdraw": VERBS,
    "mediation-session-hold": VERBS,
    "mediation-session-cancel": VERBS,
    "matters:expertise": Get(answers(403, superior=200, anonymous=302)),
    "matters:expertise-rename": Get(answers(403, superior=200, anonymous=302), pk("expertise")),
    "matters:expertise-active": Get(answers(405, anonymous=302), pk("expertise")),
    # The scene's person is no lawyer of any pool: seen by those who see unit_a's staff.
    "matters:pool-tags": Get(
        answers(
            404,
            own_unit=403,
            parent_region=403,
            bureau=403,
            association=403,
            reconciliation=403,
            anonymous=302,
        ),
        lambda scene: {"person_pk": scene.extra["person"].pk},
    ),
    "verb": VERBS,
    # --- audit, calendar, exports ----------------------------------------------------------------
    "audit:events": Get(answers(403, audit_admin=200, anonymous=302)),
    "audit:changes": Get(answers(403, audit_admin=200, anonymous=302)),
    "calendar:years": Get(answers(403, system_admin=200, anonymous=302)),
    "calendar:import": Get(answers(403, system_admin=200, anonymous=302)),
    "calendar:import-template": Get(answers(403, system_admin=200, anonymous=302)),
    "calendar:year": Get(
        answers(403, system_admin=200, anonymous=302), lambda scene: {"year": 2024}
    ),
    "calendar:notice": Get(
        answers(403, system_admin=200, anonymous=302), lambda scene: {"year": 2024}
    ),
    "calendar:day-add": Get(
        answers(403, system_admin=200, anonymous=302), lambda scene: {"year": 2024}
    ),
    "calendar:day-edit": Get(
        answers(403, system_admin=200, anonymous=302),
        lambda scene: {"year": 2024, "day": "2024-10-01"},
    ),
    "calendar:day-delete": Get(
        answers(405, anonymous=302), lambda scene: {"year": 2024, "day": "2024-10-01"}
    ),
    "exports:list": Get(answers(200, anonymous=302)),
    "exports:job": Get(answers(404, anonymous=302), missing()),
    "exports:download": Get(answers(404, anonymous=302), missing()),
    # --- the API -----------------------------------------------------------------------------
    "api-root": Get(answers(200, anonymous=401)),
    "schema": Get(answers(200, anonymous=401)),
    "swagger-ui": Get(answers(200, anonymous=401)),
    "api-token": Get(answers(405)),
    "api-password": Get(answers(405, anonymous=401)),
    "api-coverage": Get(
        answers(200, system_admin=403, security_admin=403, audit_admin=403, anonymous=401)
    ),
    "api-dispute-figures": Get(
        answers(
            403,
            own_unit=200,
            sibling_unit=200,
            superior=200,
            parent_region=200,
            bureau=200,
            other_region=200,
            reconciliation=200,
            anonymous=401,
        )
    ),
    "api-work-archives": Get(
        answers(
            400,
            own_unit=200,
            parent_region=200,
            bureau=200,
            association=200,
            reconciliation=200,
            anonymous=401,
        ),
        query={"person": "{person}"},
    ),
    "auth-token-list": Get(answers(200, anonymous=401)),
    "notification-list": Get(answers(200, anonymous=401)),
    "notification-read": Get(answers(405, anonymous=401), missing()),
    "notification-read-all": Get(answers(405, anonymous=401)),
    "auth-token-detail": Get(answers(405, anonymous=401), missing()),
    "region-list": Case(organisation_cases.TestRegionAPI, "list"),
    "region-detail": Case(organisation_cases.TestRegionAPI, "detail"),
    "unit-list": Case(organisation_cases.TestUnitAPI, "list"),
    "unit-detail": Case(organisation_cases.TestUnitAPI, "detail"),
    "unit-abolish": VERBS,
    "person-list": Case(people_cases.TestPersonAPI, "list"),
    "person-detail": Case(people_cases.TestPersonAPI, "detail"),
    "person-identity": Get(
        answers(
            404,
            own_unit=403,
            parent_region=403,
            bureau=200,
            association=403,
            reconciliation=403,
            anonymous=401,
        ),
        pk("person"),
    ),
    "qualification-list": Case(people_cases.TestQualificationAPI, "list"),
    "qualification-detail": Case(people_cases.TestQualificationAPI, "detail"),
    "qualification-edit": VERBS,
    "qualification-delete": VERBS,
    "adviser-list": Case(people_cases.TestAdviserAPI, "list"),
    "adviser-detail": Case(people_cases.TestAdviserAPI, "detail"),
    "adviser-identity": Get(answers(404, anonymous=401), missing()),
    "adviser-edit": VERBS,
    "adviser-end-service": VERBS,
    "certificate-application-list": Case(certificate_cases.TestApplicationAPI, "list"),
    "certificate-application-detail": Case(certificate_cases.TestApplicationAPI, "detail"),
    "certificate-application-approve": VERBS,
    "certificate-application-reject": VERBS,
    "certificate-application-return": VERBS,
    "certificate-application-review": VERBS,
    "certificate-application-submit": VERBS,
    "certificate-application-withdraw": VERBS,
    # POST only (certificates/tests/test_batch.py).
    "certificate-application-batch-submit": Get(answers(405, anonymous=401)),
    "certificate-application-batch-approve": Get(answers(405, anonymous=401)),
    "certificate-list": Case(certificate_cases.TestCertificateAPI, "list"),
    "certificate-detail": Case(certificate_cases.TestCertificateAPI, "detail"),
    "certificate-decode": Get(answers(200, anonymous=401), query={"number": "11102200810000003"}),
    "certificate-cancel": VERBS,
    "certificate-reinstate": VERBS,
    "certificate-suspend": VERBS,
    "cancellation-case-list": Case(certificate_cases.TestCancellationCaseAPI, "list"),
    "cancellation-case-detail": Case(certificate_cases.TestCancellationCaseAPI, "detail"),
    "cancellation-case-complete": VERBS,
    "cancellation-case-recover": VERBS,
    "activity-list": Case(activity_cases.TestActivityAPI, "list"),
    "activity-detail": Case(activity_cases.TestActivityAPI, "detail"),
    "activity-edit": VERBS,
    "activity-delete": VERBS,
    "target-list": Case(coverage_cases.TestTargetAPI, "list"),
    "target-detail": Case(coverage_cases.TestTargetAPI, "detail"),
    "target-retire": VERBS,
    "target-delete": VERBS,
    "bulletin-list": Case(coverage_cases.TestBulletinAPI, "list"),
    "bulletin-detail": Case(coverage_cases.TestBulletinAPI, "detail"),
    "bulletin-retry": VERBS,
    "bulletin-download": Get(
        answers(
            400,
            other_region=404,
            system_admin=403,
            security_admin=403,
            audit_admin=403,
            anonymous=401,
        ),
        pk("bulletin"),
        query={"file": "docx"},
    ),
    "document-list": Case(document_cases.TestDocumentAPI, "list"),
    "document-detail": Case(document_cases.TestDocumentAPI, "detail"),
    "document-file": Get(answers(404, **document_cases.SEEN_BY, anonymous=401), pk("document")),
    "matter-list": Case(matter_cases.TestMatterAPI, "list"),
    "matter-detail": Case(matter_cases.TestMatterAPI, "detail"),
    "matter-accept": VERBS,
    "matter-assign": VERBS,
    "matter-close": VERBS,
    "matter-commission-letter": VERBS,
    "matter-decline": VERBS,
    "matter-judge-decline": VERBS,
    "matter-overtime": VERBS,
    "matter-remind": VERBS,
    "matter-return": VERBS,
    "matter-submit-opinion": VERBS,
    "matter-edit": VERBS,
    "matter-withdraw": VERBS,
    "matter-reassign": VERBS,
    "matter-change-deadline": VERBS,
    "decision-item-list": Case(matter_cases.TestDecisionItemAPI, "list"),
    "decision-item-detail": Case(matter_cases.TestDecisionItemAPI, "detail"),
    "decision-item-open-decision": VERBS,
    "decision-list": Case(matter_cases.TestDecisionAPI, "list"),
    "decision-detail": Case(matter_cases.TestDecisionAPI, "detail"),
    "decision-decide": VERBS,
    "dispatch-request-list": Case(matter_cases.TestDispatchRequestAPI, "list"),
    "dispatch-request-detail": Case(matter_cases.TestDispatchRequestAPI, "detail"),
    "dispute-list": Case(dispute_cases.TestDisputeAPI, "list"),
    "dispute-detail": Case(dispute_cases.TestDisputeAPI, "detail"),
    "dispute-qualify": VERBS,
    "dispute-guide": VERBS,
    "dispute-assign": VERBS,
    "dispute-relieve": VERBS,
    "dispute-report-conflict": VERBS,
    "dispute-decide-conflict": VERBS,
    "dispute-close": VERBS,
    "dispute-edit": VERBS,
    "dispute-delete": VERBS,
    "dispatch-request-candidates": Get(
        answers(
            404,
            sibling_unit=403,
            superior=200,
            parent_region=403,
            bureau=403,
            anonymous=401,
        ),
        pk("dispatch"),
    ),
    "dispatch-request-dispatch": VERBS,
    "dispatch-request-reject": VERBS,
    # --- annual awards (002 §19) ---------------------------------------------------------------
    "award-rule-list": Case(award_cases.TestAwardRuleAPI, "list"),
    "award-rule-detail": Case(award_cases.TestAwardRuleAPI, "detail"),
    "award-cycle-list": Case(award_cases.TestAwardCycleAPI, "list"),
    "award-cycle-detail": Case(award_cases.TestAwardCycleAPI, "detail"),
    "award-cycle-propose": VERBS,
    "award-cycle-nominate": VERBS,
    "award-cycle-lock": VERBS,
    "award-cycle-decide": VERBS,
    "award-cycle-decision": Get(
        answers(404, system_admin=403, security_admin=403, audit_admin=403, anonymous=401),
        missing(),
    ),
    "award-candidate-list": Case(award_cases.TestAwardCandidateAPI, "list"),
    "award-candidate-detail": Case(award_cases.TestAwardCandidateAPI, "detail"),
    "award-candidate-withdraw": VERBS,
    "awardee-list": Case(award_cases.TestAwardeeAPI, "list"),
    "awardee-detail": Case(award_cases.TestAwardeeAPI, "detail"),
    "awardee-withdraw": VERBS,
    # --- the Django admin, beside its model routes (admin_expected) -----------------------
    "admin:index": Get(answers(302, system_admin=200, security_admin=200, audit_admin=200)),
    "admin:login": Get(answers(200, system_admin=302, security_admin=302, audit_admin=302)),
    "admin:logout": Get(answers(302, system_admin=405, security_admin=405, audit_admin=405)),
    "admin:password_change": Get(
        answers(302, system_admin=200, security_admin=200, audit_admin=200)
    ),
    "admin:password_change_done": Get(
        answers(302, system_admin=200, security_admin=200, audit_admin=200)
    ),
    "admin:jsi18n": Get(answers(302, system_admin=200, security_admin=200, audit_admin=200)),
    "admin:autocomplete": Get(answers(302, system_admin=403, security_admin=403, audit_admin=403)),
    "admin:view_on_site": Get(
        answers(302, system_admin=404, security_admin=404, audit_admin=404),
        lambda scene: {"content_type_id": MISSING, "object_id": MISSING},
    ),
    # UserAdmin's own route, named after django.contrib.auth's model: passwords are reset
    # through the confirmed reset requests (accounts.AdminPasswordReset), not here.
    "admin:auth_user_password_change": Get(
        answers(302, system_admin=403, security_admin=403, audit_admin=403),
        lambda scene: {"id": scene.cast.own_unit.pk},
    ),
    "admin:app_list": Get(
        answers(302, system_admin=200, security_admin=404, audit_admin=404),
        lambda scene: {"app_label": "organisations"},
    ),
    # --- training ---------------------------------------------------------------------------
    "training:mine": Get(answers(403, lawyer=200, colleague=200, anonymous=302)),
    "training:lawyer": Get(answers(404, anonymous=302), lambda scene: {"person_id": MISSING}),
    # The reconciliation centre and the administrator duties have no part in training.
    "training:compliance": Get(
        answers(
            200,
            lawyer=403,
            colleague=403,
            reconciliation=403,
            system_admin=403,
            security_admin=403,
            audit_admin=403,
            anonymous=302,
        )
    ),
    "training:plans": Get(answers(200, anonymous=302)),
    "training:plan-new": Get(answers(200, anonymous=302)),
    "training:plan": Get(answers(404, anonymous=302), missing()),
    "training:course-new": Get(answers(404, anonymous=302), missing()),
    "training:courses": Get(answers(200, anonymous=302)),
    "training:course": Get(answers(404, anonymous=302), missing()),
    "training:session-new": Get(answers(404, anonymous=302), missing()),
    "training:attendance-import": Get(answers(404, anonymous=302), missing()),
    "training:enrolments": Get(answers(200, anonymous=302)),
    "training:claims": Get(answers(200, anonymous=302)),
    "training:claim-new": Get(answers(403, lawyer=200, colleague=200, anonymous=302)),
    "training:claim": Get(answers(404, anonymous=302), missing()),
    "training:claim-proof": Get(answers(404, anonymous=302), missing()),
    "training:requirements": Get(answers(200, anonymous=302)),
    "training:requirement-new": Get(answers(200, anonymous=302)),
    "training:exemptions": Get(answers(200, anonymous=302)),
    "training:exemption-new": Get(answers(200, anonymous=302)),
    "training:samples": Get(answers(200, anonymous=302)),
    "training:sample-new": Get(answers(200, anonymous=302)),
    "training:sample": Get(answers(404, anonymous=302), missing()),
    "api-training-compliance": Get(answers(200, anonymous=401)),
    "training-plan-list": Get(answers(200, anonymous=401)),
    "training-plan-detail": Get(answers(404, anonymous=401), missing()),
    "training-course-list": Get(answers(200, anonymous=401)),
    "training-course-detail": Get(answers(404, anonymous=401), missing()),
    "training-course-enrol": VERBS,
    "training-course-enrol-lawyer": VERBS,
    "training-course-check-in": VERBS,
    "training-course-record-attendance": VERBS,
    "training-enrolment-list": Get(answers(200, anonymous=401)),
    "training-enrolment-detail": Get(answers(404, anonymous=401), missing()),
    "training-enrolment-issue-certificate": VERBS,
    "training-claim-list": Get(answers(200, anonymous=401)),
    "training-claim-detail": Get(answers(404, anonymous=401), missing()),
    "training-claim-verify": VERBS,
    "training-claim-refuse": VERBS,
    "training-requirement-list": Get(answers(200, anonymous=401)),
    "training-requirement-detail": Get(answers(404, anonymous=401), missing()),
    "training-exemption-list": Get(answers(200, anonymous=401)),
    "training-exemption-detail": Get(answers(404, anonymous=401), missing()),
    "training-sample-list": Get(answers(200, anonymous=401)),
    "training-sample-detail": Get(answers(404, anonymous=401), missing()),
    "training-sample-item-list": Get(answers(200, anonymous=401)),
    "training-sample-item-detail": Get(answers(404, anonymous=401), missing()),
    "training-sample-item-confirm": VERBS,
    "training-sample-item-overturn": VERBS,
}


def admin_routes() -> dict[str, tuple[type, str]]:
    """The admin's named routes of each registered model: name -> (model, view)."""
    from django.contrib import admin

    routes = {}
    for model in admin.site._registry:
        opts = model._meta
        for view in ("changelist", "add", "change", "history", "delete"):
            routes[f"admin:{opts.app_label}_{opts.model_name}_{view}"] = (model, view)
    return routes


def admin_expected(model: type, view: str) -> dict[str, int]:
    """A model's list and add page, by the duty its admin declares (core/admin.py DutyAdmin):
    the duty and its viewers see the list, the duty adds unless the admin is read-only,
    another duty is refused, and anyone else is sent to the admin's login page."""
    from django.contrib import admin

    model_admin = admin.site._registry[model]
    duty = getattr(model_admin, "duty", None)
    viewers: frozenset[str] = getattr(model_admin, "viewers", frozenset())
    writable = not getattr(model_admin, "read_only", False)
    allowed = {duty, *viewers} if view == "changelist" else ({duty} if writable else set())
    return {
        role: (200 if role in allowed else 403) if role.endswith("_admin") else 302
        for role in ADMIN_ROLES
    }
