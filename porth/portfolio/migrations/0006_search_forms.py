"""The search index of projects over the forms of their words (porth/portfolio/search.py), not the raw texts.

Two columns, search_title and search_body, hold the forms of every word (porth.core.lemmas: the word with its
accents folded, its English stem, its Welsh lemma) of the titles, and of the summaries, the owner and partner
organisations' names in both languages and the tags. The portfolio's service writes them; this migration fills
them for the projects there are, then indexes them instead of title_en, title_cy, summary_en, summary_cy:

SQLite: an external-content FTS5 table over the two columns, kept in step by triggers. Django rebuilds a
SQLite table to alter it (AddField of a NOT NULL column, AlterField), and dropping the old table drops these
triggers: a migration that does that to portfolio_project must create them again (SQLITE_TRIGGERS here;
test_search checks they are there).

PostgreSQL: a stored generated tsvector column over the two columns, with a GIN index. The text is folded and
reduced already, so 'simple', and portfolio_search_fold() of 0002 is no longer needed. PostgreSQL refuses to
change the type of a column a generated column uses: to alter search_title or search_body, drop search_vector
first and add it back after.

Reversing puts back the index of 0002_search over the raw texts.
"""

import importlib
import re

from django.db import migrations, models

from porth.core import lemmas

old = importlib.import_module("porth.portfolio.migrations.0002_search")

# The same reduction as porth.portfolio.search.search_index_text, frozen here as migrations must be.
WORD = re.compile(r"[^\W_]+")
BATCH = 500


def _text(*texts: str) -> str:
    tokens = []
    for text in texts:
        for word in lemmas.words(text or ""):
            forms = ("".join(WORD.findall(form)) for form in lemmas.forms(word))
            tokens += dict.fromkeys(form for form in forms if form)
    return " ".join(tokens)


SQLITE_COLUMNS = "search_title, search_body"
SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER portfolio_project_fts_insert AFTER INSERT ON portfolio_project BEGIN
        INSERT INTO portfolio_project_fts(rowid, {SQLITE_COLUMNS})
        VALUES (new.id, new.search_title, new.search_body);
    END""",
    f"""CREATE TRIGGER portfolio_project_fts_delete AFTER DELETE ON portfolio_project BEGIN
        INSERT INTO portfolio_project_fts(portfolio_project_fts, rowid, {SQLITE_COLUMNS})
        VALUES ('delete', old.id, old.search_title, old.search_body);
    END""",
    # Only when the indexed columns really change: a save writes every column, mostly to the same words.
    f"""CREATE TRIGGER portfolio_project_fts_update AFTER UPDATE OF id, {SQLITE_COLUMNS} ON portfolio_project
    WHEN old.id IS NOT new.id OR old.search_title IS NOT new.search_title
        OR old.search_body IS NOT new.search_body
    BEGIN
        INSERT INTO portfolio_project_fts(portfolio_project_fts, rowid, {SQLITE_COLUMNS})
        VALUES ('delete', old.id, old.search_title, old.search_body);
        INSERT INTO portfolio_project_fts(rowid, {SQLITE_COLUMNS})
        VALUES (new.id, new.search_title, new.search_body);
    END""",
]
SQLITE_FORWARDS = [
    f"""CREATE VIRTUAL TABLE portfolio_project_fts USING fts5(
        {SQLITE_COLUMNS},
        content='portfolio_project', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    )""",
    *SQLITE_TRIGGERS,
    "INSERT INTO portfolio_project_fts(portfolio_project_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARDS = old.SQLITE_BACKWARDS

POSTGRESQL_FORWARDS = [
    """ALTER TABLE portfolio_project ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', coalesce(search_title, '')), 'A')
        || setweight(to_tsvector('simple', coalesce(search_body, '')), 'B')
    ) STORED""",
    "CREATE INDEX portfolio_project_search ON portfolio_project USING gin (search_vector)",
]
POSTGRESQL_BACKWARDS = [
    "DROP INDEX IF EXISTS portfolio_project_search",
    "ALTER TABLE portfolio_project DROP COLUMN IF EXISTS search_vector",
]


def _run(schema_editor, statements: dict) -> None:
    for sql in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


def raw_index_drop(apps, schema_editor):
    _run(schema_editor, {"sqlite": old.SQLITE_BACKWARDS, "postgresql": old.POSTGRESQL_BACKWARDS})


def raw_index_create(apps, schema_editor):
    _run(schema_editor, {"sqlite": old.SQLITE_FORWARDS, "postgresql": old.POSTGRESQL_FORWARDS})


def forms_index_create(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_FORWARDS, "postgresql": POSTGRESQL_FORWARDS})


def forms_index_drop(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_BACKWARDS, "postgresql": POSTGRESQL_BACKWARDS})


def search_columns_fill(apps, schema_editor):
    Project = apps.get_model("portfolio", "Project")
    db = schema_editor.connection.alias
    projects = (
        Project.objects.using(db)
        .select_related("owner_organisation")
        .prefetch_related("partner_organisations", "tags")
        .order_by("pk")
    )
    batch = []
    for project in projects.iterator(chunk_size=BATCH):
        organisations = [project.owner_organisation, *project.partner_organisations.all()]
        names = [
            name for organisation in organisations for name in (organisation.name_en, organisation.name_cy)
        ]
        project.search_title = _text(project.title_en, project.title_cy)
        project.search_body = _text(
            project.summary_en,
            project.summary_cy,
            *names,
            *(tag.name for tag in project.tags.all()),
        )
        batch.append(project)
        if len(batch) == BATCH:
            Project.objects.using(db).bulk_update(batch, ["search_title", "search_body"])
            batch = []
    if batch:
        Project.objects.using(db).bulk_update(batch, ["search_title", "search_body"])


class Migration(migrations.Migration):
    dependencies = [("portfolio", "0005_project_project_changed")]

    operations = [
        # The old index goes first: on SQLite, adding the columns rebuilds the table and drops its triggers.
        migrations.RunPython(raw_index_drop, raw_index_create),
        migrations.AddField(
            model_name="project",
            name="search_title",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.AddField(
            model_name="project",
            name="search_body",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(search_columns_fill, migrations.RunPython.noop),
        migrations.RunPython(forms_index_create, forms_index_drop),
    ]
