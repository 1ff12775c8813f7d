// papers-evaluating-on: papers that evaluate on a dataset, newest first, with the sentence that says so.
// $dataset: string, e.g. "MetaWorld". A dataset's name or alias; case, spaces, hyphens, underscores and dots are
//   ignored. The dataset whose key is the normalized name is taken; when there is none, those listing it as an alias.
// Returns: one row per paper and matching dataset, newest first (undated papers last):
//   paper_id, title, date ("YYYY-MM-DD" or null), dataset (its canonical name), sentence.
// Example row: {paper_id: "t-77365ae6311db566", title: "Self-Adapting Improvement Loops for Robotic Learning",
//   date: "2025-06-07", dataset: "Meta-World", sentence: "We apply SAIL to a diverse suite of MetaWorld tasks, ..."}
WITH replace(replace(replace(replace(toLower(trim($dataset)), ' ', ''), '-', ''), '_', ''), '.', '') AS key
OPTIONAL MATCH (exact:Dataset {key: key})
CALL { WITH key, exact WITH key, exact WHERE exact IS NULL MATCH (:Name {key: key})-[:NAMES]->(x:Dataset) RETURN collect(x) AS aliases }
UNWIND CASE WHEN exact IS NULL THEN aliases ELSE [exact] END AS d
MATCH (d)<-[r:EVALUATES_ON]-(p:Paper)
RETURN p.id AS paper_id, p.title AS title, p.date AS date, d.name AS dataset, r.sentence AS sentence
ORDER BY coalesce(date, '') DESC, title, dataset
