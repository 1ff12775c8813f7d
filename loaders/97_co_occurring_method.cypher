// Counts (:Method) co_occurring: on every :Method mentioned by at least 500 papers, stores the 100
// entities mentioned with it in the most papers, most first (ties by name, then type), as three lists:
// co_occurring_names, co_occurring_types and co_occurring_papers (shared papers). The canned query
// co-occurring reads them instead of walking every pair of mentions of such an entity.
// Runs after every load, after the papers counts, so the lists stay right when corpora merge.
// $rows: none (the statement reads the graph).
// Returns: one row, rows (int): the number of :Method nodes given lists.
MATCH (e:Method)
WHERE e.papers >= 500
CALL {
  WITH e
  MATCH (e)<-[:MENTIONS]-(:Paper)-[:MENTIONS]->(other)
  WHERE other <> e
  WITH other, count(*) AS shared
  ORDER BY shared DESC, other.name, other.type
  LIMIT 100
  RETURN collect(other.name) AS names, collect(other.type) AS types, collect(shared) AS shared
}
SET e.co_occurring_names = names, e.co_occurring_types = types, e.co_occurring_papers = shared
RETURN count(*) AS rows
