"""Every form's words are escaped before any template sees them.

Labels and help text are often built from records ("What Jo says"), and the GOV.UK
crispy templates print them with `|safe`. So every bound field escapes its label and
help text as it is made: plain text becomes escaped HTML, and only text a developer
marked safe (Django's own password help, for one) keeps its markup. The renderer is
settings.FORM_RENDERER, so this holds for every form, ours, allauth's and the admin's.
"""

from __future__ import annotations

from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape


class EscapedBoundField(BoundField):
    def __init__(self, form, field, name):
        super().__init__(form, field, name)
        self.label = conditional_escape(self.label)
        self.help_text = conditional_escape(self.help_text)


class FormRenderer(DjangoTemplates):
    bound_field_class = EscapedBoundField
