"""Pagination that stops counting: long lists say "more than 1,000" instead of counting every row; and the
API's pages, whose numbers are checked before they reach the database.

Counting every match of a broad filter over 100,000 projects costs more than showing the page itself, and
nobody pages through more than a thousand results: they narrow the search instead.
"""

import re

from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.pagination import PageNumberPagination
from pydantic import field_validator
from pydantic_core import PydanticCustomError

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


# Counting stops at COUNT_LIMIT, so pages past the 21st are empty; past this, a page number is a mistake.
MAX_PAGE = 10_000


class Pages(PageNumberPagination):
    """Pages numbered from 1. A page number that is not a whole number from 1 to MAX_PAGE is refused with a
    message in the reader's language (not the parser's, nor a database error at a vast offset); a page past
    the end is empty."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1)

        @field_validator("page", mode="before")
        @classmethod
        def page_number(cls, value):
            text = str(value).strip()
            if not re.fullmatch(r"[0-9]{1,6}", text) or not 1 <= int(text) <= MAX_PAGE:
                message = _("Enter a page number from 1 to %(max)s") % {"max": f"{MAX_PAGE:,}"}
                raise PydanticCustomError("page_number", "{message}", {"message": message})
            return int(text)
