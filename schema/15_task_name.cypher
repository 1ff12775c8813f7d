// Range index task_name: finds :Task nodes by name without a scan.
// Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE INDEX task_name IF NOT EXISTS FOR (n:Task) ON (n.name)
