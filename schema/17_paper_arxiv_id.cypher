// Range index paper_arxiv_id: finds :Paper nodes by arxiv_id without a scan.
// Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE INDEX paper_arxiv_id IF NOT EXISTS FOR (n:Paper) ON (n.arxiv_id)
