"""Forms for the steps of a handover or ending. Each carries the handover's revision."""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Fluid, Size, Submit
from django import forms

from common.forms import DateField, Form
from handovers.models import StayInTouch, ToldHow
from people.forms import form_helper
from people.models import ConsentHow


class _StepForm(Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)


class SummaryForm(_StepForm):
    summary = forms.CharField(
        label="Summary",
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10000,
        error_messages={"required": "Write the summary"},
    )

    def __init__(self, *args, help_text: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["summary"].help_text = help_text
        self.helper = form_helper(
            Field("revision"), Field.textarea("summary"), Submit("save", "Save summary")
        )


class ToldForm(_StepForm):
    how = forms.ChoiceField(
        label="How did you tell them?",
        choices=[c for c in ToldHow.choices if c[0] not in {ToldHow.PORTAL_AND_EMAIL}],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how you told them"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field("revision"),
            Field.radios("how", legend_size=Size.SMALL, small=True),
            Submit("save", "Record that they know"),
        )


class IntroForm(_StepForm):
    held_on = DateField(
        label="When was the introduction meeting?", help_text="For example, 3 12 2026"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["held_on"].error_messages["required"] = "Enter the date of the meeting"
        self.helper = form_helper(
            Field("revision"), Field("held_on"), Submit("save", "Record the meeting")
        )


class EndingForm(_StepForm):
    signposting = forms.CharField(
        label="Where they can get help from now on",
        help_text="For example, their GP, adult social care, housing options, a support group.",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        required=False,
    )
    stay_in_touch = forms.ChoiceField(
        label="We offered to stay in touch. What did they say?",
        choices=StayInTouch.choices,
        widget=forms.RadioSelect,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field("revision"),
            Field.textarea("signposting"),
            Field.radios("stay_in_touch", legend_size=Size.SMALL, small=True),
            Submit("save", "Save"),
        )


class CouncilMoveForm(Form):
    """Where a young person's support moves, and their agreement to it."""

    to_team = forms.ModelChoiceField(
        label="The team in the new council",
        queryset=None,
        empty_label="Choose a team",
        help_text="Its manager allocates a new PA.",
        error_messages={"required": "Choose the team in the new council"},
    )
    consent_given = forms.TypedChoiceField(
        label="Have they agreed to their support moving?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether they agreed"},
    )
    consent_by = forms.CharField(
        label="Who agreed",
        max_length=120,
        help_text="The young person, or who agreed for them.",
        error_messages={"required": "Say who agreed"},
    )
    consent_on = DateField(label="When they agreed", help_text="For example, 1 12 2026")
    consent_how = forms.ChoiceField(
        label="How they agreed",
        choices=ConsentHow.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say how they agreed"},
    )

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_team"].queryset = teams
        self.fields["to_team"].label_from_instance = lambda team: (
            f"{team.name}, {team.authority.name}"
        )
        self.fields["consent_on"].error_messages["required"] = "Enter when they agreed"
        self.helper = form_helper(
            Field.select("to_team"),
            Field.radios("consent_given", legend_size=Size.SMALL, inline=True),
            Field.text("consent_by", field_width=Fluid.TWO_THIRDS),
            Field("consent_on"),
            Field.radios("consent_how", legend_size=Size.SMALL, small=True),
            Submit("continue", "Continue"),
        )

    def clean_consent_given(self) -> bool:
        if not self.cleaned_data["consent_given"]:
            raise forms.ValidationError("Their support moves only when they agree to it")
        return True
