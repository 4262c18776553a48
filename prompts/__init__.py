"""The coach's texts; this file makes the folder the package bot.bundled.prompts."""
