-- As on SQLite: feedback_rollup_topics (migration 0009) served only day-level topics once weeks and months read the
-- rollup per span (0010), and its included sums made every rollup upsert of an import write a new index entry.
DROP INDEX IF EXISTS feedback_rollup_topics;
