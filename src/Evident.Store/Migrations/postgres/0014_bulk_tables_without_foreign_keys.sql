-- The tables an import fills row by row lose their foreign keys. PostgreSQL checks a foreign key with a trigger per
-- inserted row, and over a million feedback rows (with 1.8 million theme and 0.2 million friction rows) those checks
-- cost about 17 seconds of server time, measured with psql \timing by copying the rows into twin tables with and
-- without the key: theme rows 26.8 s against 16.1 s, 300,000 feedback rows 8.6-9.0 s against 6.7-7.2 s. SQLite never
-- enforced them (its foreign_keys pragma is off), so both stores now behave alike: the importer writes a child row
-- in the same transaction as its parent, into the workspace it opened, and nothing deletes feedback or workspaces.
-- Keys stay on the small tables people edit (cases, users, keys, settings, themes).
ALTER TABLE feedback DROP CONSTRAINT IF EXISTS feedback_workspace_id_fkey;
ALTER TABLE feedback_theme DROP CONSTRAINT IF EXISTS feedback_theme_feedback_id_fkey;
ALTER TABLE feedback_friction DROP CONSTRAINT IF EXISTS feedback_friction_feedback_id_fkey;
ALTER TABLE person DROP CONSTRAINT IF EXISTS person_workspace_id_fkey;
ALTER TABLE interaction DROP CONSTRAINT IF EXISTS interaction_workspace_id_fkey;
ALTER TABLE journey_event DROP CONSTRAINT IF EXISTS journey_event_workspace_id_fkey;
ALTER TABLE communication DROP CONSTRAINT IF EXISTS communication_workspace_id_fkey;
