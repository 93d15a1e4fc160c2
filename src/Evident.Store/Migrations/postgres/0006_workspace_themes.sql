-- The workspace's own themes, merged into the shipped taxonomy (src/Evident.Text/Lexicons/themes.json): a new id adds a
-- theme; a shipped id keeps its shipped phrases and gains these, with the name and description given here (null: the
-- shipped ones). Every change bumps workspace_setting 'taxonomy_version', which names the analyser to use.
CREATE TABLE workspace_theme (
    workspace_id integer NOT NULL REFERENCES workspace (id),
    theme_id     text NOT NULL,            -- lower-case slug, as feedback_theme.theme
    name         text,
    description  text,
    phrases      text NOT NULL,            -- JSON array of phrases (Lexicons/README.md, "Phrase syntax")
    updated_at   timestamptz NOT NULL,
    updated_by   text,
    PRIMARY KEY (workspace_id, theme_id)
);

-- Re-analysis of the stored comments after a taxonomy change: one row per workspace for the run in progress (or the
-- last one), and the themes found so far. Each batch of comments is committed with the last feedback id it did
-- (done_through), so that a run stopped at any point continues where it stopped; the themes found replace
-- feedback_theme and the theme rows of feedback_rollup in one last transaction, so that the pages never show a
-- half-done mixture.
CREATE TABLE theme_reanalysis (
    workspace_id     integer PRIMARY KEY REFERENCES workspace (id),
    taxonomy_version bigint NOT NULL,
    status           text NOT NULL,        -- running | completed
    done_through     bigint NOT NULL,     -- feedback ids up to this one are done
    analysed         bigint NOT NULL,     -- comments analysed so far
    total            bigint NOT NULL,     -- comments with text when the run began
    rows_before      bigint NOT NULL,     -- feedback_theme rows when the run began
    rows_after       bigint,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz,
    started_by       text
);

-- theme '' marks a comment done (whatever it holds), so that only the comments analysed lose their old themes.
CREATE TABLE theme_reanalysis_row (
    workspace_id integer NOT NULL,
    feedback_id  bigint NOT NULL,
    theme        text NOT NULL,
    sentiment    double precision NOT NULL,
    PRIMARY KEY (workspace_id, feedback_id, theme)
);
