// Loads (:Name) nodes: MERGE on key. A Name is a normalized alias that is not the canonical key of
// the entity it names (kg.graph.name_index); queries resolve an alias through its index instead
// of scanning every entity's keys list.
// $rows: list of maps, e.g. [{key: "mw"}].
// Returns: one row, rows (int): the number of rows merged.
UNWIND $rows AS row
MERGE (n:Name {key: row.key})
RETURN count(*) AS rows
