"""The base every form stands on, and the renderer every form is drawn with.

Every answer is checked for size and characters here, so nothing the database cannot hold
(or should not) ever reaches it: text is refused if it holds control characters (a NUL
byte cannot be stored at all) and is bounded by its column, or by TEXT_MAX_LENGTH where
the column has no limit; whole numbers are bounded by what their column holds; dates must
fall between EARLIEST_YEAR and LATEST_YEAR, so that no later sum on them overflows.

Every form's words are escaped before any template sees them. Labels and help text are
often built from records ("What Jo says"), and the GOV.UK crispy templates print them with
`|safe`. So every bound field escapes its label and help text as it is made: plain text
becomes escaped HTML, and only text a developer marked safe (Django's own password help,
for one) keeps its markup. The renderer is settings.FORM_RENDERER, so this holds for every
form, ours, allauth's and the admin's.
"""

from __future__ import annotations

import datetime as dt
import re

from crispy_forms_gds.fields import DateInputField
from django import forms
from django.core import validators
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connection, models
from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape

# A TextField's answer: pages of notes, never a book.
TEXT_MAX_LENGTH = 10_000
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100
# The range of PostgreSQL's `integer`, for numbers that no column bounds.
INTEGER_RANGE = (-(2**31), 2**31 - 1)
# C0 and C1 control characters and DEL; tabs and line breaks are ordinary in text.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def refuse_control_characters(value) -> None:
    if isinstance(value, str) and _CONTROL_CHARACTERS.search(value):
        raise ValidationError(
            "Remove the hidden characters from this answer. Try typing it instead of pasting it.",
            code="control_characters",
        )


def refuse_dates_out_of_range(value) -> None:
    if isinstance(value, dt.date) and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValidationError(
            f"Enter a year between {EARLIEST_YEAR} and {LATEST_YEAR}", code="date_out_of_range"
        )


def _column(model, name: str):
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _at_most(limit: int):
    """A length check that counts a line break once: browsers send each as two characters."""

    def check(value) -> None:
        if isinstance(value, str) and len(value.replace("\r\n", "\n")) > limit:
            raise ValidationError(f"Use {limit:,} characters or fewer", code="max_length")

    return check


def _bound_text(field: forms.CharField, column) -> None:
    limit = field.max_length or getattr(column, "max_length", None) or TEXT_MAX_LENGTH
    field.max_length = limit
    kept = [
        validator
        for validator in field.validators
        if not isinstance(
            validator, validators.ProhibitNullCharactersValidator | validators.MaxLengthValidator
        )
    ]
    field.validators = [*kept, refuse_control_characters, _at_most(limit)]


def _bound_integer(field: forms.IntegerField, column) -> None:
    low, high = INTEGER_RANGE
    if isinstance(column, models.IntegerField):
        column_low, column_high = connection.ops.integer_field_range(column.get_internal_type())
        low = max(low, column_low) if column_low is not None else low
        high = min(high, column_high) if column_high is not None else high
    if field.min_value is None:
        field.validators.append(
            validators.MinValueValidator(low, message=f"Enter a number of {low:,} or more")
        )
    if field.max_value is None:
        field.validators.append(
            validators.MaxValueValidator(high, message=f"Enter a number of {high:,} or less")
        )


def bound_field(field: forms.Field, column=None) -> None:
    """Give `field` the size and character checks its kind needs (see the module's docstring)."""
    if isinstance(field, forms.CharField):
        _bound_text(field, column)
    elif isinstance(field, forms.IntegerField):
        _bound_integer(field, column)
    elif isinstance(field, forms.DateField | forms.DateTimeField):
        field.validators.append(refuse_dates_out_of_range)
    if isinstance(field, forms.MultiValueField):
        for part in field.fields:
            bound_field(part)


class BoundedFieldsMixin:
    """Every field of the form bounded, by its model column where the form has a model.

    Fields are bounded again just before the form is checked, so that those a form adds in
    its own __init__, after this one, are bounded too (each field once)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._bound_new_fields()

    def _bound_new_fields(self) -> None:
        model = getattr(getattr(self, "_meta", None), "model", None)
        for name, field in self.fields.items():
            if not getattr(field, "_portal_bounded", False):
                bound_field(field, _column(model, name))
                field._portal_bounded = True

    def full_clean(self):
        self._bound_new_fields()
        super().full_clean()


class Form(BoundedFieldsMixin, forms.Form):
    pass


class ModelForm(BoundedFieldsMixin, forms.ModelForm):
    pass


class DateField(DateInputField):
    """GOV.UK's day, month and year boxes, each checked before the date is made.

    A day and month of one or two digits and a year of four, so no part can overflow; a box
    holding only spaces counts as empty; the date must exist and fall in range."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        day, month, year = self.fields
        parts = (
            (day, r"^[0-9]{1,2}$", "The day must be a number, like 27"),
            (month, r"^[0-9]{1,2}$", "The month must be a number from 1 to 12"),
            (year, r"^[0-9]{4}$", "The year must be 4 numbers, like 2007"),
        )
        for part, pattern, message in parts:
            part.validators = [validators.RegexValidator(pattern, message)]
        self.validators.append(refuse_dates_out_of_range)

    def clean(self, value):
        if isinstance(value, list | tuple):
            value = [part.strip() if isinstance(part, str) else part for part in value]
        return super().clean(value)

    def compress(self, data_list):
        try:
            return super().compress(data_list)
        except forms.ValidationError as error:
            raise forms.ValidationError("Enter a real date, for example 27 3 2007") from error


def in_words(field: forms.Field, value) -> str:
    """A form's value as a person reads it (on a clash page): the choice's label, a date
    as "1 December 2026", Yes or No, never the code the form keeps."""
    if value in (None, ""):
        return "Not given"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.date):
        return f"{value:%-d %B %Y}"
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        labels = {str(key): label for key, label in field.choices}
        return str(labels.get(str(value), value))
    return str(value)


class EscapedBoundField(BoundField):
    def __init__(self, form, field, name):
        super().__init__(form, field, name)
        self.label = conditional_escape(self.label)
        self.help_text = conditional_escape(self.help_text)


class FormRenderer(DjangoTemplates):
    bound_field_class = EscapedBoundField
