// name: collaborations
// title: Samarbeten mellan enheter och regioner | Collaborations across units and regions
// description: Par av aktörer (inte kommuner) som samarbetar: i samma nätverk eller samarbete, eller med en uttalad samverkan; och om de finns i olika län; med deras roller och källans webbadress. | Pairs of actors (not municipalities) that collaborate: in the same network or collaboration, or by a stated collaboration; and whether they are in different counties; with their roles and the source's web address.
// param: actor | actor | optional | Aktör | Actor
// column: actor | iri | Aktör | Actor
// column: actor_role | concept | Aktörens roll | Actor's role
// column: partner | iri | Partner | Partner
// column: partner_role | concept | Partnerns roll | Partner's role
// column: collaboration | iri | Samarbete eller nätverk | Collaboration or network
// column: kind | concept | Typ | Kind
// column: cross_county | boolean | Olika län | Different counties
// column: confidence | concept | Säkerhet | Confidence
// column: source | iri | Källa | Source
// column: url | url | Källans webbadress | Source's web address
// gather: actor_role partner_role collaboration kind confidence source url
// symmetric: actor partner
// example: actor=fou-nu
// One row per pair of actors: every network, collaboration and stated collaboration they share is
// gathered into it ("# gather"), and a pair found both ways round is shown once ("# symmetric").
// Run by `graphmap neo4j query collaborations`. $live: current dataset versions (a node or relationship is
// visible when one of its `datasets` tokens is in $live). $actor is an IRI or null (every actor), bound.
CALL {
  // the actors: the one asked for (an index seek), or every non-municipality member of something
  CALL {
    UNWIND CASE WHEN $actor IS NULL THEN [] ELSE [$actor] END AS wanted
    MATCH (actor:Resource {iri: wanted})
    RETURN actor
    UNION
    UNWIND CASE WHEN $actor IS NULL THEN [true] ELSE [] END AS everyone
    MATCH (actor:Resource) WHERE NOT actor:Municipality AND EXISTS { (actor)<-[:MEMBER]-() }
    RETURN actor
  }
  MATCH (m1)-[r1:MEMBER]->(actor), (m1)-[r2:ORGANIZATION]->(collaboration), (collaboration)-[r5:NETWORK_KIND]->(kind)
  WHERE all(y IN [r1, r2, r5] WHERE any(v IN y.datasets WHERE v IN $live))
  OPTIONAL MATCH (m1)-[r6:SOURCE]->(source) WHERE any(v IN r6.datasets WHERE v IN $live)
  WITH actor, collaboration, kind, source,
       head([(m1)-[r:CONFIDENCE]->(c)<-[:GRAPHMAP_CLAIMS]-(cl:GraphmapClaim)
             WHERE any(v IN r.datasets WHERE v IN $live) AND cl._token IN $live AND cl.order IS NOT NULL | cl.order]) AS r1
  // membership rows (one per year or source) are dropped before pairing, and each collaboration's
  // partners (municipalities left out) are found once, with their strongest membership confidence
  WITH DISTINCT actor, collaboration, kind.iri AS kind, source.iri AS source, r1
  WITH collaboration, collect([actor, kind, source, r1]) AS sides
  CALL {
    WITH collaboration
    MATCH (m2)-[r3:MEMBER]->(partner), (m2)-[r4:ORGANIZATION]->(collaboration)
    WHERE NOT partner:Municipality AND all(y IN [r3, r4] WHERE any(v IN y.datasets WHERE v IN $live))
    WITH partner, head([(m2)-[r:CONFIDENCE]->(c)<-[:GRAPHMAP_CLAIMS]-(cl:GraphmapClaim)
                        WHERE any(v IN r.datasets WHERE v IN $live) AND cl._token IN $live AND cl.order IS NOT NULL
                        | cl.order]) AS r2
    WITH partner, max(r2) AS r2
    RETURN collect([partner, r2]) AS partners
  }
  UNWIND sides AS side
  UNWIND partners AS p
  RETURN side[0] AS actor, p[0] AS partner, collaboration, side[1] AS kind, side[2] AS source,
         CASE WHEN p[1] IS NOT NULL AND (side[3] IS NULL OR p[1] < side[3]) THEN p[1] ELSE side[3] END AS rank
  UNION
  MATCH (collaboration)-[r1:RELATION_KIND]->(:Resource {iri: 'https://w3id.org/graphmap/vocab/relation-kind/samverkar-med'}),
        (collaboration)-[r2:RELATION_SUBJECT]->(a1), (collaboration)-[r3:RELATION_OBJECT]->(a2)
  WHERE all(y IN [r1, r2, r3] WHERE any(v IN y.datasets WHERE v IN $live))
  UNWIND [[a1, a2], [a2, a1]] AS pair
  WITH collaboration, pair[0] AS actor, pair[1] AS partner
  WHERE $actor IS NULL OR actor.iri = $actor
  OPTIONAL MATCH (collaboration)-[r6:SOURCE]->(source) WHERE any(v IN r6.datasets WHERE v IN $live)
  RETURN actor, partner, collaboration, 'https://w3id.org/graphmap/vocab/relation-kind/samverkar-med' AS kind,
         source.iri AS source,
         head([(collaboration)-[r:CONFIDENCE]->(c)<-[:GRAPHMAP_CLAIMS]-(cl:GraphmapClaim)
               WHERE any(v IN r.datasets WHERE v IN $live) AND cl._token IN $live AND cl.order IS NOT NULL | cl.order]) AS rank
}
WITH actor, partner, collaboration, kind, source, rank
WHERE actor <> partner AND NOT actor:Municipality AND NOT partner:Municipality
  AND EXISTS { MATCH (actor)-[r:LEVEL]->() WHERE any(v IN r.datasets WHERE v IN $live) }
  AND EXISTS { MATCH (partner)-[r:LEVEL]->() WHERE any(v IN r.datasets WHERE v IN $live) }
OPTIONAL MATCH (actor)-[ra:COUNTY]->(ac) WHERE any(v IN ra.datasets WHERE v IN $live)
OPTIONAL MATCH (partner)-[rp:COUNTY]->(pc) WHERE any(v IN rp.datasets WHERE v IN $live)
OPTIONAL MATCH (conf)-[ci:IN_SCHEME]->(:Resource {iri: 'https://w3id.org/graphmap/vocab/confidence'}),
               (conf)<-[:GRAPHMAP_CLAIMS]-(cfl:GraphmapClaim)
WHERE any(v IN ci.datasets WHERE v IN $live) AND cfl._token IN $live AND cfl.order = rank
// each end's role (its types, or a network's kind), and the source's web address
OPTIONAL MATCH (actor)-[xa:ACTOR_TYPE|NETWORK_KIND]->(actor_role) WHERE any(v IN xa.datasets WHERE v IN $live)
OPTIONAL MATCH (partner)-[xp:ACTOR_TYPE|NETWORK_KIND]->(partner_role) WHERE any(v IN xp.datasets WHERE v IN $live)
OPTIONAL MATCH (page_of:Resource {iri: source})
WITH DISTINCT actor.iri AS actor, actor_role.iri AS actor_role, partner.iri AS partner, partner_role.iri AS partner_role,
     collaboration.iri AS collaboration, kind,
     (ac IS NOT NULL AND pc IS NOT NULL AND ac <> pc) AS cross_county, conf.iri AS confidence, source,
     CASE WHEN page_of IS NOT NULL
          THEN head([(c:GraphmapClaim)-[:GRAPHMAP_CLAIMS]->(page_of) WHERE c._token IN $live AND c.page IS NOT NULL | c.page])
     END AS url
RETURN actor, actor_role, partner, partner_role, collaboration, kind, cross_county, confidence, source, url
ORDER BY actor, partner, collaboration, coalesce(confidence, ''), coalesce(source, ''), coalesce(actor_role, ''),
         coalesce(partner_role, ''), coalesce(url, '')
