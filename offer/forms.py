"""Forms for the local offer: the "what can I get?" checker and the editors' item form."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from crispy_forms_gds.layout import HTML, Field, Fieldset, Fixed, Fluid, Size, Submit
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from common.forms import DateField, Form, ModelForm
from finance.models import Scheme
from offer.eligibility import STATUS_ANSWER, Person, age_on
from offer.models import (
    CONTENT_FIELDS,
    OLDEST,
    RESERVED_SLUGS,
    YOUNGEST,
    AmountPeriod,
    Category,
    Circumstance,
    OfferItemVersion,
)
from people.forms import form_helper
from people.models import LegalStatus, Role, User

NOT_SURE = "not_sure"
TOO_YOUNG = (
    f"The local offer is for care leavers aged {YOUNGEST} to {OLDEST}. If you are younger, "
    "your social worker can tell you what help there is"
)
TOO_OLD = (
    f"The local offer is for care leavers aged {YOUNGEST} to {OLDEST}. If you are older, "
    "call the leaving care duty line: they can still tell you where to get help"
)
# Statuses that only fit some ages, and what to say when the answers disagree.
STATUS_AGES = {
    LegalStatus.ELIGIBLE: (16, 17),
    LegalStatus.RELEVANT: (16, 17),
    LegalStatus.FORMER_RELEVANT: (18, OLDEST),
}


class CheckerForm(Form):
    """Three short questions, none of which says who the person is."""

    age = forms.IntegerField(
        label="How old are you?",
        required=False,
        widget=forms.TextInput,
        help_text="Or enter your date of birth below instead.",
        error_messages={"invalid": "Enter your age as a number, like 19"},
    )
    date_of_birth = DateField(
        label="Your date of birth (optional)",
        help_text="For example, 27 3 2006. We do not keep it.",
        required=False,
        require_all_fields=False,
    )
    status = forms.ChoiceField(
        label="Which of these is true for you?",
        choices=list(STATUS_ANSWER.items()) + [(NOT_SURE, "I am not sure")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the one that is true for you, or “I am not sure”"},
    )
    circumstances = forms.MultipleChoiceField(
        label="Are any of these true for you? (optional)",
        help_text="Tick all that are true.",
        choices=Circumstance.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.text("age", field_width=Fixed.TWO, inputmode="numeric"),
            Field("date_of_birth"),
            Field.radios("status", legend_size=Size.MEDIUM),
            Field.checkboxes("circumstances", legend_size=Size.MEDIUM, small=True),
            Submit("check", "Show what I can get"),
        )
        # The checker changes nothing, so it needs no token, and its empty form can be shared.
        self.helper.disable_csrf = True

    def clean(self):
        cleaned = super().clean()
        age, born = cleaned.get("age"), cleaned.get("date_of_birth")
        if "age" in self.errors or "date_of_birth" in self.errors:
            return cleaned
        today = timezone.localdate()
        if born is not None:
            if born > today:
                self.add_error("date_of_birth", "Your date of birth must be in the past")
                return cleaned
            from_birth = age_on(born, today)
            if age is not None and age != from_birth:
                self.add_error(
                    "age", "Your age and date of birth do not match. Enter just one of them"
                )
                return cleaned
            age = from_birth
        where = "date_of_birth" if born else "age"
        if age is None:
            self.add_error("age", "Enter your age, or your date of birth")
        elif age < YOUNGEST:
            self.add_error(where, TOO_YOUNG)
        elif age > OLDEST:
            self.add_error(where, TOO_OLD)
        else:
            cleaned["age"] = age
            self._check_status_fits_age(cleaned.get("status"), age)
        return cleaned

    def _check_status_fits_age(self, status: str | None, age: int) -> None:
        if status not in STATUS_AGES:
            return
        low, high = STATUS_AGES[status]
        if not low <= age <= high:
            self.add_error(
                "status",
                f"You are {age}, so “{STATUS_ANSWER[status]}” cannot be right. "
                "Choose another answer, or “I am not sure”",
            )

    def answers(self) -> list[tuple[str, str]]:
        """The answers as they were sent, for the hidden fields of "change my answers": a
        POST, so what someone said stays out of the URL and the logs."""
        names = []
        for name, field in self.fields.items():
            parts = getattr(field.widget, "widgets_names", None)
            names += [f"{name}{part}" for part in parts] if parts else [name]
        return [(name, value) for name in names for value in self.data.getlist(name)]

    def person(self) -> Person:
        status = self.cleaned_data["status"]
        return Person(
            age=self.cleaned_data["age"],
            legal_status=None if status == NOT_SURE else status,
            circumstances=frozenset(self.cleaned_data["circumstances"]),
        )


class ItemForm(ModelForm):
    """An item's words and rules (saved as a new version), its owner and its review date."""

    slug = forms.SlugField(
        label="Web address",
        max_length=80,
        required=False,
        help_text="The end of the page's address, like setting-up-home-allowance. "
        "Leave blank to make one from the title. It cannot change later.",
    )
    amount = forms.DecimalField(
        label="Amount in pounds (optional)",
        required=False,
        widget=forms.TextInput,
        min_value=Decimal("0.01"),
        max_digits=9,
        decimal_places=2,
        error_messages={
            "invalid": "Enter the amount as a number, like 3000 or 12.50",
            "min_value": "The amount must be more than £0. Leave it blank if there is none",
            "max_decimal_places": "Enter the amount in pounds and pence, like 12.50",
        },
    )
    legal_statuses = forms.MultipleChoiceField(
        label="Legal statuses it is for (optional)",
        help_text="Leave all unticked if it is for every status.",
        choices=LegalStatus.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    circumstances = forms.MultipleChoiceField(
        label="Circumstances it is for (optional)",
        help_text="Someone needs at least one of those ticked. Leave all unticked for everyone.",
        choices=Circumstance.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    min_age = forms.IntegerField(
        label="Youngest age (optional)",
        required=False,
        widget=forms.TextInput,
        validators=[MinValueValidator(YOUNGEST), MaxValueValidator(OLDEST)],
        error_messages={"invalid": "Enter an age as a number"},
    )
    max_age = forms.IntegerField(
        label="Oldest age (optional)",
        required=False,
        widget=forms.TextInput,
        validators=[MinValueValidator(YOUNGEST), MaxValueValidator(OLDEST)],
        error_messages={"invalid": "Enter an age as a number"},
    )
    owner = forms.ModelChoiceField(
        label="Owner",
        help_text="The person who keeps this item accurate.",
        queryset=User.objects.none(),
        empty_label="Choose an owner",
        error_messages={"required": "Choose who owns this item"},
    )
    review_by = DateField(label="Review by", help_text="For example, 31 5 2027")
    change_note = forms.CharField(
        label="What did you change? (optional)", required=False, max_length=300
    )
    based_on = forms.CharField(widget=forms.HiddenInput, required=False)
    provider_website = forms.URLField(
        label="Their website (optional)",
        required=False,
        assume_scheme="https",
        widget=forms.TextInput,
        error_messages={"invalid": "Enter a web address, like https://example.org"},
    )

    class Meta:
        model = OfferItemVersion
        # The amount is typed in pounds (`amount`) and stored in pence.
        fields = [name for name in CONTENT_FIELDS if name != "amount_pence"]
        labels = {
            "summary": "Summary",
            "body": "What it is",
            "provider_phone": "Their phone number (optional)",
            "provider_email": "Their email address (optional)",
            "provider_website": "Their website (optional)",
            "amount_period": "The amount is",
            "scheme": "Money scheme (optional)",
            "keywords": "Other words people might search for (optional)",
        }
        help_texts = {
            "summary": "One or two short sentences on what someone gets.",
            "body": "Plain words. Leave a blank line between paragraphs. "
            "Start a line with “- ” for a list.",
            "keywords": "Separate them with commas, like furniture, bed, cooker.",
        }
        widgets = {
            "category": forms.RadioSelect,
            "amount_period": forms.RadioSelect,
            "summary": forms.Textarea(attrs={"rows": 2}),
            "body": forms.Textarea(attrs={"rows": 10}),
            "how_to_get": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "title": {"required": "Enter a title"},
            "category": {"required": "Choose a category"},
            "summary": {"required": "Enter a summary"},
            "body": {"required": "Say what it is"},
            "how_to_get": {"required": "Say how to get it"},
            "provider_name": {"required": "Say who provides it"},
            "provider_email": {"invalid": "Enter an email address, like name@example.org"},
            "provider_website": {"invalid": "Enter a web address, like https://example.org"},
        }

    def __init__(self, *args, authority, is_new: bool, region=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_new = is_new
        self.fields["category"].queryset = Category.objects.all()
        self.fields["category"].empty_label = None
        self.fields["amount_period"].choices = [("", "No amount")] + list(AmountPeriod.choices)
        self.fields["amount_period"].required = False
        # A regional item pays from no one council's scheme; any member council's editor,
        # or the region's lead, may own it.
        self.fields["scheme"].queryset = Scheme.objects.filter(
            authority=authority, authority__isnull=False, is_active=True
        )
        self.fields["scheme"].empty_label = "No scheme"
        editors = Q(authority=authority, role__in=[Role.OFFER_EDITOR, Role.MANAGER])
        if region is not None:
            editors = Q(authority__region=region, role__in=[Role.OFFER_EDITOR, Role.MANAGER])
            editors |= Q(led_regions=region)
        self.fields["owner"].queryset = User.objects.filter(editors, is_active=True).distinct()
        if not is_new:
            del self.fields["slug"]
        instance = self.instance
        if instance.pk and not self.is_bound:
            self.initial.update(
                amount=Decimal(instance.amount_pence) / 100 if instance.amount_pence else None,
                legal_statuses=instance.legal_statuses,
                circumstances=instance.circumstances,
                min_age=instance.min_age,
                max_age=instance.max_age,
            )
        layout = [
            Field.text("title", field_width=Fluid.FULL),
            Field.radios("category", legend_size=Size.SMALL, small=True),
            Field.textarea("summary"),
            Field.textarea("body"),
            Field.textarea("how_to_get"),
            Fieldset(
                Field.text("provider_name", field_width=Fluid.TWO_THIRDS),
                Field.text("provider_phone", field_width=Fluid.ONE_HALF),
                Field.text("provider_email", field_width=Fluid.TWO_THIRDS, spellcheck="false"),
                Field.text("provider_website", field_width=Fluid.TWO_THIRDS, spellcheck="false"),
                legend="Who provides it",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.text("amount", field_width=Fixed.TEN, inputmode="decimal"),
                Field.radios("amount_period", small=True, inline=True),
                Field.select("scheme"),
                legend="Money",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.text("min_age", field_width=Fixed.TWO, inputmode="numeric"),
                Field.text("max_age", field_width=Fixed.TWO, inputmode="numeric"),
                Field.checkboxes("legal_statuses", small=True),
                Field.checkboxes("circumstances", small=True),
                legend="Who it is for",
                legend_size=Size.MEDIUM,
            ),
            Field.text("keywords", field_width=Fluid.FULL),
            Fieldset(
                Field.select("owner"),
                Field("review_by"),
                legend="Keeping it current",
                legend_size=Size.MEDIUM,
            ),
            Field.text("change_note", field_width=Fluid.FULL),
            "based_on",
            HTML(
                '<p class="govuk-body">Saving makes a draft. The public page does not change '
                "until a manager approves it.</p>"
            ),
            Submit("save", "Save draft"),
        ]
        if is_new:
            layout.insert(1, Field.text("slug", field_width=Fluid.TWO_THIRDS, spellcheck="false"))
        self.helper = form_helper(*layout)

    def clean_slug(self) -> str:
        slug = self.cleaned_data.get("slug") or slugify(self.data.get("title", ""))[:80]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError("Choose another web address: that one is taken")
        return slug

    def clean_review_by(self) -> dt.date:
        review_by = self.cleaned_data["review_by"]
        if review_by <= timezone.localdate():
            raise forms.ValidationError("The review date must be in the future")
        return review_by

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("min_age"), cleaned.get("max_age")
        if low is not None and high is not None and low > high:
            self.add_error("max_age", "The oldest age must be the same as or above the youngest")
        amount, period = cleaned.get("amount"), cleaned.get("amount_period")
        if amount is not None and not period:
            self.add_error(
                "amount_period", "Say whether the amount is in total, a week, a month or a year"
            )
        if amount is None and period:
            self.add_error("amount", "Enter the amount, or choose “No amount”")
        if self.is_new and not cleaned.get("slug") and "slug" not in self.errors:
            self.add_error("slug", "Enter a web address, or a title to make one from")
        return cleaned

    def content(self) -> dict:
        """The words and rules as a new version holds them."""
        data = {name: self.cleaned_data.get(name) for name in self.Meta.fields}
        amount = self.cleaned_data.get("amount")
        data["amount_pence"] = int(amount * 100) if amount is not None else None
        return data


class VersionNumberForm(Form):
    """The version a manager's decision is about, as the page they read showed it."""

    number = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ReturnForm(VersionNumberForm):
    note = forms.CharField(
        label="What needs changing?",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say what needs changing, so the editor knows what to do"},
    )

    def __init__(self, *args, action: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            "number",
            Field.textarea("note"),
            Submit("return", "Send back", css_class="govuk-button--secondary"),
        )
        self.helper.form_action = action


class SignOffForm(Form):
    note = forms.CharField(
        label="A note for the record (optional)",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field.textarea("note"), Submit("sign", "Sign off the offer"))


class LocalNoteForm(Form):
    text = forms.CharField(
        label="Your council's note (optional)",
        help_text="Shown under this regional item on your council's offer only. "
        "Leave it empty to remove the note.",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, action: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.textarea("text"),
            Submit("note", "Save the note", css_class="govuk-button--secondary"),
        )
        self.helper.form_action = action
