-- The rollup summed per span: the days an ISO week and a calendar month share (see the SQLite migration of the same
-- number). day keeps the span's first day: a Monday or the 1st, whichever is later.
CREATE TABLE IF NOT EXISTS feedback_rollup_span (LIKE feedback_rollup INCLUDING DEFAULTS);
ALTER TABLE feedback_rollup_span DROP CONSTRAINT IF EXISTS feedback_rollup_span_pkey;
ALTER TABLE feedback_rollup_span ADD PRIMARY KEY (workspace_id, day, source, subject, segment, channel, theme, score_kind);

DELETE FROM feedback_rollup_span;
INSERT INTO feedback_rollup_span (workspace_id, day, source, subject, segment, channel, theme, score_kind, n, with_text, scored, score_sum, score_sq_sum, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, sentiment_sum, sentiment_sq_sum, positive, negative, theme_sentiment_sum, effort_sum, with_friction)
SELECT workspace_id, greatest(CAST(date_trunc('week', day::timestamp) AS date), CAST(date_trunc('month', day::timestamp) AS date)), source, subject, segment, channel, theme, score_kind,
       sum(n), sum(with_text), sum(scored), sum(score_sum), sum(score_sq_sum),
       sum(s0), sum(s1), sum(s2), sum(s3), sum(s4), sum(s5), sum(s6), sum(s7), sum(s8), sum(s9), sum(s10),
       sum(sentiment_sum), sum(sentiment_sq_sum), sum(positive), sum(negative), sum(theme_sentiment_sum), sum(effort_sum), sum(with_friction)
FROM feedback_rollup
GROUP BY workspace_id, 2, source, subject, segment, channel, theme, score_kind;

CREATE INDEX IF NOT EXISTS feedback_rollup_span_topics ON feedback_rollup_span (workspace_id, subject, day, source, theme, score_kind)
    INCLUDE (n, with_text, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, theme_sentiment_sum, effort_sum)
    WHERE theme <> '';
