"""Rota forms. Times are typed as 24-hour HH:MM, dates in GOV.UK's three boxes."""

from __future__ import annotations

import datetime as dt

from crispy_forms_gds.layout import Field, Fixed, Size, Submit
from django import forms
from django.utils import timezone

from common.forms import DateField, Form, ModelForm
from people.forms import SearchForm, form_helper, pa_label
from rota.models import Channel, DutyRole, LeaveKind, SwapOffer


class TimeField(forms.TimeField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("input_formats", ["%H:%M", "%H.%M", "%H%M"])
        kwargs.setdefault(
            "error_messages", {"invalid": "Enter a time like 14:30", "required": "Enter a time"}
        )
        super().__init__(*args, **kwargs)


def _moment(day: dt.date | None, time: dt.time | None) -> dt.datetime | None:
    if day is None or time is None:
        return None
    return timezone.make_aware(dt.datetime.combine(day, time))


class EnquiryForm(Form):
    day = DateField(label="Date it came in", help_text="For example, 24 11 2026")
    time = TimeField(label="Time it came in", help_text="For example, 14:30")
    channel = forms.ChoiceField(
        label="How it came in",
        choices=Channel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how it came in"},
    )
    caller = forms.CharField(
        label="Who called, if not a young person we know (optional)",
        max_length=200,
        required=False,
        help_text="Leave blank for an unknown caller.",
    )
    about = forms.CharField(
        label="What it was about",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say what the enquiry was about"},
    )
    action = forms.CharField(
        label="What was done",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say what was done"},
    )
    follow_up_day = DateField(
        label="Follow-up needed by (optional)", require_all_fields=False, required=False
    )
    follow_up_time = TimeField(label="Follow-up time (optional)", required=False)

    def __init__(self, *args, about_young_person: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].error_messages["required"] = "Enter the date it came in"
        if about_young_person:
            # The enquiry is theirs, whoever called: the caller is not asked for.
            del self.fields["caller"]
        self.helper = form_helper(
            Field("day"),
            Field.text("time", field_width=Fixed.FIVE),
            Field.radios("channel", legend_size=Size.SMALL, small=True),
            *([] if about_young_person else [Field.text("caller")]),
            Field.textarea("about"),
            Field.textarea("action"),
            Field("follow_up_day"),
            Field.text("follow_up_time", field_width=Fixed.FIVE),
            Submit("save", "Save enquiry"),
        )

    def clean(self):
        data = super().clean()
        data["received_at"] = _moment(data.get("day"), data.get("time"))
        if data.get("follow_up_day") and not data.get("follow_up_time"):
            data["follow_up_time"] = dt.time(17)
        data["follow_up_by"] = _moment(data.get("follow_up_day"), data.get("follow_up_time"))
        data.setdefault("caller", "")
        return data


class FindForm(SearchForm):
    """The duty search: POSTed (people.views.remember_search), so no name is in a URL."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].label = "Name, date of birth or ID"
        self.fields[
            "q"
        ].help_text = "For example, Jade Okoro, 3 4 2007, or their child ID or portal number."


class LeaveForm(Form):
    starts_on = DateField(label="First day", help_text="For example, 22 12 2026")
    ends_on = DateField(label="Last day", help_text="For example, 2 1 2027")
    kind = forms.ChoiceField(
        label="What kind", choices=LeaveKind.choices, widget=forms.RadioSelect, initial="annual"
    )

    def clean(self):
        data = super().clean()
        _within_years(self, data, "starts_on", "ends_on", longest_days=366)
        return data

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["starts_on"].error_messages["required"] = "Enter the first day"
        self.fields["ends_on"].error_messages["required"] = "Enter the last day"
        self.helper = form_helper(
            Field("starts_on"),
            Field("ends_on"),
            Field.radios("kind", legend_size=Size.SMALL, small=True),
            Submit("save", "Save leave"),
        )


def _within_years(form, data, first: str, last: str, *, longest_days: int) -> None:
    """Dates this century, in order, and not too far apart; else a plain message."""
    start, end = data.get(first), data.get(last)
    if start is None or end is None:
        return
    if not (2000 <= start.year <= 2100 and 2000 <= end.year <= 2100):
        form.add_error(first, "Enter dates between 2000 and 2100")
    elif end < start:
        form.add_error(last, "The last day must be on or after the first day")
    elif (end - start).days >= longest_days:
        form.add_error(last, f"Choose a period shorter than {longest_days} days")


class GenerateForm(Form):
    start = DateField(label="From", help_text="For example, 1 12 2026")
    end = DateField(label="To (inclusive)", help_text="For example, 28 12 2026")
    max_per_week = forms.IntegerField(
        label="Most shifts a PA does in a week", min_value=1, max_value=14, initial=3
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field("start"),
            Field("end"),
            Field.text("max_per_week", field_width=Fixed.TWO),
            Submit("save", "Fill the rota"),
        )

    def clean(self):
        data = super().clean()
        _within_years(self, data, "start", "end", longest_days=92)
        return data


class FillForm(Form):
    pa = forms.ModelChoiceField(
        label="Personal adviser",
        queryset=None,
        required=False,
        empty_label="Nobody (leave unfilled)",
    )

    def __init__(self, *args, pas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pa"].queryset = pas
        self.fields["pa"].label_from_instance = pa_label
        self.helper = form_helper(Field.select("pa"), Submit("save", "Save"))


class ShiftForm(Form):
    """A shift a manager adds by hand: on a bank holiday, or any day the pattern misses."""

    day = DateField(label="Day", help_text="For example, 25 12 2026")
    role = forms.ChoiceField(
        label="Which shift",
        choices=DutyRole.choices,
        widget=forms.RadioSelect,
        initial=DutyRole.DUTY,
        error_messages={"required": "Choose which shift"},
    )
    starts = TimeField(label="Starts at", help_text="For example, 09:00")
    ends = TimeField(label="Ends at", help_text="For example, 17:00")
    pa = forms.ModelChoiceField(
        label="Personal adviser",
        queryset=None,
        required=False,
        empty_label="Nobody yet (leave unfilled)",
    )

    def __init__(self, *args, pas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].error_messages["required"] = "Enter the day"
        self.fields["pa"].queryset = pas
        self.fields["pa"].label_from_instance = pa_label
        self.helper = form_helper(
            Field("day"),
            Field.radios("role", legend_size=Size.SMALL, small=True),
            Field.text("starts", field_width=Fixed.FIVE),
            Field.text("ends", field_width=Fixed.FIVE),
            Field.select("pa"),
            Submit("save", "Add the shift"),
        )

    def clean(self):
        data = super().clean()
        day = data.get("day")
        if day is not None and not 2000 <= day.year <= 2100:
            self.add_error("day", "Enter a day between 2000 and 2100")
            return data
        data["starts_at"] = _moment(day, data.get("starts"))
        data["ends_at"] = _moment(day, data.get("ends"))
        if data["starts_at"] and data["ends_at"] and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends", "The end must be after the start, on the same day")
        return data


class SwapOfferForm(ModelForm):
    """The note a PA may send with a shift they offer to colleagues."""

    class Meta:
        model = SwapOffer
        fields = ["note"]
