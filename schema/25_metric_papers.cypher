// Range index metric_papers: the most mentioned :Metric entities (top-entities) without counting
// relationships at query time; papers is set after each load (loaders/9N_papers_*.cypher).
// Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE INDEX metric_papers IF NOT EXISTS FOR (n:Metric) ON (n.papers)
