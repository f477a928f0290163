"""The raw archive: every answer written as WARC, WARC files read back in bounded memory, and the replay of a re-extraction run."""
