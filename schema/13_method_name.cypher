// Range index method_name: finds :Method nodes by name without a scan.
// Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE INDEX method_name IF NOT EXISTS FOR (n:Method) ON (n.name)
