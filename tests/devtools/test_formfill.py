"""The busy day's simulated people fill forms as a browser would send them."""

from datetime import date

from devtools.formfill import fields_filled, today_parts

PAGE = """
<form method="post" action="/accounts/logout/"><input type="hidden" name="csrfmiddlewaretoken"
  value="t0"></form>
<form method="post" novalidate>
  <input type="hidden" name="csrfmiddlewaretoken" value="t1">
  <input type="hidden" name="revision" value="7">
  <input type="text" name="happened_on_0" value="2">
  <input type="radio" name="method" value="visit"><input type="radio" name="method" value="phone">
  <input type="radio" name="seen" value="yes"><input type="radio" name="seen" value="no" checked>
  <input type="checkbox" name="urgent" value="1"><input type="checkbox" name="kept" checked>
  <select name="award"><option value="">Choose</option><option value="41">Setting up home</option>
    <option value="42">Education</option></select>
  <textarea name="needs">
Help with a budget</textarea>
  <textarea name="note">
</textarea>
  <input type="file" name="receipt"><button type="submit" name="save">Save</button>
</form>
"""


def test_the_main_form_is_sent_with_its_values_and_the_persons_answers():
    fields = fields_filled(PAGE, {"note": "Rang about the bus pass."})
    assert fields == {
        "csrfmiddlewaretoken": "t1",
        "revision": "7",
        "happened_on_0": "2",
        "method": "visit",  # an unanswered choice takes its first option
        "seen": "no",
        "kept": "on",
        "award": "41",
        "needs": "Help with a budget",  # without the newline that starts the box
        "note": "Rang about the bus pass.",
    }


def test_an_empty_text_box_gets_a_note_and_a_date_input_gets_today():
    assert fields_filled(PAGE, {})["note"].startswith("Spoke about")
    today = date.today()
    assert today_parts("held_on") == {
        "held_on_0": today.day,
        "held_on_1": today.month,
        "held_on_2": today.year,
    }
