-- Themes and friction are read from the rollup's theme rows grouped by day, source, theme and score kind, with the
-- sums topics use (EvidenceReader's topic sums). In the table's own order (day, source, subject, segment, channel, theme,
-- score kind) SQLite sorted 49,000 rows into groups for every read (150-200 ms over a million comments); this index
-- holds those rows in the grouping's order with the sums they need, so the read streams through it (about 90 ms).
CREATE INDEX IF NOT EXISTS feedback_rollup_topics ON feedback_rollup (
    workspace_id, subject, day, source, theme, score_kind,
    n, with_text, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, theme_sentiment_sum, effort_sum
) WHERE theme <> '';
