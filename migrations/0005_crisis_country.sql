-- The country whose crisis lines a user sees: their own answer to "which country are you in?"
-- ('ZZ' for "other": the international directory, and the question is not asked again).

ALTER TABLE users ADD COLUMN country TEXT;
