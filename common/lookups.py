"""`= ANY(array)`: one parameter for a long list of ids, where `__in` makes one each.

A return or a figure asks for the histories of a council's year of young people (thousands
of ids) in several queries. With `__in`, Django prepares each id and the SQL carries each
one; at 2,500 ids that was most of the time a query took to build. Here the list goes as
one array, which PostgreSQL reads as fast."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import BooleanField, Expression, F


class AnyOf(Expression):
    """True where the column `field` is one of `values` (ints): `.filter(AnyOf("x_id", ids))`."""

    output_field = BooleanField()

    def __init__(self, field: str, values: Iterable[int]):
        super().__init__()
        self.column = F(field)
        self.values = [int(value) for value in values]

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False,
                           for_save=False):  # fmt: skip
        resolved = self.copy()
        resolved.column = self.column.resolve_expression(query, allow_joins, reuse, summarize)
        return resolved

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, expressions):
        (self.column,) = expressions

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.column)
        return f"{sql} = ANY(%s::bigint[])", (*params, self.values)
