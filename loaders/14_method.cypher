// Loads (:Method) nodes: MERGE on key. Loading another corpus UNIONS aliases and keys
// with the stored lists (never overwrites them); the first name loaded is kept.
// $rows: list of maps, e.g. [{key: "ppo", name: "PPO", aliases: ["Proximal Policy Optimization"],
//   keys: ["ppo"]}]; key is the normalized name, keys the normalized name and aliases.
// Returns: one row, rows (int): the number of rows merged.
UNWIND $rows AS row
MERGE (e:Method {key: row.key})
SET e.type = 'Method',
    e.name = coalesce(e.name, row.name),
    e.aliases = coalesce(e.aliases, []) + [a IN coalesce(row.aliases, []) WHERE NOT a IN coalesce(e.aliases, [])],
    e.keys = coalesce(e.keys, []) + [k IN coalesce(row.keys, []) WHERE NOT k IN coalesce(e.keys, [])]
RETURN count(*) AS rows
