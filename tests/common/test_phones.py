"""UK mobile numbers in the forms people write them, as Notify takes them."""

import pytest

from common.phones import uk_mobile


@pytest.mark.parametrize(
    "written",
    ["07700 900123", "07700900123", "+44 7700 900123", "+44 (0)7700 900123", "0044 7700-900.123"],
)
def test_common_ways_of_writing_a_mobile_number_are_one_number(written):
    assert uk_mobile(written) == "+447700900123"


@pytest.mark.parametrize("written", ["", "01632 960 123", "+33 6 12 34 56 78", "0770090012", "n/a"])
def test_a_landline_a_foreign_or_a_short_number_is_not_a_uk_mobile(written):
    assert uk_mobile(written) is None
