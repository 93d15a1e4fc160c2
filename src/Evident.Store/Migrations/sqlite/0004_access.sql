-- People and machines that may use a workspace through `evident serve`, and the server's own settings.
-- Passwords are stored as ASP.NET Core Identity PBKDF2 hashes; API keys as the SHA-256 of the key (a key is 32
-- random bytes, so a slow hash adds nothing); the key's first characters (prefix) find it and name it in lists.

CREATE TABLE app_user (
    id            INTEGER PRIMARY KEY,
    workspace_id  INTEGER NOT NULL REFERENCES workspace (id),
    email         TEXT NOT NULL,           -- lower case
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL,           -- admin | analyst | frontline | viewer
    team          TEXT,                    -- frontline: the team whose data the user sees
    created_at    TEXT NOT NULL,
    last_login_at TEXT,
    UNIQUE (workspace_id, email)
);

CREATE TABLE api_key (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspace (id),
    name         TEXT NOT NULL,
    prefix       TEXT NOT NULL UNIQUE,
    key_hash     TEXT NOT NULL,
    scope        TEXT NOT NULL,            -- read | write
    created_at   TEXT NOT NULL,
    revoked_at   TEXT,
    last_used_at TEXT
);

CREATE TABLE workspace_setting (
    workspace_id INTEGER NOT NULL REFERENCES workspace (id),
    name         TEXT NOT NULL,
    value        TEXT NOT NULL,
    PRIMARY KEY (workspace_id, name)
) WITHOUT ROWID;

-- ASP.NET Core data-protection keys (they sign the login cookies and anti-forgery tokens), kept in the workspace so
-- that a restart, or another `evident serve` node on the same PostgreSQL database, still reads the cookies issued.
CREATE TABLE data_protection_key (
    name       TEXT PRIMARY KEY,
    xml        TEXT NOT NULL,
    created_at TEXT NOT NULL
);
