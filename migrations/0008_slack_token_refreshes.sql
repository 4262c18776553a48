-- Who is refreshing a workspace's rotating Slack token right now, and until when: two
-- processes (say `reframe run --only slack` and `--only scheduler`) never refresh the same
-- workspace at once. A row whose `until` has passed belongs to a process that died.

CREATE TABLE slack_token_refreshes (
    enterprise_id TEXT NOT NULL,
    team_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    until TEXT NOT NULL,
    PRIMARY KEY (enterprise_id, team_id)
);
