-- Nothing to do on SQLite: this number gave PostgreSQL a stored tsvector for Voices' search; SQLite searches its FTS5
-- table (0007).
SELECT 1;
