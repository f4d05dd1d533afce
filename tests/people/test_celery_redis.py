"""Background work through the real Redis broker and a real Celery worker."""

import pytest
from django.core import mail

from people.services import invitation_create
from tests.factories import YoungPersonFactory
from tests.helpers import wait_for

pytestmark = pytest.mark.django_db(transaction=True)


def test_invitation_email_goes_through_redis_to_a_worker(worker, pa, authority):
    person = YoungPersonFactory(authority=authority, first_name="Nia")
    invitation, _ = invitation_create(young_person=person, email="nia@example.org", by=pa)

    def sent() -> bool:
        invitation.refresh_from_db()
        return invitation.emailed_at is not None

    assert wait_for(sent), "the worker did not send the invitation within 10 seconds"
    assert [message.to for message in mail.outbox] == [["nia@example.org"]]
