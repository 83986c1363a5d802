// name: actor
// title: Allt om en aktör | Everything about an actor
// description: Varje uppgift om aktören, med källa och säkerhet: egna uppgifter och de poster (medlemskap, täckning, stöd, tjänster, avtal …) som gäller den; en aktör eller ett nätverk bland värdena med sin roll, och källans webbadress. | Every fact about the actor with its source and confidence: its own facts and the records (memberships, coverage, offers, posts, agreements …) about it; an actor or network among the values with its role, and the source's web address.
// param: actor | actor | required | Aktör eller kommun | Actor or municipality
// column: record | iri | Sammanhang | Context
// column: property | property | Uppgift | Fact
// column: value | value | Värde | Value
// column: value_role | concept | Värdets roll | Role of the value
// column: source | iri | Källa | Source
// column: url | url | Källans webbadress | Source's web address
// column: confidence | concept | Säkerhet | Confidence
// gather: value_role url
// example: actor=fou-socialtjanst-fyrbodal
// Run by `graphmap neo4j query actor`. $live: current dataset versions (a node or relationship is visible
// when one of its `datasets` tokens is in $live). $actor is an IRI, bound. graphmap also passes
// $types (relationship type -> predicate IRI) and $keys (property key -> [predicate IRI, language]) so that
// facts come back as the same predicates and literals as in RDF.
MATCH (actor:Resource {iri: $actor})
CALL {
  // the actor's own facts; direct links derived from records are shown with the record instead
  WITH actor
  RETURN actor AS record
  UNION
  WITH actor
  MATCH (record)-[link]->(actor)
  WHERE any(v IN link.datasets WHERE v IN $live)
    AND (record:Membership OR record:Coverage OR record:SupportOffer OR record:Post OR record:Relation
         OR record:Agreement OR record:Need OR record:Activity)
  RETURN record
}
CALL {
  WITH actor, record
  MATCH (record)-[r]->(target)
  WHERE any(v IN r.datasets WHERE v IN $live)
    AND NOT type(r) IN ['SOURCE', 'CONFIDENCE']
    AND (record <> actor OR NOT type(r) IN ['SERVES', 'MEMBER_OF', 'STEERS', 'COORDINATES', 'COLLABORATES_WITH',
                                            'SUPPORTS', 'FUNDS', 'RUNS'])
  RETURN $types[type(r)] AS property, target.iri AS value, 'iri' AS value_kind, '' AS value_lang,
         '' AS value_datatype
  UNION
  // the literals: of the record's claims in the datasets asked for, and any added to the node itself
  WITH record
  UNWIND [record] + [(c:GraphmapClaim)-[:GRAPHMAP_CLAIMS]->(record) WHERE c._token IN $live | c] AS holder
  UNWIND [k IN keys(holder) WHERE $keys[k] IS NOT NULL AND $keys[k][0] <> 'https://w3id.org/graphmap/def#personalData'] AS k
  WITH holder, k, holder[k] AS raw,
       [e IN coalesce(holder._datatypes, []) WHERE e STARTS WITH k + '=' | split(substring(e, size(k) + 1), '|')][0] AS dts
  WITH k, CASE WHEN valueType(raw) STARTS WITH 'LIST' THEN raw ELSE [raw] END AS items, dts
  UNWIND range(0, size(items) - 1) AS i
  RETURN $keys[k][0] AS property, items[i] AS value, 'literal' AS value_kind, $keys[k][1] AS value_lang,
         CASE WHEN dts IS NULL THEN '' WHEN size(dts) = size(items) THEN dts[i] ELSE dts[0] END AS value_datatype
}
OPTIONAL MATCH (record)-[rs:SOURCE]->(source) WHERE any(v IN rs.datasets WHERE v IN $live)
OPTIONAL MATCH (record)-[rc:CONFIDENCE]->(confidence) WHERE any(v IN rc.datasets WHERE v IN $live)
// an actor or network named as a value: its role (its types, or a network's kind); the source's web address
OPTIONAL MATCH (named:Resource {iri: CASE WHEN value_kind = 'iri' THEN value END})
OPTIONAL MATCH (named)-[xv:ACTOR_TYPE|NETWORK_KIND]->(value_role) WHERE any(v IN xv.datasets WHERE v IN $live)
RETURN record.iri AS record, property, value, value_kind, value_lang, value_datatype, value_role.iri AS value_role,
       source.iri AS source, confidence.iri AS confidence,
       CASE WHEN source IS NOT NULL
            THEN head([(c:GraphmapClaim)-[:GRAPHMAP_CLAIMS]->(source) WHERE c._token IN $live AND c.page IS NOT NULL | c.page])
       END AS url
ORDER BY record, property, toString(value), value_lang, coalesce(source, ''), coalesce(value_role, ''), coalesce(url, '')
