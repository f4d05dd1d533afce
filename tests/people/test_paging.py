"""A list that fits on its first page is not counted; a longer one pages as Django's does."""

import pytest

from common.paging import Paginator
from people.models import YoungPerson
from tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


def _people(n: int):
    YoungPersonFactory.create_batch(n)
    return YoungPerson.objects.order_by("pk")


def test_a_short_list_is_one_query_and_counts_itself(django_assert_num_queries):
    people = list(_people(3))
    with django_assert_num_queries(1):
        page = Paginator(YoungPerson.objects.order_by("pk"), 5).get_page(None)
        assert list(page.object_list) == people
        assert page.paginator.count == 3
        assert page.paginator.num_pages == 1
        assert not page.has_next()


def test_an_empty_list_has_an_empty_first_page(django_assert_num_queries):
    with django_assert_num_queries(1):
        page = Paginator(YoungPerson.objects.filter(pk__lt=0).order_by("pk"), 5).get_page("1")
        assert list(page.object_list) == [] and page.paginator.count == 0


def test_a_longer_list_is_counted_and_paged(django_assert_num_queries):
    people = list(_people(12))
    with django_assert_num_queries(2):
        page = Paginator(YoungPerson.objects.order_by("pk"), 5).get_page("1")
        assert list(page.object_list) == people[:5]
        assert page.paginator.count == 12 and page.has_next()
    second = Paginator(YoungPerson.objects.order_by("pk"), 5).get_page("2")
    assert list(second.object_list) == people[5:10]


@pytest.mark.parametrize(("asked", "shown"), [("x", 1), ("", 1), ("0", 3), ("99", 3), ("3", 3)])
def test_page_numbers_out_of_range_behave_as_djangos(asked, shown):
    _people(12)
    ours = Paginator(YoungPerson.objects.order_by("pk"), 5).get_page(asked)
    from django.core.paginator import Paginator as Djangos

    theirs = Djangos(YoungPerson.objects.order_by("pk"), 5).get_page(asked)
    assert ours.number == theirs.number == shown
    assert list(ours.object_list) == list(theirs.object_list)


def test_a_list_whose_length_is_known_is_never_counted(django_assert_num_queries):
    _people(7)
    with django_assert_num_queries(1):
        page = Paginator(YoungPerson.objects.order_by("pk"), 5, count=7).get_page("2")
        assert len(page.object_list) == 2
        assert page.paginator.num_pages == 2 and page.has_previous()
