-- The secondary indexes an import set aside while it loads a table that was empty (PostgreSQL's bulk-load recipe:
-- build an index once over the loaded rows instead of inserting into it row by row). A row stays here only while
-- its index is absent: written in the transaction that drops the index, deleted in the one that builds it again,
-- so an import killed in between leaves the definition for the next opener to rebuild (Ingest/DeferredIndexes.cs).
-- Like schema_migration, it describes the database rather than a workspace.
CREATE TABLE IF NOT EXISTS deferred_index (
    name       text PRIMARY KEY,
    table_name text NOT NULL,
    definition text NOT NULL
);
