// name: gaps
// title: Luckor: område × kommun | Gaps: area × municipality
// description: För varje område och kommun: hur många aktörer som ger stöd, hur många nätverk kommunen når, hur många behov som rapporterats och hur många av dem som saknar stöd. | For each area and municipality: how many actors support it, how many networks it reaches, how many needs were reported and how many of them have no support.
// param: county | lan | optional | Län | County
// column: area | concept | Område | Area
// column: county | iri | Län | County
// column: municipality | iri | Kommun | Municipality
// column: providers | number | Aktörer med stöd | Actors with support
// column: networks | number | Nätverk | Networks
// column: needs | number | Behov | Needs
// column: unmet_needs | number | Behov utan stöd | Needs without support
// example: county=24
// Run by `graphmap neo4j query gaps`. $live: current dataset versions (a node or relationship is
// visible when one of its `datasets` tokens is in $live). $county is an IRI or null (every county), bound.
// Support and networks count in the area itself, a broader or a narrower area; needs in the area or a narrower one.
MATCH (area:Resource)-[ins:IN_SCHEME]->(:Resource {iri: 'https://w3id.org/graphmap/vocab/area'})
WHERE all(x IN [area, ins] WHERE any(v IN x.datasets WHERE v IN $live))
CALL {
  WITH area
  MATCH p = (area)-[:BROADER*0..]->(related)
  WHERE all(r IN relationships(p) WHERE any(v IN r.datasets WHERE v IN $live))
  RETURN related
  UNION
  WITH area
  MATCH p = (related)-[:BROADER*1..]->(area)
  WHERE all(r IN relationships(p) WHERE any(v IN r.datasets WHERE v IN $live))
  RETURN related
}
WITH area, collect(related) AS related
CALL {
  WITH area
  MATCH p = (narrower)-[:BROADER*0..]->(area)
  WHERE all(r IN relationships(p) WHERE any(v IN r.datasets WHERE v IN $live))
  RETURN collect(DISTINCT narrower) AS narrower
}
MATCH (municipality:Municipality)-[rc:COUNTY]->(county)
WHERE ($county IS NULL OR county.iri = $county) AND all(x IN [municipality, rc] WHERE any(v IN x.datasets WHERE v IN $live))
CALL {
  WITH related, municipality
  MATCH (offer)-[r1:AREA]->(oa), (offer)-[r2:OFFERED_BY]->(provider)
  WHERE oa IN related AND all(y IN [r1, r2] WHERE any(v IN y.datasets WHERE v IN $live))
    AND (EXISTS { MATCH (provider)-[r:SERVES]->(municipality) WHERE any(v IN r.datasets WHERE v IN $live) }
         OR EXISTS { MATCH (offer)-[r:SERVES]->(municipality) WHERE any(v IN r.datasets WHERE v IN $live) }
         OR EXISTS { MATCH (provider)-[r:LEVEL]->(:Resource {iri: 'https://w3id.org/graphmap/vocab/level/nationell'})
                     WHERE any(v IN r.datasets WHERE v IN $live) })
  RETURN count(DISTINCT provider) AS providers
}
CALL {
  WITH related, municipality
  MATCH (network:OrganizationalCollaboration)-[r1:AREA]->(na)
  WHERE na IN related AND any(v IN r1.datasets WHERE v IN $live)
    AND (EXISTS { MATCH (municipality)-[r:MEMBER_OF]->(network) WHERE any(v IN r.datasets WHERE v IN $live) }
         OR EXISTS { MATCH (x)-[r:SERVES]->(municipality), (x)-[s:MEMBER_OF]->(network)
                     WHERE all(y IN [r, s] WHERE any(v IN y.datasets WHERE v IN $live)) })
  RETURN count(DISTINCT network) AS networks
}
CALL {
  WITH narrower, municipality
  MATCH (need:Need)-[r1:AREA]->(nx)
  WHERE nx IN narrower AND any(v IN r1.datasets WHERE v IN $live)
    AND (EXISTS { MATCH (need)-[r:PLACE]->(municipality) WHERE any(v IN r.datasets WHERE v IN $live) }
         OR EXISTS { MATCH (need)-[r:PLACE]->(c), (municipality)-[s:COUNTY]->(c)
                     WHERE all(y IN [r, s] WHERE any(v IN y.datasets WHERE v IN $live)) }
         OR EXISTS { MATCH (need)-[r:INVENTORIED_BY]->(i), (i)-[s:SERVES]->(municipality)
                     WHERE all(y IN [r, s] WHERE any(v IN y.datasets WHERE v IN $live)) }
         OR EXISTS { MATCH (need)-[r:REPORTED_BY]->(municipality) WHERE any(v IN r.datasets WHERE v IN $live) }
         OR EXISTS { MATCH (need)-[r:REPORTED_BY]->(net), (municipality)-[s:MEMBER_OF]->(net)
                     WHERE all(y IN [r, s] WHERE any(v IN y.datasets WHERE v IN $live)) })
  RETURN count(DISTINCT need) AS needs
}
RETURN area.iri AS area, county.iri AS county, municipality.iri AS municipality, providers, networks, needs,
       CASE WHEN providers = 0 THEN needs ELSE 0 END AS unmet_needs
ORDER BY county, municipality, area
