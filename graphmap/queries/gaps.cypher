// name: gaps
// title: Luckor: område × kommun | Gaps: area × municipality
// description: För varje område och kommun: hur många aktörer som ger stöd, hur många nätverk kommunen når, hur många behov som rapporterats och hur många av dem som saknar stöd. | For each area and municipality: how many actors support it, how many networks it reaches, how many needs were reported and how many of them have no support.
// param: county | lan | optional | Län | County
// column: area | concept | Område | Area
// column: county | iri | Län | County
// column: municipality | iri | Kommun | Municipality
// column: providers | number | Aktörer med stöd i området | Actors with support in the area
// column: broad | number | Aktörer med brett stöd | Actors with broad support
// column: national | number | Nationella aktörer i området | National actors in the area
// column: networks | number | Nätverk | Networks
// column: needs | number | Behov | Needs
// column: unmet_needs | number | Behov utan stöd | Needs without support
// example: county=24
// Run by `graphmap neo4j query gaps`. $live: current dataset versions (a node or relationship is
// visible when one of its `datasets` tokens is in $live). $county is an IRI or null (every county), bound.
// The counts follow the rules in gaps.rq's header: providers in the area or a narrower one (target groups
// respected), broad providers (a broader area only) apart, national providers per area; networks in a related
// area; needs in the area or a narrower one.
// Every count is aggregated from the offers, networks and needs once (not per area × municipality pair):
// each branch below emits (area, municipality, thing) rows, and one grouping counts the distinct things.
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
CALL {
  WITH area
  OPTIONAL MATCH p = (area)-[:BROADER*1..]->(wider)
  WHERE all(r IN relationships(p) WHERE any(v IN r.datasets WHERE v IN $live))
  RETURN collect(DISTINCT wider) AS broader
}
CALL {
  // national providers in the area or a narrower one: the same for every municipality
  WITH narrower
  UNWIND narrower AS oa
  MATCH (offer)-[r1:AREA]->(oa), (offer)-[r2:OFFERED_BY]->(provider),
        (provider)-[r3:LEVEL]->(:Resource {iri: 'https://w3id.org/graphmap/vocab/level/nationell'})
  WHERE all(y IN [r1, r2, r3] WHERE any(v IN y.datasets WHERE v IN $live))
  RETURN count(DISTINCT provider) AS national
}
WITH collect({area: area, related: related, narrower: narrower, broader: broader, national: national}) AS areas
CALL {
  // the grid: one row per area and municipality (in $county), so that pairs with nothing are kept
  WITH areas
  MATCH (municipality:Municipality)-[rc:COUNTY]->(county)
  WHERE ($county IS NULL OR county.iri = $county) AND all(x IN [municipality, rc] WHERE any(v IN x.datasets WHERE v IN $live))
  UNWIND areas AS a
  RETURN a.area AS area, municipality, county, a.national AS national, null AS provider, null AS wide, null AS network,
         null AS need
  UNION ALL
  // regional and local providers in the area or a narrower one: the provider or the offer serves the municipality
  WITH areas
  UNWIND areas AS a
  UNWIND a.narrower AS oa
  WITH oa, collect(a.area) AS for_areas
  MATCH (offer)-[r1:AREA]->(oa), (offer)-[r2:OFFERED_BY]->(provider)
  WHERE all(y IN [r1, r2] WHERE any(v IN y.datasets WHERE v IN $live))
    AND NOT EXISTS { MATCH (provider)-[r:LEVEL]->(:Resource {iri: 'https://w3id.org/graphmap/vocab/level/nationell'})
                     WHERE any(v IN r.datasets WHERE v IN $live) }
  UNWIND [provider, offer] AS x
  MATCH (x)-[r3:SERVES]->(municipality)
  WHERE any(v IN r3.datasets WHERE v IN $live)
  WITH DISTINCT for_areas, provider, offer, municipality
  UNWIND for_areas AS area
  WITH area, provider, offer, municipality,
       [(area)-[r:TARGET_GROUP]->(w) WHERE any(v IN r.datasets WHERE v IN $live) | w.iri] AS wanted,
       [(offer)-[r:TARGET_GROUP]->(g) WHERE any(v IN r.datasets WHERE v IN $live) | g.iri] AS groups
  WHERE size(wanted) = 0 OR size(groups) = 0
     OR any(g IN groups WHERE g IN wanted OR g = 'https://w3id.org/graphmap/vocab/target-group/alla')
  RETURN area, municipality, null AS county, null AS national, provider, null AS wide, null AS network, null AS need
  UNION ALL
  // regional and local providers with an offer for a broader area only (counted apart): the provider or the offer serves the municipality
  WITH areas
  UNWIND areas AS a
  UNWIND a.broader AS oa
  WITH oa, collect(a.area) AS for_areas
  MATCH (offer)-[r1:AREA]->(oa), (offer)-[r2:OFFERED_BY]->(provider)
  WHERE all(y IN [r1, r2] WHERE any(v IN y.datasets WHERE v IN $live))
    AND NOT EXISTS { MATCH (provider)-[r:LEVEL]->(:Resource {iri: 'https://w3id.org/graphmap/vocab/level/nationell'})
                     WHERE any(v IN r.datasets WHERE v IN $live) }
  UNWIND [provider, offer] AS x
  MATCH (x)-[r3:SERVES]->(municipality)
  WHERE any(v IN r3.datasets WHERE v IN $live)
  WITH DISTINCT for_areas, provider, offer, municipality
  UNWIND for_areas AS area
  WITH area, provider, offer, municipality,
       [(area)-[r:TARGET_GROUP]->(w) WHERE any(v IN r.datasets WHERE v IN $live) | w.iri] AS wanted,
       [(offer)-[r:TARGET_GROUP]->(g) WHERE any(v IN r.datasets WHERE v IN $live) | g.iri] AS groups
  WHERE size(wanted) = 0 OR size(groups) = 0
     OR any(g IN groups WHERE g IN wanted OR g = 'https://w3id.org/graphmap/vocab/target-group/alla')
  RETURN area, municipality, null AS county, null AS national, null AS provider, provider AS wide, null AS network, null AS need
  UNION ALL
  // networks in a related area that the municipality, or an actor serving it, is a member of
  WITH areas
  UNWIND areas AS a
  UNWIND a.related AS na
  WITH na, collect(a.area) AS for_areas
  MATCH (network:OrganizationalCollaboration)-[r1:AREA]->(na)
  WHERE any(v IN r1.datasets WHERE v IN $live)
  CALL {
    WITH network
    MATCH (municipality)-[r:MEMBER_OF]->(network)
    WHERE any(v IN r.datasets WHERE v IN $live)
    RETURN municipality
    UNION
    WITH network
    MATCH (x)-[s:MEMBER_OF]->(network), (x)-[r:SERVES]->(municipality)
    WHERE all(y IN [r, s] WHERE any(v IN y.datasets WHERE v IN $live))
    RETURN municipality
  }
  UNWIND for_areas AS area
  WITH area, municipality, network,
       [(area)-[r:TARGET_GROUP]->(w) WHERE any(v IN r.datasets WHERE v IN $live) | w.iri] AS wanted,
       [(network)-[r:TARGET_GROUP]->(g) WHERE any(v IN r.datasets WHERE v IN $live) | g.iri] AS groups
  WHERE size(wanted) = 0 OR size(groups) = 0
     OR any(g IN groups WHERE g IN wanted OR g = 'https://w3id.org/graphmap/vocab/target-group/alla')
  RETURN area, municipality, null AS county, null AS national, null AS provider, null AS wide, network, null AS need
  UNION ALL
  // needs in the area or a narrower one, and the municipalities they concern
  WITH areas
  UNWIND areas AS a
  UNWIND a.narrower AS nx
  WITH nx, collect(a.area) AS for_areas
  MATCH (need:Need)-[r1:AREA]->(nx)
  WHERE any(v IN r1.datasets WHERE v IN $live)
  CALL {
    WITH need
    MATCH (need)-[r:PLACE|REPORTED_BY]->(municipality)
    WHERE any(v IN r.datasets WHERE v IN $live)
    RETURN municipality
    UNION
    WITH need
    MATCH (need)-[r:PLACE]->(c), (municipality)-[s:COUNTY]->(c)
    WHERE all(y IN [r, s] WHERE any(v IN y.datasets WHERE v IN $live))
    RETURN municipality
    UNION
    WITH need
    MATCH (need)-[r:INVENTORIED_BY]->(i), (i)-[s:SERVES]->(municipality)
    WHERE all(y IN [r, s] WHERE any(v IN y.datasets WHERE v IN $live))
    RETURN municipality
    UNION
    WITH need
    MATCH (need)-[r:REPORTED_BY]->(net), (municipality)-[s:MEMBER_OF]->(net)
    WHERE all(y IN [r, s] WHERE any(v IN y.datasets WHERE v IN $live))
    RETURN municipality
  }
  UNWIND for_areas AS area
  RETURN area, municipality, null AS county, null AS national, null AS provider, null AS wide, null AS network, need
}
// one group per area and municipality; groups without a grid row (outside $county, not a municipality) have
// no county and are dropped by the UNWIND
WITH area, municipality, collect(DISTINCT county) AS counties, max(national) AS national,
     count(DISTINCT provider) AS providers, count(DISTINCT wide) AS broad, count(DISTINCT network) AS networks,
     count(DISTINCT need) AS needs
UNWIND counties AS county
RETURN area.iri AS area, county.iri AS county, municipality.iri AS municipality, providers, broad, national,
       networks, needs,
       CASE WHEN providers = 0 THEN needs ELSE 0 END AS unmet_needs
ORDER BY county, municipality, area
