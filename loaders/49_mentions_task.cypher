// Loads (:Paper)-[:MENTIONS]->(:Task) relationships: MERGE between the paper (by id) and
// the task (by key); count is SET, not added, so reloading never inflates it.
// $rows: list of maps, e.g. [{src: "2501.00001", dst: "robotmanipulation", count: 2,
//   sentence: "We compare against ..."}]; count and sentence are optional.
// Returns: one row, rows (int): the number of rows whose two nodes exist (the others are skipped).
UNWIND $rows AS row
MATCH (a:Paper {id: row.src})
MATCH (b:Task {key: row.dst})
MERGE (a)-[r:MENTIONS]->(b)
SET r.count = coalesce(row.count, r.count),
    r.sentence = coalesce(row.sentence, r.sentence)
RETURN count(*) AS rows
