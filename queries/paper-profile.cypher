// paper-profile: everything one paper introduces, uses, compares to, evaluates on, addresses and reports, with sentences.
// $paper: string, e.g. "ReFT: Reasoning with Reinforced Fine-Tuning". A paper's id, arXiv id or title. The papers with that id, arXiv id or exact
//   title are taken; when there are none, those whose title matches in any case.
// Returns: one row per fact, in the order INTRODUCES, EVALUATES_ON, USES, COMPARES_TO, ADDRESSES, REPORTS, PUBLISHED_BY:
//   paper_id, title, relation, type (the target's label: "Dataset", ..., "Result", "Organization"),
//   name (entity name, result text or organisation name), value (float, results only), unit, metric and
//   dataset (results only), sentence (the evidence, or null). A paper with no facts gives one row with nulls.
// Example row: {paper_id: "t-1e6493958f635d69", title: "ReFT: Reasoning with Reinforced Fine-Tuning",
//   relation: "EVALUATES_ON", type: "Dataset", name: "SVAMP", value: null, unit: null, metric: null, dataset: null,
//   sentence: "Extensive experiments on GSM8K, MathQA, and SVAMP datasets show that ReFT significantly outperforms SFT, ..."}
WITH trim($paper) AS wanted
OPTIONAL MATCH (by_id:Paper {id: wanted})
OPTIONAL MATCH (by_arxiv:Paper {arxiv_id: wanted})
OPTIONAL MATCH (by_title:Paper {title: wanted})
WITH wanted, [x IN [by_id, by_arxiv, by_title] WHERE x IS NOT NULL] AS exact
CALL { WITH wanted, exact WITH wanted, exact WHERE size(exact) = 0 MATCH (x:Paper {title_key: toLower(wanted)}) RETURN collect(x) AS any_case }
UNWIND exact + any_case AS found
WITH DISTINCT found AS p
OPTIONAL MATCH (p)-[r:INTRODUCES|EVALUATES_ON|USES|COMPARES_TO|ADDRESSES|REPORTS|PUBLISHED_BY]->(x)
WITH p, r, x,
     CASE type(r) WHEN 'INTRODUCES' THEN 0 WHEN 'EVALUATES_ON' THEN 1 WHEN 'USES' THEN 2 WHEN 'COMPARES_TO' THEN 3
          WHEN 'ADDRESSES' THEN 4 WHEN 'REPORTS' THEN 5 ELSE 6 END AS rank
RETURN p.id AS paper_id, p.title AS title, type(r) AS relation, labels(x)[0] AS type,
       coalesce(x.name, x.text, x.id) AS name, x.value AS value, x.unit AS unit, x.metric AS metric,
       x.dataset AS dataset, r.sentence AS sentence
ORDER BY paper_id, rank, name
