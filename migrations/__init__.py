"""The SQL migrations; this file makes the folder the package bot.bundled.migrations."""
