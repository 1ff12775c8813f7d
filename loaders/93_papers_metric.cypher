// Counts (:Metric) papers: sets papers (the number of papers that mention it), mentions (its mention
// count over those papers) and rank (1 for the most papers, ties by name) on every :Metric node.
// Runs after every load, so the numbers stay right when corpora merge.
// $rows: none (the statement reads the graph).
// Returns: one row, rows (int): the number of :Metric nodes counted.
MATCH (e:Metric)
OPTIONAL MATCH (e)<-[m:MENTIONS]-(:Paper)
WITH e, count(m) AS papers, sum(coalesce(m.count, 1)) AS mentions
ORDER BY papers DESC, e.name
WITH collect({entity: e, papers: papers, mentions: mentions}) AS ranked
UNWIND range(0, size(ranked) - 1) AS i
WITH ranked[i] AS row, i
WITH row.entity AS e, row.papers AS papers, row.mentions AS mentions, i
SET e.papers = papers, e.mentions = mentions, e.rank = i + 1
RETURN count(*) AS rows
