-- Evident workspace schema, SQLite dialect. Times are ISO 8601 UTC text ('2025-03-01T10:00:00Z'), days 'YYYY-MM-DD'.
-- Every row carries workspace_id. Analysis columns hold what dashboards aggregate; the character spans behind each
-- signal are recomputed from the text when a verbatim is shown (the analyser is deterministic; analysis_version
-- says which engine produced the stored columns).

CREATE TABLE workspace (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);

CREATE TABLE import_run (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspace (id),
    kind         TEXT NOT NULL,
    source       TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    file_bytes   INTEGER,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    status       TEXT NOT NULL,            -- running | completed | failed (a killed run stays 'running')
    rows_read    INTEGER NOT NULL DEFAULT 0,
    imported     INTEGER NOT NULL DEFAULT 0,
    duplicates   INTEGER NOT NULL DEFAULT 0,
    rejected     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE person (
    workspace_id INTEGER NOT NULL REFERENCES workspace (id),
    kind         TEXT NOT NULL,            -- customer | employee
    person_key   TEXT NOT NULL,            -- pseudonymous key
    segment      TEXT,
    region       TEXT,
    team         TEXT,
    first_seen   TEXT NOT NULL,
    PRIMARY KEY (workspace_id, kind, person_key)
) WITHOUT ROWID;

CREATE TABLE feedback (
    id                INTEGER PRIMARY KEY,
    workspace_id      INTEGER NOT NULL REFERENCES workspace (id),
    import_id         INTEGER,
    source            TEXT NOT NULL,
    external_id       TEXT NOT NULL,       -- the source's id, or 'sha256:…' of the row's content
    subject           TEXT NOT NULL,       -- customer | employee (pulse)
    person_key        TEXT,
    created_at        TEXT NOT NULL,
    day               TEXT NOT NULL,
    channel           TEXT,
    segment           TEXT,
    region            TEXT,
    team              TEXT,
    score_kind        TEXT,                -- nps | csat | ces | enps | rating
    score             REAL,
    text              TEXT,
    interaction_key   TEXT,                -- the interaction (ticket, thread) this was said in
    attributes        TEXT,                -- unmapped columns as a JSON object
    sentiment         REAL,
    sentiment_pos     REAL,
    sentiment_neu     REAL,
    sentiment_neg     REAL,
    sentiment_label   INTEGER,             -- -1 | 0 | 1
    effort            REAL,
    emotions          TEXT,                -- comma-separated emotion names
    signals           TEXT,                -- comma-separated audit and reply signals
    friction          TEXT,                -- comma-separated friction kinds
    wait_minutes      REAL,
    analysis_version  INTEGER NOT NULL,
    UNIQUE (workspace_id, source, external_id)
);
CREATE INDEX feedback_by_day ON feedback (workspace_id, day);
CREATE INDEX feedback_by_person ON feedback (workspace_id, person_key) WHERE person_key IS NOT NULL;

CREATE TABLE feedback_theme (
    feedback_id  INTEGER NOT NULL REFERENCES feedback (id),
    theme        TEXT NOT NULL,
    workspace_id INTEGER NOT NULL,
    sentiment    REAL NOT NULL,            -- aspect sentiment of the clauses that name the theme
    PRIMARY KEY (feedback_id, theme)
) WITHOUT ROWID;
CREATE INDEX feedback_theme_by_theme ON feedback_theme (workspace_id, theme, feedback_id);

CREATE TABLE feedback_friction (
    feedback_id  INTEGER NOT NULL REFERENCES feedback (id),
    kind         TEXT NOT NULL,
    workspace_id INTEGER NOT NULL,
    minutes      REAL,
    PRIMARY KEY (feedback_id, kind)
) WITHOUT ROWID;
CREATE INDEX feedback_friction_by_kind ON feedback_friction (workspace_id, kind, feedback_id);

-- Kept current at ingest, in the same transaction as the rows: dashboards read these, never the raw rows.
-- theme '' is every row of the group; a row with themes also counts once under each of its themes.
CREATE TABLE feedback_rollup (
    workspace_id   INTEGER NOT NULL,
    day            TEXT NOT NULL,
    source         TEXT NOT NULL,
    subject        TEXT NOT NULL,
    segment        TEXT NOT NULL,          -- '' when none
    theme          TEXT NOT NULL,          -- '' for all rows
    score_kind     TEXT NOT NULL,          -- '' when unscored
    n              INTEGER NOT NULL,
    with_text      INTEGER NOT NULL,
    scored         INTEGER NOT NULL,
    score_sum      REAL NOT NULL,
    score_sq_sum   REAL NOT NULL,
    s0 INTEGER NOT NULL, s1 INTEGER NOT NULL, s2 INTEGER NOT NULL, s3 INTEGER NOT NULL, s4 INTEGER NOT NULL,
    s5 INTEGER NOT NULL, s6 INTEGER NOT NULL, s7 INTEGER NOT NULL, s8 INTEGER NOT NULL, s9 INTEGER NOT NULL,
    s10 INTEGER NOT NULL,
    sentiment_sum    REAL NOT NULL,
    sentiment_sq_sum REAL NOT NULL,
    positive       INTEGER NOT NULL,
    negative       INTEGER NOT NULL,
    theme_sentiment_sum REAL NOT NULL,     -- aspect sentiment summed (theme rows only)
    effort_sum     REAL NOT NULL,
    with_friction  INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, day, source, subject, segment, theme, score_kind)
) WITHOUT ROWID;

CREATE TABLE interaction (
    id                      INTEGER PRIMARY KEY,
    workspace_id            INTEGER NOT NULL REFERENCES workspace (id),
    import_id               INTEGER,
    source                  TEXT NOT NULL,
    external_id             TEXT NOT NULL,
    person_key              TEXT,
    channel                 TEXT,
    started_at              TEXT NOT NULL,
    day                     TEXT NOT NULL,
    first_response_at       TEXT,
    ended_at                TEXT,
    first_response_seconds  REAL,
    resolution_seconds      REAL,
    wait_seconds            REAL,
    hold_seconds            REAL,
    transfers               INTEGER,
    menu_steps              INTEGER,
    messages                INTEGER,
    agent                   TEXT,
    team                    TEXT,
    outcome                 TEXT,
    reason                  TEXT,
    segment                 TEXT,
    attributes              TEXT,
    UNIQUE (workspace_id, source, external_id)
);
CREATE INDEX interaction_by_day ON interaction (workspace_id, day);
CREATE INDEX interaction_by_person ON interaction (workspace_id, person_key, started_at) WHERE person_key IS NOT NULL;

CREATE TABLE journey_event (
    id            INTEGER PRIMARY KEY,
    workspace_id  INTEGER NOT NULL REFERENCES workspace (id),
    import_id     INTEGER,
    source        TEXT NOT NULL,
    external_id   TEXT NOT NULL,
    person_key    TEXT NOT NULL,
    stage         TEXT,
    action        TEXT NOT NULL,
    at            TEXT NOT NULL,
    day           TEXT NOT NULL,
    channel       TEXT,
    segment       TEXT,
    value         REAL,
    attributes    TEXT,
    UNIQUE (workspace_id, source, external_id)
);
CREATE INDEX journey_by_person ON journey_event (workspace_id, person_key, at);

CREATE TABLE communication (
    id               INTEGER PRIMARY KEY,
    workspace_id     INTEGER NOT NULL REFERENCES workspace (id),
    import_id        INTEGER,
    source           TEXT NOT NULL,
    external_id      TEXT NOT NULL,
    author           TEXT,
    audience         TEXT,                 -- internal | external
    channel          TEXT,                 -- post | memo | email | reply
    created_at       TEXT NOT NULL,
    day              TEXT NOT NULL,
    text             TEXT NOT NULL,
    in_reply_to      TEXT,                 -- external id of the feedback answered
    interaction_key  TEXT,
    attributes       TEXT,
    sentiment        REAL,
    signals          TEXT,                 -- comma-separated audit and reply signals
    we_count         INTEGER,
    you_count        INTEGER,
    words            INTEGER,
    readability      REAL,
    analysis_version INTEGER NOT NULL,
    UNIQUE (workspace_id, source, external_id)
);
CREATE INDEX communication_by_day ON communication (workspace_id, day);

-- Room for the closed loop and for surveys (built by later work).
CREATE TABLE survey (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspace (id),
    name         TEXT NOT NULL,
    score_kind   TEXT,
    definition   TEXT NOT NULL,            -- questions, distribution and triggers as JSON
    created_at   TEXT NOT NULL
);

CREATE TABLE feedback_case (
    id              INTEGER PRIMARY KEY,
    workspace_id    INTEGER NOT NULL REFERENCES workspace (id),
    feedback_id     INTEGER NOT NULL REFERENCES feedback (id),
    team            TEXT,
    assignee        TEXT,
    status          TEXT NOT NULL,         -- open | in-progress | resolved | closed
    opened_at       TEXT NOT NULL,
    due_at          TEXT,
    first_action_at TEXT,
    closed_at       TEXT,
    resolution_note TEXT,
    customer_answer TEXT,
    UNIQUE (workspace_id, feedback_id)
);

CREATE TABLE case_action (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL,
    case_id      INTEGER NOT NULL REFERENCES feedback_case (id),
    at           TEXT NOT NULL,
    actor        TEXT,
    action       TEXT NOT NULL,
    note         TEXT
);

INSERT INTO workspace (id, name, created_at) VALUES (1, 'default', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
