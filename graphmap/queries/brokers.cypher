// name: brokers
// title: Brobyggare mellan nivåer och län | Brokers across levels and counties
// description: Aktörer och nätverk (inte kommuner) vars direkta kontakter finns på flera nivåer eller i flera län. | Actors and networks (not municipalities) whose direct links reach several levels or counties.
// column: actor | iri | Aktör | Actor
// column: level | concept | Nivå | Level
// column: levels | number | Nivåer bland kontakterna | Levels among its links
// column: counties | number | Län bland kontakterna | Counties among its links
// column: neighbours | number | Kontakter | Links
// Run by `graphmap neo4j query brokers`. $live: current dataset versions (a node or relationship is
// visible when one of its `datasets` tokens is in $live).
MATCH (actor)-[r:SERVES|MEMBER_OF|SUB_ORGANIZATION_OF|LED_BY|SUPPORTS|STEERS|COORDINATES|COLLABORATES_WITH|RUNS|FUNDS]-(n),
      (n)-[rl:LEVEL]->(nlevel)
WHERE all(y IN [r, rl] WHERE any(v IN y.datasets WHERE v IN $live))
OPTIONAL MATCH (n)-[rc:COUNTY]->(ncounty) WHERE any(v IN rc.datasets WHERE v IN $live)
WITH actor, count(DISTINCT nlevel) AS levels, count(DISTINCT ncounty) AS counties, count(DISTINCT n) AS neighbours
WHERE (levels > 1 OR counties > 1) AND NOT actor:Municipality
MATCH (actor)-[ra:LEVEL]->(level) WHERE any(v IN ra.datasets WHERE v IN $live)
RETURN actor.iri AS actor, level.iri AS level, levels, counties, neighbours
ORDER BY levels DESC, counties DESC, neighbours DESC, actor
