// Range index organization_name: finds :Organization nodes by name without a scan.
// Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name)
