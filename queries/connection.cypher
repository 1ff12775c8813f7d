// connection: the shortest chain of papers and entities linking two entities (at most 8 hops).
// $from: string, e.g. "GPT-4". An entity's name or alias; case, spaces, hyphens, underscores and dots are
//   ignored. The entities whose key is the normalized name are taken; when there are none, those listing it as an alias.
// $to: string, e.g. "RoBERTa". Another entity, given and resolved the same way.
// The chain follows INTRODUCES, EVALUATES_ON, USES, COMPARES_TO, ADDRESSES and MENTIONS in either direction, so
// it alternates entity, paper, entity, ... When a name resolves to several entities, the shortest chain wins.
// Returns: one row per node of the chain, from $from to $to (no rows when none within 8 hops): step (int, 0-based),
//   hops (int, the chain's length), label ("Paper", "Dataset", ...), name (entity name or paper title),
//   id (entity key or paper id), relation (to the next node, null on the last) and sentence (its evidence).
// Example row: {step: 1, hops: 4, label: "Paper", name: "Weak-to-Strong Generalization: ...", id: "t-a326c4888cc7a724",
//   relation: "MENTIONS", sentence: "... when finetuning GPT-4 with a GPT-2-level supervisor ..."}
WITH replace(replace(replace(replace(toLower(trim($from)), ' ', ''), '-', ''), '_', ''), '.', '') AS a_key
OPTIONAL MATCH (a_d:Dataset {key: a_key})
OPTIONAL MATCH (a_mo:Model {key: a_key})
OPTIONAL MATCH (a_me:Method {key: a_key})
OPTIONAL MATCH (a_mt:Metric {key: a_key})
OPTIONAL MATCH (a_t:Task {key: a_key})
WITH a_key, [x IN [a_d, a_mo, a_me, a_mt, a_t] WHERE x IS NOT NULL] AS a_exact
CALL { WITH a_key, a_exact WITH a_key, a_exact WHERE size(a_exact) = 0 MATCH (:Name {key: a_key})-[:NAMES]->(x) RETURN collect(x) AS a_aliases }
UNWIND a_exact + a_aliases AS a
WITH a, replace(replace(replace(replace(toLower(trim($to)), ' ', ''), '-', ''), '_', ''), '.', '') AS b_key
OPTIONAL MATCH (b_d:Dataset {key: b_key})
OPTIONAL MATCH (b_mo:Model {key: b_key})
OPTIONAL MATCH (b_me:Method {key: b_key})
OPTIONAL MATCH (b_mt:Metric {key: b_key})
OPTIONAL MATCH (b_t:Task {key: b_key})
WITH a, b_key, [x IN [b_d, b_mo, b_me, b_mt, b_t] WHERE x IS NOT NULL] AS b_exact
CALL { WITH b_key, b_exact WITH b_key, b_exact WHERE size(b_exact) = 0 MATCH (:Name {key: b_key})-[:NAMES]->(x) RETURN collect(x) AS b_aliases }
UNWIND b_exact + b_aliases AS b
WITH a, b
WHERE a <> b
MATCH path = shortestPath((a)-[:INTRODUCES|EVALUATES_ON|USES|COMPARES_TO|ADDRESSES|MENTIONS*..8]-(b))
WITH path
ORDER BY length(path)
LIMIT 1
UNWIND range(0, length(path)) AS step
WITH path, step, nodes(path)[step] AS node,
     CASE WHEN step < length(path) THEN relationships(path)[step] END AS rel
RETURN step, length(path) AS hops, labels(node)[0] AS label, coalesce(node.name, node.title) AS name,
       coalesce(node.key, node.id) AS id, type(rel) AS relation, rel.sentence AS sentence
ORDER BY step
