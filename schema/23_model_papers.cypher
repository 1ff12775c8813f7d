// Range index model_papers: the most mentioned :Model entities (top-entities) without counting
// relationships at query time; papers is set after each load (loaders/9N_papers_*.cypher).
// Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE INDEX model_papers IF NOT EXISTS FOR (n:Model) ON (n.papers)
