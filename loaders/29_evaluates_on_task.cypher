// Loads (:Paper)-[:EVALUATES_ON]->(:Task) relationships: MERGE between the paper (by id) and the
// task (by key), with the sentence that says the paper evaluates on it.
// $rows: list of maps, e.g. [{src: "2501.00001", dst: "robotmanipulation", sentence: "..."}];
//   sentence is optional.
// Returns: one row, rows (int): the number of rows whose two nodes exist (the others are skipped).
UNWIND $rows AS row
MATCH (a:Paper {id: row.src})
MATCH (b:Task {key: row.dst})
MERGE (a)-[r:EVALUATES_ON]->(b)
SET r.sentence = coalesce(row.sentence, r.sentence)
RETURN count(*) AS rows
