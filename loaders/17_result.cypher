// Loads (:Result) nodes: MERGE on id and sets every property from the row; a result is
// one extraction, so a property the row lacks (unit: null) is removed.
// $rows: list of maps, e.g. [{id: "2501.00001:r0", value: 87.5, unit: "%", metric: "success rate",
//   dataset: "Meta-World", text: "87.5%", sentence: "PPO reaches 87.5% success on Meta-World."}]
// Returns: one row, rows (int): the number of rows merged.
UNWIND $rows AS row
MERGE (r:Result {id: row.id})
SET r.value = row.value,
    r.unit = row.unit,
    r.metric = row.metric,
    r.dataset = row.dataset,
    r.text = row.text,
    r.sentence = row.sentence
RETURN count(*) AS rows
