"""Pagination that stops counting: long lists say "more than 1,000" instead of counting every row.

Counting every match of a broad filter over 100,000 projects costs more than showing the page itself, and
nobody pages through more than a thousand results: they narrow the search instead.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

COUNT_LIMIT = 1000


class CappedPaginator(Paginator):
    @cached_property
    def count(self) -> int:
        # Without the ordering: counting needs no sort, and sorting every match of a broad search by rank
        # just to count to a thousand is most of its cost.
        return self.object_list.order_by()[: COUNT_LIMIT + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > COUNT_LIMIT
