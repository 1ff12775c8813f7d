// Range index metric_rank: the most mentioned :Metric entities (top-entities) by equality look-ups of
// rank 1, 2, ... instead of sorting every node (ArcadeDB serves no range or ORDER BY from an index);
// rank, papers and mentions are set after each load (loaders/93_papers_metric.cypher).
// Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE INDEX metric_rank IF NOT EXISTS FOR (n:Metric) ON (n.rank)
