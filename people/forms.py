"""Forms for people pages; GOV.UK markup comes from crispy-forms-gds."""

from __future__ import annotations

from allauth.mfa.base.forms import AuthenticateForm as MFAAuthenticateForm
from allauth.mfa.base.forms import ReauthenticateForm as MFAReauthenticateForm
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Field, Fixed, Fluid, Layout, Size, Submit
from django import forms
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from common.forms import BoundedFieldsMixin, DateField, Form, ModelForm, in_words
from people.models import (
    YOUNG_PERSON_DETAIL_FIELDS,
    Ethnicity,
    LegalStatus,
    Sex,
    User,
    YoungPerson,
)
from people.selectors import code_failures_too_many
from people.services import code_failures_clear


def form_helper(*layout, method: str = "post") -> FormHelper:
    """A crispy-forms-gds helper; `novalidate` so that our messages, not the browser's, show."""
    helper = FormHelper()
    helper.form_method = method
    helper.attrs = {"novalidate": "novalidate"}
    helper.layout = Layout(*layout)
    return helper


class SearchForm(Form):
    q = forms.CharField(label="Search by name", required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.text("q", field_width=Fluid.TWO_THIRDS), Submit("", "Search")
        )


def pa_label(pa: User, *details: str) -> str:
    """A PA as a choice: their name, and in brackets `details` and when they are leaving."""
    if pa.leaving_on is not None:
        details = (f"leaving {pa.leaving_on:%-d %B %Y}", *details)
    return f"{pa.get_full_name()} ({'; '.join(details)})" if details else pa.get_full_name()


class AllocationForm(Form):
    pa = forms.ModelChoiceField(
        label="Personal adviser",
        queryset=User.objects.none(),
        empty_label="Choose a personal adviser",
        error_messages={
            "required": "Choose a personal adviser",
            "invalid_choice": "Choose a personal adviser from the list",
        },
    )

    def __init__(self, *args, pas, **kwargs):
        super().__init__(*args, **kwargs)
        # A PA whose last working day has passed is not offered; one who is leaving says so.
        self.fields["pa"].queryset = pas.exclude(leaving_on__lt=timezone.localdate())
        self.fields["pa"].label_from_instance = lambda pa: pa_label(
            pa, "1 young person" if pa.caseload == 1 else f"{pa.caseload} young people"
        )
        self.helper = form_helper(Field.select("pa"), Submit("allocate", "Allocate"))


class InvitationForm(Form):
    email = forms.EmailField(
        label="Their email address",
        help_text="We will send a link to this address. The link works once and lasts 14 days.",
        error_messages={
            "required": "Enter their email address",
            "invalid": "Enter an email address in the right format, like name@example.com",
        },
    )
    send_by = forms.ChoiceField(
        label="How should we send the link?",
        choices=[("email", "By email")],
        initial="email",
        widget=forms.RadioSelect,
        # Left out, the link is emailed, as before texts could be chosen.
        required=False,
    )

    def __init__(self, *args, mobile: str = "", **kwargs):
        """`mobile`: the number on their record, when the link can be texted to it."""
        super().__init__(*args, **kwargs)
        layout = [
            Field.text(
                "email", field_width=Fluid.TWO_THIRDS, autocomplete="off", spellcheck="false"
            )
        ]
        if mobile:
            email = self.fields["email"]
            email.help_text = "They sign in with this address. The link works once, for 14 days."
            self.fields["send_by"].choices = [
                ("text", f"By text to {mobile}"),
                ("email", "By email"),
            ]
            self.fields["send_by"].initial = "text"
            layout.append(Field.radios("send_by", legend_size=Size.SMALL, small=True))
        else:
            del self.fields["send_by"]
        self.helper = form_helper(*layout, Submit("invite", "Send invitation"))

    @property
    def by_text(self) -> bool:
        return self.cleaned_data.get("send_by") == "text"


class SetPasswordForm(Form):
    password1 = forms.CharField(
        label="Create a password",
        help_text=(
            "At least 10 characters. A few words together are easy to remember and hard to guess."
        ),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter a password"},
    )
    password2 = forms.CharField(
        label="Type the password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Type the password again"},
    )

    def __init__(self, *args, submit: str = "Create my account", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.text("password1", field_width=Fluid.TWO_THIRDS),
            Field.text("password2", field_width=Fluid.TWO_THIRDS),
            Submit("create", submit),
        )

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The two passwords are different. Type them again.")
        return cleaned


class CodeLimitMixin:
    """Wrong authenticator codes counted in the database (people.models.CodeFailure), for
    signing in and signing in again alike: at the limit the next code is refused before
    it is tried, and a right one starts the count again. allauth counts too, but in Redis,
    which forgets while it is down.

    The account's row is locked while a code is tried, so codes sent at once take turns
    and each sees the failures before it."""

    def clean_code(self) -> str:
        with transaction.atomic():
            User.objects.select_for_update().filter(pk=self.user.pk).first()
            if code_failures_too_many(self.user):
                minutes = int(settings.CODE_FAILURE_WINDOW.total_seconds() // 60)
                raise forms.ValidationError(
                    f"Too many wrong codes. Wait {minutes} minutes, then try again with a new code."
                )
            try:
                code = super().clean_code()
            except forms.ValidationError as error:
                wrong = error  # the failure allauth signalled is kept: no rollback
            else:
                wrong = None
                code_failures_clear(self.user)
        if wrong is not None:
            raise wrong
        return code


def _label_code_field(form) -> None:
    code = form.fields["code"]
    code.label = "Authenticator code"
    code.help_text = "For example, 123456"
    code.widget.attrs.update({"inputmode": "numeric", "autocomplete": "one-time-code"})
    code.error_messages["required"] = "Enter the code from your authenticator app"


class AuthenticateForm(CodeLimitMixin, BoundedFieldsMixin, MFAAuthenticateForm):
    """allauth's code form, labelled for people rather than for security experts."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _label_code_field(self)


class ReauthenticateForm(CodeLimitMixin, BoundedFieldsMixin, MFAReauthenticateForm):
    """allauth's code form for signing in again before a sensitive step, labelled alike."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _label_code_field(self)


class YoungPersonForm(ModelForm):
    """A young person's details. `updated_at` travels with the form to catch clashing edits."""

    date_of_birth = DateField(label="Date of birth", help_text="For example, 27 3 2007")
    date_left_care = DateField(
        label="Date they left care",
        help_text="Leave blank if they are still in care. For example, 14 9 2024",
        require_all_fields=False,
        required=False,
    )
    mothers_child_born_on = DateField(
        label="If she is a mother: her child's date of birth (optional)",
        require_all_fields=False,
        required=False,
    )
    refuses_contact_since = DateField(
        label="If they have said they do not want contact: since when (optional)",
        require_all_fields=False,
        required=False,
    )
    died_on = DateField(
        label="If they have died: the date (optional)", require_all_fields=False, required=False
    )
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = YoungPerson
        fields = list(YOUNG_PERSON_DETAIL_FIELDS)
        labels = {
            "preferred_name": "Name they like to be called (optional)",
            "is_unaccompanied_asylum_seeker": (
                "They came to the UK as an unaccompanied asylum-seeking child"
            ),
            "phone": "Mobile or phone number (optional)",
            "email": "Email address (optional)",
            "address": "Address (optional)",
            "preferred_contact": "How they prefer to be contacted",
            "sex": "Sex (optional)",
            "ethnicity": "Ethnicity (optional)",
            "upn": "Unique pupil number (optional)",
            "mothers_child_born_on": "If she is a mother: her child's date of birth (optional)",
            "refuses_contact_since": "If they have said they do not want contact: since when",
            "died_on": "If they have died: the date",
            "has_disability": "Do they have a disability?",
        }
        widgets = {
            "legal_status": forms.RadioSelect,
            "sex": forms.RadioSelect,
            "preferred_contact": forms.RadioSelect,
            "address": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "first_name": {"required": "Enter their first name"},
            "last_name": {"required": "Enter their last name"},
            "legal_status": {"required": "Choose their legal status"},
            "email": {
                "invalid": "Enter an email address in the right format, like name@example.com"
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.updated_at.isoformat()
        self.fields["legal_status"].choices = LegalStatus.choices
        self.fields["sex"].choices = Sex.choices
        self.fields["has_disability"] = forms.TypedChoiceField(
            label="Do they have a disability? (optional)",
            choices=[("yes", "Yes"), ("no", "No"), ("", "Not known")],
            coerce=lambda value: {"yes": True, "no": False}.get(value),
            empty_value=None,
            required=False,
            widget=forms.RadioSelect,
        )
        if not self.is_bound:
            known = {True: "yes", False: "no"}
            self.initial["has_disability"] = known.get(self.instance.has_disability, "")
        self.fields["ethnicity"].choices = [("", "Not recorded"), *Ethnicity.choices]
        self.helper = form_helper(
            Field.text("first_name", field_width=Fluid.TWO_THIRDS),
            Field.text("last_name", field_width=Fluid.TWO_THIRDS),
            Field.text("preferred_name", field_width=Fluid.TWO_THIRDS),
            Field("date_of_birth"),
            Field.radios("legal_status", legend_size=Size.SMALL),
            Field("date_left_care"),
            Field.checkbox("is_unaccompanied_asylum_seeker"),
            Field.text("phone", field_width=Fluid.ONE_HALF, autocomplete="off"),
            Field.text(
                "email", field_width=Fluid.TWO_THIRDS, autocomplete="off", spellcheck="false"
            ),
            Field.textarea("address"),
            Field.radios("preferred_contact", legend_size=Size.SMALL, small=True),
            HTML(
                '<h2 class="govuk-heading-m">For the statutory returns</h2>'
                '<p class="govuk-body">The DfE and Ofsted ask for these each year.</p>'
            ),
            Field.radios("sex", legend_size=Size.SMALL, small=True),
            Field.select("ethnicity"),
            Field.text("upn", field_width=Fixed.TWENTY),
            Field("mothers_child_born_on"),
            Field("refuses_contact_since"),
            Field.radios("has_disability", legend_size=Size.SMALL, small=True),
            Field("died_on"),
            "version",
            Submit("save", "Save details"),
        )

    def clashes_with(self, saved: YoungPerson) -> list[tuple[str, str, str]]:
        """(label, saved value, typed value) for each detail someone else saved differently."""
        rows = []
        for name in YOUNG_PERSON_DETAIL_FIELDS:
            saved_value, typed_value = getattr(saved, name), self.cleaned_data.get(name)
            if (saved_value or None) != (typed_value or None):
                field = self.fields[name]
                shown = in_words(field, saved_value), in_words(field, typed_value)
                rows.append((field.label, *shown))
        return rows


class LeavingForm(Form):
    leaving_on = DateField(
        label="Their last working day",
        help_text="For example, 18 12 2026. Each young person they support gets a handover.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leaving_on"].error_messages["required"] = "Enter their last working day"
        self.helper = form_helper(Field("leaving_on"), Submit("save", "Continue"))
