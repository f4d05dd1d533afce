"""Choice labels and form values as a person reads them."""

import datetime as dt

from django import forms
from django.template import Context, Template

from common.forms import in_words
from common.words import midsentence


def test_a_label_inside_a_sentence_keeps_its_initialisms():
    assert midsentence("Their PA asked for a review") == "their PA asked for a review"
    assert midsentence("Handover to a new PA") == "handover to a new PA"
    assert midsentence("PA left the service") == "PA left the service"
    rendered = Template("Told by {{ how|midsentence }}.").render(Context({"how": "Phone call"}))
    assert rendered == "Told by phone call."


def test_a_form_value_is_shown_in_words():
    choice = forms.ChoiceField(choices=[("yes", "Yes"), ("no", "No"), ("", "Not decided yet")])
    assert in_words(choice, "no") == "No"
    assert in_words(choice, "") == "Not given"
    assert in_words(forms.BooleanField(), False) == "No"
    assert in_words(forms.DateField(), dt.date(2026, 12, 1)) == "1 December 2026"
    assert in_words(forms.CharField(), "07700 900111") == "07700 900111"
