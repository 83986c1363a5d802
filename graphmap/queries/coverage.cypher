// name: coverage
// title: Vem täcker kommunen? | Who covers the municipality?
// description: Vilka FoU-enheter, stödstrukturer (RSS), kommunalförbund och regioner som täcker en kommun, i vilka områden, med deras roll och källans webbadress; och vad kartläggningen inte vet om kommunen (frågor utan källa eller med bara delvis svar, "inte känt"). | Which R&D units, support structures (RSS), municipal associations and regions cover a municipality, in which areas, with their role and the source's web address; and what the mapping does not know about the municipality (questions without a source or answered in part, "not known").
// param: municipality | kommun | required | Kommun | Municipality
// column: actor | iri | Aktör | Actor
// column: role | concept | Roll | Role
// column: level | concept | Nivå | Level
// column: area | concept | Område | Area
// column: extent | concept | Omfattning | Extent
// column: route | route | Hur | How
// column: unknown | concept | Inte känt | Not known
// column: status | concept | Kartläggning | Mapping
// column: source | iri | Källa | Source
// column: url | url | Källans webbadress | Source's web address
// column: confidence | concept | Säkerhet | Confidence
// column: assumed_part | concept | Antagen del | Assumed part
// column: note | text | Kommentar | Note
// gather: role assumed_part
// example: municipality=Uddevalla
// Run by `graphmap neo4j query coverage`. $live: current dataset versions (a node or relationship is
// visible when one of its `datasets` tokens is in $live). $municipality is an IRI, bound. Literals
// (the source's web address, the note) are read from the claims of the live datasets.
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
  UNION
  // what is not known: a mapping question about the municipality, or about its county when no row
  // is about the municipality itself
  WITH municipality
  MATCH (record:MappingState)-[r1:PLACE]->(municipality)
  WHERE any(v IN r1.datasets WHERE v IN $live)
  RETURN record, null AS actor, 'unknown' AS route
  UNION
  WITH municipality
  MATCH (municipality)-[r1:COUNTY]->(county)<-[r2:PLACE]-(record:MappingState)-[r3:MAPPING_QUESTION]->(question)
  WHERE all(y IN [r1, r2, r3] WHERE any(v IN y.datasets WHERE v IN $live))
    AND NOT EXISTS { MATCH (municipality)<-[p1:PLACE]-(about:MappingState)-[p2:MAPPING_QUESTION]->(question)
                     WHERE all(y IN [p1, p2] WHERE any(v IN y.datasets WHERE v IN $live)) }
  RETURN record, null AS actor, 'unknown' AS route
}
OPTIONAL MATCH (actor)-[rl:LEVEL]->(level) WHERE any(v IN rl.datasets WHERE v IN $live)
OPTIONAL MATCH (level)<-[:GRAPHMAP_CLAIMS]-(lc:GraphmapClaim) WHERE lc._token IN $live AND lc.order IS NOT NULL
OPTIONAL MATCH (record)-[xq:MAPPING_QUESTION]->(unknown) WHERE route = 'unknown' AND any(v IN xq.datasets WHERE v IN $live)
OPTIONAL MATCH (record)-[xs:MAPPING_STATUS]->(status) WHERE route = 'unknown' AND any(v IN xs.datasets WHERE v IN $live)
WITH record, actor, route, level, lc, unknown, status
WHERE (route <> 'unknown' AND lc IS NOT NULL)
   OR (route = 'unknown' AND status.iri <> 'https://w3id.org/graphmap/vocab/mapping-status/kartlagd'
       AND unknown.iri <> 'https://w3id.org/graphmap/vocab/mapping-question/nationellt')
OPTIONAL MATCH (actor)-[x0:ACTOR_TYPE|NETWORK_KIND]->(role) WHERE any(v IN x0.datasets WHERE v IN $live)
OPTIONAL MATCH (record)-[x1:AREA]->(area) WHERE route <> 'unknown' AND any(v IN x1.datasets WHERE v IN $live)
OPTIONAL MATCH (record)-[x2:EXTENT]->(extent) WHERE route <> 'unknown' AND any(v IN x2.datasets WHERE v IN $live)
OPTIONAL MATCH (record)-[x3:SOURCE]->(source) WHERE any(v IN x3.datasets WHERE v IN $live)
// "no source found" is sure of nothing but the search: no confidence beside it
OPTIONAL MATCH (record)-[x4:CONFIDENCE]->(confidence)
  WHERE any(v IN x4.datasets WHERE v IN $live)
    AND (status IS NULL OR status.iri <> 'https://w3id.org/graphmap/vocab/mapping-status/ingen-kalla-hittad')
OPTIONAL MATCH (record)-[x5:ASSUMED_PART]->(part) WHERE route <> 'unknown' AND any(v IN x5.datasets WHERE v IN $live)
WITH actor, role, level, area, extent, route, unknown, status, source, confidence, part, lc, record,
     EXISTS { MATCH (record)-[x6:ASSUMED_PART]->(:Resource {iri: 'https://w3id.org/graphmap/vocab/record-part/places'})
              WHERE any(v IN x6.datasets WHERE v IN $live) } AS places_assumed
WITH DISTINCT actor.iri AS actor, role.iri AS role, level.iri AS level, area.iri AS area, extent.iri AS extent, route,
     unknown.iri AS unknown, status.iri AS status, source.iri AS source,
     head([(c:GraphmapClaim)-[:GRAPHMAP_CLAIMS]->(source) WHERE c._token IN $live AND c.page IS NOT NULL | c.page]) AS url,
     CASE WHEN places_assumed THEN 'https://w3id.org/graphmap/vocab/confidence/assumed' ELSE confidence.iri END AS confidence,
     part.iri AS assumed_part,
     CASE WHEN route = 'unknown'
          THEN head([(c:GraphmapClaim)-[:GRAPHMAP_CLAIMS]->(record)
                     WHERE c._token IN $live AND coalesce(c.editorialNote_sv, c.editorialNote, c.editorialNote_en) IS NOT NULL
                     | coalesce(c.editorialNote_sv, c.editorialNote, c.editorialNote_en)])
     END AS note,
     coalesce(lc.order, -1) AS lorder
RETURN actor, role, level, area, extent, route, unknown, status, source, url, confidence, assumed_part, note
ORDER BY lorder DESC, coalesce(actor, ''), coalesce(area, ''), route, coalesce(unknown, ''), coalesce(source, ''),
         coalesce(role, ''), coalesce(assumed_part, '')
