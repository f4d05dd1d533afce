"""Every form's answers are checked for size and characters before the database sees them."""

import pytest
from django import forms
from django.utils.module_loading import autodiscover_modules

from common.forms import TEXT_MAX_LENGTH, BoundedFieldsMixin, DateField, Form, ModelForm
from rota.models import SwapOffer


class DateForm(Form):
    day = DateField()


class OptionalDateForm(Form):
    day = DateField(required=False, require_all_fields=False)


def _date(day, month, year, form_class=DateForm):
    form = form_class({"day_0": day, "day_1": month, "day_2": year})
    return form.is_valid(), form.errors.get("day", [])


@pytest.mark.parametrize(
    "day, month, year",
    [
        ("1", "1", "9" * 30),  # once an OverflowError
        ("9" * 30, "1", "2026"),
        ("1", "99999999999999999999", "2026"),
        ("-1", "1", "2026"),
        (" ", "1", "2026"),  # once a TypeError: None where a date was promised
        (" ", " ", " "),
        ("30", "2", "2026"),
        ("1", "1", "0"),
        ("1", "1", "1066"),
        ("1", "1", "9999"),
        ("1\x00", "1", "2026"),
        ("١", "1", "2026"),  # an Arabic-Indic one
    ],
)
def test_a_date_that_cannot_be_is_refused_with_a_message(day, month, year):
    valid, errors = _date(day, month, year)
    assert not valid and errors


def test_spaces_around_a_date_are_ignored_and_spaces_alone_are_empty():
    assert DateForm({"day_0": " 27 ", "day_1": "3", "day_2": " 2007"}).is_valid()
    assert _date(" ", " ", " ", OptionalDateForm) == (True, [])
    valid, errors = _date(" ", "3", "2007", OptionalDateForm)
    assert not valid and errors == ["Enter the day of the month"]


def test_a_date_out_of_range_says_which_years_are_allowed():
    assert _date("1", "1", "1899") == (False, ["Enter a year between 1900 and 2100"])


class NoteForm(Form):
    note = forms.CharField(required=False, widget=forms.Textarea)
    count = forms.IntegerField(required=False)


@pytest.mark.parametrize("text", ["a\x00b", "bell\x07", "\x1b[31m", "del\x7f", "c1\x85c1"])
def test_control_characters_are_refused_in_plain_words(text):
    form = NoteForm({"note": text})
    assert not form.is_valid()
    assert form.errors["note"] == [
        "Remove the hidden characters from this answer. Try typing it instead of pasting it."
    ]


def test_tabs_line_breaks_and_any_language_are_kept():
    form = NoteForm({"note": "Line one\r\n\tLine two, مرحبا, 你好, 😀"})
    assert form.is_valid(), form.errors


def test_text_without_a_limit_is_bounded_and_numbers_fit_an_integer_column():
    assert NoteForm({"note": "x" * TEXT_MAX_LENGTH}).is_valid()
    long = NoteForm({"note": "x" * (TEXT_MAX_LENGTH + 1)})
    assert long.errors["note"] == [f"Use {TEXT_MAX_LENGTH:,} characters or fewer"]
    assert NoteForm({"count": str(2**31 - 1)}).is_valid()
    assert not NoteForm({"count": str(2**31)}).is_valid()
    assert not NoteForm({"count": str(-(2**31) - 1)}).is_valid()


class SwapNoteForm(ModelForm):
    class Meta:
        model = SwapOffer
        fields = ["note"]


def test_a_model_forms_text_is_bounded_by_its_column():
    assert SwapNoteForm({"note": "x" * 200}).is_valid()
    assert SwapNoteForm({"note": "x" * 201}).errors["note"] == ["Use 200 characters or fewer"]


def test_every_form_in_the_portal_stands_on_the_bounded_base():
    autodiscover_modules("forms")  # every app's forms, whatever this run imported before
    ours = ("people", "pathway", "finance", "rota", "offer", "handovers", "notifications")
    unbounded = [
        f"{form.__module__}.{form.__qualname__}"
        for form in _subclasses(forms.BaseForm)
        if form.__module__.split(".")[0] in ours
        and form.__module__.endswith(".forms")
        and not issubclass(form, BoundedFieldsMixin)
    ]
    assert not unbounded, f"Base these on common.forms.Form or ModelForm: {unbounded}"


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_fields_a_form_adds_in_its_own_init_are_bounded_too():
    class Later(Form):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["note"] = forms.CharField(widget=forms.Textarea)

    assert not Later({"note": "bell\x07"}).is_valid()
    assert not Later({"note": "x" * 10_001}).is_valid()
    # A line break counts once, though a browser sends it as two characters.
    assert Later({"note": "line\r\n" * 1_999}).is_valid()
