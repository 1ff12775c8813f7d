// Uniqueness constraint dataset_key: at most one :Dataset node per key; the loaders MERGE on it, and its
// index makes those MERGEs and lookups by key fast. Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT dataset_key IF NOT EXISTS FOR (n:Dataset) REQUIRE n.key IS UNIQUE
