"""Small template helpers used across Porth's pages."""

from django import template

from porth.core import dates, language

register = template.Library()


register.filter("in_name_order", language.in_name_order)


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced, for pagination and filter links."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@register.filter
def page_window(paginator, current: int):
    """Page numbers to show: first, last, and two either side of the current one; None marks a gap."""
    wanted = {1, paginator.num_pages, *range(current - 2, current + 3)}
    numbers = sorted(n for n in wanted if 1 <= n <= paginator.num_pages)
    window: list[int | None] = []
    for number in numbers:
        if window and number - window[-1] > 1:
            window.append(None)
        window.append(number)
    return window


@register.filter
def get_item(mapping, key):
    """Look a key up in a dictionary from a template."""
    return mapping.get(key)


@register.filter
def days_ago(moment):
    """'today', 'yesterday' or '3 days ago' for a moment in the past, in the reader's language."""
    if moment is None:
        return ""
    return dates.format_days_ago(dates.days_ago(moment))
