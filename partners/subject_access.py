"""What partners adds to a young person's subject access pack: their referrals (to whom,
why, what was shared, consent, answers) and the sessions they were booked on."""

from __future__ import annotations

from partners.models import Booking, Referral
from people.models import YoungPerson
from people.subject_access import Table


def tables(person: YoungPerson, full: bool) -> list[Table]:
    referrals = Referral.objects.filter(young_person=person).select_related(
        "service__organization", "made_by"
    )
    bookings = Booking.objects.filter(young_person=person).select_related("session__location")
    return [
        Table(
            title="Your referrals to other services",
            filename="referrals",
            columns=(
                "Sent on",
                "To",
                "Why",
                "What was shared",
                "You agreed",
                "Agreed on",
                "What you agreed to",
                "Where it is now",
                "Reason given",
                "Outcome",
                "Sent by",
            ),
            rows=[
                (
                    r.sent_at,
                    f"{r.service.name}, {r.service.organization.name}",
                    r.reason,
                    r.shared,
                    r.consent_given,
                    r.consent_on,
                    r.consent_for or r.lawful_reason,
                    r.get_status_display(),
                    r.decline_reason,
                    r.outcome,
                    r.made_by.get_full_name(),
                )
                for r in referrals
            ],
        ),
        Table(
            title="Sessions you were booked on",
            filename="sessions",
            columns=("Session", "When", "Where", "Came", "Noticed"),
            rows=[
                (
                    b.session.title,
                    b.session.starts_at,
                    b.session.location.name,
                    b.attended,
                    b.needs_noticed,
                )
                for b in bookings
            ],
        ),
    ]
