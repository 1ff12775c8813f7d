// top-entities: the most mentioned entities of one type, by the number of papers that mention them.
// $type: string, e.g. "Dataset". One of Dataset, Model, Method, Metric, Task (any case); another gives no rows.
// $limit: int, e.g. 10. How many entities to return.
// Labels cannot be parameters: each type has its own subquery, and only the one named does any work. The
// paper count is the entity's papers property, which every load recomputes (loaders/9N_papers_*.cypher), so
// the query sorts stored numbers instead of counting relationships.
// Returns: one row per entity, most papers first (ties by name): name, type, papers (int, papers mentioning it),
//   mentions (int, total mention count over those papers), aliases (list of strings).
// Example row: {name: "ImageNet", type: "Dataset", papers: 5, mentions: 5, aliases: ["Imagenet"]}
WITH toLower(trim($type)) AS wanted
CALL {
  WITH wanted WITH wanted WHERE wanted = 'dataset'
  MATCH (e:Dataset) WHERE e.papers > 0
  WITH e ORDER BY e.papers DESC, e.name LIMIT $limit
  RETURN collect(e) AS datasets
}
CALL {
  WITH wanted WITH wanted WHERE wanted = 'model'
  MATCH (e:Model) WHERE e.papers > 0
  WITH e ORDER BY e.papers DESC, e.name LIMIT $limit
  RETURN collect(e) AS models
}
CALL {
  WITH wanted WITH wanted WHERE wanted = 'method'
  MATCH (e:Method) WHERE e.papers > 0
  WITH e ORDER BY e.papers DESC, e.name LIMIT $limit
  RETURN collect(e) AS methods
}
CALL {
  WITH wanted WITH wanted WHERE wanted = 'metric'
  MATCH (e:Metric) WHERE e.papers > 0
  WITH e ORDER BY e.papers DESC, e.name LIMIT $limit
  RETURN collect(e) AS metrics
}
CALL {
  WITH wanted WITH wanted WHERE wanted = 'task'
  MATCH (e:Task) WHERE e.papers > 0
  WITH e ORDER BY e.papers DESC, e.name LIMIT $limit
  RETURN collect(e) AS tasks
}
UNWIND datasets + models + methods + metrics + tasks AS e
MATCH (e)<-[m:MENTIONS]-()
WITH e, sum(coalesce(m.count, 1)) AS mentions
RETURN e.name AS name, e.type AS type, e.papers AS papers, mentions, e.aliases AS aliases
ORDER BY papers DESC, name
