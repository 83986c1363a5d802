// name: chain
// title: Kedjan till nationell nivå | The chain to the national level
// description: Hur en aktör (t.ex. en kommun) når den nationella nivån: de kortaste kedjorna via regionala strukturer till nationella nätverk och myndigheter, med varje stegs roll (RSS, FoU-enhet …). | How an actor (e.g. a municipality) reaches the national level: the shortest chains through regional structures to national networks and agencies, with each step's role (RSS, R&D unit …).
// param: actor | actor | required | Aktör eller kommun | Actor or municipality
// column: target | iri | Nationell aktör | National actor
// column: path | number | Kedja | Chain
// column: step | number | Steg | Step
// column: subject | iri | Från | From
// column: relation | relation | Relation | Relation
// column: object | iri | Till | To
// column: object_role | concept | Tills roll | Role of To
// column: inverse | boolean | Läst mot relationens riktning | Read against the relation's direction
// column: confidence | concept | Stegets säkerhet | Confidence of the step
// column: chain_confidence | concept | Kedjans säkerhet (svagaste steget) | Confidence of the chain (its weakest step)
// engine: paths
// example: actor=Lycksele
// Run by `graphmap neo4j query chain`. $live: current dataset versions (a node or relationship is visible
// when one of its `datasets` tokens is in $live). $actor is an IRI, bound; $types maps relationship types
// to predicate IRIs. Like chain.rq, this returns links, and graphmap.analysis.chain_paths finds every
// shortest path (at most 5 steps, either direction) from the actor to each national node, passing through
// no other municipality and no other national node; paths_to_rows numbers and flattens them.
// The links are only those of the actor's neighbourhood: a breadth-first search, one CALL per step,
// collects the nodes a chain can pass through (the actor, then up to 4 steps of nodes with a level that
// are neither municipalities nor national), and the query returns their links to nodes with a level,
// leaving out other municipalities (a chain neither passes through nor ends there). At a million triples
// this takes about 65 ms where Neo4j's ALL SHORTEST took 1.7 s from Lycksele and 37 s from a FoU unit.
MATCH (start:Resource {iri: $actor})-[sl:LEVEL]->(slevel)
WHERE any(v IN sl.datasets WHERE v IN $live) AND slevel.iri <> 'https://w3id.org/graphmap/vocab/level/nationell'
WITH DISTINCT start
WITH start, [start] AS seen, [start] AS frontier
CALL (frontier, seen) {
  UNWIND frontier AS u
  MATCH (u)-[r:SERVES|MEMBER_OF|SUB_ORGANIZATION_OF|LED_BY|SUPPORTS|STEERS|COORDINATES|COLLABORATES_WITH|RUNS|FUNDS]-(m)
  WHERE any(v IN r.datasets WHERE v IN $live) AND NOT m:Municipality AND NOT m IN seen
  WITH DISTINCT m
  WHERE EXISTS { MATCH (m)-[x:LEVEL]->() WHERE any(v IN x.datasets WHERE v IN $live) }
    AND NOT EXISTS { MATCH (m)-[x:LEVEL]->(:Resource {iri: 'https://w3id.org/graphmap/vocab/level/nationell'}) WHERE any(v IN x.datasets WHERE v IN $live) }
  RETURN collect(m) AS next
}
WITH start, seen + next AS seen, next AS frontier
CALL (frontier, seen) {
  UNWIND frontier AS u
  MATCH (u)-[r:SERVES|MEMBER_OF|SUB_ORGANIZATION_OF|LED_BY|SUPPORTS|STEERS|COORDINATES|COLLABORATES_WITH|RUNS|FUNDS]-(m)
  WHERE any(v IN r.datasets WHERE v IN $live) AND NOT m:Municipality AND NOT m IN seen
  WITH DISTINCT m
  WHERE EXISTS { MATCH (m)-[x:LEVEL]->() WHERE any(v IN x.datasets WHERE v IN $live) }
    AND NOT EXISTS { MATCH (m)-[x:LEVEL]->(:Resource {iri: 'https://w3id.org/graphmap/vocab/level/nationell'}) WHERE any(v IN x.datasets WHERE v IN $live) }
  RETURN collect(m) AS next
}
WITH start, seen + next AS seen, next AS frontier
CALL (frontier, seen) {
  UNWIND frontier AS u
  MATCH (u)-[r:SERVES|MEMBER_OF|SUB_ORGANIZATION_OF|LED_BY|SUPPORTS|STEERS|COORDINATES|COLLABORATES_WITH|RUNS|FUNDS]-(m)
  WHERE any(v IN r.datasets WHERE v IN $live) AND NOT m:Municipality AND NOT m IN seen
  WITH DISTINCT m
  WHERE EXISTS { MATCH (m)-[x:LEVEL]->() WHERE any(v IN x.datasets WHERE v IN $live) }
    AND NOT EXISTS { MATCH (m)-[x:LEVEL]->(:Resource {iri: 'https://w3id.org/graphmap/vocab/level/nationell'}) WHERE any(v IN x.datasets WHERE v IN $live) }
  RETURN collect(m) AS next
}
WITH start, seen + next AS seen, next AS frontier
CALL (frontier, seen) {
  UNWIND frontier AS u
  MATCH (u)-[r:SERVES|MEMBER_OF|SUB_ORGANIZATION_OF|LED_BY|SUPPORTS|STEERS|COORDINATES|COLLABORATES_WITH|RUNS|FUNDS]-(m)
  WHERE any(v IN r.datasets WHERE v IN $live) AND NOT m:Municipality AND NOT m IN seen
  WITH DISTINCT m
  WHERE EXISTS { MATCH (m)-[x:LEVEL]->() WHERE any(v IN x.datasets WHERE v IN $live) }
    AND NOT EXISTS { MATCH (m)-[x:LEVEL]->(:Resource {iri: 'https://w3id.org/graphmap/vocab/level/nationell'}) WHERE any(v IN x.datasets WHERE v IN $live) }
  RETURN collect(m) AS next
}
WITH start, seen + next AS seen
UNWIND seen AS via
MATCH (via)-[link:SERVES|MEMBER_OF|SUB_ORGANIZATION_OF|LED_BY|SUPPORTS|STEERS|COORDINATES|COLLABORATES_WITH|RUNS|FUNDS]-(other)
WHERE any(v IN link.datasets WHERE v IN $live) AND (other = start OR NOT other:Municipality)
WITH DISTINCT link
WITH link, startNode(link) AS s, endNode(link) AS o
MATCH (s)-[xs:LEVEL]->(s_level) WHERE any(v IN xs.datasets WHERE v IN $live)
MATCH (o)-[xo:LEVEL]->(o_level) WHERE any(v IN xo.datasets WHERE v IN $live)
RETURN s.iri AS subject, $types[type(link)] AS relation, o.iri AS object,
       s_level.iri AS subject_level, o_level.iri AS object_level,
       s:Municipality AS subject_municipality, o:Municipality AS object_municipality
