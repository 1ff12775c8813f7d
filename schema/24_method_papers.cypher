// Range index method_papers: the most mentioned :Method entities (top-entities) without counting
// relationships at query time; papers is set after each load (loaders/9N_papers_*.cypher).
// Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE INDEX method_papers IF NOT EXISTS FOR (n:Method) ON (n.papers)
