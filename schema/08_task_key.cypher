// Uniqueness constraint task_key: at most one :Task node per key; the loaders MERGE on it, and its
// index makes those MERGEs and lookups by key fast. Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT task_key IF NOT EXISTS FOR (n:Task) REQUIRE n.key IS UNIQUE
