-- The rollup's rows for every feedback row (theme '') are kept per channel too, so that scores by channel are read
-- from the rollup like scores by source or segment. Theme and friction rows keep channel '': their number does not
-- multiply by the channels. The rows for theme '' are summed again from the feedback rows, per channel.
CREATE TABLE feedback_rollup_by_channel (
    workspace_id   INTEGER NOT NULL,
    day            TEXT NOT NULL,
    source         TEXT NOT NULL,
    subject        TEXT NOT NULL,
    segment        TEXT NOT NULL,          -- '' when none
    channel        TEXT NOT NULL DEFAULT '', -- '' when none, and on theme and friction rows
    theme          TEXT NOT NULL,          -- '' for all rows, a theme id, or 'friction:KIND'
    score_kind     TEXT NOT NULL,          -- '' when unscored
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

INSERT INTO feedback_rollup_by_channel (workspace_id, day, source, subject, segment, channel, theme, score_kind, n, with_text, scored, score_sum, score_sq_sum, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, sentiment_sum, sentiment_sq_sum, positive, negative, theme_sentiment_sum, effort_sum, with_friction)
SELECT workspace_id, day, source, subject, segment, '', theme, score_kind, n, with_text, scored, score_sum, score_sq_sum, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, sentiment_sum, sentiment_sq_sum, positive, negative, theme_sentiment_sum, effort_sum, with_friction
FROM feedback_rollup WHERE theme <> '';

DROP TABLE feedback_rollup;
ALTER TABLE feedback_rollup_by_channel RENAME TO feedback_rollup;

INSERT INTO feedback_rollup (workspace_id, day, source, subject, segment, channel, theme, score_kind, n, with_text, scored, score_sum, score_sq_sum, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, sentiment_sum, sentiment_sq_sum, positive, negative, theme_sentiment_sum, effort_sum, with_friction)
SELECT workspace_id, day, source, subject, coalesce(segment, ''), coalesce(channel, ''), '', coalesce(score_kind, ''),
       count(*), count(sentiment), count(score), coalesce(sum(score), 0), coalesce(sum(score * score), 0),
       sum(CASE WHEN score IS NOT NULL AND min(max(CAST(round(score) AS INTEGER), 0), 10) = 0 THEN 1 ELSE 0 END),
       sum(CASE WHEN score IS NOT NULL AND min(max(CAST(round(score) AS INTEGER), 0), 10) = 1 THEN 1 ELSE 0 END),
       sum(CASE WHEN score IS NOT NULL AND min(max(CAST(round(score) AS INTEGER), 0), 10) = 2 THEN 1 ELSE 0 END),
       sum(CASE WHEN score IS NOT NULL AND min(max(CAST(round(score) AS INTEGER), 0), 10) = 3 THEN 1 ELSE 0 END),
       sum(CASE WHEN score IS NOT NULL AND min(max(CAST(round(score) AS INTEGER), 0), 10) = 4 THEN 1 ELSE 0 END),
       sum(CASE WHEN score IS NOT NULL AND min(max(CAST(round(score) AS INTEGER), 0), 10) = 5 THEN 1 ELSE 0 END),
       sum(CASE WHEN score IS NOT NULL AND min(max(CAST(round(score) AS INTEGER), 0), 10) = 6 THEN 1 ELSE 0 END),
       sum(CASE WHEN score IS NOT NULL AND min(max(CAST(round(score) AS INTEGER), 0), 10) = 7 THEN 1 ELSE 0 END),
       sum(CASE WHEN score IS NOT NULL AND min(max(CAST(round(score) AS INTEGER), 0), 10) = 8 THEN 1 ELSE 0 END),
       sum(CASE WHEN score IS NOT NULL AND min(max(CAST(round(score) AS INTEGER), 0), 10) = 9 THEN 1 ELSE 0 END),
       sum(CASE WHEN score IS NOT NULL AND min(max(CAST(round(score) AS INTEGER), 0), 10) = 10 THEN 1 ELSE 0 END),
       coalesce(sum(sentiment), 0), coalesce(sum(sentiment * sentiment), 0),
       sum(CASE WHEN sentiment >= 0.05 THEN 1 ELSE 0 END), sum(CASE WHEN sentiment <= -0.05 THEN 1 ELSE 0 END),
       0, coalesce(sum(effort), 0), count(CASE WHEN friction IS NOT NULL THEN 1 END)
FROM feedback
GROUP BY workspace_id, day, source, subject, coalesce(segment, ''), coalesce(channel, ''), coalesce(score_kind, '');
