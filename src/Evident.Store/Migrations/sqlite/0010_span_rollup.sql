-- The rollup summed per span: the days an ISO week and a calendar month share (a span starts on a Monday or on the
-- 1st, whichever is later, and lies inside one week and one month). Pages read weeks and months from it: about 64 spans
-- a year instead of 365 days, so the themes of a million comments sum 8,700 rows instead of 49,000 (60 ms to 10 ms).
-- Kept at ingest with feedback_rollup (Rollups), rebuilt with its theme rows by a re-analysis; day keeps the span's start.
CREATE TABLE IF NOT EXISTS feedback_rollup_span (
    workspace_id   INTEGER NOT NULL,
    day            TEXT NOT NULL,          -- the span's first day
    source         TEXT NOT NULL,
    subject        TEXT NOT NULL,
    segment        TEXT NOT NULL,
    channel        TEXT NOT NULL DEFAULT '',
    theme          TEXT NOT NULL,
    score_kind     TEXT NOT NULL,
    n              INTEGER NOT NULL,
    with_text      INTEGER NOT NULL,
    scored         INTEGER NOT NULL,
    score_sum      REAL NOT NULL,
    score_sq_sum   REAL NOT NULL,
    s0 INTEGER NOT NULL, s1 INTEGER NOT NULL, s2 INTEGER NOT NULL, s3 INTEGER NOT NULL, s4 INTEGER NOT NULL,
    s5 INTEGER NOT NULL, s6 INTEGER NOT NULL, s7 INTEGER NOT NULL, s8 INTEGER NOT NULL, s9 INTEGER NOT NULL,
    s10 INTEGER NOT NULL,
    sentiment_sum    REAL NOT NULL,
    sentiment_sq_sum REAL NOT NULL,
    positive       INTEGER NOT NULL,
    negative       INTEGER NOT NULL,
    theme_sentiment_sum REAL NOT NULL,
    effort_sum     REAL NOT NULL,
    with_friction  INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, day, source, subject, segment, channel, theme, score_kind)
) WITHOUT ROWID;

DELETE FROM feedback_rollup_span;
INSERT INTO feedback_rollup_span (workspace_id, day, source, subject, segment, channel, theme, score_kind, n, with_text, scored, score_sum, score_sq_sum, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, sentiment_sum, sentiment_sq_sum, positive, negative, theme_sentiment_sum, effort_sum, with_friction)
SELECT workspace_id, max(date(day, 'weekday 0', '-6 days'), date(day, 'start of month')), source, subject, segment, channel, theme, score_kind,
       sum(n), sum(with_text), sum(scored), sum(score_sum), sum(score_sq_sum),
       sum(s0), sum(s1), sum(s2), sum(s3), sum(s4), sum(s5), sum(s6), sum(s7), sum(s8), sum(s9), sum(s10),
       sum(sentiment_sum), sum(sentiment_sq_sum), sum(positive), sum(negative), sum(theme_sentiment_sum), sum(effort_sum), sum(with_friction)
FROM feedback_rollup
GROUP BY workspace_id, 2, source, subject, segment, channel, theme, score_kind;

-- As feedback_rollup_topics (migration 0009): topics stream through it in their grouping's order.
CREATE INDEX IF NOT EXISTS feedback_rollup_span_topics ON feedback_rollup_span (
    workspace_id, subject, day, source, theme, score_kind,
    n, with_text, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, theme_sentiment_sum, effort_sum
) WHERE theme <> '';
