"""Pages of a list, without counting a list that fits on its first page."""

from __future__ import annotations

from django.core import paginator


class Paginator(paginator.Paginator):
    """Django's paginator, but the first page of a short list needs no COUNT query.

    Most lists people open (a PA's caseload, a young person's ledger, a search) fit on one
    page. For the first page, one more row than fits is fetched: if it is not there, the
    rows are the whole list and their number is its count. A longer list is counted as
    usual, so it takes as many queries as before. A list whose length is already known
    (`count=`, as a search counts its matches while weighing its words) is never counted.
    """

    def __init__(self, object_list, per_page, *args, count: int | None = None, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        if count is not None:
            self.__dict__["count"] = count  # `count` is a cached property

    def get_page(self, number):
        try:
            first = int(number or 1) == 1
        except (TypeError, ValueError):
            first = True  # Django shows the first page for a number that is not one
        if not first or self.orphans or not self.allow_empty_first_page:
            return super().get_page(number)
        rows = list(self.object_list[: self.per_page + 1])
        if len(rows) <= self.per_page:
            self.__dict__["count"] = len(rows)  # `count` is a cached property
        return self._get_page(rows[: self.per_page], 1, self)
