// Loads (:Result)-[:MEASURES]->(:Metric) relationships: MERGE between the result (by id) and
// the metric it is a value of (by key); no properties.
// $rows: list of maps, e.g. [{src: "2501.00001:r0", dst: "successrate"}]
// Returns: one row, rows (int): the number of rows whose two nodes exist (the others are skipped).
UNWIND $rows AS row
MATCH (a:Result {id: row.src})
MATCH (b:Metric {key: row.dst})
MERGE (a)-[:MEASURES]->(b)
RETURN count(*) AS rows
