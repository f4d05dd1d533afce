"""What finance adds to a young person's subject access pack (people.subject_access)."""

from __future__ import annotations

from finance import selectors
from finance.money import pounds
from people.models import YoungPerson
from people.subject_access import Table


def _name(user) -> str:
    return user.get_full_name() if user else ""


def _pounds(pence: int | None) -> str:
    return "" if pence is None else pounds(pence)


def tables(person: YoungPerson, full: bool) -> list[Table]:
    """Their awards, claims and every movement of money on their awards (the ledger)."""
    awards = selectors.awards_for(person).select_related("awarded_by")
    claims = selectors.claims_for(person).select_related("created_by", "decided_by")
    entries = selectors.entries_for(person).order_by("created_at", "pk")
    return [
        Table(
            title="Money awarded to you",
            filename="money-awards",
            columns=("For", "Amount", "Awarded on", "Use it by", "Used", "Left", "Awarded by"),
            rows=[
                (
                    a.scheme.name,
                    pounds(a.amount_pence),
                    a.awarded_on,
                    a.expires_on,
                    pounds(a.used),
                    pounds(a.left),
                    _name(a.awarded_by),
                )
                for a in awards
            ],
        ),
        Table(
            title="Your claims",
            filename="money-claims",
            columns=(
                "Asked on",
                "From",
                "Amount asked for",
                "What it is for",
                "What happened",
                "Amount agreed",
                "Why",
                "Asked by",
                "Decided by",
                "Decided on",
            ),
            rows=[
                (
                    c.created_at,
                    c.award.scheme.name,
                    pounds(c.amount_pence),
                    c.purpose,
                    c.get_state_display(),
                    _pounds(c.approved_pence),
                    c.reason,
                    _name(c.created_by),
                    _name(c.decided_by),
                    c.decided_at,
                )
                for c in claims
            ],
        ),
        Table(
            title="Every payment and change to your money",
            filename="money-ledger",
            columns=("Date", "For", "What", "Amount", "Note", "By"),
            rows=[
                (
                    e.created_at,
                    e.award.scheme.name,
                    e.get_kind_display(),
                    pounds(e.amount_pence),
                    e.note,
                    _name(e.created_by),
                )
                for e in entries
            ],
        ),
    ]
