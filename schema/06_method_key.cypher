// Uniqueness constraint method_key: at most one :Method node per key; the loaders MERGE on it, and its
// index makes those MERGEs and lookups by key fast. Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT method_key IF NOT EXISTS FOR (n:Method) REQUIRE n.key IS UNIQUE
