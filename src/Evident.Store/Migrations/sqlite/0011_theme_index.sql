-- feedback_theme_by_theme (workspace, theme, feedback_id) is dropped: feedback_theme_by_sentiment (workspace, theme,
-- sentiment) holds the primary key's feedback_id in each entry too (a WITHOUT ROWID table's indexes do), so it serves
-- a theme's comments as well (Voices' theme filter took the same 19-21 ms over a million comments). One index fewer
-- to write per theme found at import: the theme and friction inserts of 1,000,000 comments 14.1-15.7 s to 11.0-12.4 s.
DROP INDEX IF EXISTS feedback_theme_by_theme;
