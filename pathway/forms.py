"""Forms for plans, contacts, circumstances and the health passport."""

from __future__ import annotations

import copy

from crispy_forms.layout import HTML
from crispy_forms_gds.layout import Field, Fieldset, Fluid, Size, Submit
from django import forms

from common.forms import DateField, Form, ModelForm
from common.uploads import ACCEPTED_NAMES
from pathway.models import (
    HEALTH_FIELDS,
    SUITABILITY_POINTS,
    TRANSITION_FIELDS,
    AccommodationType,
    ActionOwner,
    ActionStatus,
    Activity,
    ContactMethod,
    DocumentKind,
    HealthPassport,
    Matter,
    ReviewReason,
)
from pathway.selectors import CASELOAD_FILTERS, CASELOAD_SORTS
from pathway.windows import BirthdayFacts, ReturnWindow, ordinal
from people.forms import form_helper
from people.models import Authority, Ethnicity, Sex

YES_NO = [("yes", "Yes"), ("no", "No")]


def _yes_no(label: str, error: str, **kwargs) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": error},
        **kwargs,
    )


def _text(label: str, *, required: bool = False, rows: int = 5, **kwargs) -> forms.CharField:
    return forms.CharField(
        label=label, required=required, widget=forms.Textarea(attrs={"rows": rows}), **kwargs
    )


class CaseloadForm(Form):
    """What to show and in what order; sent in the URL (nothing personal in it)."""

    show = forms.ChoiceField(
        label="Show", required=False, choices=[("", "Everyone"), *CASELOAD_FILTERS.items()]
    )
    sort = forms.ChoiceField(label="Sort by", required=False, choices=CASELOAD_SORTS.items())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.select("show"), Field.select("sort"), Submit("", "Show"), method="get"
        )


class SectionForm(Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, section, person, home_kind=None, home_suitable=None, **kwargs):
        """`home_kind` and `home_suitable`: the current home in their accommodation history."""
        super().__init__(*args, **kwargs)
        name = person.known_as
        self.fields["needs"] = _text("Needs", help_text=f"What {name} needs help with.")
        self.fields["strengths"] = _text(
            "Strengths", help_text=f"What is going well, and what {name} is good at."
        )
        self.fields["young_person_says"] = _text(
            f"What {name} says", help_text="In their words, as far as you can."
        )
        self.fields["how_met"] = _text(
            "How the needs will be met",
            help_text="Who will do what, and by when. Add each step as an action too.",
        )
        layout = [Field.textarea(n) for n in ("needs", "strengths", "young_person_says", "how_met")]
        if section.matter == Matter.ACCOMMODATION:
            for key, label in SUITABILITY_POINTS:
                self.fields[key] = _text(label, rows=2)
                layout.append(Field.textarea(key))
            if home_kind:
                where = AccommodationType(home_kind).label
                hint = f"Where {name} lives now: {where}. A change is added to their home history."
            else:
                hint = f"Record where {name} lives on their home and activity page first."
            self.fields["suitable"] = forms.ChoiceField(
                label="Is the accommodation suitable?",
                choices=YES_NO,
                widget=forms.RadioSelect,
                required=False,
                help_text=hint,
            )
            layout.append(Field.radios("suitable", legend_size=Size.SMALL, small=True))
            # What the history said when the form was opened: only a change is a judgement.
            self.fields["suitable_shown"] = forms.CharField(
                required=False, max_length=3, widget=forms.HiddenInput
            )
            layout.append("suitable_shown")
        if not self.is_bound:
            values = {n: getattr(section, n) for n in ("needs", "strengths", "young_person_says")}
            values["how_met"] = section.how_met
            # The plan's own old "suitable" answer is not read: the home history holds it.
            values.update({k: v for k, v in section.suitability.items() if k != "suitable"})
            if home_suitable is not None:
                values["suitable"] = values["suitable_shown"] = "yes" if home_suitable else "no"
            self.initial.update(values, revision=section.revision)
        self.helper = form_helper(*layout, "revision", Submit("save", "Save section"))


# Said before the button: a young person's view cannot be taken back once it is sent.
PERMANENT_VIEW_WARNING = (
    '<div class="govuk-warning-text"><span class="govuk-warning-text__icon" '
    'aria-hidden="true">!</span><strong class="govuk-warning-text__text">'
    '<span class="govuk-visually-hidden">Warning</span>'
    "Once you send your view, it stays in your plan. You cannot change it or take it out. "
    "If you change your mind, you can add a new view at any time.</strong></div>"
)


class SectionViewForm(Form):
    text = _text(
        "Your view",
        required=True,
        rows=6,
        max_length=5000,
        help_text="Say what you think about this part of your plan. Your PA will read it.",
        error_messages={
            "required": "Write what you think before you send it",
            "max_length": "Write 5000 characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.textarea("text"),
            HTML(PERMANENT_VIEW_WARNING),
            Submit("send", "Send my view"),
        )


class ActionForm(Form):
    matter = forms.ChoiceField(label="Part of the plan", choices=Matter.choices)
    what = forms.CharField(
        label="What will happen",
        max_length=300,
        error_messages={"required": "Enter what will happen"},
    )
    owner = forms.ChoiceField(
        label="Who will do it",
        choices=ActionOwner.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who will do it"},
    )
    agency = forms.CharField(
        label="Which person or agency (if another person or agency)",
        max_length=200,
        required=False,
    )
    due_on = DateField(label="By when", help_text="For example, 27 3 2027")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["due_on"].error_messages["required"] = "Enter the date it should be done by"
        self.helper = form_helper(
            Field.select("matter"),
            Field.text("what"),
            Field.radios("owner", legend_size=Size.SMALL, small=True),
            Field.text("agency", field_width=Fluid.TWO_THIRDS),
            Field("due_on"),
            Submit("save", "Add action"),
        )

    def clean(self):
        data = super().clean()
        if data.get("owner") == ActionOwner.AGENCY and not data.get("agency", "").strip():
            self.add_error("agency", "Enter which person or agency will do it")
        return data


class ActionStatusForm(Form):
    status = forms.ChoiceField(
        label="What has happened?",
        choices=ActionStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what has happened"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.radios("status", legend_size=Size.MEDIUM), Submit("save", "Save")
        )


class ReviewRequestForm(Form):
    reason = forms.ChoiceField(
        label="Why does the plan need a review?",
        choices=[
            c
            for c in ReviewReason.choices
            if c[0] not in (ReviewReason.YOUNG_PERSON_ASKED, ReviewReason.HIGH_RISK)
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose why the plan needs a review"},
    )
    note = _text("Anything else to say (optional)", rows=3, max_length=2000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.radios("reason", legend_size=Size.MEDIUM),
            Field.textarea("note"),
            Submit("save", "Ask for a review"),
        )


class ContactRequestForm(Form):
    message = _text(
        "What would you like to talk about? (optional)",
        rows=4,
        max_length=500,
        help_text="For example, money, where you live, or how you are feeling.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field.textarea("message"), Submit("send", "Ask my PA"))


class MyReviewRequestForm(Form):
    note = _text(
        "What would you like to talk about? (optional)",
        rows=4,
        max_length=2000,
        help_text="For example, you are moving, or something in your plan is not right.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field.textarea("note"), Submit("send", "Ask for a review"))


class ReviewForm(Form):
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    held_on = DateField(label="Date of the review", help_text="For example, 12 11 2026")
    participants = _text(
        "Who took part",
        required=True,
        rows=3,
        help_text="Names and roles, for example their PA, a college tutor, a support worker.",
        error_messages={"required": "Enter who took part"},
    )
    young_person_took_part = _yes_no(
        "Did the young person take part?", "Say whether the young person took part"
    )
    outcome = _text(
        "Outcome",
        required=True,
        rows=6,
        help_text="What was agreed, and what changed in the plan.",
        error_messages={"required": "Enter the outcome of the review"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["held_on"].error_messages["required"] = "Enter the date of the review"
        self.helper = form_helper(
            Field("held_on"),
            Field.textarea("participants"),
            Field.radios("young_person_took_part", legend_size=Size.SMALL, inline=True),
            Field.textarea("outcome"),
            "revision",
            Submit("save", "Send for sign-off"),
        )


class SignForm(Form):
    """The fingerprint of the plan as the signing manager read it (see `snapshot.digest`)."""

    read = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)


class ReturnForm(Form):
    note = _text(
        "What needs to change",
        required=True,
        rows=4,
        error_messages={"required": "Say what needs to change before sending it back"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.textarea("note"),
            Submit("return", "Send back", css_class="govuk-button--secondary"),
        )


def _birthday_fieldset(form, window: ReturnWindow, *, activity: bool, home: bool) -> Fieldset:
    """Ask what the return needs about the birthday of `window`: the caller prefills them."""
    on = f"{window.birthday:%-d %B %Y}"
    names = []
    if activity:
        form.fields["birthday_activity"] = forms.ChoiceField(
            label=f"Main activity on {on}",
            choices=[("", "Choose an activity"), *Activity.choices],
            error_messages={"required": "Choose their main activity on their birthday"},
        )
        names.append(Field.select("birthday_activity"))
    if home:
        form.fields["birthday_home"] = forms.ChoiceField(
            label=f"Where they lived on {on}",
            choices=[("", "Choose a type"), *AccommodationType.choices],
            error_messages={"required": "Choose where they lived on their birthday"},
        )
        form.fields["birthday_home_suitable"] = _yes_no(
            "Was it suitable?",
            "Say whether their home was suitable",
            help_text="No fixed abode and custody always count as not suitable.",
        )
        names += [
            Field.select("birthday_home"),
            Field.radios("birthday_home_suitable", legend_size=Size.SMALL, inline=True),
        ]
    if window.birthday > form.today:
        asks = "will be doing and where they will live on the day: say what is true now"
    else:
        asks = "were doing and where they lived on the day"
    hint = (
        f'<p class="govuk-hint">The DfE\'s return asks what they {asks}. What their record '
        "says is filled in: change anything that is not right.</p>"
    )
    return Fieldset(
        HTML(hint),
        *names,
        legend=f"Their {ordinal(window.age)} birthday, {on}",
        legend_size=Size.MEDIUM,
    )


def birthday_facts_from(cleaned_data: dict, window: ReturnWindow | None) -> BirthdayFacts | None:
    """What the form's birthday questions were answered with, or None if it had none."""
    if window is None:
        return None
    return BirthdayFacts(
        window=window,
        activity=cleaned_data.get("birthday_activity", ""),
        home_kind=cleaned_data.get("birthday_home", ""),
        home_suitable=cleaned_data.get("birthday_home_suitable"),
    )


BIRTHDAY_FIELDS = ("birthday_activity", "birthday_home", "birthday_home_suitable")


class ContactForm(Form):
    happened_on = DateField(label="Date", help_text="For example, 20 11 2026")
    method = forms.ChoiceField(
        label="How",
        choices=[c for c in ContactMethod.choices if c[0] != ContactMethod.DUTY],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how you were in touch"},
    )
    seen = _yes_no("Did you see the young person?", "Say whether you saw the young person")
    note = _text(
        "Note",
        rows=5,
        max_length=10000,
        help_text="What you talked about, and anything to follow up.",
    )

    def __init__(self, *args, window: ReturnWindow | None = None, today=None, **kwargs):
        """With `window`, the birthday it is open for is asked about too (prefilled)."""
        super().__init__(*args, **kwargs)
        self.window, self.today = window, today
        self.fields["happened_on"].error_messages["required"] = "Enter the date of the contact"
        birthday = []
        if window is not None:
            birthday = [_birthday_fieldset(self, window, activity=True, home=True)]
        self.helper = form_helper(
            Field("happened_on"),
            Field.radios("method", legend_size=Size.SMALL, small=True),
            Field.radios("seen", legend_size=Size.SMALL, inline=True),
            Field.textarea("note"),
            *birthday,
            Submit("save", "Save contact"),
        )

    def contact(self) -> dict:
        """The contact itself, without the birthday's answers."""
        return {k: v for k, v in self.cleaned_data.items() if k not in BIRTHDAY_FIELDS}

    def birthday_facts(self) -> BirthdayFacts | None:
        return birthday_facts_from(self.cleaned_data, self.window)


class ReturnFixForm(Form):
    """Exactly what one record of the return lacks (`to_fix`), and nothing else."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, window: ReturnWindow, to_fix: set[str], today, **kwargs):
        super().__init__(*args, **kwargs)
        self.window, self.today, self.to_fix = window, today, to_fix
        layout = []
        if "sex" in to_fix:
            self.fields["sex"] = forms.ChoiceField(
                label="Sex",
                choices=Sex.choices,
                widget=forms.RadioSelect,
                error_messages={"required": "Choose their sex"},
            )
            layout.append(Field.radios("sex", legend_size=Size.SMALL, small=True))
        if "ethnicity" in to_fix:
            self.fields["ethnicity"] = forms.ChoiceField(
                label="Ethnicity",
                choices=[("", "Choose their ethnicity"), *Ethnicity.choices],
                error_messages={"required": "Choose their ethnicity"},
            )
            layout.append(Field.select("ethnicity"))
        if "contact" in to_fix:
            self.fields["contact_on"] = DateField(
                label=(
                    f"When were you in touch between {window.opens:%-d %B %Y} and "
                    f"{window.closes:%-d %B %Y}?"
                ),
                help_text="For example, 20 11 2026",
            )
            self.fields["contact_on"].error_messages["required"] = "Enter the date of the contact"
            self.fields["method"] = copy.deepcopy(ContactForm.base_fields["method"])
            self.fields["seen"] = copy.deepcopy(ContactForm.base_fields["seen"])
            layout += [
                Field("contact_on"),
                Field.radios("method", legend_size=Size.SMALL, small=True),
                Field.radios("seen", legend_size=Size.SMALL, inline=True),
            ]
        if {"activity", "home"} & to_fix:
            layout.append(
                _birthday_fieldset(
                    self, window, activity="activity" in to_fix, home="home" in to_fix
                )
            )
        self.helper = form_helper(*layout, Field("version"), Submit("save", "Save"))

    def clean_contact_on(self):
        day = self.cleaned_data["contact_on"]
        if not self.window.is_open_on(day):
            raise forms.ValidationError(
                f"Enter a date between {self.window.opens:%-d %B %Y} and "
                f"{self.window.closes:%-d %B %Y}"
            )
        return day

    def details(self) -> dict:
        return {
            name: self.cleaned_data[name] for name in ("sex", "ethnicity") if name in self.fields
        }

    def contact(self) -> dict | None:
        if "contact_on" not in self.fields:
            return None
        data = self.cleaned_data
        note = "Recorded for the return"
        return {
            "happened_on": data["contact_on"],
            "method": data["method"],
            "seen": data["seen"],
            "note": note,
        }

    def birthday_facts(self) -> BirthdayFacts | None:
        if not {"activity", "home"} & self.to_fix:
            return None
        return birthday_facts_from(self.cleaned_data, self.window)


class AccommodationForm(Form):
    started_on = DateField(label="Moved in on", help_text="For example, 1 9 2026")
    kind = forms.ChoiceField(
        label="Type of accommodation", choices=[("", "Choose a type"), *AccommodationType.choices]
    )
    suitable = _yes_no(
        "Is it suitable?",
        "Say whether the accommodation is suitable",
        help_text="No fixed abode and custody always count as not suitable.",
    )
    description = forms.CharField(label="Where (optional)", max_length=200, required=False)
    area = forms.ModelChoiceField(
        label="Which council's area is it in?",
        queryset=Authority.objects.order_by("name"),
        required=False,
        empty_label="The area of the council that looks after them",
        help_text="Choose another council if they live in its area. They will see its offer too.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].error_messages["required"] = "Choose the type of accommodation"
        self.fields["started_on"].error_messages["required"] = "Enter the date they moved in"
        self.helper = form_helper(
            Field("started_on"),
            Field.select("kind"),
            Field.radios("suitable", legend_size=Size.SMALL, inline=True),
            Field.text("description", field_width=Fluid.TWO_THIRDS),
            Field.select("area"),
            Submit("save", "Save"),
        )


class ActivityForm(Form):
    started_on = DateField(label="Started on", help_text="For example, 1 9 2026")
    code = forms.ChoiceField(
        label="Main activity", choices=[("", "Choose an activity"), *Activity.choices]
    )
    description = forms.CharField(label="Details (optional)", max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].error_messages["required"] = "Choose their main activity"
        self.fields["started_on"].error_messages["required"] = "Enter the date it started"
        self.helper = form_helper(
            Field("started_on"),
            Field.select("code"),
            Field.text("description", field_width=Fluid.TWO_THIRDS),
            Submit("save", "Save"),
        )


class HealthPassportForm(ModelForm):
    revision = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = HealthPassport
        fields = [*HEALTH_FIELDS, *TRANSITION_FIELDS]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in HEALTH_FIELDS}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["revision"] = self.instance.revision
        self.helper = form_helper(
            *(Field.textarea(name) for name in HEALTH_FIELDS),
            *(Field.checkbox(name, small=True) for name in TRANSITION_FIELDS),
            "revision",
            Submit("save", "Save health passport"),
        )


class DocumentForm(Form):
    title = forms.CharField(
        label="Name of the document",
        max_length=200,
        help_text="For example, GP letter about asthma",
        error_messages={"required": "Enter a name for the document"},
    )
    kind = forms.ChoiceField(
        label="What it is",
        choices=DocumentKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what the document is"},
    )
    file = forms.FileField(
        label="File",
        help_text=f"A {ACCEPTED_NAMES} file, smaller than 10 MB.",
        error_messages={"required": "Choose a file to upload", "empty": "The file is empty"},
    )
    shared_with_young_person = forms.BooleanField(
        label="Share it with them: they can see it and download it when they sign in",
        required=False,
    )
    submit = "Upload"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(*self.layout(), Submit("upload", self.submit))
        self.helper.form_tag = True
        self.helper.attrs["enctype"] = "multipart/form-data"

    def layout(self) -> list:
        return [
            Field.text("title", field_width=Fluid.TWO_THIRDS),
            Field.radios("kind", legend_size=Size.SMALL, small=True),
            Field("file"),
            Field.checkbox("shared_with_young_person"),
        ]


class DocumentShareForm(Form):
    shared = forms.BooleanField(required=False)


class MyDocumentForm(DocumentForm):
    """A care leaver adds a document of their own, in their words; they always see it."""

    shared_with_young_person = None
    submit = "Add the document"
    WORDS = {
        "title": ("Give it a name", "For example, my college letter"),
        "kind": ("What is it?", ""),
        "file": ("Choose the file", f"A photo or a scan: a {ACCEPTED_NAMES} file, under 10 MB."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, (label, help_text) in self.WORDS.items():
            self.fields[name].label = label
            self.fields[name].help_text = help_text or self.fields[name].help_text

    def layout(self) -> list:
        return super().layout()[:3]


class ContactCorrectForm(Form):
    note = _text(
        "Corrected note",
        rows=6,
        max_length=10000,
        help_text="The note as it was is kept, and shown under the corrected one.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field.textarea("note"), Submit("save", "Save the correction"))


class DocumentMoveForm(Form):
    """Where a document put on the wrong record goes: one of the mover's own young people."""

    to_young_person = forms.ModelChoiceField(
        label="Move it to",
        queryset=None,
        empty_label="Choose a young person",
        error_messages={"required": "Choose whose record it belongs on"},
    )
    reason = forms.CharField(
        label="Why it is being moved",
        max_length=300,
        help_text="For example, uploaded to the wrong record by mistake",
        error_messages={"required": "Say why the document is being moved"},
    )

    def __init__(self, *args, young_people, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["to_young_person"]
        field.queryset = young_people
        field.label_from_instance = lambda person: person.full_name
        self.helper = form_helper(
            Field.select("to_young_person"),
            Field.text("reason", field_width=Fluid.TWO_THIRDS),
            Submit("move", "Move the document"),
        )
