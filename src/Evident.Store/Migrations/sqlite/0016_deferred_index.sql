-- The secondary indexes an import set aside while it loads a table that was empty, as PostgreSQL has done since 0015:
-- on SQLite the theme and friction indexes, whose row-by-row upkeep (a random place in the index for every row) cost
-- more inside a whole import than building them at its end (Ingest/SqliteDeferredIndexes.cs has the figures). A row
-- stays here only while its index is absent: written in the transaction that drops the index, deleted in the one that
-- builds it again, so an import killed in between leaves the definition for the next opener to build.
CREATE TABLE IF NOT EXISTS deferred_index (
    name       TEXT PRIMARY KEY,
    table_name TEXT NOT NULL,
    definition TEXT NOT NULL
);
