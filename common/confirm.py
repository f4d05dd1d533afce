"""Confirming an irreversible step: a page shows a summary, its button posts the summary's
fingerprint back, and the service does the step only if the summary it works out again,
under its locks, has the same fingerprint. A stale page cannot confirm something else."""

from __future__ import annotations

import hashlib
import json

from django import forms

from common.forms import Form


def fingerprint(value) -> str:
    """A fingerprint of what a page showed (any JSON-able value), to compare at the POST."""
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


class ConfirmForm(Form):
    """What a confirmation page's button posts: the fingerprint of the summary it showed."""

    seen = forms.CharField(widget=forms.HiddenInput, max_length=64)
    confirm = forms.ChoiceField(choices=[("yes", "Yes")], widget=forms.HiddenInput)


def confirmed(data) -> str | None:
    """The fingerprint a confirmation page posted, or None when its button was not pressed
    (a one-step POST from an old page, or a form without the confirmation)."""
    form = ConfirmForm(data)
    return form.cleaned_data["seen"] if form.is_valid() else None
