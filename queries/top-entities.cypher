// top-entities: the most mentioned entities of one type, by the number of papers that mention them.
// $type: string, e.g. "Dataset". One of Dataset, Model, Method, Metric, Task (any case); another gives no rows.
// $limit: int, e.g. 10. How many entities to return.
// Labels cannot be parameters: each type has its own subquery, and only the one named does any work. Every
// load ranks each type's entities by paper count (rank, papers and mentions properties, set by
// loaders/9N_papers_*.cypher), so the query looks up ranks 1..$limit by index instead of sorting.
// Returns: one row per entity, most papers first (ties by name): name, type, papers (int, papers mentioning it),
//   mentions (int, total mention count over those papers), aliases (list of strings).
// Example row: {name: "ImageNet", type: "Dataset", papers: 5, mentions: 5, aliases: ["Imagenet"]}
WITH toLower(trim($type)) AS wanted
CALL {
  WITH wanted WITH wanted WHERE wanted = 'dataset'
  UNWIND range(1, $limit) AS rank
  MATCH (e:Dataset {rank: rank}) WHERE e.papers > 0
  RETURN collect(e) AS datasets
}
CALL {
  WITH wanted WITH wanted WHERE wanted = 'model'
  UNWIND range(1, $limit) AS rank
  MATCH (e:Model {rank: rank}) WHERE e.papers > 0
  RETURN collect(e) AS models
}
CALL {
  WITH wanted WITH wanted WHERE wanted = 'method'
  UNWIND range(1, $limit) AS rank
  MATCH (e:Method {rank: rank}) WHERE e.papers > 0
  RETURN collect(e) AS methods
}
CALL {
  WITH wanted WITH wanted WHERE wanted = 'metric'
  UNWIND range(1, $limit) AS rank
  MATCH (e:Metric {rank: rank}) WHERE e.papers > 0
  RETURN collect(e) AS metrics
}
CALL {
  WITH wanted WITH wanted WHERE wanted = 'task'
  UNWIND range(1, $limit) AS rank
  MATCH (e:Task {rank: rank}) WHERE e.papers > 0
  RETURN collect(e) AS tasks
}
UNWIND datasets + models + methods + metrics + tasks AS e
RETURN e.name AS name, e.type AS type, e.papers AS papers, e.mentions AS mentions, e.aliases AS aliases
ORDER BY papers DESC, name
