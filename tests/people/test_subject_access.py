"""The subject access pack: everything held about one young person, from every app, audited."""

import csv
import datetime as dt
import io
import zipfile

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from pathway import services as pathway
from people.models import SubjectAccessPack
from people.subject_access import PDF_NAME
from tests.factories import money_world, pathway_world, upload

pytestmark = pytest.mark.django_db


def _records(person, *, pa, manager, words: str) -> None:
    """A record in each app for `person`, each carrying `words` where it holds text."""
    day = timezone.localdate() - dt.timedelta(days=3)
    pathway.contact_record(
        young_person=person, happened_on=day, method="visit", seen=True, note=words, by=pa
    )
    pathway.accommodation_record(
        young_person=person, started_on=day, kind="U", suitable=True, description=words, by=pa
    )
    pathway.activity_record(
        young_person=person, started_on=day, code="F2", description=words, by=pa
    )
    pathway.health_passport_save(young_person=person, fields={"gp": words}, revision=0, by=pa)


def _opened(content: bytes) -> tuple[PdfReader, dict[str, list[list[str]]]]:
    archive = zipfile.ZipFile(io.BytesIO(content))
    tables = {
        name.removesuffix(".csv"): list(
            csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig")))
        )
        for name in archive.namelist()
        if name.endswith(".csv")
    }
    return PdfReader(io.BytesIO(archive.read(PDF_NAME))), tables


def _column(table: list[list[str]], heading: str) -> list[str]:
    at = table[0].index(heading)
    return [row[at] for row in table[1:]]


def test_the_pack_holds_the_young_persons_records_from_every_app_and_nobody_elses(
    client, young_person, care_leaver, pa, manager, other_young_person, other_pa
):
    pathway_world(young_person, pa=pa, manager=manager)
    money_world(young_person, pa=pa, manager=manager)
    _records(young_person, pa=pa, manager=manager, words="Jade's own flat in Riverside")
    _records(other_young_person, pa=other_pa, manager=manager, words="Ryan's hostel")
    pathway.document_upload(
        young_person=other_young_person,
        kind="other",
        title="Ryan's letter",
        upload=upload(),
        by=other_pa,
    )
    # Kept from them: their own download holds neither it nor their PA's notes.
    pathway.document_upload(
        young_person=young_person,
        kind="other",
        title="Strategy meeting minutes",
        upload=upload(),
        by=pa,
    )

    client.force_login(care_leaver)
    page = client.get(reverse("portal:my-information"))
    assert "Download your information" in page.content.decode()
    response = client.get(reverse("portal:my-information-download"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "no-store" in response["Cache-Control"]
    assert "okoro" not in response["Content-Disposition"].lower()

    pdf, tables = _opened(response.content)
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert len(pdf.pages) >= 2
    assert "Jade Okoro" in text and "The information we hold about you" in text
    # people
    assert ["Last name", "Okoro"] in tables["details"]
    assert _column(tables["personal-advisers"], "Personal adviser") == [pa.get_full_name()]
    # pathway: the plan and its signed version, contacts (without staff's notes), homes, health
    assert "Help to find a college course." in _column(tables["plan-signed-versions"], "Needs")
    assert tables["contacts"][0] == ["Date", "How", "You were seen", "Recorded by"]
    assert len(tables["contacts"]) >= 2 and "Ask your PA for them" in text
    assert _column(tables["homes"], "Type of home") == [
        "Independent living, for example a flat or tenancy"
    ]
    assert ["Your doctor (GP)", "Jade's own flat in Riverside"] in tables["health"]
    assert _column(tables["documents"], "Name") == ["GP letter"]
    # finance: awards, claims and the ledger
    assert _column(tables["money-awards"], "Amount") == ["£3,000"]
    assert set(_column(tables["money-claims"], "What it is for")) == {"Bed", "Kettle and toaster"}
    assert _column(tables["money-ledger"], "What") == ["Awarded", "Paid"]
    # nobody else's
    everything = text + repr(tables)
    assert "Ryan" not in everything and "Doyle" not in everything

    made = SubjectAccessPack.objects.get()
    assert (made.young_person, made.made_by) == (young_person, care_leaver)
    assert made.rows == sum(len(table) - 1 for table in tables.values())
    reads = LogEntry.objects.get_for_object(young_person).filter(action=LogEntry.Action.ACCESS)
    assert care_leaver in [entry.actor for entry in reads]
    assert "Strategy meeting minutes" not in everything
    assert LogEntry.objects.get_for_object(made).filter(action=LogEntry.Action.CREATE).exists()

    # The pack their PA makes, to check and send, holds the notes and every document.
    client.force_login(pa)
    download = reverse("portal:subject-access-download", args=[young_person.pk])
    _, full = _opened(client.get(download).content)
    assert "Jade's own flat in Riverside" in _column(full["contacts"], "What was noted")
    assert set(_column(full["documents"], "Name")) == {"GP letter", "Strategy meeting minutes"}


def test_their_pa_makes_the_pack_from_the_profile_and_it_is_recorded(
    client, young_person, pa, other_pa
):
    profile = reverse("portal:young-person-detail", args=[young_person.pk])
    download = reverse("portal:subject-access-download", args=[young_person.pk])
    client.force_login(other_pa)
    assert client.get(download).status_code == 404
    assert not SubjectAccessPack.objects.exists()

    client.force_login(pa)
    assert (
        reverse("portal:subject-access", args=[young_person.pk])
        in client.get(profile).content.decode()
    )
    response = client.get(download)
    assert response.status_code == 200
    _, tables = _opened(response.content)
    assert ["First name", "Jade"] in tables["details"]
    assert "plan" not in tables  # no plan yet: nothing made up
    assert tables["contacts"] == [["Date", "How", "You were seen", "What was noted", "Recorded by"]]

    assert SubjectAccessPack.objects.get().made_by == pa
    reads = LogEntry.objects.get_for_object(young_person).filter(action=LogEntry.Action.ACCESS)
    assert [entry.actor for entry in reads] == [
        pa,
        pa,
        pa,
    ]  # the profile, the download's read, the pack
    page = client.get(reverse("portal:subject-access", args=[young_person.pk])).content.decode()
    assert pa.get_full_name() in page
