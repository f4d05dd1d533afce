"""Counting the queries a piece of work runs, for the benchmark's figures."""

from __future__ import annotations

from django.db import connection


class QueryCounter:
    """`with QueryCounter() as counted:` ... then `counted.queries`: how many queries the
    default connection ran inside the block."""

    def __init__(self) -> None:
        self.queries = 0
        self._wrapper = connection.execute_wrapper(self)

    def __call__(self, execute, sql, params, many, context):
        self.queries += 1
        return execute(sql, params, many, context)

    def __enter__(self) -> QueryCounter:
        self._wrapper.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self._wrapper.__exit__(*exc)
