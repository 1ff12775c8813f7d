// Range index dataset_papers: the most mentioned :Dataset entities (top-entities) without counting
// relationships at query time; papers is set after each load (loaders/9N_papers_*.cypher).
// Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE INDEX dataset_papers IF NOT EXISTS FOR (n:Dataset) ON (n.papers)
