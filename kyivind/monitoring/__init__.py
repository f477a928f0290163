"""The end-of-run verdict: what the run collected, its checks (Spidermon), the summary and the alerts."""
