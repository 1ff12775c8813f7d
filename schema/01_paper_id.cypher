// Uniqueness constraint paper_id: at most one :Paper node per id; the loaders MERGE on it, and its
// index makes those MERGEs and lookups by id fast. Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (n:Paper) REQUIRE n.id IS UNIQUE
