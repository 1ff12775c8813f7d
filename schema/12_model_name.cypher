// Range index model_name: finds :Model nodes by name without a scan.
// Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE INDEX model_name IF NOT EXISTS FOR (n:Model) ON (n.name)
