"""Forms for referrals, their answers, bookings and attendance."""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Fluid, Size, Submit
from django import forms

from common.forms import DateField, Form
from partners.models import ConsentBy, ReferralStatus, Transition, Urgency
from people.forms import form_helper

YES_NO = [("yes", "Yes"), ("no", "No")]


class ReferralForm(Form):
    service = forms.ModelChoiceField(
        label="Which service",
        queryset=None,
        empty_label="Choose a service",
        error_messages={"required": "Choose the service to refer to"},
    )
    reason = forms.CharField(
        label="Why you are referring them",
        help_text="The service reads this. Write only what they need to know to help.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say why you are referring them"},
    )
    shared = forms.CharField(
        label="What you are sharing with the service",
        help_text=(
            "The service sees this, why you are referring them and the young person's name, "
            "and nothing else."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say what you are sharing"},
    )
    urgency = forms.ChoiceField(
        label="How urgent is it?", choices=Urgency.choices, widget=forms.RadioSelect
    )
    transition = forms.ChoiceField(
        label="Is this a move to adult services? (optional)",
        required=False,
        choices=[("", "No"), *Transition.choices],
    )
    consent_given = forms.TypedChoiceField(
        label="Has the young person agreed to this referral?",
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether they agreed"},
    )
    consent_by = forms.ChoiceField(
        label="Who agreed", required=False, choices=[("", "Choose"), *ConsentBy.choices]
    )
    consent_on = DateField(
        label="When they agreed", required=False, help_text="For example, 1 12 2026"
    )
    consent_for = forms.CharField(
        label="What they agreed to share, and why", required=False, max_length=300
    )
    lawful_reason = forms.CharField(
        label="Without consent: the lawful reason (managers only)",
        required=False,
        help_text="For example, to protect them from serious harm.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, services, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services
        self.fields["service"].label_from_instance = str
        self.helper = form_helper(
            Field.select("service"),
            Field.textarea("reason"),
            Field.textarea("shared"),
            Field.radios("urgency", legend_size=Size.SMALL, small=True),
            Field.select("transition"),
            Field.radios("consent_given", legend_size=Size.SMALL, inline=True),
            Field.select("consent_by"),
            Field("consent_on"),
            Field.text("consent_for", field_width=Fluid.FULL),
            Field.textarea("lawful_reason"),
            Submit("send", "Send referral"),
        )


ANSWERS = [
    (ReferralStatus.RECEIVED, "We have it and will answer soon"),
    (ReferralStatus.ACCEPTED, "Accepted"),
    (ReferralStatus.DECLINED, "Declined"),
    (ReferralStatus.STARTED, "Started working with them"),
    (ReferralStatus.FINISHED, "Finished"),
]


class AnswerForm(Form):
    status = forms.ChoiceField(
        label="What has happened?",
        choices=ANSWERS,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what has happened"},
    )
    reason = forms.CharField(
        label="If declined: why",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    outcome = forms.CharField(
        label="If finished: the outcome",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, allowed=None, **kwargs):
        super().__init__(*args, **kwargs)
        if allowed is not None:
            self.fields["status"].choices = [c for c in ANSWERS if c[0] in allowed]
        self.helper = form_helper(
            Field.radios("status", legend_size=Size.SMALL, small=True),
            Field.textarea("reason"),
            Field.textarea("outcome"),
            Submit("answer", "Save answer"),
        )


class BookForm(Form):
    session = forms.IntegerField(widget=forms.HiddenInput)


class AttendanceForm(Form):
    booking = forms.IntegerField(widget=forms.HiddenInput)
    attended = forms.TypedChoiceField(
        label="Did they come?",
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether they came"},
    )
    needs_noticed = forms.CharField(
        label="Needs noticed (optional)",
        required=False,
        help_text="Anything their personal adviser should know. It goes to them as a note.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            "booking",
            Field.radios("attended", legend_size=Size.SMALL, inline=True),
            Field.textarea("needs_noticed"),
            Submit("save", "Save"),
        )
