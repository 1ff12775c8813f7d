// datasets-for-method: where a method or model was evaluated: the datasets of the papers that introduce or use it.
// $name: string, e.g. "Chain-of-Thought". A method's or model's name or alias; case, spaces, hyphens, underscores and
//   dots are ignored. The methods and models whose key is the normalized name are taken; when there are none,
//   those listing it as an alias.
// $limit: int, e.g. 10, default 50. How many rows (datasets) to return, most papers first.
// Returns: one row per dataset and method, most papers first: dataset, papers (int, papers that introduce or use
//   the method and evaluate on the dataset), introduced_in (int, of those, papers that introduce it),
//   method (its canonical name), titles (up to 5 paper titles, newest first).
// Example row: {dataset: "SVAMP", papers: 1, introduced_in: 0, method: "chain-of-thought prompting",
//   titles: ["ReFT: Reasoning with Reinforced Fine-Tuning"]}
WITH replace(replace(replace(replace(toLower(trim($name)), ' ', ''), '-', ''), '_', ''), '.', '') AS key
OPTIONAL MATCH (me:Method {key: key})
OPTIONAL MATCH (mo:Model {key: key})
WITH key, [x IN [me, mo] WHERE x IS NOT NULL] AS exact
CALL { WITH key, exact WITH key, exact WHERE size(exact) = 0 MATCH (:Name {key: key})-[:NAMES]->(x) WHERE x:Method OR x:Model RETURN collect(x) AS aliases }
UNWIND exact + aliases AS e
MATCH (e)<-[r:INTRODUCES|USES]-(p:Paper)
WITH e, p, max(CASE WHEN type(r) = 'INTRODUCES' THEN 1 ELSE 0 END) AS introduces,
     coalesce(p.date, '') AS date, p.title AS title
MATCH (p)-[:EVALUATES_ON]->(d:Dataset)
WITH d, e, p, introduces, date, title
ORDER BY date DESC, title
WITH d, e, count(p) AS papers, sum(introduces) AS introduced_in, collect(title) AS titles
RETURN d.name AS dataset, papers, introduced_in, e.name AS method, titles[..5] AS titles
ORDER BY papers DESC, introduced_in DESC, dataset, method
LIMIT $limit
