"""What a figure may show to whom, so that no count points at a project or a request someone may not see.

Two rules, each a plain function, tested on their own:

- PROJECTS (`project_count`): a figure counts exactly the projects the reader may see. Projects the reader may
  not see (public-sector and private ones for the public; private ones for people signed in from a public
  body)
  are added only when at least THRESHOLD of them fall in that figure; otherwise they are left out. Because the
  figure never says whether any were left out, it cannot be compared with the public list to find one: with
  fewer than THRESHOLD hidden projects in a figure, it shows the same number as if there were none.
- RECORDS NEVER PUBLISHED ONE BY ONE (`small_count`): requests to the front door, reviews, actions, training
  attendance. To people outside the team that does the work, a count from 1 to THRESHOLD - 1 is shown as
  "fewer than THRESHOLD", and an average of fewer than THRESHOLD records is not shown.
"""

from dataclasses import dataclass

THRESHOLD = 5

# Who is reading, as far as projects go: which visibilities they see one by one.
PUBLIC = "public"  # anyone: public projects
PUBLIC_SECTOR = "public_sector"  # signed in from a Welsh public body: public and public-sector projects
FULL = (
    "full"  # every project in the figure (the team's or organisation's own people, or site-wide permission)
)
SEEN = {
    PUBLIC: {"public"},
    PUBLIC_SECTOR: {"public", "public_sector"},
    FULL: {"public", "public_sector", "private"},
}


@dataclass(frozen=True)
class Shown:
    """A figure as shown: a number, or None when it is suppressed (then `fewer_than` says below what)."""

    value: int | None
    fewer_than: int | None = None

    @property
    def suppressed(self) -> bool:
        return self.value is None


def project_count(by_visibility: dict[str, int], audience: str) -> Shown:
    """A count of projects split by visibility ({"public": 3, "private": 1, ...}), as the audience may see
    it."""
    seen = sum(n for visibility, n in by_visibility.items() if visibility in SEEN[audience])
    hidden = sum(n for visibility, n in by_visibility.items() if visibility not in SEEN[audience])
    return Shown(seen + (hidden if hidden >= THRESHOLD else 0))


def small_count(count: int, exact: bool) -> Shown:
    """A count of records that are never published one by one."""
    if exact or count == 0 or count >= THRESHOLD:
        return Shown(count)
    return Shown(None, fewer_than=THRESHOLD)


def average_shown(values: list[float], exact: bool) -> float | None:
    """The median of some durations, or None when there are too few to show to this reader."""
    if not values or (not exact and len(values) < THRESHOLD):
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
