"""Money forms. Amounts are typed in pounds and kept in whole pence."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from crispy_forms_gds.layout import Field, Fixed, Size, Submit
from django import forms

from common.forms import Form
from common.uploads import ACCEPTED_NAMES
from finance.money import pounds
from people.forms import form_helper


class PoundsField(forms.Field):
    """Pounds as typed ("25", "25.50", "£1,200") to whole pence, or a plain message."""

    widget = forms.TextInput

    def to_python(self, value):
        text = str(value or "").replace("£", "").replace(",", "").strip()
        if not text:
            return None
        try:
            amount = Decimal(text)
        except InvalidOperation as error:
            raise forms.ValidationError("Enter an amount in pounds, like 25 or 25.50") from error
        if not amount.is_finite():
            raise forms.ValidationError("Enter an amount in pounds, like 25 or 25.50")
        if amount <= 0:
            raise forms.ValidationError("Enter an amount more than £0")
        if amount >= 1_000_000:
            raise forms.ValidationError("Enter an amount less than £1,000,000")
        if amount != amount.quantize(Decimal("0.01")):
            raise forms.ValidationError("Enter pounds and pence, like 25.50")
        return int(amount * 100)


def _pounds_input(name: str) -> Field:
    return Field.text(name, field_width=Fixed.TEN, prefix="£", inputmode="decimal")


class ClaimForm(Form):
    award = forms.ChoiceField(
        label="Which money",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose which money"},
    )
    amount = PoundsField(label="How much", error_messages={"required": "Enter how much you need"})
    purpose = forms.CharField(
        label="What it is for",
        max_length=300,
        help_text="For example, a bed and a wardrobe for my new flat",
        error_messages={"required": "Say what the money is for"},
    )
    receipt = forms.FileField(
        label="Receipt or quote",
        required=False,
        help_text=f"A photo or a {ACCEPTED_NAMES} file, smaller than 10 MB.",
    )

    def __init__(self, *args, awards, **kwargs):
        super().__init__(*args, **kwargs)
        self.awards = {str(a.pk): a for a in awards}
        self.fields["award"].choices = [
            (str(a.pk), f"{a.scheme.name}: {pounds(a.left)} left") for a in awards
        ]
        self.helper = form_helper(
            Field.radios("award", legend_size=Size.SMALL),
            _pounds_input("amount"),
            Field.text("purpose"),
            Field("receipt"),
            Submit("send", "Send the claim"),
        )
        self.helper.attrs["enctype"] = "multipart/form-data"

    def clean_award(self):
        return self.awards[self.cleaned_data["award"]]


class AwardForm(Form):
    scheme = forms.ChoiceField(
        label="Scheme", widget=forms.RadioSelect, error_messages={"required": "Choose a scheme"}
    )
    amount = PoundsField(label="Amount", error_messages={"required": "Enter the amount"})

    def __init__(self, *args, schemes, **kwargs):
        super().__init__(*args, **kwargs)
        self.schemes = {str(s.pk): s for s in schemes}
        self.fields["scheme"].choices = [
            (str(s.pk), s.name + (f" (up to {pounds(s.cap_pence)})" if s.cap_pence else ""))
            for s in schemes
        ]
        self.helper = form_helper(
            Field.radios("scheme", legend_size=Size.SMALL, small=True),
            _pounds_input("amount"),
            Submit("save", "Give the award"),
        )

    def clean_scheme(self):
        return self.schemes[self.cleaned_data["scheme"]]


class DecisionForm(Form):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[
            ("all", "Approve all of it"),
            ("part", "Approve part of it"),
            ("refuse", "Refuse it"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose your decision"},
    )
    amount = PoundsField(label="Amount to approve (if part)", required=False)
    reason = forms.CharField(
        label="Reason (needed for part or refused)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The young person will read this.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.radios("decision", legend_size=Size.MEDIUM),
            _pounds_input("amount"),
            Field.textarea("reason"),
            Submit("decide", "Save decision"),
        )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "part" and not data.get("amount"):
            self.add_error("amount", "Enter the amount to approve")
        if data.get("decision") in ("part", "refuse") and not data.get("reason", "").strip():
            self.add_error("reason", "Give a reason the young person can understand")
        return data


class ReverseForm(Form):
    reason = forms.CharField(
        label="Why is it being reversed?",
        max_length=300,
        error_messages={"required": "Say why it is being reversed"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.text("reason"), Submit("reverse", "Reverse it", css_class="govuk-button--warning")
        )
