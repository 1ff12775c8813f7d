// Range index dataset_name: finds :Dataset nodes by name without a scan.
// Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE INDEX dataset_name IF NOT EXISTS FOR (n:Dataset) ON (n.name)
