"""Forms for the steps of a handover or ending. Each carries the handover's revision."""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Size, Submit
from django import forms

from common.forms import DateField, Form
from handovers.models import StayInTouch, ToldHow
from people.forms import form_helper


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
