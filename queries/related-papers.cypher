// related-papers: the papers that share the most entities with a given paper.
// $paper: string, e.g. "ReFT: Reasoning with Reinforced Fine-Tuning". A paper's id, arXiv id or title. The papers with that id, arXiv id or exact
//   title are taken; when there are none, those whose title matches in any case.
// $limit: int, e.g. 10. How many papers to return.
// Returns: one row per related paper, most shared entities first (then newest): paper_id, title, date,
//   shared (int, entities both papers mention), entities (up to 10 of their names).
// Example row: {paper_id: "t-ed880ea417c20deb", title: "Enhancing Spatial Reasoning in Vision-Language Models via ...",
//   date: "2025-07-06", shared: 3, entities: ["reinforcement learning", "chain-of-thought prompting", "supervised fine-tuning"]}
WITH trim($paper) AS wanted
OPTIONAL MATCH (by_id:Paper {id: wanted})
OPTIONAL MATCH (by_arxiv:Paper {arxiv_id: wanted})
OPTIONAL MATCH (by_title:Paper {title: wanted})
WITH wanted, [x IN [by_id, by_arxiv, by_title] WHERE x IS NOT NULL] AS exact
CALL { WITH wanted, exact WITH wanted, exact WHERE size(exact) = 0 MATCH (x:Paper {title_key: toLower(wanted)}) RETURN collect(x) AS any_case }
UNWIND exact + any_case AS found
WITH DISTINCT found AS p
MATCH (p)-[:MENTIONS]->(e)<-[:MENTIONS]-(q)
WHERE q <> p
WITH q, count(*) AS shared, collect(e.name) AS entities
ORDER BY shared DESC, coalesce(q.date, '') DESC, q.title
LIMIT $limit
RETURN q.id AS paper_id, q.title AS title, q.date AS date, shared, entities[..10] AS entities
