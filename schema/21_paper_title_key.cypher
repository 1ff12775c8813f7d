// Range index paper_title_key: finds :Paper nodes by lower-cased title (paper-profile and
// related-papers accept a title in any case) without a scan.
// Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE INDEX paper_title_key IF NOT EXISTS FOR (n:Paper) ON (n.title_key)
