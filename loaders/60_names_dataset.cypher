// Loads (:Name)-[:NAMES]->(:Dataset) relationships: MERGE between the alias (by key) and the
// dataset (by key) that lists it among its keys.
// $rows: list of maps, e.g. [{src: "mw", dst: "metaworld"}].
// Returns: one row, rows (int): the number of rows whose two nodes exist (the others are skipped).
UNWIND $rows AS row
MATCH (a:Name {key: row.src})
MATCH (b:Dataset {key: row.dst})
MERGE (a)-[:NAMES]->(b)
RETURN count(*) AS rows
