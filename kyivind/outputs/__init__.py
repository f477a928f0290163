"""What analysts read: the feeds read back, the merged file and report, typed tables, the SQLite database and Datasette."""
