// Uniqueness constraint name_key: at most one :Name node per normalized alias; the loaders MERGE
// on it, and its index is how the canned queries resolve an alias to its entities.
// Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT name_key IF NOT EXISTS FOR (n:Name) REQUIRE n.key IS UNIQUE
