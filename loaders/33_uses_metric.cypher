// Loads (:Paper)-[:USES]->(:Metric) relationships: MERGE between the paper (by id) and the
// metric (by key), with the sentence that says the paper uses it.
// $rows: list of maps, e.g. [{src: "2501.00001", dst: "successrate", sentence: "..."}];
//   sentence is optional.
// Returns: one row, rows (int): the number of rows whose two nodes exist (the others are skipped).
UNWIND $rows AS row
MATCH (a:Paper {id: row.src})
MATCH (b:Metric {key: row.dst})
MERGE (a)-[r:USES]->(b)
SET r.sentence = coalesce(row.sentence, r.sentence)
RETURN count(*) AS rows
