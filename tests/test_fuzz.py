"""Every form, as every role that may use it, fed hostile values: no answer is a server error.

Each page in the access matrix that shows a <form> is read as each role that gets it;
hypothesis then posts huge and negative numbers, spaces, control characters, very long
and odd text, impossible dates and values outside a list's options into its fields. A
value a form cannot take must come back as a message on the form, never as a 500.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urljoin

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.test_access_matrix import (  # noqa: F401 (fixtures: the matrix world, made once)
    _matrix_files,
    _private_files,
    each_page_as_each_role,
    shared_world,
)

# The posts are shared out between the (page, role, form)s, so that a new form costs the
# suite little time; each form still gets at least MINIMUM_EXAMPLES.
MINIMUM_REQUESTS = 5000
MINIMUM_EXAMPLES = 20
ADMIN_EXAMPLES = 10
# Pages that end the session or the sign-in they run in; fuzzing them would only sign out.
NOT_FUZZED = {"account_logout", "admin:logout"}


@dataclass
class FormField:
    name: str
    kind: str  # an <input> type, or "select", "textarea"
    value: str = ""
    options: list[str] = field(default_factory=list)


@dataclass
class PageForm:
    action: str
    method: str
    fields: dict[str, FormField] = field(default_factory=dict)


class FormParser(HTMLParser):
    """The <form> elements of a page, with their fields and a select's options."""

    def __init__(self, url: str):
        super().__init__(convert_charrefs=True)
        self.url, self.forms = url, []
        self.form: PageForm | None = None
        self.select: FormField | None = None
        self.textarea: FormField | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {key: value or "" for key, value in attrs}
        if tag == "form":
            action = urljoin(self.url, attrs.get("action") or self.url)
            self.form = PageForm(action=action, method=attrs.get("method", "get").lower())
            self.forms.append(self.form)
        elif self.form is None or not attrs.get("name") and tag != "option":
            return
        elif tag == "input":
            kind = attrs.get("type", "text").lower()
            if kind in {"submit", "button", "image", "reset"}:
                return
            known = self.form.fields.get(attrs["name"])
            if known and kind in {"radio", "checkbox"}:
                known.options.append(attrs.get("value", "on"))
                return
            self.form.fields[attrs["name"]] = FormField(
                attrs["name"], kind, attrs.get("value", ""), [attrs.get("value", "on")]
            )
        elif tag == "select":
            self.select = self.form.fields[attrs["name"]] = FormField(attrs["name"], "select")
        elif tag == "option" and self.select is not None:
            self.select.options.append(attrs.get("value", ""))
        elif tag == "textarea":
            self.textarea = self.form.fields[attrs["name"]] = FormField(attrs["name"], "textarea")

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea.value += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def page_forms(url: str, html: str) -> list[PageForm]:
    parser = FormParser(url)
    parser.feed(html)
    return [form for form in parser.forms if form.method == "post"]


# Values that have broken forms somewhere: the strategies below mix them with random text.
NASTY = [
    "",
    " ",
    "   ",
    "\t",
    "\x00",
    "a\x00b",
    "\x01\x02\x1b[31m",
    "\x7f",
    "\u200b",
    "\ufeff",
    "\u202e",
    "\ud7ff",
    "\U0001f600" * 50,
    "Ⅻ",
    "١٢",
    "12 3",
    "0",
    "-1",
    "-99999999999999999999",
    "99999999999",
    "9" * 30,
    "9" * 5000,
    "1e309",
    "NaN",
    "inf",
    "3.5",
    "0x10",
    "x" * 300,
    "x" * 20000,
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%s%s%n",
    "../../etc/passwd",
    "2026-02-30",
    "30/02/2026",
    "00:00",
    "true",
    "None",
]
DATE_PARTS = {
    "_0": st.integers(min_value=-40, max_value=40).map(str),
    "_1": st.integers(min_value=-14, max_value=14).map(str),
    "_2": st.one_of(
        st.integers(min_value=1890, max_value=2110),
        st.sampled_from([0, 1, 9999, 10000, -2026]),
    ).map(str),
}
text = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=40),
    st.text(st.characters(codec="utf-8"), min_size=100, max_size=400),
    st.integers().map(str),
)


def field_values(form_field: FormField) -> st.SearchStrategy:
    """What to send for one field; None leaves it out of the post."""
    choices = [option for option in form_field.options if option]
    strategies = [st.none(), text]
    if form_field.value:
        strategies.append(st.just(form_field.value))
    if choices:
        strategies.append(st.sampled_from(choices))
    for suffix, part in DATE_PARTS.items():
        if form_field.name.endswith(suffix):
            strategies.append(part)
    if form_field.kind == "file":
        return st.one_of(
            st.none(),
            st.binary(max_size=2000).map(lambda data: SimpleUploadedFile("a.pdf", data)),
            st.just(SimpleUploadedFile("x" * 300 + ".pdf", b"%PDF-1.4\n")),
        )
    if form_field.kind == "checkbox" or form_field.kind == "select":
        # Several values for one name, as a multiple select or a checkbox list sends.
        strategies.append(st.lists(st.one_of(st.sampled_from(choices or [""]), text), max_size=3))
    return st.one_of(strategies)


def post_data(form: PageForm) -> st.SearchStrategy:
    return st.fixed_dictionaries(
        {name: field_values(form_field) for name, form_field in form.fields.items()}
    )


def shown(value) -> str:
    """A generated value, short enough to read in a failure report."""
    if isinstance(value, SimpleUploadedFile):
        return f"<file {value.name[:20]!r} {value.size} bytes>"
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:50]}... ({len(text)} chars)"


@dataclass
class Target:
    name: str
    role: str
    url: str
    form: PageForm


def fuzz_targets(client: Client, cast, *, admin: bool) -> list[Target]:
    """Each (page, role, form) where the role gets the page and the page has a post form."""
    targets = []
    pages = each_page_as_each_role(
        client, cast, lambda name: name not in NOT_FUZZED and name.startswith("admin:") == admin
    )
    for name, role, url, response in pages:
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for form in page_forms("http://testserver" + url, response.content.decode()):
            targets.append(Target(name, role, form.action, form))
    return targets


def fuzz(client: Client, target: Target, user, examples: int, failures: list[str]) -> int:
    """Post `examples` hypothesis-made answers to one form as `user`; return how many went."""
    client.logout()
    if user is not None:
        client.force_login(user)
    # The session row outlives every post (each is rolled back); its cookie is put back.
    signed_in = client.cookies.output(header="", sep=";")
    sent = 0

    @settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(data=post_data(target.form))
    def post(data):
        nonlocal sent
        data = {key: value for key, value in data.items() if value is not None}
        client.cookies = SimpleCookie(signed_in)
        # Each post is undone, so that every form meets the same world.
        with transaction.atomic():
            response = client.post(target.url, data)
            transaction.set_rollback(True)
        sent += 1
        if response.status_code >= 500:
            error = getattr(response, "exc_info", None)
            kind = error[0].__name__ if error else str(response.status_code)
            message = str(error[1]).splitlines()[0][:120] if error else ""
            fields = {key: shown(value) for key, value in data.items()}
            failures.append(f"{target.name} as {target.role}: {kind}: {message}\n  {fields}")

    post()
    return sent


# The forms are fuzzed in SHARES tests, so that the suite's processes (pytest-xdist) take
# them between them; each share sends its part of MINIMUM_REQUESTS, and so together at least
# MINIMUM_REQUESTS go.
SHARES = 6


def fuzz_every_form(
    cast, targets: list[Target], *, examples: int | None = None, at_least: int = 0
) -> int:
    """Fuzz each of `targets`; `examples` each, or enough each (and MINIMUM_EXAMPLES at
    least) that together they send `at_least`."""
    people = cast[0]
    client = Client(raise_request_exception=False)
    started = time.monotonic()
    if examples is None:
        examples = max(MINIMUM_EXAMPLES, math.ceil(at_least / len(targets)))
    failures: list[str] = []
    sent = sum(
        fuzz(client, target, people.get(target.role), examples, failures) for target in targets
    )
    elapsed = time.monotonic() - started
    print(f"{sent} posts to {len(targets)} forms in {elapsed:.0f}s; {len(failures)} server errors")
    assert not failures, f"{len(failures)} server errors:\n" + "\n".join(failures)
    return sent


@pytest.fixture(scope="module")
def targets(shared_world):  # noqa: F811
    """Every (page, role, form) outside the admin, found once for the module (in each test
    process), in the matrix's world, which is made once too."""
    found = fuzz_targets(Client(raise_request_exception=False), shared_world, admin=False)
    assert found, "No forms found: the matrix or the page parser is broken"
    return found


@pytest.mark.django_db
@pytest.mark.parametrize("share", range(SHARES))
def test_no_form_answers_a_hostile_post_with_a_server_error(shared_world, targets, share):  # noqa: F811
    mine = targets[share::SHARES]
    part = math.ceil(MINIMUM_REQUESTS / SHARES)
    assert fuzz_every_form(shared_world, mine, at_least=part) >= part


@pytest.mark.django_db
def test_no_admin_form_answers_a_hostile_post_with_a_server_error(shared_world):  # noqa: F811
    found = fuzz_targets(Client(raise_request_exception=False), shared_world, admin=True)
    assert found, "No admin forms found: the matrix or the page parser is broken"
    fuzz_every_form(shared_world, found, examples=ADMIN_EXAMPLES)


@pytest.mark.parametrize(
    "html, names",
    [
        (
            '<form method="post"><input name="a" value="1"><select name="b">'
            '<option value="x">X</option></select><textarea name="c">hi</textarea>'
            '<input type="submit" name="go"></form><form method="get"><input name="q"></form>',
            {"a", "b", "c"},
        ),
    ],
)
def test_the_page_parser_finds_a_post_forms_fields(html, names):
    (form,) = page_forms("http://testserver/", html)
    assert set(form.fields) == names
    assert form.fields["b"].options == ["x"]
    assert form.fields["c"].value == "hi"
