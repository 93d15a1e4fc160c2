-- feedback_rollup_topics (migration 0009) is dropped. Since 0010 weeks and months read topics from the rollup per span
-- (with its own topics index); this one served only day-level topics (the API's period=day), yet every import paid for
-- it: the index holds the sums, so each upsert of a theme row rewrote its entry. Over a million comments a day-level
-- topic read now sorts the theme rows (70 -> 150 ms), and the rollup upserts of an import take about a third less time.
DROP INDEX IF EXISTS feedback_rollup_topics;
