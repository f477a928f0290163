"""Running kyivind on a server: the health of a data directory and scheduling runs on Scrapyd."""
