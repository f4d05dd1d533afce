"""Demo good endings: a PA in the demo manager's team leaves in two and a half weeks.

Their handovers started nine days ago. Summaries are written for some; one young person
already moved to the demo PA sixteen days ago, was told by text, and has not been seen
since (the 14-day check is late); another moved to a colleague five days ago and has met
them. The morning's sweep (run by `seed_demo` after every app) escalates the late check.
"""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from handovers.models import Handover, Kind, Reason, ToldHow
from pathway.models import Contact
from people.demo import sign_ins
from people.models import Allocation, Authority, EndReason, Role, User
from people.services import pa_leaving_set

OPENINGS = [
    "{name} is settled at the moment and likes to be contacted by text, ideally after lunch.",
    "{name} has had a hard few months but is more settled since moving.",
    "{name} is doing well and mostly needs help with forms and letters.",
    "{name} does not always answer the phone; a text first works better.",
]
MIDDLES = [
    "Housing: the tenancy is going well, and the rent is paid from Universal Credit.",
    "Money: a budgeting plan is in place and the setting-up-home allowance is partly used.",
    "Education: enrolled on a course starting in January and wants help with the bursary.",
    "Health: registered with a GP; a dentist appointment is still needed.",
    "Work: looking for part-time work and has an interview with the job centre next month.",
]
CLOSINGS = [
    "Please keep the first meeting somewhere familiar; they find new people hard at first.",
    "Their sister is a good support and can be contacted with their agreement.",
    "They asked that the new PA keeps the same day of the week for visits.",
]


def _summary(rng: random.Random, name: str) -> str:
    return "\n\n".join(
        [rng.choice(OPENINGS).format(name=name), *rng.sample(MIDDLES, 2), rng.choice(CLOSINGS)]
    )


def seed_handovers(*, authority: Authority, today: dt.date, seed: int) -> None:
    rng = random.Random(seed)
    demo_pa = User.objects.get(email=sign_ins(authority)["Personal adviser"])
    colleagues = list(
        User.objects.filter(authority=authority, role=Role.PA, team=demo_pa.team_id)
        .exclude(pk=demo_pa.pk)
        .order_by("pk")
    )
    leaving, staying = colleagues[0], colleagues[1]
    leaving.leaving_on = today + dt.timedelta(days=18)
    leaving.save(update_fields=["leaving_on"])
    current = list(
        Allocation.objects.filter(pa=leaving, ended_on__isnull=True)
        .select_related("young_person")
        .order_by("young_person__last_name")
    )
    started = timezone.now() - dt.timedelta(days=9)
    handovers = []
    for number, allocation in enumerate(current):
        person = allocation.young_person
        written = number % 3 != 2
        handovers.append(
            Handover(
                young_person=person,
                kind=Kind.HANDOVER,
                reason=Reason.PA_LEAVING,
                from_pa=leaving,
                from_allocation=allocation,
                due_on=leaving.leaving_on,
                started_at=started,
                summary=_summary(rng, person.known_as) if written else "",
                summary_at=started + dt.timedelta(days=rng.randint(1, 8)) if written else None,
                summary_by=leaving if written else None,
            )
        )
    Handover.objects.bulk_create(handovers)
    # Two of them were handed over already: of young people with the leaving PA since
    # before then (an allocation cannot end before it began).
    settled = [h for h in handovers if h.from_allocation.started_on < today - dt.timedelta(days=16)]
    if len(settled) >= 2:
        _move(settled[0], to=demo_pa, days_ago=16, today=today, contact_since=False)
        moved = _move(settled[1], to=staying, days_ago=5, today=today, contact_since=True)
        moved.intro_on, moved.told_how = today - dt.timedelta(days=3), ToldHow.PHONE
        moved.save(update_fields=["intro_on", "told_how"])
    # Set again through the service, so what else listens to a leaving date (the duty rota
    # frees their later shifts) hears of it; the handovers above are the ones it finds open.
    manager = User.objects.get(email=sign_ins(authority)["Manager"])
    pa_leaving_set(pa=leaving, leaving_on=leaving.leaving_on, by=manager)


def _move(
    handover: Handover, *, to: User, days_ago: int, today: dt.date, contact_since: bool
) -> Handover:
    """Reallocate `days_ago`: the old allocation ends, the new PA tells them by text."""
    moved_on = today - dt.timedelta(days=days_ago)
    old = handover.from_allocation
    Allocation.objects.filter(pk=old.pk).update(ended_on=moved_on, end_reason=EndReason.REALLOCATED)
    new = Allocation.objects.create(
        young_person=handover.young_person, pa=to, started_on=moved_on, created_by=to
    )
    since = Contact.objects.filter(young_person=handover.young_person, happened_on__gte=moved_on)
    if contact_since:
        since.update(recorded_by=to)
    else:
        # Moved to the day before, not deleted: a contact may have a correction, which is
        # kept for ever (the database refuses to delete it).
        since.update(happened_on=moved_on - dt.timedelta(days=1))
    handover.to_allocation = new
    handover.check_due_on = moved_on + dt.timedelta(days=14)
    handover.told_at = timezone.make_aware(dt.datetime.combine(moved_on, dt.time(11)))
    handover.told_how = ToldHow.TEXT
    handover.save(update_fields=["to_allocation", "check_due_on", "told_at", "told_how"])
    return handover
