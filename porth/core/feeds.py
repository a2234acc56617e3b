"""Atom feeds, written one way everywhere (portfolio updates, open data).

What people write is plain text, so the feed says so (type="text"): a feed reader must not run "<b>" or
"&amp;" typed in an update as HTML. Links start with SITE_URL (porth.core.language.absolute_url), like every
link Porth writes, whatever host the feed reader asked."""

from django.utils.feedgenerator import Atom1Feed


class PlainTextAtomFeed(Atom1Feed):
    """Atom with the items' summaries marked as text (Django marks them as HTML)."""

    def add_item_elements(self, handler, item):
        summary = item.get("description")
        super().add_item_elements(handler, {**item, "description": None})
        if summary is not None:
            handler.addQuickElement("summary", summary, {"type": "text"})
