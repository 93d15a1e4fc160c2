-- A workspace theme's exceptions, as the shipped themes.json has them ("except"): phrases inside which the theme's own
-- phrases do not count ("no complaint" for complaint-handling). A JSON array of phrases, null when there are none.
ALTER TABLE workspace_theme ADD COLUMN exceptions TEXT;
