"""The full-text search index of projects (porth/portfolio/search.py), in each database's own SQL.

SQLite: an external-content FTS5 table kept in step by triggers. Django rebuilds a SQLite table to alter it
(AddField of a NOT NULL column, AlterField), and dropping the old table drops these triggers: a migration that
does that to portfolio_project must create them again (test_search checks they are there).

PostgreSQL: a stored generated tsvector column with a GIN index. It has no Welsh configuration, so 'simple'
(lower-case, no stemming), and unaccent() is not immutable, so a generated column cannot use it: instead
portfolio_search_fold() decomposes the text (NFD) and drops the combining accents, with immutable built-ins
only. search.py folds the query with the same function, so both sides agree. PostgreSQL refuses to change the
type of a column a generated column uses: to alter title_en, title_cy, summary_en or summary_cy, drop
search_vector first and add it back after.

Other databases get nothing. The model knows nothing of either, so makemigrations sees no change.
"""

from django.db import migrations

SQLITE_COLUMNS = "title_en, title_cy, summary_en, summary_cy"
SQLITE_OLD = "old.id, old.title_en, old.title_cy, old.summary_en, old.summary_cy"
SQLITE_NEW = "new.id, new.title_en, new.title_cy, new.summary_en, new.summary_cy"

SQLITE_FORWARDS = [
    f"""CREATE VIRTUAL TABLE portfolio_project_fts USING fts5(
        {SQLITE_COLUMNS},
        content='portfolio_project', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    )""",
    f"""CREATE TRIGGER portfolio_project_fts_insert AFTER INSERT ON portfolio_project BEGIN
        INSERT INTO portfolio_project_fts(rowid, {SQLITE_COLUMNS}) VALUES ({SQLITE_NEW});
    END""",
    f"""CREATE TRIGGER portfolio_project_fts_delete AFTER DELETE ON portfolio_project BEGIN
        INSERT INTO portfolio_project_fts(portfolio_project_fts, rowid, {SQLITE_COLUMNS})
        VALUES ('delete', {SQLITE_OLD});
    END""",
    f"""CREATE TRIGGER portfolio_project_fts_update
    AFTER UPDATE OF id, {SQLITE_COLUMNS} ON portfolio_project BEGIN
        INSERT INTO portfolio_project_fts(portfolio_project_fts, rowid, {SQLITE_COLUMNS})
        VALUES ('delete', {SQLITE_OLD});
        INSERT INTO portfolio_project_fts(rowid, {SQLITE_COLUMNS}) VALUES ({SQLITE_NEW});
    END""",
    "INSERT INTO portfolio_project_fts(portfolio_project_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARDS = [
    "DROP TRIGGER IF EXISTS portfolio_project_fts_update",
    "DROP TRIGGER IF EXISTS portfolio_project_fts_delete",
    "DROP TRIGGER IF EXISTS portfolio_project_fts_insert",
    "DROP TABLE IF EXISTS portfolio_project_fts",
]

POSTGRESQL_FORWARDS = [
    """CREATE FUNCTION portfolio_search_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT regexp_replace(normalize($1, NFD), '[\\u0300-\\u036f]', '', 'g') $$""",
    """ALTER TABLE portfolio_project ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', portfolio_search_fold(
            coalesce(title_en, '') || ' ' || coalesce(title_cy, '')
        )), 'A')
        || setweight(to_tsvector('simple', portfolio_search_fold(
            coalesce(summary_en, '') || ' ' || coalesce(summary_cy, '')
        )), 'B')
    ) STORED""",
    "CREATE INDEX portfolio_project_search ON portfolio_project USING gin (search_vector)",
]
POSTGRESQL_BACKWARDS = [
    "DROP INDEX IF EXISTS portfolio_project_search",
    "ALTER TABLE portfolio_project DROP COLUMN IF EXISTS search_vector",
    "DROP FUNCTION IF EXISTS portfolio_search_fold(text)",
]


def forwards(apps, schema_editor):
    statements = {"sqlite": SQLITE_FORWARDS, "postgresql": POSTGRESQL_FORWARDS}
    for sql in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


def backwards(apps, schema_editor):
    statements = {"sqlite": SQLITE_BACKWARDS, "postgresql": POSTGRESQL_BACKWARDS}
    for sql in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("portfolio", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
