"""How someone wants to hear from the service."""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Size, Submit
from django import forms

from common.forms import Form
from people.forms import form_helper
from people.models import ContactMethod


class NotificationSettingsForm(Form):
    """How a person hears from the portal; a care leaver also says how their PA contacts them."""

    wants_email = forms.TypedChoiceField(
        label="Do you want an email when something needs your attention?",
        choices=[("yes", "Yes, email me as well"), ("no", "No, I will look here")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        help_text="Everything also shows here on the notifications page.",
    )
    preferred_contact = forms.ChoiceField(
        label="How would you like your PA and the service to contact you?",
        choices=ContactMethod.choices,
        widget=forms.RadioSelect,
        help_text=(
            "If you choose text, we also text your mobile when something needs your attention."
        ),
    )

    def __init__(self, *args, is_care_leaver: bool, **kwargs):
        super().__init__(*args, **kwargs)
        layout = [Field.radios("wants_email", legend_size=Size.SMALL, small=True)]
        if is_care_leaver:
            layout.append(Field.radios("preferred_contact", legend_size=Size.SMALL, small=True))
        else:
            del self.fields["preferred_contact"]
        self.helper = form_helper(*layout, Submit("save", "Save settings"))
