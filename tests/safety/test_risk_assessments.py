"""Risk assessments and safety plans: versions, levels, a manager's agreement, sharing."""

import datetime as dt
import io
import zipfile

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from people.models import Role
from people.subject_access import pack_zip
from safety import selectors, services
from safety.models import RiskAssessment
from safety.services import SafetyError
from tests.factories import (
    AllocationFactory,
    UserFactory,
    YoungPersonFactory,
    risk_entry,
    signed_plan,
)

pytestmark = pytest.mark.django_db

SECRET = "A neighbour saw older men collecting them."


def _high(young_person, by, **extra):
    return services.assessment_save(
        young_person=young_person,
        entries=[risk_entry("exploitation", "high"), risk_entry("going-missing", "low")],
        by=by,
        **extra,
    )


def test_a_high_level_without_a_managers_agreement_is_refused(young_person, pa, other_manager):
    first = services.assessment_save(
        young_person=young_person, entries=[risk_entry("going-missing", "low")], by=pa
    )
    high = _high(young_person, pa)
    assert not high.is_in_force
    # Not in force: the young person still reads the version before.
    assert selectors.in_force(young_person).number == first.number
    for refused in (pa, other_manager):  # their PA, and a manager of another team
        with pytest.raises(SafetyError, match="manager of their PA's team"):
            services.assessment_agree(assessment=high, by=refused)
    high.refresh_from_db()
    assert high.agreed_by is None


def test_agreeing_brings_the_plan_review_forward(young_person, pa, manager):
    plan = signed_plan(young_person, pa=pa, manager=manager)
    six_months = plan.review_due_on
    high = _high(young_person, pa)
    plan.refresh_from_db()
    assert plan.review_due_on == six_months  # not yet: nobody has agreed
    agreed = services.assessment_agree(assessment=high, by=manager)
    plan.refresh_from_db()
    today = timezone.localdate()
    assert agreed.agreed_by == manager and agreed.is_in_force
    assert plan.review_due_on == today + dt.timedelta(days=28) < six_months
    assert plan.review_requests.get(answered_by__isnull=True).reason == "high_risk"
    # The review date of the assessment itself follows its highest level (settings).
    assert agreed.review_due_on == today + dt.timedelta(weeks=4)


def test_a_high_level_saved_by_the_manager_is_agreed_at_once(young_person, pa, manager):
    assert _high(young_person, manager).agreed_by == manager


def test_a_second_save_keeps_the_first_version_and_the_comparison_shows_the_change(
    young_person, pa
):
    first = services.assessment_save(
        young_person=young_person, entries=[risk_entry("going-missing", "low")], by=pa
    )
    second = services.assessment_save(
        young_person=young_person,
        entries=[risk_entry("going-missing", "medium", reason="Missing twice this month.")],
        by=pa,
    )
    assert [v.number for v in selectors.versions(young_person)] == [2, 1]
    kept = RiskAssessment.objects.get(pk=first.pk)
    assert kept.entries.get().level == "low"
    assert kept.review_due_on == kept.saved_on + dt.timedelta(weeks=26)
    changes = selectors.compare(
        selectors.version(young_person, 1), selectors.version(young_person, 2)
    )
    assert {(c.area, c.what, c.old, c.new) for c in changes} >= {
        ("Going missing", "Level", "Low", "Medium"),
        (
            "Going missing",
            "Why this level",
            "What we know about going-missing.",
            "Missing twice this month.",
        ),
    }
    assert second.number == 2


def test_an_unshared_entry_needs_a_reason(young_person, pa):
    with pytest.raises(SafetyError, match="Say why"):
        services.assessment_save(
            young_person=young_person,
            entries=[risk_entry("exploitation", "low", is_shared=False)],
            by=pa,
        )


def _pack_text(person, *, full: bool) -> str:
    pack = pack_zip(person, full=full)
    with zipfile.ZipFile(io.BytesIO(pack.content)) as archive:
        csvs = "".join(
            archive.read(name).decode("utf-8-sig")
            for name in archive.namelist()
            if name.endswith(".csv")
        )
        letter = PdfReader(io.BytesIO(archive.read("information-we-hold.pdf")))
        return csvs + "".join(page.extract_text() for page in letter.pages)


def test_an_entry_not_shared_never_reaches_the_young_persons_pages_pdf_or_pack(
    client, care_leaver, young_person, pa, manager
):
    services.assessment_save(
        young_person=young_person,
        entries=[
            risk_entry("going-missing", "medium", keeps_safe="Text Sam before going out."),
            risk_entry(
                "exploitation",
                "medium",
                known=SECRET,
                is_shared=False,
                not_shared_reason="From a third party",
            ),
        ],
        by=pa,
    )
    client.force_login(care_leaver)
    for url in (reverse("portal:my-home"), reverse("safety:my-safety")):
        page = client.get(url).content.decode()
        assert "Text Sam" in page or url == reverse("portal:my-home")
        assert SECRET not in page and "Criminal and sexual exploitation" not in page
    assert "Read your safety plan" in client.get(reverse("portal:my-home")).content.decode()
    pdf = client.get(reverse("safety:my-safety-pdf"))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Text Sam before going out." in text and SECRET not in text
    own = _pack_text(young_person, full=False)
    assert "Text Sam before going out." in own and SECRET not in own
    # Staff's full pack holds it all, with why it is not shared.
    full = _pack_text(young_person, full=True)
    assert SECRET in full and "From a third party" in full


def test_a_staff_read_is_audited_and_a_save_makes_a_version(client, young_person, pa):
    client.force_login(pa)
    page = reverse("safety:person", args=[young_person.pk])
    assert client.get(page).status_code == 200
    assert LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS, object_pk=str(young_person.pk), actor=pa
    ).exists()
    response = client.post(
        reverse("safety:assessment-save", args=[young_person.pk]),
        {
            "going-missing-level": "high",
            "going-missing-reason": "Missing three nights.",
            "going-missing-not_shared_reason": "",
            "step0-what": "Agree a safe word",
            "step0-who": "Their PA",
            "contact0-name": "Emergency duty team",
            "contact0-phone": "01632 960 555",
        },
    )
    assert response.status_code == 302
    saved = selectors.latest(young_person)
    assert saved.highest_level == "high" and not saved.is_in_force
    assert [s.what for s in saved.steps.all()] == ["Agree a safe word"]
    # Half a step is refused with a message on the form, and nothing is saved.
    response = client.post(
        reverse("safety:assessment-save", args=[young_person.pk]),
        {"going-missing-level": "low", "going-missing-reason": "Fine.", "step0-what": "Call"},
    )
    assert response.status_code == 200 and "what the step is and who does it" in (
        response.content.decode()
    )
    assert selectors.latest(young_person).number == 1


def test_a_service_manager_agrees_when_the_pas_team_has_no_manager(authority, young_person):
    """Asked because nobody manages the PA's team, a service manager can agree (else the
    high level would wait for ever and the young person keep reading the old plan)."""
    pa = UserFactory(role=Role.PA, authority=authority, team=None)
    person = YoungPersonFactory(authority=authority)
    AllocationFactory(young_person=person, pa=pa)
    head = UserFactory(role=Role.MANAGER, authority=authority, sees_all_teams=True)
    agreed = services.assessment_agree(assessment=_high(person, pa), by=head)
    assert agreed.agreed_by == head and agreed.is_in_force


def test_an_agreed_high_risk_not_shared_is_not_in_the_young_persons_own_pack(
    young_person, pa, manager
):
    """The review brought forward for it would say there is a high risk; only staff's pack
    holds that request."""
    signed_plan(young_person, pa=pa, manager=manager)
    high = services.assessment_save(
        young_person=young_person,
        entries=[
            risk_entry(
                "exploitation",
                "high",
                known=SECRET,
                is_shared=False,
                not_shared_reason="From a third party",
            )
        ],
        by=pa,
    )
    services.assessment_agree(assessment=high, by=manager)
    assert "high risk" not in _pack_text(young_person, full=False).lower()
    assert "A high risk in their safety plan was agreed" in _pack_text(young_person, full=True)
