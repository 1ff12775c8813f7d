// Range index task_papers: the most mentioned :Task entities (top-entities) without counting
// relationships at query time; papers is set after each load (loaders/9N_papers_*.cypher).
// Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE INDEX task_papers IF NOT EXISTS FOR (n:Task) ON (n.papers)
