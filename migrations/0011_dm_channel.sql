-- The user's DM channel id (Slack's D..., Discord's DM channel snowflake), stored once a worker
-- opened it (conversations.open, create_dm), so other workers need not open it again.

ALTER TABLE users ADD COLUMN dm_channel TEXT;
