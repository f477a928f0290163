"""What persists between runs in the data directory: the state store, the incremental decisions, the failure list and the data directory's lock."""
