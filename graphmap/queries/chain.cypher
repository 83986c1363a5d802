// name: chain
// title: Kedjan till nationell nivå | The chain to the national level
// description: Hur en aktör (t.ex. en kommun) når den nationella nivån: de kortaste kedjorna via regionala strukturer till nationella nätverk och myndigheter. | How an actor (e.g. a municipality) reaches the national level: the shortest chains through regional structures to national networks and agencies.
// param: actor | actor | required | Aktör eller kommun | Actor or municipality
// column: target | iri | Nationell aktör | National actor
// column: path | number | Kedja | Chain
// column: step | number | Steg | Step
// column: subject | iri | Från | From
// column: relation | relation | Relation | Relation
// column: object | iri | Till | To
// engine: paths
// example: actor=Lycksele
// Run by `graphmap neo4j query chain`. $live: current dataset versions (a node or relationship is visible
// when one of its `datasets` tokens is in $live). $actor is an IRI, bound; $types maps relationship types
// to predicate IRIs. Every shortest path (at most 5 steps, either direction) over the link relationships
// from the actor to each node at national level, passing through no other municipality and no other
// national node; all nodes on it have a level. graphmap numbers and flattens the paths with
// graphmap.analysis.paths_to_rows, exactly as for the SPARQL backend.
MATCH (start:Resource {iri: $actor})-[sl:LEVEL]->(slevel)
WHERE any(v IN sl.datasets WHERE v IN $live) AND slevel.iri <> 'https://w3id.org/graphmap/vocab/level/nationell'
WITH DISTINCT start
MATCH p = ALL SHORTEST (start)
  (()-[r:SERVES|MEMBER_OF|SUB_ORGANIZATION_OF|LED_BY|SUPPORTS|STEERS|COORDINATES|COLLABORATES_WITH|RUNS|FUNDS]-(m)
     WHERE any(v IN r.datasets WHERE v IN $live) AND NOT m:Municipality
       AND EXISTS { MATCH (m)-[x:LEVEL]->(ml) WHERE any(v IN x.datasets WHERE v IN $live) }
       AND NOT EXISTS { MATCH (m)-[x:LEVEL]->(:Resource {iri: 'https://w3id.org/graphmap/vocab/level/nationell'})
                        WHERE any(v IN x.datasets WHERE v IN $live) }){0,4}
  ()-[last:SERVES|MEMBER_OF|SUB_ORGANIZATION_OF|LED_BY|SUPPORTS|STEERS|COORDINATES|COLLABORATES_WITH|RUNS|FUNDS]-(target)
WHERE any(v IN last.datasets WHERE v IN $live)
  AND EXISTS { MATCH (target)-[x:LEVEL]->(:Resource {iri: 'https://w3id.org/graphmap/vocab/level/nationell'})
               WHERE any(v IN x.datasets WHERE v IN $live) }
RETURN target.iri AS target,
       [s IN relationships(p) | {subject: startNode(s).iri, relation: $types[type(s)], object: endNode(s).iri}] AS steps
