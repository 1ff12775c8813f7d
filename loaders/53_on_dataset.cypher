// Loads (:Result)-[:ON_DATASET]->(:Dataset) relationships: MERGE between the result (by id)
// and the dataset it was measured on (by key); no properties.
// $rows: list of maps, e.g. [{src: "2501.00001:r0", dst: "metaworld"}]
// Returns: one row, rows (int): the number of rows whose two nodes exist (the others are skipped).
UNWIND $rows AS row
MATCH (a:Result {id: row.src})
MATCH (b:Dataset {key: row.dst})
MERGE (a)-[:ON_DATASET]->(b)
RETURN count(*) AS rows
