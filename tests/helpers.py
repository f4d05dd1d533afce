"""Shared test helpers."""

import time
from collections.abc import Callable

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url: str) -> tuple[int, int]:
    """Fetch `url`; return (status code, number of database queries it made)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, len(queries)


def assert_queries_do_not_grow(
    client, url: str, add_data: Callable[[], None], *, times: int = 3
) -> int:
    """Fetch `url`, add more data `times` over, and fail if the page's query count rises.

    Data is added once before the first count, so that an empty page (which may skip
    a query) is not the baseline.
    """
    add_data()
    status, baseline = count_queries(client, url)
    assert status == 200, f"{url} answered {status}"
    for round_number in range(1, times + 1):
        add_data()
        status, queries = count_queries(client, url)
        assert status == 200, f"{url} answered {status}"
        assert queries <= baseline, (
            f"{url} made {queries} queries after adding data (round {round_number}), "
            f"{baseline} before: the count grows with the data"
        )
    return baseline


def wait_for(condition, *, seconds: float = 10, pause: float = 0.05) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(pause)
    return False
