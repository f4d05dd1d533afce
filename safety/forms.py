"""Forms for risk assessments, homes at risk, releases from custody and Staying Close."""

from __future__ import annotations

from crispy_forms_gds.layout import HTML, Field, Fieldset, Fluid, Size, Submit
from django import forms
from django.utils.html import format_html

from common.forms import DateField, Form
from people.forms import form_helper
from safety.models import (
    Decision,
    HomeOutcome,
    Level,
    ReferralOutcome,
    RiskArea,
    RiskAssessment,
    RiskToHome,
    Support,
)
from safety.services import ContactAnswer, EntryAnswer, StepAnswer

STEP_ROWS, CONTACT_ROWS = 5, 4
NOT_SHARED_HELP = "Leave this empty if they can read it. Otherwise say why not, for example "
NOT_SHARED_HELP += "it came from someone else."
ENTRY_TEXTS = (
    ("reason", "Why this level"),
    ("known", "What is known"),
    ("keeps_safe", "What keeps them safe"),
    ("warning_signs", "Warning signs"),
)


def _text(label: str, rows: int = 3, **kwargs) -> forms.CharField:
    return forms.CharField(
        label=label, required=False, widget=forms.Textarea(attrs={"rows": rows}), **kwargs
    )


def _line(label: str, max_length: int, **kwargs) -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=max_length, **kwargs)


class AssessmentForm(Form):
    """Every area's level and what is known, the safety plan's steps and people to call.

    Filled in from the version before; saving it always makes a new version."""

    def __init__(self, *args, areas: list[RiskArea], before: RiskAssessment | None, **kwargs):
        super().__init__(*args, initial=_initial(before), **kwargs)
        self.areas = areas
        layout = []
        for area in areas:
            self.fields[f"{area.slug}-level"] = forms.ChoiceField(
                label="Level",
                required=False,
                choices=[("", "Not assessed"), *Level.choices],
                widget=forms.RadioSelect,
            )
            for name, label in ENTRY_TEXTS:
                self.fields[f"{area.slug}-{name}"] = _text(label)
            self.fields[f"{area.slug}-not_shared_reason"] = _line(
                "Not shared with them because (optional)", 300, help_text=NOT_SHARED_HELP
            )
            layout.append(
                Fieldset(
                    Field.radios(f"{area.slug}-level", legend_size=Size.SMALL, inline=True),
                    *(Field.textarea(f"{area.slug}-{name}") for name, _ in ENTRY_TEXTS),
                    Field.text(f"{area.slug}-not_shared_reason", field_width=Fluid.FULL),
                    legend=area.name,
                    legend_size=Size.MEDIUM,
                )
            )
        steps = []
        for i in range(STEP_ROWS):
            self.fields[f"step{i}-what"] = _line("What", 300)
            self.fields[f"step{i}-who"] = _line("Who", 120)
            self.fields[f"step{i}-by_when"] = DateField(
                label="By when (optional)", required=False, help_text="For example, 1 9 2026"
            )
            self.fields[f"step{i}-not_shared_reason"] = _line(
                "Not shared with them because (optional)", 300
            )
            steps.append(
                Fieldset(
                    Field.text(f"step{i}-what", field_width=Fluid.FULL),
                    Field.text(f"step{i}-who", field_width=Fluid.TWO_THIRDS),
                    Field(f"step{i}-by_when"),
                    Field.text(f"step{i}-not_shared_reason", field_width=Fluid.FULL),
                    legend=f"Step {i + 1}",
                    legend_size=Size.SMALL,
                )
            )
        contacts = []
        for i in range(CONTACT_ROWS):
            self.fields[f"contact{i}-name"] = _line("Name", 120)
            self.fields[f"contact{i}-phone"] = _line("Phone number", 40)
            self.fields[f"contact{i}-why"] = _line("When to call them (optional)", 200)
            self.fields[f"contact{i}-not_shared_reason"] = _line(
                "Not shared with them because (optional)", 300
            )
            contacts.append(
                Fieldset(
                    Field.text(f"contact{i}-name", field_width=Fluid.TWO_THIRDS),
                    Field.text(f"contact{i}-phone", field_width=Fluid.ONE_HALF),
                    Field.text(f"contact{i}-why", field_width=Fluid.FULL),
                    Field.text(f"contact{i}-not_shared_reason", field_width=Fluid.FULL),
                    legend=f"Person to call {i + 1}",
                    legend_size=Size.SMALL,
                )
            )
        self.fields["emergency_duty_team"] = _line(
            "Emergency duty team number", 120, help_text="The council's out of hours number"
        )
        self.helper = form_helper(
            *layout,
            HTML(format_html('<h2 class="govuk-heading-m">{}</h2>', "Safety plan: steps")),
            *steps,
            HTML(format_html('<h2 class="govuk-heading-m">{}</h2>', "Who to call")),
            *contacts,
            Field.text("emergency_duty_team", field_width=Fluid.ONE_HALF),
            Submit("save", "Save as a new version"),
        )

    def clean(self):
        data = super().clean()
        for area in self.areas:
            texts = [data.get(f"{area.slug}-{name}", "") for name, _ in ENTRY_TEXTS]
            level = data.get(f"{area.slug}-level")
            if level and not texts[0].strip():
                self.add_error(f"{area.slug}-reason", f"Say why {area.name} is at this level")
            elif not level and any(t.strip() for t in texts):
                self.add_error(f"{area.slug}-level", f"Choose a level for {area.name}")
        if not any(data.get(f"{area.slug}-level") for area in self.areas):
            self.add_error(None, "Give a level for at least one area")
        for kind, first, second, words in (
            ("step", "what", "who", "what the step is and who does it"),
            ("contact", "name", "phone", "the name and the phone number"),
        ):
            rows = STEP_ROWS if kind == "step" else CONTACT_ROWS
            for i in range(rows):
                one = (data.get(f"{kind}{i}-{first}") or "").strip()
                two = (data.get(f"{kind}{i}-{second}") or "").strip()
                if bool(one) != bool(two):
                    self.add_error(f"{kind}{i}-{first if not one else second}", f"Give {words}")
        return data

    def answers(self) -> dict:
        data = self.cleaned_data

        def unshared(prefix: str) -> dict:
            reason = (data.get(f"{prefix}-not_shared_reason") or "").strip()
            return {"is_shared": not reason, "not_shared_reason": reason}

        entries = [
            EntryAnswer(
                area=area,
                level=data[f"{area.slug}-level"],
                **{name: data[f"{area.slug}-{name}"] for name, _ in ENTRY_TEXTS},
                **unshared(area.slug),
            )
            for area in self.areas
            if data.get(f"{area.slug}-level")
        ]
        steps = [
            StepAnswer(
                what=data[f"step{i}-what"],
                who=data[f"step{i}-who"],
                by_when=data.get(f"step{i}-by_when"),
                **unshared(f"step{i}"),
            )
            for i in range(STEP_ROWS)
            if data.get(f"step{i}-what")
        ]
        contacts = [
            ContactAnswer(
                name=data[f"contact{i}-name"],
                phone=data[f"contact{i}-phone"],
                why=data[f"contact{i}-why"],
                **unshared(f"contact{i}"),
            )
            for i in range(CONTACT_ROWS)
            if data.get(f"contact{i}-name")
        ]
        return {
            "entries": entries,
            "steps": steps,
            "contacts": contacts,
            "emergency_duty_team": data.get("emergency_duty_team", ""),
        }


def _initial(before: RiskAssessment | None) -> dict:
    if before is None:
        return {}
    initial = {"emergency_duty_team": before.emergency_duty_team}
    for entry in before.entries.all():
        slug = entry.area.slug
        initial[f"{slug}-level"] = entry.level
        for name, _ in ENTRY_TEXTS:
            initial[f"{slug}-{name}"] = getattr(entry, name)
        initial[f"{slug}-not_shared_reason"] = entry.not_shared_reason
    for i, step in enumerate(list(before.steps.all())[:STEP_ROWS]):
        initial |= {
            f"step{i}-what": step.what,
            f"step{i}-who": step.who,
            f"step{i}-by_when": step.by_when,
            f"step{i}-not_shared_reason": step.not_shared_reason,
        }
    for i, contact in enumerate(list(before.contacts.all())[:CONTACT_ROWS]):
        initial |= {
            f"contact{i}-name": contact.name,
            f"contact{i}-phone": contact.phone,
            f"contact{i}-why": contact.why,
            f"contact{i}-not_shared_reason": contact.not_shared_reason,
        }
    return initial


class AgreeForm(Form):
    """A manager agrees a high level (the button only)."""


class HomeAtRiskForm(Form):
    risk = forms.ChoiceField(
        label="What puts the home at risk", choices=RiskToHome.choices, widget=forms.RadioSelect
    )
    known_on = DateField(label="When did you know?", help_text="For example, 1 9 2026")
    eviction_on = DateField(
        label="Eviction date (optional)", required=False, help_text="For example, 1 11 2026"
    )
    details = _text("What is happening (optional)", rows=4)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["risk"].error_messages["required"] = "Choose what puts the home at risk"
        self.fields["known_on"].error_messages["required"] = "Enter the day you knew"
        self.helper = form_helper(
            Field.radios("risk", legend_size=Size.SMALL),
            Field("known_on"),
            Field("eviction_on"),
            Field.textarea("details"),
            Submit("save", "Start the 56 days"),
        )


class ReferralForm(Form):
    housing_authority = forms.CharField(label="Housing authority", max_length=120)
    referred_on = DateField(label="Referred on", help_text="For example, 1 9 2026")
    their_reference = forms.CharField(
        label="Their reference (optional)", max_length=60, required=False
    )
    outcome = forms.ChoiceField(
        label="What they said", choices=ReferralOutcome.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["housing_authority"].error_messages["required"] = "Enter the housing authority"
        self.fields["referred_on"].error_messages["required"] = "Enter the day of the referral"
        self.helper = form_helper(
            Field.text("housing_authority", field_width=Fluid.TWO_THIRDS),
            Field("referred_on"),
            Field.text("their_reference", field_width=Fluid.ONE_THIRD),
            Field.radios("outcome", legend_size=Size.SMALL),
            Submit("save", "Save the referral"),
        )


class CloseForm(Form):
    closed_on = DateField(label="When did it end?", help_text="For example, 1 9 2026")
    outcome = forms.ChoiceField(
        label="What happened", choices=HomeOutcome.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["closed_on"].error_messages["required"] = "Enter the day it ended"
        self.fields["outcome"].error_messages["required"] = "Choose what happened"
        self.helper = form_helper(
            Field("closed_on"),
            Field.radios("outcome", legend_size=Size.SMALL),
            Submit("save", "Save"),
        )


class CustodyReleaseForm(Form):
    release_on = DateField(label="Release date", help_text="For example, 1 9 2026")
    establishment = forms.CharField(
        label="Where they are held (optional)", max_length=120, required=False
    )
    accommodation_plan = _text("Where they will live (optional)", rows=4)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["release_on"].error_messages["required"] = "Enter the release date"
        self.helper = form_helper(
            Field("release_on"),
            Field.text("establishment", field_width=Fluid.TWO_THIRDS),
            Field.textarea("accommodation_plan"),
            Submit("save", "Save"),
        )


class StayingCloseForm(Form):
    assessed_on = DateField(label="Assessed on", help_text="For example, 1 9 2026")
    needs = _text("Needs found", rows=5)
    decision = forms.ChoiceField(
        label="Decision", choices=Decision.choices, widget=forms.RadioSelect
    )
    support = forms.MultipleChoiceField(
        label="Support (optional)",
        required=False,
        choices=Support.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    support_details = _text("Support to be given (optional)", rows=4)
    lives_out_of_area = forms.BooleanField(
        label="They live outside the council's area", required=False
    )
    review_on = DateField(label="Review by", help_text="For example, 1 3 2027")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["needs"].required = True
        self.fields["needs"].error_messages["required"] = "Say what needs the assessment found"
        self.fields["assessed_on"].error_messages["required"] = "Enter the day of the assessment"
        self.fields["decision"].error_messages["required"] = "Choose the decision"
        self.fields["review_on"].error_messages["required"] = "Enter the review date"
        self.helper = form_helper(
            Field("assessed_on"),
            Field.textarea("needs"),
            Field.radios("decision", legend_size=Size.SMALL),
            Field.checkboxes("support", legend_size=Size.SMALL),
            Field.textarea("support_details"),
            Field.checkbox("lives_out_of_area"),
            Field("review_on"),
            Submit("save", "Save"),
        )
