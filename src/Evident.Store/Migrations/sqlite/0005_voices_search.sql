-- Voices lists customer comments newest first, 50 at a time: read in this index's order, a page touches its 50 rows
-- (and counting every comment reads the index, not the table). Ties in time are ordered by id, as the pages are.
CREATE INDEX IF NOT EXISTS feedback_voices_by_time ON feedback (workspace_id, created_at, id) WHERE subject = 'customer' AND text IS NOT NULL;

-- A frontline user's Voices: their team's comments, newest first, counted and paged without reading other teams' rows.
CREATE INDEX IF NOT EXISTS feedback_voices_by_team ON feedback (workspace_id, team, created_at, id) WHERE subject = 'customer' AND text IS NOT NULL;
