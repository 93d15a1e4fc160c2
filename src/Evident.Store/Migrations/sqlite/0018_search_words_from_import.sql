-- Nothing to do on SQLite: this number has PostgreSQL's import write the search vector that the server computed
-- before (0012); SQLite searches its FTS5 table (0007).
SELECT 1;
