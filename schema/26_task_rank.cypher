// Range index task_rank: the most mentioned :Task entities (top-entities) by equality look-ups of
// rank 1, 2, ... instead of sorting every node (ArcadeDB serves no range or ORDER BY from an index);
// rank, papers and mentions are set after each load (loaders/94_papers_task.cypher).
// Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE INDEX task_rank IF NOT EXISTS FOR (n:Task) ON (n.rank)
