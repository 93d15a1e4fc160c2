-- Themes and friction are read from the rollup's theme rows grouped by day, source, theme and score kind, with the
-- sums topics use (EvidenceReader's topic sums): this index holds them in the grouping's order with those sums, so the
-- read can stream through it instead of sorting every theme row (see the SQLite migration of the same number).
CREATE INDEX IF NOT EXISTS feedback_rollup_topics ON feedback_rollup (workspace_id, subject, day, source, theme, score_kind)
    INCLUDE (n, with_text, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, theme_sentiment_sum, effort_sum)
    WHERE theme <> '';
