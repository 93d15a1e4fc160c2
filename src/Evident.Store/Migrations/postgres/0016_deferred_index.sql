-- Nothing to do on PostgreSQL: SQLite adds with this number the table of indexes an import set aside, which
-- PostgreSQL has had since 0015.
SELECT 1;
