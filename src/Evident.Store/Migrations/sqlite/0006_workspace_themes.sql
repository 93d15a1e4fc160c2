-- The workspace's own themes, merged into the shipped taxonomy (src/Evident.Text/Lexicons/themes.json): a new id adds a
-- theme; a shipped id keeps its shipped phrases and gains these, with the name and description given here (null: the
-- shipped ones). Every change bumps workspace_setting 'taxonomy_version', which names the analyser to use.
CREATE TABLE workspace_theme (
    workspace_id INTEGER NOT NULL REFERENCES workspace (id),
    theme_id     TEXT NOT NULL,            -- lower-case slug, as feedback_theme.theme
    name         TEXT,
    description  TEXT,
    phrases      TEXT NOT NULL,            -- JSON array of phrases (Lexicons/README.md, "Phrase syntax")
    updated_at   TEXT NOT NULL,
    updated_by   TEXT,
    PRIMARY KEY (workspace_id, theme_id)
) WITHOUT ROWID;

-- Re-analysis of the stored comments after a taxonomy change: one row per workspace for the run in progress (or the
-- last one), and the themes found so far. Each batch of comments is committed with the last feedback id it did
-- (done_through), so that a run stopped at any point continues where it stopped; the themes found replace
-- feedback_theme and the theme rows of feedback_rollup in one last transaction, so that the pages never show a
-- half-done mixture.
CREATE TABLE theme_reanalysis (
    workspace_id     INTEGER PRIMARY KEY REFERENCES workspace (id),
    taxonomy_version INTEGER NOT NULL,
    status           TEXT NOT NULL,        -- running | completed
    done_through     INTEGER NOT NULL,     -- feedback ids up to this one are done
    analysed         INTEGER NOT NULL,     -- comments analysed so far
    total            INTEGER NOT NULL,     -- comments with text when the run began
    rows_before      INTEGER NOT NULL,     -- feedback_theme rows when the run began
    rows_after       INTEGER,
    started_at       TEXT NOT NULL,
    finished_at      TEXT,
    started_by       TEXT
);

-- theme '' marks a comment done (whatever it holds), so that only the comments analysed lose their old themes.
CREATE TABLE theme_reanalysis_row (
    workspace_id INTEGER NOT NULL,
    feedback_id  INTEGER NOT NULL,
    theme        TEXT NOT NULL,
    sentiment    REAL NOT NULL,
    PRIMARY KEY (workspace_id, feedback_id, theme)
) WITHOUT ROWID;
