// introduced-by: the paper(s) that introduce an entity (dataset, model, method, metric or task), oldest first.
// $name: string, e.g. "Meta-World". An entity's name or alias; case, spaces, hyphens, underscores and dots are
//   ignored. The entities whose key is the normalized name are taken; when there are none, those listing it as an alias.
// Returns: one row per paper and matching entity, oldest first (undated papers last), at most 25 (a common name is
//   "introduced" by many papers; the oldest are the ones that count): entity (canonical name),
//   type ("Dataset", "Model", ...), paper_id, title, date ("YYYY-MM-DD" or null), sentence.
// Example row: {entity: "Meta-World", type: "Dataset", paper_id: "t-17072a687edbf069",
//   title: "Meta-World: A Benchmark and Evaluation for Multi-Task and Meta Reinforcement Learning",
//   date: "2019-10-23", sentence: "Meta-World: A Benchmark and Evaluation for Multi-Task and Meta Reinforcement Learning"}
WITH replace(replace(replace(replace(toLower(trim($name)), ' ', ''), '-', ''), '_', ''), '.', '') AS key
OPTIONAL MATCH (d:Dataset {key: key})
OPTIONAL MATCH (mo:Model {key: key})
OPTIONAL MATCH (me:Method {key: key})
OPTIONAL MATCH (mt:Metric {key: key})
OPTIONAL MATCH (t:Task {key: key})
WITH key, [x IN [d, mo, me, mt, t] WHERE x IS NOT NULL] AS exact
CALL { WITH key, exact WITH key, exact WHERE size(exact) = 0 MATCH (:Name {key: key})-[:NAMES]->(x) RETURN collect(x) AS aliases }
UNWIND exact + aliases AS e
MATCH (e)<-[r:INTRODUCES]-(p)
RETURN e.name AS entity, e.type AS type, p.id AS paper_id, p.title AS title, p.date AS date, r.sentence AS sentence
ORDER BY date IS NULL, date, title, type
LIMIT 25
