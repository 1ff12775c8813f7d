// Uniqueness constraint result_id: at most one :Result node per id; the loaders MERGE on it, and its
// index makes those MERGEs and lookups by id fast. Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT result_id IF NOT EXISTS FOR (n:Result) REQUIRE n.id IS UNIQUE
