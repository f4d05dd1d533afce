"""Demo pathway records: plans, reviews, contacts and circumstances that agree with each other.

Called by `seed_demo` through PathwayConfig.seed_demo, once the council, its staff, young
people and allocations exist. For every young person with a PA it writes where they have
lived and what they have done, keeping-in-touch contacts, a health passport and, for nearly
all, a pathway plan with its history of signed reviews. One seeded random generator drives it
all, so a seed always gives the same service.

The database refuses to change a signed review, a plan version or a young person's own words,
so every row is built in its final state first and then saved with bulk_create (which also
keeps these generated rows out of the audit log).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import random
from collections import defaultdict
from dataclasses import dataclass, field, replace
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.html import escape
from PIL import Image, ImageDraw
from weasyprint import HTML

from common.dates import add_months, birthday
from notifications.models import Notification
from pathway import due, services, snapshot
from pathway.models import (
    NEVER_SUITABLE,
    SUITABILITY_POINTS,
    AccommodationSpell,
    AccommodationType,
    Action,
    ActionOwner,
    ActionStatus,
    ActivitySpell,
    Contact,
    ContactCorrection,
    ContactMethod,
    ContactRequest,
    HealthPassport,
    Matter,
    Plan,
    PlanVersion,
    Review,
    ReviewReason,
    ReviewRequest,
    ReviewState,
    Section,
    SectionView,
)
from people.demo import sign_ins
from people.models import Allocation, Authority, LegalStatus, Role, User, YoungPerson

# How plans stand today, in percent of the young people who have a PA (dealt out exactly).
STANDINGS = {"none": 3, "new": 5, "in_date": 70, "soon": 12, "overdue": 10}
CONTACT_OVERDUE_SHARE = 0.15
ACTIONS_OVERDUE_SHARE = 0.2
DRAFT_CHANGE_SHARE = 0.4
SECTION_CHANGE_SHARE = 0.2  # chance a section is rewritten at any one review

AREAS = ("Ashby Moor", "Hillside", "Lowfield", "Kirkby Vale", "Eastbridge", "Millbrook")
HOME_PLACES = {
    "B": ("Their aunt's home in {area}", "Their nan's home in {area}", "Mum's home in {area}"),
    "C": ("Oakfield children's home, {area}", "Larch House children's home, {area}"),
    "D": ("Hartley House semi-independent flats, {area}", "Chapel Street supported housing"),
    "E": ("Supported lodgings with a host family in {area}", "Supported lodgings in {area}"),
    "K": ("Room in a shared house, {area}", "Lodging with a family friend in {area}"),
    "S": ("Sofa surfing with friends", "No fixed address"),
    "T": ("Northmoor Foyer", "Canal Side Foyer, {area}"),
    "U": (
        "Council flat, {area}",
        "Housing association flat, {area}",
        "Private rented one-bedroom flat, {area}",
        "Studio flat, {area}",
    ),
    "V": ("Cornerstone night shelter, Northmoor", "Station Road emergency hostel"),
    "W": ("Bed and breakfast, Station Road",),
    "X": ("Young offender institution",),
    "Y": ("Foster carers in {area}",),
}
# Where someone lives, in a phrase that follows their name.
LIVES = {
    "B": "lives with family",
    "C": "lives in a children's home",
    "D": "lives in semi-independent accommodation",
    "E": "lives in supported lodgings",
    "K": "lives in lodgings",
    "S": "has no fixed address and is staying with friends",
    "T": "lives at the foyer",
    "U": "has their own flat",
    "V": "is in emergency accommodation",
    "W": "is in a bed and breakfast",
    "X": "is in custody",
    "Y": "lives with foster carers",
    "Z": "is staying put with their former foster carers",
}
HOMES_IN_CARE = {"Y": 6, "C": 1, "D": 3}
HOMES_LEFT_CARE_UNDER_18 = {"D": 5, "E": 2, "T": 2, "B": 1}
HOMES_18_TO_20 = {"U": 5, "E": 2, "T": 2, "D": 1, "B": 1, "K": 1, "V": 0.4, "S": 0.3, "W": 0.2}
HOMES_21_PLUS = {"U": 8, "B": 1, "K": 1, "T": 0.4, "S": 0.3, "X": 0.15}
UNSUITABLE_HOMES = {*NEVER_SUITABLE, "V", "W"}
LIVING_WITH_CARERS = {"Y", "Z", "E"}
SUPPORTED_HOMES = {"C", "D", "T"}

ACTIVITY_PLACES = {
    "F1": (
        "Nursing at the University of Northmoor",
        "Criminology at Eastbridge University",
        "Computer science at the University of Northmoor",
        "Social work at Eastbridge University",
    ),
    "P1": ("Part-time business degree at the University of Northmoor",),
    "F2": (
        "Level 2 motor vehicle at Northmoor College",
        "Level 3 health and social care at Northmoor College",
        "A levels at Riverside Sixth Form",
        "Level 1 construction at Northmoor College",
        "Level 2 hair and beauty at Kirkby Vale College",
        "Level 3 sport at Riverside Sixth Form",
        "Level 2 catering at Kirkby Vale College",
    ),
    "P2": ("Part-time English and maths at Northmoor Adult Learning",),
    "F4": (
        "Electrical apprenticeship with Dalton Electrics",
        "Business admin apprenticeship at Northmoor Council",
        "Chef apprenticeship at The Old Bell",
        "Plumbing apprenticeship with Moorside Heating",
    ),
    "P4": ("Part-time customer service apprenticeship at Valley Foods",),
    "F5": (
        "Warehouse operative at Moorland Distribution",
        "Care assistant at Beech Lodge care home",
        "Retail assistant at Valley Foods supermarket",
        "Barista at Canal Street Coffee",
        "Labourer with Pennine Groundworks",
    ),
    "P5": (
        "Weekend shifts at Valley Foods supermarket",
        "Part-time kitchen porter at The Old Bell",
        "Evening shifts at Moorland Distribution",
    ),
    "G4": ("Not working because of ill health",),
    "G5": ("Looking for work, signed on with Jobcentre Plus", "Not in work or learning"),
    "G6": ("Looking after their baby",),
}
ESOL_COURSE = "ESOL and maths at Northmoor College"
ACTIVITIES_UNDER_18 = {"F2": 7, "P2": 0.5, "F4": 1, "G5": 1.5}
ACTIVITIES_18_TO_20 = {"F2": 2, "F1": 1.5, "P1": 0.2, "F4": 1, "P4": 0.3, "F5": 2, "P5": 1.5}
ACTIVITIES_18_TO_20 |= {"G5": 2, "G4": 0.4}
ACTIVITIES_21_PLUS = {"F5": 4, "P5": 2, "F1": 0.8, "P1": 0.3, "G5": 2, "G4": 0.5}
DOING = {
    "F1": "is at university",
    "P1": "is studying part time",
    "F2": "is at college",
    "P2": "is studying part time",
    "F4": "is doing an apprenticeship",
    "P4": "is on a part-time apprenticeship",
    "F5": "works full time",
    "P5": "works part time",
    "G4": "is not working because of ill health",
    "G5": "is looking for work",
    "G6": "is looking after their baby",
}

# (condition, medication)
COMMON_CONDITIONS = (
    ("Asthma", "Salbutamol (blue) inhaler when needed; Clenil (brown) preventer twice a day"),
    ("Anxiety", "Sertraline 50 mg once a day"),
    ("Low mood", ""),
    ("ADHD, diagnosed at 10", "Methylphenidate (slow release) each morning"),
    ("Eczema", "Emollient cream every day; steroid cream for flare-ups"),
    ("Hay fever", "Cetirizine in spring and summer"),
    ("Dyslexia", ""),
)
RARE_CONDITIONS = (
    ("Type 1 diabetes", "Insulin pens; wears a glucose sensor"),
    ("Epilepsy, well controlled", "Lamotrigine twice a day"),
)
MENTAL_HEALTH = {"Anxiety", "Low mood", "Post-traumatic stress"}
GP_PRACTICES = (
    "Moorside Medical Practice, 12 Mill Lane",
    "Canal Street Surgery",
    "Valley Road Health Centre",
    "Abbey Fields Medical Centre",
    "Northmoor Health Centre, Station Road",
)
DOCTORS = ("Dr A. Khan", "Dr R. Okafor", "Dr L. Brennan", "Dr S. Patel", "Dr H. Walsh")
DENTISTS = ("Bridge Street Dental Practice", "Market Place Dental Care", "Hillside Dental Surgery")
ORIGINS = (
    ("Eritrea", "Tigrinya"),
    ("Sudan", "Arabic"),
    ("Afghanistan", "Pashto"),
    ("Albania", "Albanian"),
    ("Iran", "Farsi"),
    ("Vietnam", "Vietnamese"),
)
KEEP_IN_TOUCH = {"text": "by text", "phone": "by phone", "email": "by email", "letter": "by post"}


# -- One young person's circumstances over time ------------------------------------------------


@dataclass
class Spell:
    start: dt.date
    code: str
    description: str
    suitable: bool = True
    is_reassessment: bool = False  # the same home, judged again in the plan


# A flat found unsuitable (damp, say) this long after they moved in: the plan says so.
FOUND_UNSUITABLE_AFTER = dt.timedelta(days=90)


def _judged_again(spells: list[Spell], today: dt.date) -> list[Spell]:
    """An unsuitable flat was fine when they moved in; months later the plan's judgement
    went into the home history as the same home, not suitable (as the portal records it)."""
    judged = []
    for spell, following in zip(spells, [*spells[1:], None], strict=True):
        found = spell.start + FOUND_UNSUITABLE_AFTER
        if (
            spell.code == "U"
            and not spell.suitable
            and found < min(following.start if following else today, today)
        ):
            judged += [
                replace(spell, suitable=True),
                replace(spell, start=found, is_reassessment=True),
            ]
        else:
            judged.append(spell)
    return judged


@dataclass(frozen=True)
class Situation:
    """What the words of a plan depend on, as things stood on one day."""

    name: str
    age: int
    in_care: bool
    home: Spell
    activity: Spell
    parent: bool
    conditions: tuple[str, ...]
    dentist: bool
    origin: tuple[str, str] | None
    pa: str
    keep_in_touch: str
    weeks: int
    duty: str


@dataclass
class Story:
    """Everything decided about one young person before any row is written."""

    person: YoungPerson
    allocations: list[Allocation]
    since: dt.date
    standing: str = "in_date"
    contact_overdue: bool = False
    actions_overdue: bool = False
    homes: list[Spell] = field(default_factory=list)
    activities: list[Spell] = field(default_factory=list)
    conditions: list[tuple[str, str]] = field(default_factory=list)
    dentist: str = ""
    origin: tuple[str, str] | None = None
    parent_from: dt.date | None = None
    request: tuple[str, dt.date] | None = None
    awaiting: bool = False
    text_seed: int = 0
    # The day support ended (their 21st birthday, not asking for more), for a past story.
    ended_on: dt.date | None = None

    @property
    def is_demo_care_leaver(self) -> bool:
        return self.person.user_id is not None

    @property
    def pa(self) -> User:
        return self.allocations[-1].pa

    def pa_on(self, day: dt.date) -> User:
        current = [a for a in self.allocations if a.started_on <= day]
        return (current or self.allocations)[-1].pa

    def situation(self, day: dt.date, authority: Authority) -> Situation:
        person = self.person
        return Situation(
            name=person.known_as,
            age=person.age_on(day),
            in_care=_in_care(person, day),
            home=_spell_on(self.homes, day),
            activity=_spell_on(self.activities, day),
            parent=self.parent_from is not None and self.parent_from <= day,
            conditions=tuple(name for name, _ in self.conditions),
            dentist=bool(self.dentist),
            origin=self.origin,
            pa=self.pa_on(day).get_full_name(),
            keep_in_touch=KEEP_IN_TOUCH.get(person.preferred_contact, "by text"),
            weeks=authority.contact_interval_weeks,
            duty=authority.duty_phone or "the council's main number",
        )


def _spell_on(spells: list[Spell], day: dt.date) -> Spell:
    return ([s for s in spells if s.start <= day] or spells)[-1]


def _in_care(person: YoungPerson, day: dt.date) -> bool:
    left = person.date_left_care
    return person.age_on(day) < 18 and (left is None or left > day)


def _status_on(person: YoungPerson, day: dt.date) -> str:
    """The legal status as it was on `day`, for a version signed then."""
    if person.age_on(day) >= 18:
        return person.get_legal_status_display()
    status = LegalStatus.ELIGIBLE if _in_care(person, day) else LegalStatus.RELEVANT
    return status.label


# What the demo care leaver asked their PA to get in touch about.
CONTACT_ASKS = (
    "Hi {name}, my rent has gone up and I am not sure I can pay it this month.",
    "Can we talk about college? I am thinking of changing course.",
    "My phone was stolen so I have a new number. Can you call me?",
)


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


# -- What the plan says, section by section ---------------------------------------------------

# The words of plan sections. "[matter situation]" starts a group; each "field: phrase" line is
# one way of writing that field, and an indented line carries on the phrase above. A section
# takes one phrase per field from the first of its situations that has one (see _situations),
# then "any". {n} is the young person's name and {pa} their PA's; _words lists the rest.
PHRASES = """
[contact any]
needs: {n} wants to keep in touch {by}, with a visit at least every {weeks} weeks.
needs: {n} needs a steady adult to talk to before big decisions, like moving or changing course.
needs: {n} can go quiet when things are hard, so contact needs to carry on without replies.
strengths: {n} replies to messages and turns up to planned visits.
strengths: {n} is good at asking for help when something goes wrong.
strengths: {n} keeps appointments and says if they cannot make one.
says: Text me before you come round. I don't answer numbers I don't know.
says: Visits are fine, just not when I'm at work or college.
says: I like knowing I can ring you if something goes wrong.
says: Please don't change my worker again. I've had enough new people.
how: {pa} is {n}'s personal adviser and will see them at least every {weeks} weeks, keeping in
  touch {by} in between. Out of office hours {n} can ring the duty line on {duty}.

[education college]
needs: {n} is doing {course} and needs to keep attendance up after missing some mornings.
needs: {n} is doing {course} and needs help with the maths resit alongside it.
needs: {n} is doing {course} and needs to plan what comes after it.
strengths: {n}'s tutor says they work hard in practical sessions.
strengths: {n} has passed the first units of the course.
says: I like the course, it's the early starts I find hard.
says: I want to go on to the next level after this.
says: Maths is the bit I'm worried about.
how: The college pays the 16 to 19 bursary for care leavers. {pa} will speak to the college's
  named person for care leavers each term.

[education uni]
needs: {n} is studying {course} and needs a plan for where to live between terms.
needs: {n} is studying {course} and needs help to make the student loan last the term.
strengths: {n} passed the first year and has made friends on the course.
says: Uni is harder than I thought but I'm glad I went.
says: I want to stay in my student house over the summer if I can.
how: The council pays the higher education bursary in three parts and helps with housing in
  the holidays. {pa} keeps in touch with the university's care leaver contact.

[education apprentice]
needs: {n} needs to pass functional skills English to finish the apprenticeship.
strengths: {n}'s employer is pleased with them and has talked about a job at the end.
says: I'd rather learn on the job than sit in a classroom.
how: {pa} will check in with the training provider each term.

[education work]
needs: {n} is working and might do an evening course later on.
says: I'm done with school for now. Maybe later.
how: {pa} will send {n} the part-time courses each summer; the council can pay the fees.

[education parent]
needs: {n} wants to go back to learning when the baby is a bit older.

[education any]
needs: {n} is not in education or training and would like to go back to college in September.
needs: {n} left their last course early and lost confidence.
needs: {n} would like an English qualification to help with job applications.
strengths: {n} did well in English at school.
strengths: {n} knows they want a practical course.
says: I want to do something, I just don't know what yet.
says: College didn't work last time but I'd try again with the right course.
how: {pa} will go with {n} to a college open evening. The council can pay course fees and travel.

[employment work]
needs: {n} is working ({course}) and wants more regular hours.
needs: {n} is working ({course}) and would like a job with training.
strengths: {n} has kept the job going and is trusted by the manager.
strengths: {n} is never late for a shift.
says: The hours go up and down, which makes it hard to budget.
says: I like the people I work with.
how: {pa} will look at apprenticeships with {n} and help with the CV.

[employment apprentice]
needs: {n} needs to pass the end-point assessment to finish the apprenticeship ({course}).
strengths: {n} turns up on time and is learning fast.
says: I get paid to learn, that's the best bit.
how: {pa} will help {n} plan for a job at the end of the apprenticeship.

[employment idle]
needs: {n} is not working at the moment and is signed on with Jobcentre Plus.
needs: {n} is out of work and finding it hard to get interviews.
strengths: {n} has had a few interviews and is getting more confident.
strengths: {n} keeps their appointments with the work coach.
says: I want a job, I'm just not getting replies.
says: I'd take most things at this point, as long as it's regular hours.
how: The Jobcentre Plus work coach and Northmoor Works will help with applications. The council
  offers care leavers paid work placements.

[employment ill]
needs: {n} is not well enough to work at the moment.
strengths: {n} is keeping up with treatment and appointments.
says: I'll work when I'm well enough.
how: {pa} will look at volunteering or a short course with {n} when they feel ready.

[employment parent]
needs: {n} is looking after their baby full time.
strengths: {n} is a caring parent and keeps up with the baby's health checks.
says: I want to be at home while my baby is little.
how: {pa} will look at free childcare with {n} when they are ready to work.

[employment any]
needs: {n} would like a part-time job that fits around their studies.
needs: {n} needs some work experience for their CV.
strengths: {n} volunteers at the food bank on Saturdays.
strengths: {n} is good with people.
says: I want a Saturday job so I've got my own money.
how: {pa} will help with the CV and look at jobs together.

[contingency unsafe]
needs: {n} {lives}, which is not suitable. They need a settled home quickly.

[contingency flat]
needs: If {n} fell behind with the rent or lost the tenancy, they would need help quickly so
  they do not become homeless.

[contingency any]
needs: If things broke down where {n} lives, they would need a safe place the same day.
strengths: {n} knows who to call and has the duty number saved.
strengths: {n}'s aunt has said they can stay with her in an emergency.
strengths: {n} tells people early when something is going wrong.
says: If it goes wrong I'll ring you or the duty line.
says: I'd go to my nan's first.
says: I don't want to end up in a hostel again.
how: Office hours: {pa}. Out of hours: the duty line on {duty}. If {n} had nowhere to stay,
  Northmoor Housing Options would find emergency accommodation the same day.

[accommodation unsafe]
needs: {n} {lives} ({place}). This is not suitable and they need a settled home.
strengths: {n} is keeping in touch and wants to move on.
says: I just want somewhere that's mine.
how: {pa} has referred {n} to Northmoor Housing Options and will chase it every week.

[accommodation flat]
needs: {n} has their own tenancy ({place}) and needs to keep up with the rent and bills.
strengths: {n} keeps the flat clean and tidy.
strengths: {n} gets on well with the neighbours.
says: I love having my own place. It's quiet.
says: It gets lonely sometimes but I wouldn't go back.
says: The heating costs a fortune.
how: A floating support worker visits every week. {pa} checks the rent account with {n} at
  each visit.

[accommodation carers]
needs: {n} {lives} and needs a plan for where to live next.
strengths: {n} is settled and close to the carers.
says: It feels like home here.
says: I like it here, I'm not in a rush to move.
how: {pa} will start the move-on plan with {n} and the carers six months before it ends.

[accommodation any]
needs: {n} {lives} ({place}). They need the skills to move on to their own place.
strengths: {n} is settled and gets on with the people they live with.
says: It's alright here. I want my own flat in the end.
says: There are too many rules but the staff are okay.
how: {pa} will start the move-on plan with {n} six months before they need to leave.

[relationships uasc]
needs: {n} has not heard from family in {country}; the Red Cross is helping to trace them.
strengths: {n} has friends in the {language}-speaking community in town.
says: I think about my family every day.

[relationships any]
needs: {n} wants to see their younger brother more often; he lives with foster carers.
needs: {n} sees their mum, but contact can be unsettling.
needs: {n} has a small circle of friends and can feel lonely at weekends.
strengths: {n} is still in touch with former foster carers.
strengths: {n} plays football on Sundays and has friends through the team.
strengths: {n} has a close group of friends from school.
says: My brother is the most important person to me.
says: I see my mum when I want to. It's better like that.
says: I've got good mates, I'm alright.
how: {pa} will help arrange family time when {n} asks and pay the travel. {n} can go to the
  care leavers' group on Thursday evenings.

[skills any]
needs: {n} can cook a few meals but relies on takeaways when money is tight.
needs: {n} needs to learn to pay bills and read meters before moving on.
needs: {n} finds letters and forms hard and needs help with post.
strengths: {n} keeps their room clean and does their own washing.
strengths: {n} gets around town on the bus on their own.
strengths: {n} can cook a few meals from scratch.
says: I can do pasta and curry. I want to learn more.
says: Bills scare me a bit.
says: I'm fine with most stuff, it's the forms I hate.
how: {helper} will do cooking and budgeting sessions with {n}. {n} can join the leaving care
  team's Moving On course.

[finance in_care]
needs: {n} gets a weekly allowance and needs a bank account in their own name.

[finance under_18]
needs: The council pays {n}'s rent and a weekly allowance while they are under 18.

[finance paid]
needs: {n} is paid monthly and needs to budget across the month.

[finance student]
needs: {n} gets student finance and the bursary, and needs to make it last the term.

[finance any]
needs: {n} claims Universal Credit and needs to budget across the month.
strengths: {n} has a bank account and a small savings pot.
strengths: {n} has not gone overdrawn for six months.
strengths: {n} uses a budgeting app.
says: I'm better with money than I used to be.
says: Money's always tight by the end of the month.
says: I want to save up for driving lessons.
how: {pa} will make sure {n} gets the setting-up-home allowance when they move into their own
  place, and the council tax exemption for care leavers.

[health any]
strengths: {n} goes to GP appointments without reminders.
strengths: {n} plays football twice a week.
strengths: {n} has cut down on smoking.
says: I'm alright. I just don't sleep well.
says: I feel better than I did last year.
says: I hate the dentist but I know I need to go.
how: {n} has a copy of their health passport and knows how to book with the GP.

[identity uasc]
needs: {n} came to the UK alone from {country} and speaks {language}. They need help with
  their immigration case.
strengths: {n} is proud of where they come from and cooks food from home.
says: I want to stay here and build my life.
how: An immigration solicitor is working on {n}'s case. {pa} will check their eVisa account
  is set up.

[identity any]
needs: {n} has a birth certificate and National Insurance number but no photo ID.
needs: {n} wants to know more about their family history.
needs: {n} wants to learn more about their dad's side of the family.
strengths: {n} is confident about who they are.
strengths: {n} sometimes goes to church with their nan.
says: I want a passport so I can go on holiday.
says: I'd like to see my care file one day, just not yet.
how: The council will pay for a passport or provisional driving licence. {pa} will help {n}
  ask for their care records when they are ready.
"""
FIELDS = {"needs": "needs", "strengths": "strengths", "says": "young_person_says", "how": "how_met"}
ACTIVITY_GROUPS = {"F1": "uni", "P1": "uni", "F2": "college", "P2": "college", "F4": "apprentice"}
ACTIVITY_GROUPS |= {"P4": "apprentice", "F5": "work", "P5": "work", "G4": "ill", "G5": "idle"}
ACTIVITY_GROUPS |= {"G6": "parent"}


def _parse_phrases(text: str) -> dict[tuple[str, str, str], list[str]]:
    """{(matter, situation, field): phrases} from the PHRASES layout."""
    bank: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    matter = situation = part = ""
    for line in text.splitlines():
        if line.startswith("["):
            matter, situation = line.strip("[]").split()
        elif line.startswith("  "):
            bank[matter, situation, part][-1] += " " + line.strip()
        elif line.strip():
            name, phrase = line.split(": ", 1)
            part = FIELDS[name]
            bank[matter, situation, part].append(phrase)
    return dict(bank)


PHRASE_BANK = _parse_phrases(PHRASES)


def _situations(matter: str, s: Situation) -> list[str]:
    """The phrase groups that fit, most particular first."""
    home, code = s.home.code, s.activity.code
    if matter in ("education", "employment"):
        return [ACTIVITY_GROUPS[code], "any"]
    if matter in ("accommodation", "contingency"):
        if home in UNSUITABLE_HOMES:
            return ["unsafe", "any"]
        return ["flat" if home == "U" else "carers" if home in LIVING_WITH_CARERS else "any", "any"]
    if matter in ("relationships", "identity") and s.origin:
        return ["uasc", "any"]
    if matter == "finance":
        if s.age < 18:
            return ["in_care" if s.in_care else "under_18", "any"]
        if ACTIVITY_GROUPS[code] in ("work", "apprentice", "uni"):
            return ["student" if ACTIVITY_GROUPS[code] == "uni" else "paid", "any"]
    return ["any"]


def _words(s: Situation) -> dict[str, str]:
    helper = s.pa
    if s.home.code in LIVING_WITH_CARERS:
        helper = "The carers"
    elif s.home.code in SUPPORTED_HOMES:
        helper = "The key worker"
    country, language = s.origin or ("", "")
    return {
        "n": s.name,
        "pa": s.pa,
        "weeks": str(s.weeks),
        "by": s.keep_in_touch,
        "duty": s.duty,
        "place": s.home.description,
        "lives": LIVES[s.home.code],
        "course": s.activity.description,
        "helper": helper,
        "country": country,
        "language": language,
    }


def _section_text(matter: str, s: Situation, r: random.Random) -> dict:
    """One section of the plan as the PA would write it in this situation."""
    words, text = _words(s), {}
    for field_name in FIELDS.values():
        for situation in _situations(matter, s):
            phrases = PHRASE_BANK.get((matter, situation, field_name))
            if phrases:
                text[field_name] = r.choice(phrases).format(**words)
                break
    n = s.name
    if matter == "contact" and s.age >= 21:
        text["needs"] = f"{n} asked for support to carry on after 21. {text['needs']}"
    elif matter == "education" and s.in_care:
        text["how_met"] += " The virtual school keeps the personal education plan up to date."
    elif matter == "relationships" and s.parent:
        text["needs"] += f" {n} is a parent and shares care of the baby."
    elif matter == "finance" and r.random() < 0.3:
        text["needs"] += f" {n} owes £{r.randint(80, 600)} on a phone contract."
    elif matter == "health":
        text.update(_health_needs(s))
    elif matter == "accommodation":
        text["suitability"] = _suitability(s, r)
    return text


def _health_needs(s: Situation) -> dict:
    n = s.name
    needs = f"{n} has no health conditions and needs to keep their GP registration."
    if s.conditions:
        needs = f"{n} has {', '.join(c.lower() for c in s.conditions)}."
    if not s.dentist:
        needs += f" {n} is not registered with a dentist."
    if s.parent:
        needs += " The baby has checks with the health visitor."
    how = f"{n} has a copy of their health passport and knows how to book with the GP."
    if MENTAL_HEALTH & set(s.conditions):
        how += " The Northmoor Youth Wellbeing Service offers counselling."
    return {"needs": needs, "how_met": how}


def _suitability(s: Situation, r: random.Random) -> dict:
    """A note for each Schedule 2 point (the judgement itself is the home's, in its history)."""
    home = s.home
    if home.code in UNSUITABLE_HOMES:
        notes = ["Shared or none", "Not known", "Not safe for a young person", "Not settled"]
        notes += ["Little or none", "None", "Costly for what it is", "Wants to move"]
        notes += ["Understands this cannot last"]
    elif home.code == "U":
        repair = "Good" if home.suitable else "Damp in the bedroom; landlord asked to fix it"
        notes = ["Own kitchen and bathroom", repair, "Secure door entry", "Near shops and bus"]
        notes += ["Floating support weekly", "Tenancy in their own name"]
        notes += [f"Rent about £{r.randint(85, 140)} a week, covered by housing costs"]
        notes += ["Happy there" if home.suitable else "Wants to move", "Knows how rent is paid"]
    elif home.code in LIVING_WITH_CARERS:
        notes = ["Own bedroom, shares the kitchen", "Good", "Carers are approved and checked"]
        notes += ["Near college and friends", "Carers help with cooking and money"]
        notes += ["Agreement with the carers", "Paid by the council", "Happy there"]
        notes += ["Knows the house rules"]
    else:
        notes = ["Own room, shared kitchen", "Good", "Staffed day and night", "On a bus route"]
        notes += ["Key worker sessions twice a week", "Licence with the provider"]
        notes += ["Paid by the council and housing benefit", "Settled", "Knows the rules"]
    return {key: note for (key, _), note in zip(SUITABILITY_POINTS, notes, strict=True)}


# -- Actions, the young person's own words, contact notes -------------------------------------

HOUSING, WORK_COACH = "Northmoor Housing Options", "Jobcentre Plus work coach"
COLLEGE, WELLBEING = "Northmoor College student services", "Northmoor Youth Wellbeing Service"
# (matter, who, which agency, what, when it fits: a key of WHEN)
ACTIONS = (
    ("contact", "pa", "", "Agree a regular time for visits that fits {name}'s week", "any"),
    ("contact", "young_person", "", "Save the PA's number and the duty line in your phone", "any"),
    ("education", "young_person", "", "Hand in the bursary form at college", "college"),
    ("education", "agency", COLLEGE, "Set up learning support for the course", "college"),
    ("education", "pa", "", "Ask the virtual school about maths tutoring", "in_care"),
    ("education", "pa", "", "Pay the next part of the higher education bursary", "uni"),
    ("education", "young_person", "", "Apply for student finance for next year", "uni"),
    ("education", "young_person", "", "Go to a college open evening and pick a course", "idle"),
    ("employment", "agency", WORK_COACH, "Book a work experience placement", "idle"),
    ("employment", "young_person", "", "Update the CV and send it to three employers", "idle"),
    ("employment", "agency", "Northmoor Works", "Practise interviews with {name}", "idle"),
    ("employment", "young_person", "", "Ask the manager about more regular hours", "work"),
    ("contingency", "young_person", "", "Agree a place to stay with family in a crisis", "any"),
    ("contingency", "pa", "", "Share the out-of-hours plan with the carers", "carers"),
    ("accommodation", "agency", HOUSING, "Add {name} to the housing register", "adult"),
    ("accommodation", "young_person", "", "Go to the housing options appointment", "adult"),
    ("accommodation", "pa", "", "Ask the landlord to fix the damp in the bedroom", "damp"),
    ("accommodation", "pa", "", "Pay the setting-up-home allowance for furniture", "flat"),
    ("accommodation", "agency", HOUSING, "Find {name} a settled home", "unsuitable"),
    ("relationships", "pa", "", "Arrange family time with {name}'s younger brother", "not_uasc"),
    ("relationships", "agency", "British Red Cross", "Update {name} on family tracing", "uasc"),
    ("relationships", "agency", "Health visitor", "Visit after the baby's next check", "parent"),
    ("skills", "young_person", "", "Do the cooking on a budget course at the youth centre", "any"),
    ("skills", "young_person", "", "Practise the bus route to college before term", "college"),
    ("skills", "pa", "", "Show {name} how to read the gas and electric meters", "flat"),
    ("finance", "young_person", "", "Open a bank account", "in_care"),
    ("finance", "young_person", "", "Set up a monthly budget in the money app", "any"),
    ("finance", "pa", "", "Help {name} apply for Universal Credit", "idle_adult"),
    ("finance", "agency", "Northmoor Council Tax team", "Apply the care leaver exemption", "flat"),
    ("finance", "pa", "", "Help {name} get at their Junior ISA savings", "just_18"),
    ("health", "young_person", "", "Register with a dentist", "no_dentist"),
    ("health", "young_person", "", "Book a GP appointment about sleeping", "any"),
    ("health", "agency", WELLBEING, "Offer {name} counselling", "mental"),
    ("health", "young_person", "", "Order the repeat prescription on time", "medication"),
    ("identity", "pa", "", "Apply for a copy of {name}'s birth certificate", "not_uasc"),
    ("identity", "young_person", "", "Apply for a provisional driving licence", "not_uasc"),
    ("identity", "agency", "Immigration solicitor", "Apply for further leave to remain", "uasc"),
)
WHEN = {
    "any": lambda s: True,
    "college": lambda s: s.activity.code in ("F2", "P2"),
    "uni": lambda s: s.activity.code in ("F1", "P1"),
    "work": lambda s: s.activity.code in ("F5", "P5"),
    "idle": lambda s: s.activity.code == "G5",
    "idle_adult": lambda s: s.activity.code in ("G4", "G5", "G6") and s.age >= 18,
    "in_care": lambda s: s.in_care,
    "adult": lambda s: s.age >= 18,
    "just_18": lambda s: s.age == 18,
    "carers": lambda s: s.home.code in LIVING_WITH_CARERS,
    "flat": lambda s: s.home.code == "U",
    "unsuitable": lambda s: s.home.code in UNSUITABLE_HOMES,
    "damp": lambda s: s.home.code == "U" and not s.home.suitable,
    "uasc": lambda s: s.origin is not None,
    "not_uasc": lambda s: s.origin is None,
    "parent": lambda s: s.parent,
    "no_dentist": lambda s: not s.dentist,
    "mental": lambda s: bool(MENTAL_HEALTH & set(s.conditions)),
    "medication": lambda s: bool(set(s.conditions) - MENTAL_HEALTH - {"Dyslexia"}),
}
# What the demo care leaver wrote on their plan, in their own words.
OWN_WORDS = (
    (Matter.ACCOMMODATION, "I like where I live but I want my own flat before I'm 21."),
    (Matter.RELATIONSHIPS, "Seeing my brother every month really matters. Please don't cancel it."),
    (Matter.FINANCE, "I haven't gone overdrawn since I started using the app."),
)
TOPICS = {"F1": "university", "P1": "the course", "F2": "college and attendance"}
TOPICS |= {"P2": "the course", "F4": "the apprenticeship", "P4": "the apprenticeship"}
TOPICS |= {"F5": "work and shifts", "P5": "work and shifts", "G4": "how they are feeling"}
TOPICS |= {"G5": "job hunting", "G6": "the baby and sleep"}
NOTE_OPENINGS = {
    "visit": ("Home visit.", "Visited {name} at home.", "Visited at {place}."),
    "office": ("{name} came into the office.", "Met {name} at the office."),
    "video": ("Video call.", "Video call with {name}."),
    "phone": ("Phone call.", "Rang {name} to check in."),
}
NOTE_TOPICS = (
    "Went through the actions in the plan.",
    "Talked about {topic}.",
    "Talked about money; {name} is managing the food shop better.",
    "{name} seemed tired but in good spirits.",
    "Talked about family time at the weekend.",
    "Helped fill in a form.",
    "{name} asked about the setting-up-home allowance.",
    "Gave a food voucher to last until payday.",
    "{name} is pleased with how things are going.",
)
NOTES_BY_TEXT = (
    "Texted to check in; {name} replied that all is okay.",
    "Text reminder about the next visit; {name} confirmed.",
    "Texted; no reply yet.",
    "Messaged about {topic}; {name} replied.",
)
NOTES_BY_EMAIL = (
    "Emailed {name} a form to sign; sent back the same day.",
    "Emailed about the next review date.",
)
NOTES_BY_DUTY = (
    "{name} rang the duty line about a lost bank card; duty worker helped cancel it.",
    "{name} rang the duty line in the evening after a row at home; talked it through.",
)
METHODS = {"visit": 30, "phone": 18, "text": 25, "video": 6, "office": 10, "email": 5, "duty": 3}
SEEN = {ContactMethod.VISIT, ContactMethod.OFFICE, ContactMethod.VIDEO}
IMMUNISATIONS = (
    "Up to date, including the teenage booster and MenACWY.",
    "Childhood immunisations up to date. HPV given at school.",
)
HEALTH_HISTORY = (
    "Initial health assessment on coming into care. Broke an arm at 9.",
    "Yearly health assessments while in care; the last one at 17.",
    "Had tonsils out as a child. No hospital stays since.",
)


def _note(s: Situation, method: str, r: random.Random) -> str:
    words = {"name": s.name, "place": s.home.description, "topic": TOPICS[s.activity.code]}
    if method == "text":
        return r.choice(NOTES_BY_TEXT).format(**words)
    if method == "email":
        return r.choice(NOTES_BY_EMAIL).format(**words)
    if method == "duty":
        return r.choice(NOTES_BY_DUTY).format(**words)
    topics = r.sample(NOTE_TOPICS, 1 if method == "phone" else 2)
    return " ".join([r.choice(NOTE_OPENINGS[method]), *topics]).format(**words)


def _participants(s: Situation, took_part: bool, r: random.Random) -> str:
    people = [f"{s.name} (young person)"] if took_part else []
    people.append(f"{s.pa} (personal adviser)")
    if s.in_care:
        people.append("Independent reviewing officer")
    carers = {"Y": "Foster carer", "Z": "Former foster carer", "E": "Supported lodgings host"}
    if s.home.code in carers:
        people.append(carers[s.home.code])
    elif s.home.code in SUPPORTED_HOMES:
        people.append("Key worker")
    if s.activity.code in ("F2", "P2") and r.random() < 0.4:
        people.append("College tutor")
    if s.origin and r.random() < 0.5:
        people.append(f"{s.origin[1]} interpreter")
    return ", ".join(people)


def _outcome(
    s: Situation,
    r: random.Random,
    number: int,
    took_part: bool,
    changed: list[str],
    due_on: dt.date,
) -> str:
    n = s.name
    where = r.choice(["the leaving care office", f"{n}'s home", "a café in town"])
    doing = "" if s.home.code == "X" else f" and {DOING[s.activity.code]}"
    lines = [f"Review held at {where}. {n} {LIVES[s.home.code]}{doing}."]
    if number == 1:
        lines.append(f"First pathway plan agreed with {n}.")
    elif changed:
        lines.append(f"Sections updated: {'; '.join(changed)}.")
    else:
        lines.append("No big changes since the last review.")
    if not took_part:
        lines.append(f"{n} did not come; {s.pa} went through the plan with them by phone after.")
    lines.append(r.choice(["Actions agreed and added to the plan.", f"{n} agreed the plan."]))
    lines.append(f"Next review by {due_on.day} {due_on:%B %Y}.")
    return " ".join(lines)


# -- Building the rows ------------------------------------------------------------------------


class _Rows(list):
    """A list that answers `.all()`, standing in for a prefetched relation."""

    def all(self) -> _Rows:
        return self


# Timestamps Django would otherwise set to now on insert.
SAVE_ORDER = (
    Plan,
    Section,
    Review,
    PlanVersion,
    ReviewRequest,
    Action,
    SectionView,
    Contact,
    AccommodationSpell,
    ActivitySpell,
    HealthPassport,
)


def seed_pathway(*, authority: Authority, today: dt.date, seed: int) -> None:
    """Write the pathway record of every young person of `authority` who has or had a PA."""
    seeder = Seeder(authority, today, random.Random(seed))
    stories = seeder.stories()
    for story in stories:
        seeder.add(story)
    # Times are given on every row (the fields default to now only when left out).
    for model in SAVE_ORDER:
        model.objects.bulk_create(seeder.rows[model], batch_size=500)
    seed_demo_documents(authority)
    for story in stories:
        if story.is_demo_care_leaver:
            _asked_to_get_in_touch(story, seeder.r)
    _corrections(seeder.rows[Contact], random.Random(seed + 1))


def _asked_to_get_in_touch(story: Story, r: random.Random) -> None:
    """The demo care leaver asked their PA to get in touch a day or two ago: the demo PA
    sees it on their caseload, and the care leaver sees that they asked."""
    asked = services.contact_request_make(
        young_person=story.person,
        message=r.choice(CONTACT_ASKS).format(name=story.pa.first_name),
        by=story.person.user,
    )
    at = timezone.now() - _days(r.randint(1, 2))
    ContactRequest.objects.filter(pk=asked.pk).update(asked_at=at)
    Notification.objects.filter(young_person=story.person, kind="contact_asked").update(
        created_at=at
    )


def seed_demo_documents(authority: Authority) -> None:
    """The demo care leaver's documents: a GP's letter their PA shared with them, a note kept
    for staff only, and a photo of their college offer they added themselves (so the PA has
    a notification about it)."""
    person = (
        YoungPerson.objects.filter(
            authority=authority, user__email=sign_ins(authority)["Care leaver"]
        )
        .select_related("user")
        .first()
    )
    current = (
        person and person.allocations.filter(ended_on__isnull=True).select_related("pa").first()
    )
    if current is None:
        return
    letter = HTML(
        string=(
            f"<h1>Riverside Surgery</h1><p>Dear {escape(person.known_as)},</p><p>Your asthma "
            "review is booked for the first week of next month. Please bring your inhaler.</p>"
            "<p>Dr S. Amin</p>"
        )
    ).write_pdf()
    for title, kind, content, shared in (
        ("Letter from the GP about the asthma review", "health", letter, True),
        ("Notes from the strategy meeting", "other", letter, False),
    ):
        services.document_upload(
            young_person=person,
            kind=kind,
            title=title,
            upload=SimpleUploadedFile("letter.pdf", content),
            by=current.pa,
            shared_with_young_person=shared,
        )
    photo = Image.new("RGB", (480, 320), "#f3f2f1")
    draw = ImageDraw.Draw(photo)
    draw.text((24, 24), "Northmoor College", fill="#0b0c0c")
    draw.text((24, 60), f"Offer of a place: {person.full_name}", fill="#0b0c0c")
    draw.text((24, 96), "Level 2 Construction, starting in September", fill="#0b0c0c")
    picture = io.BytesIO()
    photo.save(picture, format="PNG")
    services.my_document_upload(
        young_person=person,
        kind="education",
        title="My college offer",
        upload=SimpleUploadedFile("offer.png", picture.getvalue()),
        by=person.user,
    )


def _corrections(contacts: list[Contact], rng: random.Random) -> None:
    """A few notes were corrected a day or two later (a slip of the keyboard put right); the
    note as first written is kept. Its own random numbers, so the stories stay as they were."""
    corrections = []
    for contact in contacts:
        words = contact.note.split(" ")
        long_words = [
            i
            for i, word in enumerate(words)
            if len(word) > 5 and word.isalpha() and word[2] != word[3]
        ]
        if not long_words or rng.random() >= 0.03:
            continue
        i = rng.choice(long_words)
        word = words[i]
        words[i] = word[:2] + word[3] + word[2] + word[4:]  # two letters swapped
        corrections.append(
            ContactCorrection(
                contact=contact,
                earlier_note=" ".join(words),
                corrected_by=contact.recorded_by,
                corrected_at=contact.recorded_at + dt.timedelta(hours=rng.randint(1, 48)),
            )
        )
    ContactCorrection.objects.bulk_create(corrections, batch_size=500)


class Seeder:
    """Decides each young person's story, then turns it into unsaved rows in `rows`."""

    def __init__(self, authority: Authority, today: dt.date, rng: random.Random):
        self.authority, self.today, self.r = authority, today, rng
        self.now = timezone.now()
        self.rows: dict[type, list] = defaultdict(list)
        emails = sign_ins(authority)
        self.demo_manager = User.objects.filter(email=emails["Manager"]).first()
        self.demo_pa_email = emails["Personal adviser"]
        self.any_manager = User.objects.filter(authority=authority, role=Role.MANAGER).first()

    # Stories

    def stories(self) -> list[Story]:
        allocations = (
            Allocation.objects.filter(young_person__authority=self.authority)
            .select_related("young_person__user", "pa__team__manager")
            .order_by("young_person_id", "started_on", "pk")
        )
        by_person: dict[int, list[Allocation]] = defaultdict(list)
        for allocation in allocations:
            by_person[allocation.young_person_id].append(allocation)
        stories = []
        for person_allocations in by_person.values():
            person = person_allocations[0].young_person
            since = max(person_allocations[0].started_on, birthday(person.date_of_birth, 16))
            stories.append(
                Story(
                    person=person,
                    allocations=person_allocations,
                    since=min(since, self.today),
                    text_seed=self.r.getrandbits(32),
                    ended_on=person_allocations[-1].ended_on,
                )
            )
        self._cast(stories)
        for story in stories:
            self._circumstances(story)
        return stories

    def _cast(self, stories: list[Story]) -> None:
        """How each plan stands today, and who has a review waiting or asked for."""
        for story in stories:
            if story.ended_on is not None:
                story.standing = "none"  # their contacts and histories until support ended
        stories = [story for story in stories if story.ended_on is None]
        r, count = self.r, len(stories)
        weight = sum(STANDINGS.values())
        dealt = [name for name, w in STANDINGS.items() for _ in range(round(w * count / weight))]
        for story, standing in zip(r.sample(stories, count), dealt, strict=False):
            story.standing = standing
        for story in stories:
            if self.any_manager is None:
                story.standing = "new"  # nobody could have signed a review
            elif story.is_demo_care_leaver:
                story.standing = "in_date"
        others = [s for s in stories if not s.is_demo_care_leaver]
        for story in r.sample(others, min(len(others), round(CONTACT_OVERDUE_SHARE * count))):
            story.contact_overdue = True
        with_plans = [s for s in others if s.standing != "none"]
        for story in r.sample(
            with_plans, min(len(with_plans), round(ACTIONS_OVERDUE_SHARE * count))
        ):
            story.actions_overdue = True
        known = [
            s for s in stories if s.since <= self.today - _days(400) and not s.is_demo_care_leaver
        ]
        for_manager = [
            s
            for s in known
            if self.demo_manager and s.pa.team and s.pa.team.manager_id == self.demo_manager.pk
        ]
        on_demo_caseload = [s for s in for_manager if s.pa.email == self.demo_pa_email]
        if for_manager:
            waiting = r.choice(on_demo_caseload or for_manager)
            waiting.awaiting, waiting.standing = True, "soon"
        others = [s for s in known if not s.awaiting]
        reasons = (ReviewReason.NEW_ACCOMMODATION,) * 2 + (ReviewReason.YOUNG_PERSON_ASKED,)
        for story, reason in zip(r.sample(others, min(3, len(others))), reasons, strict=False):
            story.standing = "in_date"
            story.request = (reason, self.today - _days(r.randint(3, 20)))

    def _circumstances(self, story: Story) -> None:
        r, person = self.r, story.person
        if person.is_unaccompanied_asylum_seeker:
            story.origin = r.choice(ORIGINS)
        if person.age_on(self.today) >= 19 and r.random() < 0.07:
            earliest = max(story.since, birthday(person.date_of_birth, 18) + _days(200))
            latest = self.today - _days(30)
            if earliest < latest:
                story.parent_from = earliest + _days(r.randint(0, (latest - earliest).days))
        story.homes = self._homes(story)
        story.activities = self._activities(story)
        how_many = r.choices([0, 1, 2], weights=[5, 4, 1])[0]
        story.conditions = r.sample(COMMON_CONDITIONS, how_many)
        if r.random() < 0.04:
            story.conditions.append(r.choice(RARE_CONDITIONS))
        if story.origin and r.random() < 0.4:
            story.conditions.append(("Post-traumatic stress", ""))
        if r.random() < 0.8:
            story.dentist = f"{r.choice(DENTISTS)}, 01632 960 {r.randint(200, 999)}"

    def _homes(self, story: Story) -> list[Spell]:
        """Where they lived, moving on at 18 (and by 21 from staying put)."""
        r, person = self.r, story.person
        eighteen = birthday(person.date_of_birth, 18)
        twenty_one = birthday(person.date_of_birth, 21)
        left = person.date_left_care
        day, spells = story.since, [self._home(story, story.since, None)]
        while True:
            current = spells[-1].code
            short = current in UNSUITABLE_HOMES
            move = day + _days(r.randint(20, 120) if short else r.randint(200, 800))
            if current in ("Y", "C") and left and day < left < min(move, eighteen):
                move = left
            elif current in ("Y", "C", "D") and day < eighteen < move:
                move = eighteen if current == "Y" else eighteen + _days(r.randint(0, 90))
            elif current == "Z" and move > twenty_one:
                move = max(day + _days(1), twenty_one - _days(r.randint(0, 60)))
            if move > (story.ended_on or self.today):
                break
            spells.append(self._home(story, move, spells[-1]))
            day = move
        if story.request and story.request[0] == ReviewReason.NEW_ACCOMMODATION:
            moved = story.request[1]
            spells = [s for s in spells if s.start < moved]
            spells.append(self._home(story, moved, spells[-1]))
        return _judged_again(spells, self.today)

    def _home(self, story: Story, day: dt.date, previous: Spell | None) -> Spell:
        r, person = self.r, story.person
        age = person.age_on(day)
        if age < 18:
            weights = HOMES_IN_CARE if _in_care(person, day) else HOMES_LEFT_CARE_UNDER_18
        else:
            weights = HOMES_18_TO_20 if age < 21 else HOMES_21_PLUS
            if previous and previous.code == "Y" and age < 21:
                weights = {"Z": 8, **weights}  # staying put is only with their foster carers
        options = {
            code: weight
            for code, weight in weights.items()
            if previous is None or code != previous.code or code == "U"
        }
        code = r.choices(list(options), weights=list(options.values()))[0]
        if code == "Z" and previous:
            where = previous.description.replace("Foster", "Former foster")
        else:
            where = r.choice(HOME_PLACES[code]).format(area=r.choice(AREAS))
        suitable = code not in UNSUITABLE_HOMES and (code != "U" or r.random() > 0.08)
        return Spell(day, code, where, suitable)

    def _activities(self, story: Story) -> list[Spell]:
        """What they did: courses start in September; a new parent may stop to look after a baby."""
        r = self.r
        day, spells = story.since, [self._activity(story, story.since, None)]
        while True:
            low, high = {"F1": (900, 1100), "G4": (90, 400), "G5": (60, 300)}.get(
                spells[-1].code, (250, 800)
            )
            move = day + _days(r.randint(low, high))
            baby = story.parent_from
            if baby and day < baby <= move and r.random() < 0.7:
                spell = Spell(baby, "G6", ACTIVITY_PLACES["G6"][0])
            else:
                spell = self._activity(story, move, spells[-1])
            if spell.code in ("F1", "F2", "P2") and spell.start.month != 9:
                september = dt.date(spell.start.year, 9, r.randint(1, 10))
                if september < spell.start:
                    september = september.replace(year=september.year + 1)
                spell.start = september
            if spell.start > (story.ended_on or self.today):
                break
            spells.append(spell)
            day = spell.start
        return spells

    def _activity(self, story: Story, day: dt.date, previous: Spell | None) -> Spell:
        r, age = self.r, story.person.age_on(day)
        weights = ACTIVITIES_UNDER_18 if age < 18 else ACTIVITIES_18_TO_20
        weights = ACTIVITIES_21_PLUS if age >= 21 else weights
        options = {c: w for c, w in weights.items() if previous is None or c != previous.code}
        code = r.choices(list(options), weights=list(options.values()))[0]
        places = [p for p in ACTIVITY_PLACES[code] if age < 19 or "A levels" not in p]
        place = r.choice(places)
        if code == "F2" and story.origin and age < 19 and r.random() < 0.6:
            place = ESOL_COURSE
        return Spell(day, code, place)

    # Rows

    def add(self, story: Story) -> None:
        self._spell_rows(story)
        self._contacts(story)
        if story.ended_on is not None:
            return
        if story.is_demo_care_leaver or self.r.random() < 0.88:
            self._passport(story)
        if story.standing != "none":
            self._plan(story)

    def _moment(self, day: dt.date, first_hour: int = 9, last_hour: int = 17) -> dt.datetime:
        """A time during the working day on `day`, never later than now."""
        hour, minute = self.r.randint(first_hour, last_hour - 1), self.r.randrange(0, 60, 5)
        at = timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))
        # In UTC, as the database hands times back, so a version reads like the live plan.
        return min(at, self.now).astimezone(dt.UTC)

    def _manager(self, pa: User) -> User:
        team = pa.team
        return team.manager if team and team.manager else self.any_manager

    def _spell_rows(self, story: Story) -> None:
        person, r = story.person, self.r
        for home in story.homes:
            self.rows[AccommodationSpell].append(
                AccommodationSpell(
                    young_person=person,
                    started_on=home.start,
                    kind=home.code,
                    suitable=home.suitable,
                    description=home.description,
                    is_reassessment=home.is_reassessment,
                    recorded_by=story.pa_on(home.start),
                    recorded_at=self._moment(min(home.start + _days(r.randint(0, 5)), self.today)),
                )
            )
        for activity in story.activities:
            self.rows[ActivitySpell].append(
                ActivitySpell(
                    young_person=person,
                    started_on=activity.start,
                    code=activity.code,
                    description=activity.description,
                    recorded_by=story.pa_on(activity.start),
                    recorded_at=self._moment(
                        min(activity.start + _days(r.randint(0, 5)), self.today)
                    ),
                )
            )

    def _contacts(self, story: Story) -> None:
        """Every 2 to 8 weeks; for some, nothing lately, so contact is overdue."""
        r, today = self.r, story.ended_on or self.today
        gap = _days(7 * self.authority.contact_interval_weeks)
        overdue = story.contact_overdue
        until = today - gap - _days(r.randint(3, 40)) if overdue else today
        days, day = [], story.since + _days(r.randint(0, 14))
        while day <= until:
            days.append(day)
            day += _days(r.randint(14, 56))
        if not overdue and days and days[-1] < today - gap + _days(7):
            days.append(max(days[-1] + _days(1), today - _days(r.randint(0, 6))))
        methods = list(METHODS)
        for day in days:
            s = story.situation(day, self.authority)
            weights = dict(METHODS, video=20, visit=10) if s.activity.code == "F1" else METHODS
            method = r.choices(methods, weights=[weights[m] for m in methods])[0]
            self.rows[Contact].append(
                Contact(
                    young_person=story.person,
                    happened_on=day,
                    method=method,
                    seen=method in SEEN,
                    note=_note(s, method, r),
                    recorded_by=story.pa_on(day),
                    recorded_at=self._moment(day),
                )
            )

    def _passport(self, story: Story) -> None:
        r = self.r
        day = max(story.since, self.today - _days(r.randint(5, 300)))
        immunisations = r.choice(IMMUNISATIONS)
        if story.origin:
            immunisations = "Catch-up immunisations after arriving in the UK; now up to date."
        gp = f"{r.choice(DOCTORS)}, {r.choice(GP_PRACTICES)}, 01632 960 {r.randint(200, 999)}"
        self.rows[HealthPassport].append(
            HealthPassport(
                young_person=story.person,
                gp=gp,
                dentist=story.dentist or "Not registered with a dentist yet.",
                conditions="\n".join(name for name, _ in story.conditions) or "None known.",
                medication="\n".join(m for _, m in story.conditions if m) or "None.",
                immunisations=immunisations,
                history=r.choice(HEALTH_HISTORY),
                # What makes a transition to adult services due (partners), from the
                # conditions already drawn, so no other part of the story changes.
                known_to_camhs=any(name in MENTAL_HEALTH for name, _ in story.conditions),
                has_ehc_plan=any(name == "Dyslexia" for name, _ in story.conditions),
                has_adhd_diagnosis=any(name.startswith("ADHD") for name, _ in story.conditions),
                revision=1,
                updated_at=self._moment(day),
                updated_by=story.pa_on(day),
            )
        )

    # The plan

    def _plan(self, story: Story) -> None:
        started, held = self._timeline(story)
        plan = Plan(
            young_person=story.person,
            started_on=started,
            started_by=story.pa_on(started),
            last_signed_on=held[-1] if held else None,
            created_at=self._moment(started),
        )
        history, variants = self._history(story, started, held)
        signed_day = self._reviews_signed_by(held)
        actions = self._actions(story, plan, [started, *held])
        current, changed_on, revisions = history[-1]
        awaiting_on = self.today - _days(self.r.randint(1, 6)) if story.awaiting and held else None
        if held and (
            story.is_demo_care_leaver or story.awaiting or self.r.random() < DRAFT_CHANGE_SHARE
        ):
            current, changed_on, revisions = self._draft(
                story, current, changed_on, revisions, variants, signed_day[-1], awaiting_on
            )
        sections = self._sections(story, plan, current, changed_on, revisions)
        views = self._views(story, held, sections)
        if held:
            self._reviews(story, plan, held, history, signed_day, actions, views)
        if awaiting_on:
            changed = [m for m in current if current[m] != history[-1][0][m]]
            self._awaiting_review(story, plan, awaiting_on, len(held) + 1, changed)
        asked = []
        if story.request:
            asked = [self._request(story, plan)]
        plan.review_due_on = due.review_due_on(
            started_on=started, last_signed_on=plan.last_signed_on, asked_on=asked
        )
        self.rows[Plan].append(plan)
        self.rows[Action].extend(action for action, _ in actions)

    def _timeline(self, story: Story) -> tuple[dt.date, list[dt.date]]:
        """When the plan was started and the dates of its signed reviews, oldest first."""
        r, today = self.r, self.today
        due_on = {
            "in_date": today + _days(r.randint(29, 175)),
            "soon": today + _days(r.randint(0, 28)),
            "overdue": today - _days(r.randint(3, 75)),
        }.get(story.standing)
        if due_on is not None:
            last = min(add_months(due_on, -6), today - _days(3))
            if story.request or story.is_demo_care_leaver:
                last = today - _days(r.randint(40, 120))
            earliest = story.since + _days(30)  # a month to write the first plan
            if last < earliest <= today - _days(3):
                last = earliest + _days(r.randint(0, (today - _days(3) - earliest).days))
            if last >= earliest:
                held = [last]
                while (earlier := held[0] - _days(r.randint(150, 185))) >= earliest:
                    held.insert(0, earlier)
                return max(story.since, held[0] - _days(r.randint(25, 85))), held
        return max(story.since, today - _days(r.randint(5, 80))), []

    def _texts(self, story: Story, day: dt.date, variants: dict[str, int]) -> dict[str, dict]:
        """Every section as it would be written on `day`; a new variant rewords it."""
        s = story.situation(day, self.authority)
        return {
            matter.value: _section_text(
                matter.value,
                s,
                random.Random(f"{story.text_seed}:{matter.value}:{variants[matter.value]}"),
            )
            for matter in Matter
        }

    def _history(
        self, story: Story, started: dt.date, held: list[dt.date]
    ) -> tuple[list[tuple[dict, dict, dict]], dict[str, int]]:
        """(texts, day each section last changed, revisions) at each review, or at the start."""
        r = self.r
        variants = {matter.value: 0 for matter in Matter}
        if not held:  # a new plan, partly written
            day = started + _days(r.randint(0, (self.today - started).days))
            texts = self._texts(story, day, variants)
            keep = set(r.sample(list(texts), r.randint(4, 9))) | {Matter.ACCOMMODATION.value}
            texts = {m: text if m in keep else {} for m, text in texts.items()}
            revisions = {m: 1 if m in keep else 0 for m in texts}
            return [(texts, dict.fromkeys(texts, day), revisions)], variants
        history = []
        changed_on, revisions = {}, {}
        for number, day in enumerate(held):
            if number:
                for matter in variants:
                    if r.random() < SECTION_CHANGE_SHARE:
                        variants[matter] += 1
            texts = self._texts(story, day, variants)
            for matter, text in texts.items():
                if not history or history[-1][0][matter] != text:
                    changed_on[matter] = day
                    revisions[matter] = revisions.get(matter, 0) + 1
            history.append((texts, dict(changed_on), dict(revisions)))
        return history, variants

    def _draft(
        self,
        story: Story,
        texts: dict[str, dict],
        changed_on: dict[str, dt.date],
        revisions: dict[str, int],
        variants: dict[str, int],
        after: dt.date,
        until: dt.date | None,
    ) -> tuple[dict, dict, dict]:
        """One or two sections changed since the last signed version."""
        r = self.r
        until = until or self.today
        if after >= until:
            return texts, changed_on, revisions
        texts, changed_on, revisions = dict(texts), dict(changed_on), dict(revisions)
        for matter in r.sample(list(texts), r.randint(1, 2)):
            day = after + _days(r.randint(1, (until - after).days))
            for _ in range(5):  # reword until it reads differently
                variants[matter] += 1
                text = self._texts(story, day, variants)[matter]
                if text != texts[matter]:
                    break
            texts[matter], changed_on[matter] = text, day
            revisions[matter] += 1
        return texts, changed_on, revisions

    def _sections(
        self,
        story: Story,
        plan: Plan,
        texts: dict[str, dict],
        changed_on: dict[str, dt.date],
        revisions: dict[str, int],
    ) -> dict[str, Section]:
        sections = {}
        for matter, text in texts.items():
            day = changed_on[matter] if text else None
            sections[matter] = Section(
                plan=plan,
                matter=matter,
                needs=text.get("needs", ""),
                strengths=text.get("strengths", ""),
                young_person_says=text.get("young_person_says", ""),
                how_met=text.get("how_met", ""),
                suitability=text.get("suitability", {}),
                revision=revisions[matter] if text else 0,
                updated_at=self._moment(day) if day else None,
                updated_by=story.pa_on(day) if day else None,
            )
        self.rows[Section].extend(sections.values())
        return sections

    def _reviews_signed_by(self, held: list[dt.date]) -> list[dt.date]:
        """The day each review was signed off, a few days to a fortnight after it."""
        return [min(day + _days(self.r.randint(1, 12)), self.today) for day in held]

    def _actions(
        self, story: Story, plan: Plan, agreed: list[dt.date]
    ) -> list[tuple[Action, dt.date | None]]:
        """2 to 6 actions, as (Action, the day it was closed); older ones done or dropped."""
        r, today = self.r, self.today
        count = r.randint(2, 6)
        open_count = r.randint(1, min(3, count - 1))
        overdue = story.actions_overdue
        actions, used = [], set()
        for index in range(count):
            is_open = index < open_count
            created = agreed[-1] if is_open else r.choice(agreed[:-1] or agreed)
            template = self._template(story, created, used, owner=None)
            if template is None:
                continue
            if is_open:
                due_on = created + _days(r.randint(14, 150))
                if index == 0 and overdue and (today - created).days > 8:
                    due_on = created + _days(r.randint(7, (today - created).days - 1))
                elif due_on < today:
                    due_on = today + _days(r.randint(3, 90))
                actions.append((self._action(story, plan, template, created, due_on), None))
            else:
                actions.append(self._closed_action(story, plan, template, created, agreed))
        if story.is_demo_care_leaver:
            actions += self._own_actions(story, plan, agreed[-1], used)
        return actions

    def _own_actions(
        self, story: Story, plan: Plan, last: dt.date, used: set
    ) -> list[tuple[Action, None]]:
        """Two open actions of the demo care leaver's own: one agreed (now a little overdue,
        so the morning's reminder has told them), one added since."""
        r, today, own = self.r, self.today, []
        for created in (last, min(today, last + _days(r.randint(14, 30)))):
            template = self._template(story, created, used, owner=ActionOwner.YOUNG_PERSON)
            if template:
                due_on = today + _days(r.randint(7, 60))
                if not own and (today - created).days > 14:
                    due_on = today - _days(2)
                own.append((self._action(story, plan, template, created, due_on), None))
        return own

    def _template(
        self, story: Story, day: dt.date, used: set, owner: str | None
    ) -> tuple[str, str, str, str] | None:
        """An action that fits the young person's situation on `day`, not used before."""
        s = story.situation(day, self.authority)
        fitting = [
            a
            for a in ACTIONS
            if a not in used and WHEN[a[4]](s) and (owner is None or a[1] == owner)
        ]
        if not fitting:
            return None
        template = self.r.choice(fitting)
        used.add(template)
        return (*template[:3], template[3].format(name=s.name))

    def _action(
        self, story: Story, plan: Plan, template: tuple, created: dt.date, due_on: dt.date
    ) -> Action:
        matter, owner, agency, what = template
        return Action(
            plan=plan,
            matter=matter,
            what=what,
            owner=owner,
            agency=agency,
            due_on=due_on,
            created_by=story.pa_on(created),
            created_at=self._moment(created),
        )

    def _closed_action(
        self, story: Story, plan: Plan, template: tuple, created: dt.date, agreed: list[dt.date]
    ) -> tuple[Action, dt.date]:
        """Done (or dropped) before the next review, or by today for a plan not yet signed."""
        r = self.r
        later = [day for day in agreed if day > created]
        by = later[0] if later else self.today
        closed = created + _days(r.randint(0, max(0, (by - created).days - 1)))
        action = self._action(story, plan, template, created, created + _days(r.randint(21, 120)))
        if r.random() < 0.15:
            action.status = ActionStatus.DROPPED
        else:
            action.status, action.done_on = ActionStatus.DONE, closed
            user = story.person.user
            young = template[1] == ActionOwner.YOUNG_PERSON and user is not None
            action.done_by = user if young else story.pa_on(closed)
        return action, closed

    def _views(self, story: Story, held: list[dt.date], sections: dict) -> list[SectionView]:
        """The demo care leaver's own words: before the last two reviews, and one since."""
        user = story.person.user
        if user is None or not held:
            return []
        r, days = self.r, []
        for review_day in held[-2:]:
            days.append(review_day - _days(r.randint(2, 10)))
        days.append(min(self.today, held[-1] + _days(r.randint(14, 30))))
        views = []
        for (matter, text), day in zip(OWN_WORDS, days, strict=False):
            views.append(
                SectionView(
                    section=sections[matter.value],
                    text=text,
                    written_by=user,
                    written_at=self._moment(max(day, story.since), 17, 22),
                )
            )
        self.rows[SectionView].extend(views)
        return views

    def _reviews(
        self,
        story: Story,
        plan: Plan,
        held: list[dt.date],
        history: list[tuple[dict, dict, dict]],
        signed_day: list[dt.date],
        actions: list[tuple[Action, dt.date | None]],
        views: list[SectionView],
    ) -> None:
        """Each signed review with the version of the plan it froze."""
        r = self.r
        for number, (day, (texts, _, _)) in enumerate(zip(held, history, strict=True), 1):
            s = story.situation(day, self.authority)
            before = history[number - 2][0] if number > 1 else texts
            changed = [Matter(m).label.lower() for m in texts if texts[m] != before[m]]
            took_part = r.random() < 0.9
            pa = story.pa_on(day)
            manager = self._manager(pa)
            recorded = min(day + _days(r.randint(0, 2)), signed_day[number - 1])
            review = Review(
                plan=plan,
                number=number,
                held_on=day,
                participants=_participants(s, took_part, r),
                young_person_took_part=took_part,
                outcome=_outcome(s, r, number, took_part, changed, add_months(day, 6)),
                state=ReviewState.SIGNED,
                recorded_by=pa,
                recorded_at=self._moment(recorded, 9, 13),
                signed_by=manager,
                signed_at=self._moment(signed_day[number - 1], 13, 18),
            )
            review.signed_at = max(review.signed_at, review.recorded_at)
            content = snapshot.plan_content(
                self._as_plan(story, day, texts, actions, views), notes={}
            )
            content["review"] = snapshot.review_content(review)
            content["signed"] = {"by": manager.get_full_name(), "at": review.signed_at.isoformat()}
            self.rows[Review].append(review)
            self.rows[PlanVersion].append(
                PlanVersion(
                    plan=plan,
                    number=number,
                    review=review,
                    content=content,
                    signed_by=manager,
                    signed_at=review.signed_at,
                )
            )

    def _as_plan(
        self,
        story: Story,
        day: dt.date,
        texts: dict[str, dict],
        actions: list[tuple[Action, dt.date | None]],
        views: list[SectionView],
    ) -> SimpleNamespace:
        """The plan as it stood on `day`, shaped for snapshot.plan_content."""
        person = story.person
        sections = _Rows(
            SimpleNamespace(
                matter=matter,
                needs=text.get("needs", ""),
                strengths=text.get("strengths", ""),
                young_person_says=text.get("young_person_says", ""),
                how_met=text.get("how_met", ""),
                suitability=text.get("suitability", {}),
                views=_Rows(
                    v for v in views if v.section.matter == matter and v.written_at.date() <= day
                ),
            )
            for matter, text in texts.items()
        )
        then = []
        for action, closed in actions:
            if action.created_at.date() > day:
                continue
            as_it_was = copy.copy(action)
            if not closed or closed > day:
                as_it_was.status = ActionStatus.OPEN
            then.append(as_it_was)
        then.sort(key=lambda a: a.due_on)
        young_person = SimpleNamespace(
            full_name=person.full_name,
            date_of_birth=person.date_of_birth,
            get_legal_status_display=lambda: _status_on(person, day),
        )
        return SimpleNamespace(
            young_person=young_person,
            sections=sections,
            actions=_Rows(then),
            home_suitable=next((h.suitable for h in story.homes[::-1] if h.start <= day), None),
        )

    def _awaiting_review(
        self, story: Story, plan: Plan, day: dt.date, number: int, changed: list[str]
    ) -> None:
        """A review the PA has recorded and the demo manager can sign off."""
        s = story.situation(day, self.authority)
        changed = [Matter(m).label.lower() for m in changed]
        self.rows[Review].append(
            Review(
                plan=plan,
                number=number,
                held_on=day,
                participants=_participants(s, True, self.r),
                young_person_took_part=True,
                outcome=_outcome(s, self.r, number, True, changed, add_months(day, 6)),
                state=ReviewState.AWAITING,
                recorded_by=story.pa,
                recorded_at=self._moment(min(day + _days(1), self.today)),
            )
        )

    def _request(self, story: Story, plan: Plan) -> dt.date:
        reason, raised_on = story.request
        if reason == ReviewReason.NEW_ACCOMMODATION:
            note = AccommodationType(_spell_on(story.homes, raised_on).code).label
        else:
            note = f"{story.person.known_as} wants to talk about changing course."
        self.rows[ReviewRequest].append(
            ReviewRequest(
                plan=plan, reason=reason, raised_on=raised_on, raised_by=story.pa, note=note
            )
        )
        return raised_on


def place_out_of_area(*, person, area, today: dt.date) -> None:
    """The demo's young person whose home is in another council's area: their current
    home's spell says so (so /my/ shows both councils' offers)."""
    home = person.accommodation_spells.filter(started_on__lte=today).order_by("-started_on").first()
    if home is not None:
        AccommodationSpell.objects.filter(pk=home.pk).update(area=area)
