-- The options a command-line import was read with (--map, --dates, --format), as a JSON array of its words, so that
-- `evident status` can say how to complete an interrupted run: completed without its --map, a run that keyed rows by
-- their content (--map "id=-") would key the rest by the id column and store every row a second time. Null for runs
-- before this migration, for the import page's and the API's, and for a run given none.
ALTER TABLE import_run ADD COLUMN options text;

-- Why a run failed, in the words the command line and the import page gave, so that `evident status` and the page
-- can say it later (the page's job, which held it, is gone once the server restarts).
ALTER TABLE import_run ADD COLUMN error text;
