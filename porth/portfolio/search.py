"""Full-text search of projects, in English and Welsh, behind one interface with a backend per database.

A project is found by the forms of its words (porth.core.lemmas): "tyllau" finds "dyllau" and "thyllau" (one
Welsh word, mutated), "ysgol" finds "ysgolion", "booking" finds "bookings", "Ynys Mon" finds "Ynys Môn".
Searched: both titles, both summaries, the names of the owner and partner organisations in both languages (so
"Caerdydd" and "Cardiff" both find Cardiff's projects), and the tags. Titles weigh more.

Every word the user types must match (AND), as one of its forms (OR): the word itself, accents folded, as the
start of a word ("ailgylch" finds "ailgylchu"), or its English stem or its Welsh lemma, whole. Stemming and
lemmatising happen here, in Python, so the database indexes text that is already reduced: two columns of the
project, search_title and search_body, hold the forms of every word. The portfolio's service writes them with
every save (project_search_columns); writes that skip the service (bulk loads, renamed organisations or tags)
call projects_search_refresh. Migration 0006_search_forms builds the index over them in each database's SQL:

- SQLite: an external-content FTS5 table, portfolio_project_fts, kept in step with the two columns by triggers
  on portfolio_project (so bulk_create, update() and delete() keep it right too).
- PostgreSQL: a stored generated tsvector column, portfolio_project.search_vector ('simple': the text is
  reduced already; titles weight A), with a GIN index.

User text is never passed on as query syntax: it is cut into words of letters and digits, and only their
forms, made of letters and digits too, each quoted or suffixed by us, reach FTS5 MATCH or to_tsquery. So AND,
OR, NOT and NEAR typed by someone are words like any other.
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache

from django.db import DEFAULT_DB_ALIAS, NotSupportedError, connections, transaction
from django.db.models import F, FloatField, Func, QuerySet, Value
from django.db.models.expressions import RawSQL

from porth.core import lemmas

from .models import Project

FTS_TABLE = "portfolio_project_fts"
# A word is a run of letters and digits. Everything else separates words, including the underscore, which
# neither FTS5's unicode61 tokenizer nor PostgreSQL's parser keeps inside a word.
WORD = re.compile(r"[^\W_]+")
# Each word costs a prefix scan and a look-up per form; past a sentence's worth, more words only narrow what
# is already narrow.
MAX_WORDS = 16
# bm25 weights for search_title, search_body (FTS column order): a title counts five times.
SQLITE_WEIGHTS = "5.0, 1.0"
# Projects read and written at a time by projects_search_refresh.
REFRESH_BATCH = 1000


# ------------------------------------------------------------------------------------------ what is indexed


@lru_cache(maxsize=200_000)
def word_tokens(word: str) -> tuple[str, ...]:
    """The forms of one lower-case word as the index keeps them, the word itself (folded) first.

    A form is kept as letters and digits only: a few Welsh lemmas hold a hyphen or a full stop ("ail-greu",
    "parch."), which the databases' tokenizers would cut in two; "ailgreu" stays one token on both sides."""
    tokens = ("".join(WORD.findall(form)) for form in lemmas.forms(word))
    return tuple(dict.fromkeys(token for token in tokens if token))


def search_index_text(*texts: str) -> str:
    """Texts as the index stores them: the forms of every word, space-separated."""
    return " ".join(token for text in texts for word in lemmas.words(text) for token in word_tokens(word))


def _names(organisation) -> tuple[str, str]:
    return organisation.name_en, organisation.name_cy


def project_search_columns(project: Project, *, partners=None, tags=None) -> dict[str, str]:
    """search_title and search_body of a project about to be saved.

    partners and tags are what the save is about to give it (organisations, Tag rows); None keeps what it has
    (nothing, for a new project)."""
    if partners is None:
        partners = project.partner_organisations.all() if project.pk else []
    if tags is None:
        tags = project.tags.all() if project.pk else []
    owner = [project.owner_organisation] if project.owner_organisation_id else []
    organisations = [*owner, *partners]
    return {
        "search_title": search_index_text(project.title_en, project.title_cy),
        "search_body": search_index_text(
            project.summary_en,
            project.summary_cy,
            *(name for organisation in organisations for name in _names(organisation)),
            *(tag.name for tag in tags),
        ),
    }


def _batches(ids: Iterable[int] | None, size: int, using: str) -> Iterator[list[tuple]]:
    """The projects' texts and owner names, in batches by id."""
    fields = ("pk", "title_en", "title_cy", "summary_en", "summary_cy")
    fields += ("owner_organisation__name_en", "owner_organisation__name_cy")
    projects = Project.objects.using(using).order_by("pk").values_list(*fields)
    if ids is not None:
        wanted = sorted(set(ids))
        for start in range(0, len(wanted), size):
            yield list(projects.filter(pk__in=wanted[start : start + size]))
        return
    last = 0
    while batch := list(projects.filter(pk__gt=last)[:size]):
        yield batch
        last = batch[-1][0]


def _related_names(ids: list[int], using: str) -> dict[int, list[str]]:
    """The partner organisations' names (both languages) and the tag names of each project."""
    names = defaultdict(list)
    partners = Project.partner_organisations.through.objects.using(using).filter(project_id__in=ids)
    for project_id, name_en, name_cy in partners.values_list(
        "project_id", "organisation__name_en", "organisation__name_cy"
    ):
        names[project_id] += [name_en, name_cy]
    tags = Project.tags.through.objects.using(using).filter(project_id__in=ids)
    for project_id, name in tags.values_list("project_id", "tag__name"):
        names[project_id].append(name)
    return names


def projects_search_refresh(ids: Iterable[int] | None = None, *, using: str = DEFAULT_DB_ALIAS) -> int:
    """Write search_title and search_body again for these projects (all of them when ids is None), in batches
    of REFRESH_BATCH: three reads and one write each, a transaction each. Returns how many were written.

    For writes that skip the portfolio's service: bulk loads, a renamed organisation or tag, repairs. The
    index follows the columns by itself (triggers on SQLite, the generated column on PostgreSQL)."""
    connection = connections[using]
    table = connection.ops.quote_name(Project._meta.db_table)
    update = f"UPDATE {table} SET search_title = %s, search_body = %s WHERE id = %s"
    written = 0
    for batch in _batches(ids, REFRESH_BATCH, using):
        related = _related_names([row[0] for row in batch], using)
        rows = [
            (search_index_text(title_en, title_cy), search_index_text(*texts, *related.get(pk, [])), pk)
            for pk, title_en, title_cy, *texts in batch
        ]
        with transaction.atomic(using=using), connection.cursor() as cursor:
            cursor.executemany(update, rows)
        written += len(rows)
    return written


# ------------------------------------------------------------------------------------------------ searching


def search_terms(text: str) -> list[tuple[str, ...]]:
    """For each word of the user's text (without repeats, at most MAX_WORDS): the tokens it may match as, the
    word itself first (matched as a prefix), then its stem and lemma (matched whole) unless the prefix
    already covers them."""
    terms = []
    for word in list(dict.fromkeys(lemmas.words(text)))[:MAX_WORDS]:
        tokens = word_tokens(word)
        if tokens:
            prefix, *others = tokens
            terms.append((prefix, *(token for token in others if not token.startswith(prefix))))
    return terms


class _RowRank(Func):
    """The relevance of one project row, as a correlated subquery over the search index.

    The row is named by a compiled F("pk"), never by the table's name, so the rank stays right when Django
    renames the table's alias (when the search is used inside another query, say).
    """

    output_field = FloatField()

    def __init__(self, sql: str, query: str):
        super().__init__(Value(query), F("pk"))
        self.sql = sql

    def as_sql(self, compiler, connection, **extra_context):
        (query_sql, query_params), (pk_sql, pk_params) = (
            compiler.compile(expression) for expression in self.get_source_expressions()
        )
        return self.sql.format(query=query_sql, pk=pk_sql), (*query_params, *pk_params)


# SQLite ranks the best matches in one pass over the index and hands their scores to the main query; asking
# the index once per matching row instead (a correlated subquery) costs a full MATCH per row, which took
# seconds for a common word over 100,000 projects. Matches past the best hundred (five pages) are listed
# after them, newest first: past that, relevance scores barely differ.
SQLITE_RANKED = 100


def sqlite_query(terms: list[tuple[str, ...]]) -> str:
    """The FTS5 query: each token quoted (so AND, OR, NOT and NEAR are words), the first of each word starred
    (a prefix); a word's forms ORed, the words ANDed."""

    def word(prefix: str, *others: str) -> str:
        alternatives = [f'"{prefix}"*', *(f'"{token}"' for token in others)]
        return alternatives[0] if not others else "(" + " OR ".join(alternatives) + ")"

    return " AND ".join(word(*tokens) for tokens in terms)


class _ScoreOf(Func):
    """The score of the row among a few (id, score) pairs, -1e30 for any other, as one simple CASE on the id.

    Sorting by it costs an evaluation per matching row. "CASE id WHEN 1 THEN ..." reads the id once and
    compares integers; Case(When(pk=...)) tests a full condition per pair. For a word in 96,000 of 100,000
    projects, the page's sort took 100 ms with this against 180 ms with Case(When()). The row is named by a
    compiled F("pk"), as in _RowRank.
    """

    output_field = FloatField()

    def __init__(self, scores: list[tuple[int, float]]):
        super().__init__(F("pk"))
        self.scores = scores

    def as_sql(self, compiler, connection, **extra_context):
        pk_sql, pk_params = compiler.compile(self.get_source_expressions()[0])
        whens = " ".join("WHEN %s THEN %s" for _ in self.scores)
        return f"CASE {pk_sql} {whens} ELSE -1e30 END", (
            *pk_params,
            *(v for pair in self.scores for v in pair),
        )


def _sqlite_search(terms: list[tuple[str, ...]], using: str) -> tuple[RawSQL, Func]:
    # The tokenizer folds case and accents in the query as it did in the index.
    query = sqlite_query(terms)
    matching = RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", (query,))
    with connections[using].cursor() as cursor:
        # bm25 is lower-is-better; the rank is higher-is-better.
        cursor.execute(
            f"SELECT rowid, -bm25({FTS_TABLE}, {SQLITE_WEIGHTS}) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
            f"ORDER BY bm25({FTS_TABLE}, {SQLITE_WEIGHTS}) LIMIT {SQLITE_RANKED}",
            (query,),
        )
        scores = cursor.fetchall()
    return matching, _ScoreOf(scores) if scores else Value(-1e30, output_field=FloatField())


def postgresql_query(terms: list[tuple[str, ...]]) -> str:
    """The to_tsquery text: tokens hold no tsquery operators (& | ! ( ) : * < > ' or spaces), so each is one
    operand; ":*" makes the first of each word a prefix; a word's forms ORed, the words ANDed."""

    def word(prefix: str, *others: str) -> str:
        return "(" + " | ".join([f"{prefix}:*", *others]) + ")"

    return " & ".join(word(*tokens) for tokens in terms)


def _postgresql_search(terms: list[tuple[str, ...]], using: str) -> tuple[RawSQL, _RowRank]:
    query = postgresql_query(terms)
    tsquery = "to_tsquery('simple', {query})"
    matching = RawSQL(
        "SELECT id FROM portfolio_project WHERE search_vector @@ " + tsquery.format(query="%s"), (query,)
    )
    # ts_rank's default weights count a title (weight A) 1.0 and the rest (weight B) 0.4; normalisation 1
    # divides by 1 + log(length), so that, as with bm25, a match in a short text counts for more.
    rank = _RowRank(
        "(SELECT ts_rank(search_row.search_vector, " + tsquery + ", 1) "
        "FROM portfolio_project AS search_row WHERE search_row.id = {pk})",
        query,
    )
    return matching, rank


BACKENDS = {"sqlite": _sqlite_search, "postgresql": _postgresql_search}


def project_search(queryset: QuerySet, text: str) -> QuerySet:
    """The projects in queryset that match every word of text, best first, annotated with search_rank.

    Empty text leaves the queryset as it is; text with no words in it (only punctuation) matches nothing.
    """
    if not text or not text.strip():
        return queryset
    terms = search_terms(text)
    if not terms:
        return queryset.none()
    vendor = connections[queryset.db].vendor
    if vendor not in BACKENDS:
        raise NotSupportedError(f"Project search has no backend for {vendor}.")
    matching, rank = BACKENDS[vendor](terms, queryset.db)
    return (
        queryset.filter(pk__in=matching)
        .annotate(search_rank=rank)
        .order_by("-search_rank", "-last_update_at", "-id")
    )


def project_search_rebuild(using: str = DEFAULT_DB_ALIAS) -> bool:
    """Rebuild the search index from the projects table; False when the database keeps it without help.

    The triggers keep SQLite's index right, so this is for repairs (after writing to the table with the
    triggers gone, say). PostgreSQL computes the generated column on every write: there is nothing to rebuild.
    """
    connection = connections[using]
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
    return True
