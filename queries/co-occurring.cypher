// co-occurring: the entities mentioned in the same papers as a given one, by the number of papers they share.
// $name: string, e.g. "Chain-of-Thought". An entity's name or alias; case, spaces, hyphens, underscores and dots are
//   ignored. The entities whose key is the normalized name are taken; when there are none, those listing it as an alias.
// $limit: int, e.g. 10. How many entities to return.
// Returns: one row per co-occurring entity, most shared papers first: name, type, shared_papers (int),
//   entities (the canonical names the parameter resolved to).
// Example row: {name: "supervised fine-tuning", type: "Method", shared_papers: 3, entities: ["chain-of-thought prompting"]}
WITH replace(replace(replace(replace(toLower(trim($name)), ' ', ''), '-', ''), '_', ''), '.', '') AS key
OPTIONAL MATCH (d:Dataset {key: key})
OPTIONAL MATCH (mo:Model {key: key})
OPTIONAL MATCH (me:Method {key: key})
OPTIONAL MATCH (mt:Metric {key: key})
OPTIONAL MATCH (t:Task {key: key})
WITH key, [x IN [d, mo, me, mt, t] WHERE x IS NOT NULL] AS exact
CALL { WITH key, exact WITH key, exact WHERE size(exact) = 0 MATCH (:Name {key: key})-[:NAMES]->(x) RETURN collect(x) AS aliases }
UNWIND exact + aliases AS e
WITH collect(e) AS resolved
// An entity mentioned by 500 papers or more keeps its 100 top co-occurring entities in lists
// (loaders/95-99, refreshed after every load); the others are counted here.
CALL {
  WITH resolved
  WITH resolved WHERE size(resolved) = 1 AND size(coalesce(resolved[0].co_occurring_names, [])) >= $limit
  WITH resolved[0] AS e
  UNWIND range(0, $limit - 1) AS i
  RETURN collect({name: e.co_occurring_names[i], type: e.co_occurring_types[i], shared_papers: e.co_occurring_papers[i]}) AS stored
}
CALL {
  WITH resolved, stored
  WITH resolved WHERE size(stored) = 0
  UNWIND resolved AS e
  MATCH (e)<-[:MENTIONS]-(p)
  WITH DISTINCT resolved, p
  MATCH (p)-[:MENTIONS]->(other)
  WHERE NOT other IN resolved
  WITH other, count(*) AS shared_papers
  ORDER BY shared_papers DESC, other.name, other.type
  LIMIT $limit
  RETURN collect({name: other.name, type: other.type, shared_papers: shared_papers}) AS counted
}
UNWIND stored + counted AS row
RETURN row.name AS name, row.type AS type, row.shared_papers AS shared_papers, [x IN resolved | x.name] AS entities
