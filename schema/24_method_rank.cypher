// Range index method_rank: the most mentioned :Method entities (top-entities) by equality look-ups of
// rank 1, 2, ... instead of sorting every node (ArcadeDB serves no range or ORDER BY from an index);
// rank, papers and mentions are set after each load (loaders/92_papers_method.cypher).
// Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE INDEX method_rank IF NOT EXISTS FOR (n:Method) ON (n.rank)
