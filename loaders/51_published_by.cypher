// Loads (:Paper)-[:PUBLISHED_BY]->(:Organization) relationships: MERGE between the paper and
// the organization (both by id); no properties.
// $rows: list of maps, e.g. [{src: "2501.00001", dst: "deepmind"}]
// Returns: one row, rows (int): the number of rows whose two nodes exist (the others are skipped).
UNWIND $rows AS row
MATCH (a:Paper {id: row.src})
MATCH (b:Organization {id: row.dst})
MERGE (a)-[:PUBLISHED_BY]->(b)
RETURN count(*) AS rows
