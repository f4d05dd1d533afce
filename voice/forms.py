"""Forms for checklists, check-ins, skills and surveys: short, plain, one screen on a phone."""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Fieldset, Size, Submit
from django import forms

from common.forms import Form
from people.forms import form_helper
from voice.models import Agreement, Confidence, ConfirmedBy, Mood, Reply


class ChecklistForm(Form):
    """One area's questions: each answered yes, not sure or "no, I need help", with a note."""

    def __init__(self, *args, area, submit: str = "Save my answers", **kwargs):
        super().__init__(*args, **kwargs)
        self.area = area
        layout = []
        for question in area.questions.all():
            self.fields[f"q{question.pk}"] = forms.ChoiceField(
                label=question.text,
                choices=Reply.choices,
                widget=forms.RadioSelect,
                error_messages={"required": "Choose an answer to this question"},
            )
            self.fields[f"note{question.pk}"] = forms.CharField(
                label="Anything to add? (optional)", max_length=500, required=False
            )
            layout += [
                Field.radios(f"q{question.pk}", legend_size=Size.SMALL, small=True, inline=False),
                Field.text(f"note{question.pk}"),
            ]
        self.helper = form_helper(*layout, Submit("save", submit))

    def replies(self) -> dict[int, tuple[str, str]]:
        return {
            question.pk: (
                self.cleaned_data[f"q{question.pk}"],
                self.cleaned_data.get(f"note{question.pk}", ""),
            )
            for question in self.area.questions.all()
        }


class CheckInForm(Form):
    mood = forms.TypedChoiceField(
        label="How are things this week?",
        choices=Mood.choices,
        coerce=int,
        widget=forms.RadioSelect,
        required=False,
    )
    feels_supported = forms.TypedChoiceField(
        label="Do you feel you get the support you need?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        required=False,
        empty_value=None,
    )
    needs_help_with = forms.CharField(
        label="Is there anything you need help with?",
        help_text="Your PA will read this and get back to you. It is not for emergencies.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.radios("mood", legend_size=Size.MEDIUM, small=True),
            Field.radios("feels_supported", legend_size=Size.SMALL, small=True, inline=True),
            Field.textarea("needs_help_with"),
            Submit("save", "Send my check-in"),
        )

    def clean(self):
        data = super().clean()
        if (
            data.get("mood") in (None, "")
            and data.get("feels_supported") is None
            and not (data.get("needs_help_with") or "").strip()
        ):
            raise forms.ValidationError("Answer at least one question")
        return data


class SkillsForm(Form):
    def __init__(self, *args, progress, **kwargs):
        super().__init__(*args, **kwargs)
        self.progress = progress
        layout = []
        for row in progress:
            name = f"s{row.skill.pk}"
            self.fields[name] = forms.TypedChoiceField(
                label=row.skill.name,
                choices=Confidence.choices,
                coerce=int,
                widget=forms.RadioSelect,
                required=False,
                initial=row.confidence,
            )
            layout.append(Field.radios(name, legend_size=Size.SMALL, small=True))
        self.helper = form_helper(*layout, Submit("save", "Save"))

    def ratings(self) -> dict[int, int]:
        """Only what changed, so an unchanged skill keeps its date."""
        return {
            row.skill.pk: self.cleaned_data[f"s{row.skill.pk}"]
            for row in self.progress
            if self.cleaned_data.get(f"s{row.skill.pk}")
            and self.cleaned_data[f"s{row.skill.pk}"] != row.confidence
        }


class SkillConfirmForm(Form):
    how = forms.ChoiceField(
        label="How do you know?",
        choices=ConfirmedBy.choices,
        widget=forms.RadioSelect,
        initial=ConfirmedBy.PA,
    )


class SurveyForm(Form):
    def __init__(self, *args, survey, phone: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.survey = survey
        layout = []
        for question in survey.questions.all():
            name = f"q{question.pk}"
            self.fields[name] = forms.TypedChoiceField(
                label=question.text,
                choices=Agreement.choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": "Choose an answer to this question"},
            )
            layout.append(Field.radios(name, legend_size=Size.SMALL, small=True))
        self.fields["comment"] = forms.CharField(
            label="Anything else you want to tell us? (optional)",
            help_text="Please do not name anyone. Nobody who works with you will see this.",
            widget=forms.Textarea(attrs={"rows": 3}),
            max_length=1000,
            required=False,
        )
        layout.append(Field.textarea("comment"))
        button = "Save their answers" if phone else "Send my answers"
        self.helper = form_helper(Fieldset(*layout), Submit("save", button))

    def answers(self) -> dict[int, int]:
        return {q.pk: self.cleaned_data[f"q{q.pk}"] for q in self.survey.questions.all()}


class YouSaidWeDidForm(Form):
    you_said = forms.CharField(
        label="You said",
        help_text="What care leavers told us, in their words where you can. Name nobody.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
    )
    we_did = forms.CharField(
        label="We did",
        help_text="What changed because of it.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1000,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.textarea("you_said"), Field.textarea("we_did"), Submit("save", "Publish")
        )
