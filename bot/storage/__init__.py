"""Everything that knows SQL: the connection, migrations and repositories."""
