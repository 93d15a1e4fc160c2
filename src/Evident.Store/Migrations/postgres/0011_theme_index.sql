-- Nothing to do on PostgreSQL: SQLite dropped feedback_theme_by_theme with this number. PostgreSQL keeps it, because
-- there its entries carry the feedback_id a theme filter needs (an index-only scan), which the sentiment index's do not.
SELECT 1;
