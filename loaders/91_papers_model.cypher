// Counts (:Model) papers: sets papers on every :Model node to the number of papers that
// mention it. Runs after every load, so counts stay right when corpora merge.
// $rows: none (the statement reads the graph).
// Returns: one row, rows (int): the number of :Model nodes counted.
MATCH (e:Model)
SET e.papers = COUNT { (e)<-[:MENTIONS]-(:Paper) }
RETURN count(*) AS rows
