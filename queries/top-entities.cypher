// top-entities: the most mentioned entities of one type, by the number of papers that mention them.
// $type: string, e.g. "Dataset". One of Dataset, Model, Method, Metric, Task (any case); another gives no rows.
// $limit: int, e.g. 10. How many entities to return.
// Labels cannot be parameters: each type has its own subquery, and only the one named does any work. Each
// paper mentions an entity at most once (one MENTIONS relationship with a count), so relationships = papers.
// Returns: one row per entity, most papers first (ties by name): name, type, papers (int, papers mentioning it),
//   mentions (int, total mention count over those papers), aliases (list of strings).
// Example row: {name: "ImageNet", type: "Dataset", papers: 5, mentions: 5, aliases: ["Imagenet"]}
WITH toLower(trim($type)) AS wanted
CALL {
  WITH wanted WITH wanted WHERE wanted = 'dataset'
  MATCH (e:Dataset)<-[:MENTIONS]-()
  WITH e, count(*) AS papers
  ORDER BY papers DESC, e.name
  LIMIT $limit
  RETURN collect({entity: e, papers: papers}) AS datasets
}
CALL {
  WITH wanted WITH wanted WHERE wanted = 'model'
  MATCH (e:Model)<-[:MENTIONS]-()
  WITH e, count(*) AS papers
  ORDER BY papers DESC, e.name
  LIMIT $limit
  RETURN collect({entity: e, papers: papers}) AS models
}
CALL {
  WITH wanted WITH wanted WHERE wanted = 'method'
  MATCH (e:Method)<-[:MENTIONS]-()
  WITH e, count(*) AS papers
  ORDER BY papers DESC, e.name
  LIMIT $limit
  RETURN collect({entity: e, papers: papers}) AS methods
}
CALL {
  WITH wanted WITH wanted WHERE wanted = 'metric'
  MATCH (e:Metric)<-[:MENTIONS]-()
  WITH e, count(*) AS papers
  ORDER BY papers DESC, e.name
  LIMIT $limit
  RETURN collect({entity: e, papers: papers}) AS metrics
}
CALL {
  WITH wanted WITH wanted WHERE wanted = 'task'
  MATCH (e:Task)<-[:MENTIONS]-()
  WITH e, count(*) AS papers
  ORDER BY papers DESC, e.name
  LIMIT $limit
  RETURN collect({entity: e, papers: papers}) AS tasks
}
UNWIND datasets + models + methods + metrics + tasks AS top
WITH top.entity AS e, top.papers AS papers
MATCH (e)<-[m:MENTIONS]-()
WITH e, papers, sum(coalesce(m.count, 1)) AS mentions
RETURN e.name AS name, e.type AS type, papers, mentions, e.aliases AS aliases
ORDER BY papers DESC, name
