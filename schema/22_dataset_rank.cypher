// Range index dataset_rank: the most mentioned :Dataset entities (top-entities) by equality look-ups of
// rank 1, 2, ... instead of sorting every node (ArcadeDB serves no range or ORDER BY from an index);
// rank, papers and mentions are set after each load (loaders/90_papers_dataset.cypher).
// Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE INDEX dataset_rank IF NOT EXISTS FOR (n:Dataset) ON (n.rank)
