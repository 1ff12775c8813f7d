// Loads (:Paper)-[:INTRODUCES]->(:Dataset) relationships: MERGE between the paper (by id) and the
// dataset (by key), with the sentence that says the paper introduces it.
// $rows: list of maps, e.g. [{src: "2501.00001", dst: "metaworld", sentence: "..."}];
//   sentence is optional.
// Returns: one row, rows (int): the number of rows whose two nodes exist (the others are skipped).
UNWIND $rows AS row
MATCH (a:Paper {id: row.src})
MATCH (b:Dataset {key: row.dst})
MERGE (a)-[r:INTRODUCES]->(b)
SET r.sentence = coalesce(row.sentence, r.sentence)
RETURN count(*) AS rows
