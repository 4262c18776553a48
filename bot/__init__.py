"""Reframe Coach: turns a "no" into a plan, in Slack, Discord or a terminal."""
