// Uniqueness constraint metric_key: at most one :Metric node per key; the loaders MERGE on it, and its
// index makes those MERGEs and lookups by key fast. Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT metric_key IF NOT EXISTS FOR (n:Metric) REQUIRE n.key IS UNIQUE
