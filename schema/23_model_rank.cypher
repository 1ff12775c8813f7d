// Range index model_rank: the most mentioned :Model entities (top-entities) by equality look-ups of
// rank 1, 2, ... instead of sorting every node (ArcadeDB serves no range or ORDER BY from an index);
// rank, papers and mentions are set after each load (loaders/91_papers_model.cypher).
// Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE INDEX model_rank IF NOT EXISTS FOR (n:Model) ON (n.rank)
