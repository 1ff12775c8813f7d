// entity-timeline: how many papers mention an entity, per month of their date.
// $name: string, e.g. "GPT-4". An entity's name or alias; case, spaces, hyphens, underscores and dots are
//   ignored. The entities whose key is the normalized name are taken; when there are none, those listing it as an alias.
// Papers without a date are not skipped: they are counted in one row whose month is null, listed last.
// Returns: one row per month, oldest first: month ("YYYY-MM", or null for undated papers), papers (int),
//   entities (the canonical names the parameter resolved to).
// Example row: {month: "2024-07", papers: 1, entities: ["GPT-4"]}
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
CALL {
  WITH resolved
  UNWIND resolved AS e
  MATCH (e)<-[:MENTIONS]-(p)
  RETURN substring(p.date, 0, 7) AS month, count(DISTINCT p) AS papers
}
RETURN month, papers, [x IN resolved | x.name] AS entities
ORDER BY month IS NULL, month
