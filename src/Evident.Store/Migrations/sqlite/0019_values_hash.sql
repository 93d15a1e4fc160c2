-- The hash of each imported row's values (Evident.Core.Records.RecordValues), so that a re-import tells a row stored
-- unchanged (a duplicate) from one whose values changed since. Rows imported before this migration have none: a
-- re-import cannot tell whether they changed, and counts them duplicates as before.
ALTER TABLE feedback ADD COLUMN values_hash INTEGER;
ALTER TABLE interaction ADD COLUMN values_hash INTEGER;
ALTER TABLE journey_event ADD COLUMN values_hash INTEGER;
ALTER TABLE communication ADD COLUMN values_hash INTEGER;
