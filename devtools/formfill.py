"""A page's form as a browser would send it: its fields' values, with a person's answers.

The benchmark's simulated people (devtools/busy.py) fill the real forms with this, so that
each write goes through the form's CSRF token, hidden fields and validation."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser


class _Forms(HTMLParser):
    """Each `<form method="post">` of a page, as its fields' default values: what a browser
    would send if the person changed nothing."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self._form = {"fields": {}, "radios": {}, "texts": set()}
            self.forms.append(self._form)
        if self._form is None:
            return
        fields, name = self._form["fields"], a.get("name")
        if tag == "option" and self._select:
            if "selected" in a or (self._select not in fields and a.get("value")):
                fields[self._select] = a.get("value", "")
        elif not name:
            return
        elif tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind == "radio":
                self._form["radios"].setdefault(name, a.get("value", ""))
                if "checked" in a:
                    fields[name] = a.get("value", "")
            elif kind == "checkbox":
                if "checked" in a:
                    fields[name] = a.get("value", "on")
            elif kind not in ("submit", "button", "file", "image"):
                fields[name] = a.get("value", "")
        elif tag == "textarea":
            self._textarea = name
            self._form["texts"].add(name)
            fields[name] = ""
        elif tag == "select":
            self._select = name

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            self._form["fields"][self._textarea] += data


def fields_filled(html: str, overrides: dict) -> dict:
    """The fields of the page's main form (the one with most fields), with the person's
    answers: `overrides`, the first choice of a radio left unchosen, and a note in any
    empty text box."""
    parser = _Forms()
    parser.feed(html)
    form = max(parser.forms, key=lambda f: len(f["fields"]) + len(f["radios"]))
    fields = {**form["radios"], **form["fields"]}
    for name in form["texts"]:
        # A browser drops the newline that starts a text box's content.
        fields[name] = fields[name].removeprefix("\n")
        if not fields[name].strip():
            fields[name] = "Spoke about college and money; will call again next week."
    return fields | overrides


def today_parts(field: str) -> dict:
    """A GOV.UK date input's three boxes, filled in with today."""
    today = date.today()
    return {f"{field}_0": today.day, f"{field}_1": today.month, f"{field}_2": today.year}
