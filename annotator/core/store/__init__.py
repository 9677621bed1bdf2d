"""The project file: connection, schema and migrations, the stores, the Project API."""
