"""What pathway adds to a care leaver's home page and to a young person's profile."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from offer import selectors as offer_selectors
from pathway import due, selectors
from pathway.models import AccommodationSpell, ActionOwner, Plan
from people.models import User, YoungPerson
from people.selectors import current_allocation


def my_panel_context(person: YoungPerson, today: dt.date) -> dict:
    plan = Plan.objects.filter(young_person=person).first()
    actions = (
        selectors.open_actions_for(person).filter(owner=ActionOwner.YOUNG_PERSON)[:3]
        if plan
        else []
    )
    return {"plan": plan, "my_actions": actions, "today": today}


def my_area_panel_context(person: YoungPerson, today: dt.date) -> dict:
    """Both councils' offers, and who pays for what, when home is in another council's area."""
    home = (
        AccommodationSpell.objects.filter(young_person=person, started_on__lte=today)
        .select_related("area")
        .order_by("-started_on", "-pk")
        .first()
    )
    if home is None or home.area is None or home.area_id == person.authority_id:
        return {"area": None}
    council = person.authority
    return {
        "council": council,
        "area": home.area,
        "council_offer": offer_selectors.council_offer_url(council),
        "area_offer": offer_selectors.council_offer_url(home.area),
        "who_pays": offer_selectors.who_pays(council, home.area),
    }


def my_contact_panel_context(person: YoungPerson, today: dt.date) -> dict:
    return {
        "asked": selectors.contact_request_open(person),
        "current": current_allocation(person),
    }


def profile_panel_context(person: YoungPerson, user: User, today: dt.date) -> dict:
    """Plan, contact and circumstances at a glance. `person` has its allocations prefetched."""
    current = current_allocation(person)
    since = current.started_on if current else timezone.localdate(person.created_at)
    return {
        "person": person,
        "today": today,
        "glance": selectors.at_a_glance(person, since, today),
        "birthday": due.next_birthday_that_matters(person.date_of_birth, today),
        "can_change": user.has_perm("pathway.change_plan", person),
    }
