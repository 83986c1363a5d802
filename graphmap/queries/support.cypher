// name: support
// title: Var finns stöd? | Where is support?
// description: Vilka aktörer och nätverk ger stöd inom ett område (för en kommun), vilken typ av stöd, på vilken nivå och hur kommunen når det. | Which actors and networks support an area (for a municipality), what kind of support, at which level, and how the municipality reaches it.
// param: area | vocab:area | required | Verksamhetsområde | Area
// param: municipality | kommun | optional | Kommun | Municipality
// column: actor | iri | Aktör | Actor
// column: level | concept | Nivå | Level
// column: kind | concept | Typ av stöd | Kind of support
// column: offer_area | concept | Område | Area
// column: route | route | Hur kommunen når stödet | How the municipality reaches it
// column: via | iri | Via | Via
// column: source | iri | Källa | Source
// example: area=funktionshinder municipality=Umeå
// Run by `graphmap neo4j query support`. $live holds the current dataset versions (graphmap sets it);
// a node or relationship is visible when one of its `datasets` tokens is in $live.
// Parameters are bound: $area and $municipality are IRIs ($municipality may be null = every municipality).
// An area matches offers in the same area, a broader one or a narrower one (skos:broader between concepts).
MATCH (area:Resource {iri: $area})-[ins:IN_SCHEME]->(:Resource {iri: 'https://w3id.org/graphmap/vocab/area'})
WHERE all(x IN [area, ins] WHERE any(v IN x.datasets WHERE v IN $live))
CALL {
  WITH area
  MATCH p = (area)-[:BROADER*0..]->(offer_area)
  WHERE all(r IN relationships(p) WHERE any(v IN r.datasets WHERE v IN $live))
  RETURN offer_area
  UNION
  WITH area
  MATCH p = (offer_area)-[:BROADER*1..]->(area)
  WHERE all(r IN relationships(p) WHERE any(v IN r.datasets WHERE v IN $live))
  RETURN offer_area
}
CALL {
  // the actor covers the municipality and offers support in the area
  WITH offer_area
  MATCH (offer)-[r1:AREA]->(offer_area), (offer)-[r2:OFFERED_BY]->(actor), (offer)-[r3:SUPPORT_KIND]->(kind),
        (x)-[r4:SERVES]->(m:Municipality)
  WHERE x IN [actor, offer] AND ($municipality IS NULL OR m.iri = $municipality)
    AND all(y IN [r1, r2, r3, r4, m] WHERE any(v IN y.datasets WHERE v IN $live))
  OPTIONAL MATCH (offer)-[r5:SOURCE]->(source) WHERE any(v IN r5.datasets WHERE v IN $live)
  RETURN actor, kind.iri AS kind, 'coverage' AS route, null AS via, source.iri AS source
  UNION
  // a national actor offers support to every municipality
  WITH offer_area
  MATCH (offer)-[r1:AREA]->(offer_area), (offer)-[r2:OFFERED_BY]->(actor), (offer)-[r3:SUPPORT_KIND]->(kind),
        (actor)-[r4:LEVEL]->(:Resource {iri: 'https://w3id.org/graphmap/vocab/level/nationell'})
  WHERE all(y IN [r1, r2, r3, r4] WHERE any(v IN y.datasets WHERE v IN $live))
    AND EXISTS { MATCH (m:Municipality) WHERE ($municipality IS NULL OR m.iri = $municipality)
                 AND any(v IN m.datasets WHERE v IN $live) }
  OPTIONAL MATCH (offer)-[r5:SOURCE]->(source) WHERE any(v IN r5.datasets WHERE v IN $live)
  RETURN actor, kind.iri AS kind, 'national' AS route, null AS via, source.iri AS source
  UNION
  // the municipality is itself a member of a network in the area
  WITH offer_area
  MATCH (membership)-[r1:MEMBER]->(m:Municipality), (membership)-[r2:ORGANIZATION]->(actor),
        (actor)-[r3:AREA]->(offer_area)
  WHERE ($municipality IS NULL OR m.iri = $municipality)
    AND all(y IN [r1, r2, r3, m] WHERE any(v IN y.datasets WHERE v IN $live))
  OPTIONAL MATCH (membership)-[r5:SOURCE]->(source) WHERE any(v IN r5.datasets WHERE v IN $live)
  RETURN actor, 'https://w3id.org/graphmap/vocab/support-kind/natverk-erfarenhetsutbyte' AS kind, 'member' AS route,
         null AS via, source.iri AS source
  UNION
  // an actor that covers the municipality takes part in a network in the area
  WITH offer_area
  MATCH (via)-[r0:SERVES]->(m:Municipality), (membership)-[r1:MEMBER]->(via), (membership)-[r2:ORGANIZATION]->(actor),
        (actor)-[r3:AREA]->(offer_area)
  WHERE ($municipality IS NULL OR m.iri = $municipality)
    AND all(y IN [r0, r1, r2, r3, m] WHERE any(v IN y.datasets WHERE v IN $live))
  OPTIONAL MATCH (membership)-[r5:SOURCE]->(source) WHERE any(v IN r5.datasets WHERE v IN $live)
  RETURN actor, 'https://w3id.org/graphmap/vocab/support-kind/natverk-erfarenhetsutbyte' AS kind, 'through' AS route,
         via.iri AS via, source.iri AS source
}
MATCH (actor)-[rl:LEVEL]->(level) WHERE any(v IN rl.datasets WHERE v IN $live)
MATCH (level)<-[:GRAPHMAP_CLAIMS]-(lc:GraphmapClaim) WHERE lc._token IN $live AND lc.order IS NOT NULL
WITH DISTINCT actor.iri AS actor, level.iri AS level, kind, offer_area.iri AS offer_area, route, via, source,
     lc.order AS lorder
RETURN actor, level, kind, offer_area, route, via, source
ORDER BY lorder, actor, kind, offer_area, route, coalesce(via, ''), coalesce(source, '')
