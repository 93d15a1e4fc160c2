-- Friction joins the rollup, so that friction by source, segment and period is read like themes are: a row whose text
-- shows a friction kind also counts once under theme 'friction:KIND' (theme_sentiment_sum then holds the row's own
-- sentiment). Import keeps these current from this version on; the rows already stored are summed here once.
INSERT INTO feedback_rollup (workspace_id, day, source, subject, segment, theme, score_kind, n, with_text, scored, score_sum, score_sq_sum, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, sentiment_sum, sentiment_sq_sum, positive, negative, theme_sentiment_sum, effort_sum, with_friction)
SELECT f.workspace_id, f.day, f.source, f.subject, coalesce(f.segment, ''), 'friction:' || ff.kind, coalesce(f.score_kind, ''),
       count(*), count(f.sentiment), count(f.score), coalesce(sum(f.score), 0), coalesce(sum(f.score * f.score), 0),
       sum(CASE WHEN f.score IS NOT NULL AND min(max(CAST(round(f.score) AS INTEGER), 0), 10) = 0 THEN 1 ELSE 0 END),
       sum(CASE WHEN f.score IS NOT NULL AND min(max(CAST(round(f.score) AS INTEGER), 0), 10) = 1 THEN 1 ELSE 0 END),
       sum(CASE WHEN f.score IS NOT NULL AND min(max(CAST(round(f.score) AS INTEGER), 0), 10) = 2 THEN 1 ELSE 0 END),
       sum(CASE WHEN f.score IS NOT NULL AND min(max(CAST(round(f.score) AS INTEGER), 0), 10) = 3 THEN 1 ELSE 0 END),
       sum(CASE WHEN f.score IS NOT NULL AND min(max(CAST(round(f.score) AS INTEGER), 0), 10) = 4 THEN 1 ELSE 0 END),
       sum(CASE WHEN f.score IS NOT NULL AND min(max(CAST(round(f.score) AS INTEGER), 0), 10) = 5 THEN 1 ELSE 0 END),
       sum(CASE WHEN f.score IS NOT NULL AND min(max(CAST(round(f.score) AS INTEGER), 0), 10) = 6 THEN 1 ELSE 0 END),
       sum(CASE WHEN f.score IS NOT NULL AND min(max(CAST(round(f.score) AS INTEGER), 0), 10) = 7 THEN 1 ELSE 0 END),
       sum(CASE WHEN f.score IS NOT NULL AND min(max(CAST(round(f.score) AS INTEGER), 0), 10) = 8 THEN 1 ELSE 0 END),
       sum(CASE WHEN f.score IS NOT NULL AND min(max(CAST(round(f.score) AS INTEGER), 0), 10) = 9 THEN 1 ELSE 0 END),
       sum(CASE WHEN f.score IS NOT NULL AND min(max(CAST(round(f.score) AS INTEGER), 0), 10) = 10 THEN 1 ELSE 0 END),
       coalesce(sum(f.sentiment), 0), coalesce(sum(f.sentiment * f.sentiment), 0),
       sum(CASE WHEN f.sentiment >= 0.05 THEN 1 ELSE 0 END), sum(CASE WHEN f.sentiment <= -0.05 THEN 1 ELSE 0 END),
       coalesce(sum(f.sentiment), 0), coalesce(sum(f.effort), 0), count(f.sentiment)
FROM feedback f JOIN feedback_friction ff ON ff.feedback_id = f.id
GROUP BY f.workspace_id, f.day, f.source, f.subject, coalesce(f.segment, ''), ff.kind, coalesce(f.score_kind, '');

-- Employee figures are read per team without scanning customer feedback.
CREATE INDEX IF NOT EXISTS feedback_employee_by_team ON feedback (workspace_id, team, day) WHERE subject = 'employee';

-- Verbatims: a theme's most negative (or positive) comments are read in index order, stopping at the few shown.
CREATE INDEX IF NOT EXISTS feedback_theme_by_sentiment ON feedback_theme (workspace_id, theme, sentiment);
