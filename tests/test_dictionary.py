"""The data dictionary covers every column of every schema and docs/tables.md is current."""

from pipeline.config import PROJECT_ROOT
from pipeline.dictionary import COLUMNS, describe, render
from pipeline.schemas import TABLES


def test_every_column_is_described():
    missing = []
    for table, schema in TABLES.items():
        for field in schema:
            try:
                describe(table, field.name)
            except KeyError as error:
                missing.append(str(error))
    assert missing == []


def test_descriptions_name_only_real_columns():
    stale = [(table, column) for table, columns in COLUMNS.items() for column in columns
             if column not in TABLES[table].names]
    assert stale == []


def test_docs_tables_md_is_regenerated():
    current = (PROJECT_ROOT / "docs" / "tables.md").read_text(encoding="utf-8")
    assert current == render(), "docs/tables.md is stale: run `python -m pipeline dictionary`"
