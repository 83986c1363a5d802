// name: support
// title: Var finns stöd? | Where is support?
// description: Vilka aktörer och nätverk ger stöd inom ett område (för en kommun): vilken typ av stöd, om det gäller just området eller är brett stöd för ett bredare område, för vilken målgrupp, hur kommunen når det och hur säker uppgiften är. | Which actors and networks support an area (for a municipality): what kind of support, whether it is for that very area or broad support for a broader one, for which target group, how the municipality reaches it and how certain the fact is.
// param: area | vocab:area | required | Verksamhetsområde | Area
// param: municipality | kommun | optional | Kommun | Municipality
// column: actor | iri | Aktör | Actor
// column: role | concept | Roll | Role
// column: level | concept | Nivå | Level
// column: kind | concept | Typ av stöd | Kind of support
// column: match | concept | Stödets bredd | Breadth of support
// column: offer_area | concept | Stödets område | Area of the support
// column: target_group | concept | Målgrupp | Target group
// column: route | route | Hur kommunen når stödet | How the municipality reaches it
// column: via | iri | Via | Via
// column: extent | concept | Omfattning | Extent
// column: confidence | concept | Säkerhet | Confidence
// column: source | iri | Källa | Source
// gather: role kind offer_area target_group source
// example: area=funktionshinder municipality=Umeå
// Run by `graphmap neo4j query support`. $live holds the current dataset versions (graphmap sets it);
// a node or relationship is visible when one of its `datasets` tokens is in $live.
// Parameters are bound: $area and $municipality are IRIs ($municipality may be null = every municipality).
// The same answer as support.rq, whose header comment states the rules (area breadth, target groups,
// the weakest confidence, extent, steering bodies). A concept's gm:order is a property of its claim node.
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
        (actor)-[r4:SERVES]->(m:Municipality)
  WHERE ($municipality IS NULL OR m.iri = $municipality)
    AND all(y IN [r1, r2, r3, r4, m] WHERE any(v IN y.datasets WHERE v IN $live))
  RETURN actor, m, kind.iri AS kind, offer AS thing, offer AS fact, actor AS coverer, 'coverage' AS route,
         null AS via, null AS mship
  UNION
  // the offer itself names the municipality
  WITH offer_area
  MATCH (offer)-[r1:AREA]->(offer_area), (offer)-[r2:OFFERED_BY]->(actor), (offer)-[r3:SUPPORT_KIND]->(kind),
        (offer)-[r4:SERVES]->(m:Municipality)
  WHERE ($municipality IS NULL OR m.iri = $municipality)
    AND all(y IN [r1, r2, r3, r4, m] WHERE any(v IN y.datasets WHERE v IN $live))
    AND NOT EXISTS { MATCH (actor)-[s:SERVES]->(m) WHERE any(v IN s.datasets WHERE v IN $live) }
  RETURN actor, m, kind.iri AS kind, offer AS thing, offer AS fact, null AS coverer, 'coverage' AS route,
         null AS via, null AS mship
  UNION
  // a national actor offers support to every municipality
  WITH offer_area
  MATCH (offer)-[r1:AREA]->(offer_area), (offer)-[r2:OFFERED_BY]->(actor), (offer)-[r3:SUPPORT_KIND]->(kind),
        (actor)-[r4:LEVEL]->(:Resource {iri: 'https://w3id.org/graphmap/vocab/level/nationell'})
  WHERE all(y IN [r1, r2, r3, r4] WHERE any(v IN y.datasets WHERE v IN $live))
    AND EXISTS { MATCH (m:Municipality) WHERE ($municipality IS NULL OR m.iri = $municipality)
                 AND any(v IN m.datasets WHERE v IN $live) }
  RETURN actor, null AS m, kind.iri AS kind, offer AS thing, offer AS fact, null AS coverer, 'national' AS route,
         null AS via, null AS mship
  UNION
  // the municipality is itself a member of a network in the area
  WITH offer_area
  MATCH (membership)-[r1:MEMBER]->(m:Municipality), (membership)-[r2:ORGANIZATION]->(actor),
        (actor)-[r3:AREA]->(offer_area)
  WHERE ($municipality IS NULL OR m.iri = $municipality)
    AND all(y IN [r1, r2, r3, m] WHERE any(v IN y.datasets WHERE v IN $live))
  RETURN actor, m, null AS kind, actor AS thing, membership AS fact, null AS coverer, 'member' AS route,
         null AS via, membership AS mship
  UNION
  // an actor that covers the municipality takes part in a network in the area
  WITH offer_area
  MATCH (via)-[r0:SERVES]->(m:Municipality), (membership)-[r1:MEMBER]->(via), (membership)-[r2:ORGANIZATION]->(actor),
        (actor)-[r3:AREA]->(offer_area)
  WHERE ($municipality IS NULL OR m.iri = $municipality)
    AND all(y IN [r0, r1, r2, r3, m] WHERE any(v IN y.datasets WHERE v IN $live))
  RETURN actor, m, null AS kind, actor AS thing, membership AS fact, via AS coverer, 'through' AS route,
         via.iri AS via, membership AS mship
}
// a thing for a target group answers only an area with that group, or with none
WITH area, offer_area, actor, m, kind, thing, fact, coverer, route, via, mship,
     [(area)-[r:TARGET_GROUP]->(w) WHERE any(v IN r.datasets WHERE v IN $live) | w.iri] AS wanted,
     [(thing)-[r:TARGET_GROUP]->(g) WHERE any(v IN r.datasets WHERE v IN $live) | g.iri] AS groups
WHERE size(wanted) = 0 OR size(groups) = 0
   OR any(g IN groups WHERE g IN wanted OR g = 'https://w3id.org/graphmap/vocab/target-group/alla')
// the strongest coverage record that brings the covering actor to the municipality (or its county)
CALL {
  WITH coverer, m
  OPTIONAL MATCH (cov)-[c1:COVERED_BY]->(coverer), (cov)-[c2:PLACE]->(place), (cov)-[c3:CONFIDENCE]->(cc),
                 (cc)<-[:GRAPHMAP_CLAIMS]-(ccl:GraphmapClaim)
  WHERE all(y IN [c1, c2, c3] WHERE any(v IN y.datasets WHERE v IN $live))
    AND ccl._token IN $live AND ccl.order IS NOT NULL
    AND (place = m OR EXISTS { MATCH (m)-[c4:COUNTY]->(place) WHERE any(v IN c4.datasets WHERE v IN $live) })
  OPTIONAL MATCH (cov)-[c5:EXTENT]->(ext) WHERE any(v IN c5.datasets WHERE v IN $live)
  WITH cov, ext, CASE WHEN EXISTS { MATCH (cov)-[c6:ASSUMED_PART]->(:Resource {iri: 'https://w3id.org/graphmap/vocab/record-part/places'})
                                    WHERE any(v IN c6.datasets WHERE v IN $live) } THEN 1 ELSE ccl.order END AS rank
  RETURN max(rank) AS path_rank, collect({rank: rank, extent: ext.iri}) AS evidence
}
WITH area, offer_area, actor, m, kind, thing, fact, route, via, mship, groups, path_rank,
     [e IN evidence WHERE e.rank = path_rank | e.extent] AS cov_extents,
     head([(fact)-[r:CONFIDENCE]->(c)<-[:GRAPHMAP_CLAIMS]-(cl:GraphmapClaim)
           WHERE any(v IN r.datasets WHERE v IN $live) AND cl._token IN $live AND cl.order IS NOT NULL | cl.order]) AS fact_rank
UNWIND (CASE WHEN size(cov_extents) = 0 THEN [null] ELSE cov_extents END) AS cov_extent
UNWIND (CASE WHEN size(groups) = 0 THEN [null] ELSE groups END) AS target_group
WITH area, offer_area, actor, m, thing, fact, route, via, target_group, path_rank, fact_rank, cov_extent,
     CASE WHEN mship IS NOT NULL AND EXISTS { MATCH (mship)-[r:ROLE]->(:Resource {iri: 'https://w3id.org/graphmap/vocab/role/delvis-medlem'})
                                              WHERE any(v IN r.datasets WHERE v IN $live) }
          THEN 'https://w3id.org/graphmap/vocab/extent/delvis' END AS role_extent,
     coalesce(kind, CASE WHEN EXISTS { MATCH (actor)-[r:NETWORK_KIND]->(:Resource {iri: 'https://w3id.org/graphmap/vocab/network-kind/styrgrupp'})
                                       WHERE any(v IN r.datasets WHERE v IN $live) }
                         THEN 'https://w3id.org/graphmap/vocab/support-kind/styrning'
                         ELSE 'https://w3id.org/graphmap/vocab/support-kind/natverk-erfarenhetsutbyte' END) AS kind
WITH area, offer_area, actor, fact, route, via, target_group, kind,
     coalesce(role_extent, cov_extent, 'https://w3id.org/graphmap/vocab/extent/hel') AS extent,
     CASE WHEN path_rank IS NOT NULL AND (fact_rank IS NULL OR path_rank < fact_rank) THEN path_rank ELSE fact_rank END AS rank,
     CASE WHEN offer_area = area THEN 'https://w3id.org/graphmap/vocab/area-match/direct'
          WHEN EXISTS { MATCH p = (area)-[:BROADER*1..]->(offer_area)
                        WHERE all(r IN relationships(p) WHERE any(v IN r.datasets WHERE v IN $live)) }
          THEN 'https://w3id.org/graphmap/vocab/area-match/broad'
          ELSE 'https://w3id.org/graphmap/vocab/area-match/part' END AS match
OPTIONAL MATCH (fact)-[r5:SOURCE]->(source) WHERE any(v IN r5.datasets WHERE v IN $live)
OPTIONAL MATCH (conf)-[ci:IN_SCHEME]->(:Resource {iri: 'https://w3id.org/graphmap/vocab/confidence'}),
               (conf)<-[:GRAPHMAP_CLAIMS]-(cfl:GraphmapClaim)
WHERE any(v IN ci.datasets WHERE v IN $live) AND cfl._token IN $live AND cfl.order = rank
MATCH (actor)-[rl:LEVEL]->(level) WHERE any(v IN rl.datasets WHERE v IN $live)
MATCH (level)<-[:GRAPHMAP_CLAIMS]-(lc:GraphmapClaim) WHERE lc._token IN $live AND lc.order IS NOT NULL
OPTIONAL MATCH (actor)-[x0:ACTOR_TYPE|NETWORK_KIND]->(role) WHERE any(v IN x0.datasets WHERE v IN $live)
WITH DISTINCT actor.iri AS actor, role.iri AS role, level.iri AS level, kind, match, offer_area.iri AS offer_area, target_group, route,
     via, extent, conf.iri AS confidence, source.iri AS source, lc.order AS lorder
RETURN actor, role, level, kind, match, offer_area, target_group, route, via, extent, confidence, source
ORDER BY lorder DESC, actor, match, route, coalesce(via, ''), extent, confidence, kind, offer_area,
         coalesce(target_group, ''), coalesce(source, ''), coalesce(role, '')
