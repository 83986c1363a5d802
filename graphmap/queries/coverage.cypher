// name: coverage
// title: Vem täcker kommunen? | Who covers the municipality?
// description: Vilka FoU-enheter, stödstrukturer, kommunalförbund och regioner som täcker en kommun, i vilka områden. | Which R&D units, support structures, municipal associations and regions cover a municipality, in which areas.
// param: municipality | kommun | required | Kommun | Municipality
// column: actor | iri | Aktör | Actor
// column: level | concept | Nivå | Level
// column: area | concept | Område | Area
// column: extent | concept | Omfattning | Extent
// column: route | route | Hur | How
// column: source | iri | Källa | Source
// column: confidence | concept | Säkerhet | Confidence
// column: assumed_part | concept | Antagen del | Assumed part
// gather: assumed_part
// example: municipality=Uddevalla
// Run by `graphmap neo4j query coverage`. $live: current dataset versions (a node or relationship is
// visible when one of its `datasets` tokens is in $live). $municipality is an IRI, bound.
MATCH (municipality:Municipality {iri: $municipality}) WHERE any(v IN municipality.datasets WHERE v IN $live)
CALL {
  WITH municipality
  MATCH (record)-[r1:COVERED_BY]->(actor), (record)-[r2:PLACE]->(municipality)
  WHERE all(y IN [r1, r2] WHERE any(v IN y.datasets WHERE v IN $live))
  RETURN record, actor, 'coverage' AS route
  UNION
  WITH municipality
  MATCH (record)-[r1:COVERED_BY]->(actor), (record)-[r2:PLACE]->(county), (municipality)-[r3:COUNTY]->(county)
  WHERE all(y IN [r1, r2, r3] WHERE any(v IN y.datasets WHERE v IN $live))
  RETURN record, actor, 'county' AS route
  UNION
  WITH municipality
  MATCH (record)-[r1:MEMBER]->(municipality), (record)-[r2:ORGANIZATION]->(actor:Actor)
  WHERE all(y IN [r1, r2] WHERE any(v IN y.datasets WHERE v IN $live))
  RETURN record, actor, 'member' AS route
  UNION
  WITH municipality
  MATCH (actor:Region)-[r1:COUNTY]->(county), (municipality)-[r2:COUNTY]->(county)
  WHERE all(y IN [r1, r2] WHERE any(v IN y.datasets WHERE v IN $live))
  RETURN actor AS record, actor, 'region' AS route
}
MATCH (actor)-[rl:LEVEL]->(level) WHERE any(v IN rl.datasets WHERE v IN $live)
MATCH (level)<-[:GRAPHMAP_CLAIMS]-(lc:GraphmapClaim) WHERE lc._token IN $live AND lc.order IS NOT NULL
OPTIONAL MATCH (record)-[x1:AREA]->(area) WHERE any(v IN x1.datasets WHERE v IN $live)
OPTIONAL MATCH (record)-[x2:EXTENT]->(extent) WHERE any(v IN x2.datasets WHERE v IN $live)
OPTIONAL MATCH (record)-[x3:SOURCE]->(source) WHERE any(v IN x3.datasets WHERE v IN $live)
OPTIONAL MATCH (record)-[x4:CONFIDENCE]->(confidence) WHERE any(v IN x4.datasets WHERE v IN $live)
OPTIONAL MATCH (record)-[x5:ASSUMED_PART]->(part) WHERE any(v IN x5.datasets WHERE v IN $live)
WITH actor, level, area, extent, route, source, confidence, part, lc,
     EXISTS { MATCH (record)-[x6:ASSUMED_PART]->(:Resource {iri: 'https://w3id.org/graphmap/vocab/record-part/places'})
              WHERE any(v IN x6.datasets WHERE v IN $live) } AS places_assumed
WITH DISTINCT actor.iri AS actor, level.iri AS level, area.iri AS area, extent.iri AS extent, route,
     source.iri AS source,
     CASE WHEN places_assumed THEN 'https://w3id.org/graphmap/vocab/confidence/assumed' ELSE confidence.iri END AS confidence,
     part.iri AS assumed_part, lc.order AS lorder
RETURN actor, level, area, extent, route, source, confidence, assumed_part
ORDER BY lorder DESC, actor, coalesce(area, ''), route, coalesce(source, '')
