// Uniqueness constraint organization_id: at most one :Organization node per id; the loaders MERGE on it, and its
// index makes those MERGEs and lookups by id fast. Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE
