// organisation-focus: an organisation's papers, newest first, each with the entities it mentions most.
// $org: string, e.g. "deepmind". An organisation's id or name, in any case.
// Returns: one row per paper, newest first (undated last): organization (its name, else id), paper_id, title,
//   date, entities (up to 5 "Name (Type)" strings, most mentioned first), introduces (names of what it introduces).
// Example row: {organization: "Deepmind", paper_id: "t-72dbb6d27a7eb0dd",
//   title: "Evaluating Gemini Robotics Policies in a Veo World Simulator", date: "2025-12-11",
//   entities: ["Veo (Model)", "Gemini (Model)", "red teaming (Task)"], introduces: ["Veo"]}
WITH toLower(trim($org)) AS wanted
MATCH (o:Organization)
WHERE toLower(o.id) = wanted OR toLower(o.name) = wanted
MATCH (o)<-[:PUBLISHED_BY]-(p:Paper)
OPTIONAL MATCH (p)-[m:MENTIONS]->(e)
WITH o, p, e, m
ORDER BY coalesce(m.count, 1) DESC, e.name
WITH o, p, collect(e.name + ' (' + e.type + ')') AS entities
RETURN coalesce(o.name, o.id) AS organization, p.id AS paper_id, p.title AS title, p.date AS date,
       entities[..5] AS entities,
       [(p)-[:INTRODUCES]->(i) | i.name] AS introduces
ORDER BY coalesce(date, '') DESC, title
