// Loads (:Paper)-[:REPORTS]->(:Result) relationships: MERGE between the paper and the result
// (both by id), with the sentence the result was read from.
// $rows: list of maps, e.g. [{src: "2501.00001", dst: "2501.00001:r0", sentence: "..."}];
//   sentence is optional.
// Returns: one row, rows (int): the number of rows whose two nodes exist (the others are skipped).
UNWIND $rows AS row
MATCH (a:Paper {id: row.src})
MATCH (b:Result {id: row.dst})
MERGE (a)-[r:REPORTS]->(b)
SET r.sentence = coalesce(row.sentence, r.sentence)
RETURN count(*) AS rows
