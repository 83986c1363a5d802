// name: networks
// title: Nätverk en aktör deltar i | Networks an actor takes part in
// description: Vilka nätverk, forum och samarbeten aktören deltar i, leder eller stöttar; vem som leder dem, på vilken nivå, nätverkets roll och källans webbadress. | Which networks, forums and collaborations the actor joins, leads or supports; who leads them, at which level, the network's role and the source's web address.
// param: actor | actor | required | Aktör eller kommun | Actor or municipality
// column: network | iri | Nätverk | Network
// column: network_role | concept | Nätverkets roll | Network's role
// column: level | concept | Nivå | Level
// column: relation | route | Relation | Relation
// column: role | concept | Roll | Role
// column: leader | iri | Leds av | Led by
// column: confidence | concept | Säkerhet | Confidence
// column: source | iri | Källa | Source
// column: url | url | Källans webbadress | Source's web address
// gather: network_role source url
// example: actor=fou-socialtjanst-vasterbotten
// Run by `graphmap neo4j query networks`. $live: current dataset versions (a node or relationship is
// visible when one of its `datasets` tokens is in $live). $actor is an IRI, bound.
MATCH (actor:Resource {iri: $actor})
CALL {
  WITH actor
  MATCH (membership)-[r1:MEMBER]->(actor), (membership)-[r2:ORGANIZATION]->(network), (membership)-[r3:ROLE]->(role)
  WHERE all(y IN [r1, r2, r3] WHERE any(v IN y.datasets WHERE v IN $live))
  OPTIONAL MATCH (membership)-[r4:SOURCE]->(source) WHERE any(v IN r4.datasets WHERE v IN $live)
  RETURN network, 'member' AS relation, role.iri AS role, source.iri AS source, membership AS record
  UNION
  WITH actor
  MATCH (network)-[r1:LED_BY]->(actor) WHERE any(v IN r1.datasets WHERE v IN $live)
  OPTIONAL MATCH (network)-[r4:SOURCE]->(source) WHERE any(v IN r4.datasets WHERE v IN $live)
  RETURN network, 'leads' AS relation, null AS role, source.iri AS source, network AS record
  UNION
  WITH actor
  MATCH (actor)-[r1:SUPPORTS]->(network), (rel)-[r2:RELATION_SUBJECT]->(actor), (rel)-[r3:RELATION_OBJECT]->(network),
        (rel)-[r4:RELATION_KIND]->(:Resource {iri: 'https://w3id.org/graphmap/vocab/relation-kind/stottar'})
  WHERE all(y IN [r1, r2, r3, r4] WHERE any(v IN y.datasets WHERE v IN $live))
  OPTIONAL MATCH (rel)-[r5:SOURCE]->(source) WHERE any(v IN r5.datasets WHERE v IN $live)
  RETURN network, 'supports' AS relation, null AS role, source.iri AS source, rel AS record
}
MATCH (network)-[rl:LEVEL]->(level) WHERE any(v IN rl.datasets WHERE v IN $live)
MATCH (level)<-[:GRAPHMAP_CLAIMS]-(lc:GraphmapClaim) WHERE lc._token IN $live AND lc.order IS NOT NULL
OPTIONAL MATCH (network)-[rd:LED_BY]->(leader) WHERE any(v IN rd.datasets WHERE v IN $live)
OPTIONAL MATCH (record)-[rc:CONFIDENCE]->(conf) WHERE any(v IN rc.datasets WHERE v IN $live)
// the network's role (its kind, or its types), and the source's web address
OPTIONAL MATCH (network)-[rn:ACTOR_TYPE|NETWORK_KIND]->(network_role) WHERE any(v IN rn.datasets WHERE v IN $live)
OPTIONAL MATCH (page_of:Resource {iri: source})
WITH DISTINCT network.iri AS network, network_role.iri AS network_role, level.iri AS level, relation, role, leader.iri AS leader,
     conf.iri AS confidence, source, lc.order AS lorder,
     CASE WHEN page_of IS NOT NULL
          THEN head([(c:GraphmapClaim)-[:GRAPHMAP_CLAIMS]->(page_of) WHERE c._token IN $live AND c.page IS NOT NULL | c.page])
     END AS url
RETURN network, network_role, level, relation, role, leader, confidence, source, url
ORDER BY lorder, network, relation, coalesce(role, ''), coalesce(leader, ''), coalesce(confidence, ''), coalesce(source, ''),
         coalesce(network_role, ''), coalesce(url, '')
