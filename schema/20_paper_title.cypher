// Range index paper_title: finds :Paper nodes by exact title without a scan (the canned queries
// paper-profile and related-papers try the exact title before a case-insensitive scan).
// Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE INDEX paper_title IF NOT EXISTS FOR (n:Paper) ON (n.title)
