// Loads (:Paper)-[:MENTIONS]->(:Model) relationships: MERGE between the paper (by id) and
// the model (by key); count is SET, not added, so reloading never inflates it.
// $rows: list of maps, e.g. [{src: "2501.00001", dst: "gpt4", count: 2,
//   sentence: "We compare against ..."}]; count and sentence are optional.
// Returns: one row, rows (int): the number of rows whose two nodes exist (the others are skipped).
UNWIND $rows AS row
MATCH (a:Paper {id: row.src})
MATCH (b:Model {key: row.dst})
MERGE (a)-[r:MENTIONS]->(b)
SET r.count = coalesce(row.count, r.count),
    r.sentence = coalesce(row.sentence, r.sentence)
RETURN count(*) AS rows
