"""What partners adds to a young person's subject access pack: their referrals (to whom,
why, what was shared, consent, answers) and the sessions they were booked on."""

from __future__ import annotations

from partners.models import Booking, Referral
from people.models import YoungPerson
from people.subject_access import Table


def tables(person: YoungPerson, full: bool) -> list[Table]:
    """Staff's full pack has every referral as recorded; the young person's own holds what
    /my/referrals/ shows them (to whom, when, where it is now, the answer and the outcome),
    never staff's reasons, a manager's lawful reason or a partner's notes."""
    referrals = Referral.objects.filter(young_person=person).select_related(
        "service__organization", "made_by"
    )
    bookings = Booking.objects.filter(young_person=person).select_related("session__location")
    return [_referrals(referrals, full), _sessions(bookings, full)]


def _referrals(referrals, full: bool) -> Table:
    columns = ["Sent on", "To", "Where it is now", "Reason given", "Outcome"]
    if full:
        columns += ["Why", "What was shared", "Agreed", "Agreed on", "Agreed to", "Sent by"]

    def row(r: Referral) -> tuple:
        shown = [
            r.sent_at,
            f"{r.service.name}, {r.service.organization.name}",
            r.get_status_display(),
            r.decline_reason,
            r.outcome,
        ]
        if full:
            shown += [
                r.reason,
                r.shared,
                r.consent_given,
                r.consent_on,
                r.consent_for or r.lawful_reason,
                r.made_by.get_full_name(),
            ]
        return tuple(shown)

    return Table(
        title="Your referrals to other services",
        filename="referrals",
        columns=tuple(columns),
        rows=[row(r) for r in referrals],
    )


def _sessions(bookings, full: bool) -> Table:
    columns = ("Session", "When", "Where", "Came", *(("Noticed",) if full else ()))
    return Table(
        title="Sessions you were booked on",
        filename="sessions",
        columns=columns,
        rows=[
            (
                b.session.title,
                b.session.starts_at,
                b.session.location.name,
                b.attended,
                *((b.needs_noticed,) if full else ()),
            )
            for b in bookings
        ],
    )
