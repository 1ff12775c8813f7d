// Loads (:Organization) nodes: MERGE on id; sets name unless the row lacks it.
// $rows: list of maps, e.g. [{id: "deepmind", name: "Google DeepMind"}]; name is optional.
// Returns: one row, rows (int): the number of rows merged.
UNWIND $rows AS row
MERGE (o:Organization {id: row.id})
SET o.name = coalesce(row.name, o.name)
RETURN count(*) AS rows
