-- Slack workspaces that installed the coach through "Add to Slack" (OAuth), and the
-- one-time `state` values of installs in progress. One row per workspace, or per
-- organization for an org-wide (Enterprise Grid) install, whose team_id is ''.
-- Tokens are Fernet-encrypted with SLACK_TOKEN_KEY before they are written.

CREATE TABLE slack_installations (
    id INTEGER PRIMARY KEY,
    enterprise_id TEXT NOT NULL DEFAULT '',
    team_id TEXT NOT NULL DEFAULT '',
    is_enterprise_install INTEGER NOT NULL DEFAULT 0,
    app_id TEXT,
    enterprise_name TEXT,
    enterprise_url TEXT,
    team_name TEXT,
    bot_id TEXT,
    bot_user_id TEXT,
    bot_scopes TEXT,
    bot_token TEXT,
    bot_refresh_token TEXT,
    bot_token_expires_at INTEGER,
    installer_user_id TEXT,
    user_token TEXT,
    user_refresh_token TEXT,
    user_token_expires_at INTEGER,
    user_scopes TEXT,
    token_type TEXT,
    installed_at TEXT NOT NULL,
    UNIQUE (enterprise_id, team_id)
);

CREATE TABLE slack_oauth_states (
    state TEXT PRIMARY KEY,
    expires_at TEXT NOT NULL
);
