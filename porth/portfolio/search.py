"""Full-text search of projects, in English and Welsh, behind one interface with a backend per database.

Every word the user types must match (AND), each as the start of a word ("ailgylch" finds "ailgylchu"),
ignoring case and accents ("ffon" finds "ffôn"), over both titles and both summaries. Titles weigh more.

The index lives beside the model, not in it, so that the model stays database-neutral; migration 0002_search
creates it in SQL:

- SQLite: an external-content FTS5 table, portfolio_project_fts, kept in step by triggers on
  portfolio_project (so bulk_create, update() and delete() keep it right too).
- PostgreSQL: a stored generated tsvector column, portfolio_project.search_vector, with a GIN index. Accents
  are folded on both sides by the migration's immutable SQL function portfolio_search_fold() (unaccent() is
  not immutable, so a generated column cannot call it; the migration says more).

User text is never passed on as query syntax: it is cut into words of letters and digits, and only those
words, each quoted or suffixed by us, reach FTS5 MATCH or to_tsquery.
"""

import re
import unicodedata

from django.db import DEFAULT_DB_ALIAS, NotSupportedError, connections
from django.db.models import Case, F, FloatField, Func, QuerySet, Value, When
from django.db.models.expressions import RawSQL

FTS_TABLE = "portfolio_project_fts"
# A word is a run of letters and digits. Everything else separates words, including the underscore, which
# neither FTS5's unicode61 tokenizer nor PostgreSQL's parser keeps inside a word.
WORD = re.compile(r"[^\W_]+")
# Each word costs a prefix scan; past a sentence's worth, more words only narrow what is already narrow.
MAX_WORDS = 16
# No real word is this long; a longer one is pasted junk, and PostgreSQL ignores words over 2047 bytes.
MAX_WORD_LENGTH = 60
# bm25 weights for title_en, title_cy, summary_en, summary_cy (FTS column order): a title counts five times.
SQLITE_WEIGHTS = "5.0, 5.0, 1.0, 1.0"


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


def search_words(text: str) -> list[str]:
    """The words of the user's text, lower-cased, without repeats, at most MAX_WORDS of them."""
    # NFC first, so that a letter typed as a base letter and a combining accent stays one word.
    words = (word[:MAX_WORD_LENGTH].lower() for word in WORD.findall(unicodedata.normalize("NFC", text)))
    return list(dict.fromkeys(words))[:MAX_WORDS]


# SQLite ranks the best matches in one pass over the index and hands their scores to the main query; asking
# the index once per matching row instead (a correlated subquery) costs a full MATCH per row, which took
# seconds for a common word over 100,000 projects. Matches past the best hundred (five pages) are listed
# after them, newest first: past that, relevance scores barely differ.
SQLITE_RANKED = 100


def _sqlite_search(words: list[str], using: str) -> tuple[RawSQL, Case]:
    # Each word is quoted, so AND, OR, NOT and NEAR are words, and starred, so it matches as a prefix.
    # The tokenizer folds case and accents in the query as it did in the index.
    query = " ".join(f'"{word}"*' for word in words)
    matching = RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", (query,))
    with connections[using].cursor() as cursor:
        # bm25 is lower-is-better; the rank is higher-is-better.
        cursor.execute(
            f"SELECT rowid, -bm25({FTS_TABLE}, {SQLITE_WEIGHTS}) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
            f"ORDER BY bm25({FTS_TABLE}, {SQLITE_WEIGHTS}) LIMIT {SQLITE_RANKED}",
            (query,),
        )
        scores = cursor.fetchall()
    whens = [When(pk=rowid, then=Value(score)) for rowid, score in scores]
    rank = Case(*whens, default=Value(-1e30), output_field=FloatField()) if whens else Value(-1e30)
    return matching, rank


def _postgresql_search(words: list[str], using: str) -> tuple[RawSQL, _RowRank]:
    # Words hold no tsquery operators (& | ! ( ) : * < > ' or spaces), so each is one operand; ":*" makes it
    # a prefix. The index's own fold takes the accents off the query.
    query = " & ".join(f"{word}:*" for word in words)
    tsquery = "to_tsquery('simple', portfolio_search_fold({query}))"
    matching = RawSQL(
        "SELECT id FROM portfolio_project WHERE search_vector @@ " + tsquery.format(query="%s"), (query,)
    )
    # ts_rank's default weights count a title (weight A) 1.0 and a summary (weight B) 0.4; normalisation 1
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
    words = search_words(text)
    if not words:
        return queryset.none()
    vendor = connections[queryset.db].vendor
    if vendor not in BACKENDS:
        raise NotSupportedError(f"Project search has no backend for {vendor}.")
    matching, rank = BACKENDS[vendor](words, queryset.db)
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
