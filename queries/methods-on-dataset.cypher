// methods-on-dataset: a leaderboard: the methods and models evaluated on a dataset, with the results reported on it, best first.
// $dataset: string, e.g. "HumanEval". A dataset's name or alias; case, spaces, hyphens, underscores and dots are
//   ignored. The dataset whose key is the normalized name is taken; when there is none, those listing it as an alias.
// A result counts when its paper EVALUATES_ON the dataset and the result is ON_DATASET it (or its dataset text
// names it); its methods are the models and methods the paper INTRODUCES, else those it USES.
// Returns: one row per result, grouped by metric (no metric last), best value first within a metric
//   (lowest for error, loss, perplexity, WER, CER, MSE, MAE, FID and latency, else highest):
//   methods (list of names), metric (or null), value (float), unit (or null), result (the text read),
//   dataset, paper_id, title, sentence.
// Example row: {methods: ["Step-level Advantage Preference Optimization", "Critical Plan Step Learning"], metric: null, value: 12.2,
//   unit: "%", result: "+12.2%", dataset: "HumanEval", paper_id: "t-1d4594d369f53549",
//   title: "CPL: Critical Plan Step Learning Boosts LLM Generalization in Reasoning Tasks", sentence: "... HumanEval (+12.2%) ..."}
WITH replace(replace(replace(replace(toLower(trim($dataset)), ' ', ''), '-', ''), '_', ''), '.', '') AS key
OPTIONAL MATCH (exact:Dataset {key: key})
CALL { WITH key, exact WITH key, exact WHERE exact IS NULL MATCH (:Name {key: key})-[:NAMES]->(x:Dataset) RETURN collect(x) AS aliases }
UNWIND CASE WHEN exact IS NULL THEN aliases ELSE [exact] END AS d
MATCH (d)<-[:EVALUATES_ON]-(p:Paper)
MATCH (p)-[:REPORTS]->(r:Result)
WHERE EXISTS { (r)-[:ON_DATASET]->(d) }
   OR replace(replace(replace(replace(toLower(r.dataset), ' ', ''), '-', ''), '_', ''), '.', '') IN d.keys
OPTIONAL MATCH (r)-[:MEASURES]->(m:Metric)
WITH DISTINCT d, p, r, coalesce(m.name, r.metric) AS metric
WITH d, p, r, metric,
     [(p)-[:INTRODUCES]->(i) WHERE i:Method OR i:Model | i.name] AS introduced,
     [(p)-[:USES]->(u) WHERE u:Method OR u:Model | u.name] AS used,
     replace(replace(replace(replace(toLower(coalesce(metric, '')), ' ', ''), '-', ''), '_', ''), '.', '') AS metric_key
WITH d, p, r, metric, CASE WHEN size(introduced) > 0 THEN introduced ELSE used END AS methods,
     any(word IN ['error', 'loss', 'perplexity', 'wer', 'cer', 'mse', 'mae', 'fid', 'latency'] WHERE metric_key CONTAINS word) AS lower_is_better
RETURN methods, metric, r.value AS value, r.unit AS unit, r.text AS result, d.name AS dataset,
       p.id AS paper_id, p.title AS title, r.sentence AS sentence
ORDER BY metric IS NULL, metric, CASE WHEN lower_is_better THEN r.value ELSE -r.value END, title, r.id
