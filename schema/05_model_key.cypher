// Uniqueness constraint model_key: at most one :Model node per key; the loaders MERGE on it, and its
// index makes those MERGEs and lookups by key fast. Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT model_key IF NOT EXISTS FOR (n:Model) REQUIRE n.key IS UNIQUE
