// Range index metric_name: finds :Metric nodes by name without a scan.
// Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE INDEX metric_name IF NOT EXISTS FOR (n:Metric) ON (n.name)
