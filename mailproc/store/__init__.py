"""Storage: the schema, the database connection and its migrations."""
