// Loads (:Paper) nodes: MERGE on id, then sets the row's properties. A property the
// row lacks keeps its stored value (a second corpus adds to a paper, never blanks it),
// and sources is the union of the stored and the new lists.
// $rows: list of maps, one per paper; only id is required, e.g.
//   [{id: "2501.00001", title: "Meta-World+", abstract: "We ...", arxiv_id: "2501.00001",
//     authors_count: 3, date: "2025-01-02", date_text: "Jan 2", upvotes: 12,
//     sources: ["papers.jsonl:1"]}]
// Returns: one row, rows (int): the number of rows merged.
UNWIND $rows AS row
MERGE (p:Paper {id: row.id})
SET p.title = coalesce(row.title, p.title),
    p.title_key = coalesce(row.title_key, toLower(row.title), p.title_key),
    p.abstract = coalesce(row.abstract, p.abstract),
    p.arxiv_id = coalesce(row.arxiv_id, p.arxiv_id),
    p.authors_count = coalesce(row.authors_count, p.authors_count),
    p.date = coalesce(row.date, p.date),
    p.date_text = coalesce(row.date_text, p.date_text),
    p.upvotes = coalesce(row.upvotes, p.upvotes),
    p.sources = coalesce(p.sources, []) + [s IN coalesce(row.sources, []) WHERE NOT s IN coalesce(p.sources, [])]
RETURN count(*) AS rows
