// name: support
// title: Var finns stöd? | Where is support?
// description: Vilka aktörer och nätverk ger stöd inom ett område (för en kommun): vilken typ av stöd, om det gäller just området eller är brett stöd för ett bredare område, för vilken målgrupp, hur kommunen når det, hur säker uppgiften är och källans webbadress. | Which actors and networks support an area (for a municipality): what kind of support, whether it is for that very area or broad support for a broader one, for which target group, how the municipality reaches it, how certain the fact is and the source's web address.
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
// column: url | url | Källans webbadress | Source's web address
// gather: role kind offer_area target_group source url
// example: area=funktionshinder municipality=Umeå
// Run by `graphmap neo4j query support`. $live holds the current dataset versions (graphmap sets it).
// Parameters are bound: $area and $municipality are IRIs ($municipality may be null = every municipality).
// Reads the derived support layer a push writes beside the graph (graphmap/neo4j/derived.py): one
// (:SupportReach) node per row of the layer and area, its fields as properties, the municipalities it
// reaches in `municipalities`, or `national` (every municipality of its dataset). The rules are those of
// support.rq's header, applied once per build (graphmap/answers/support.py), not again here.
// the versions in which $municipality is a municipality: their national rows reach it
OPTIONAL MATCH (:Resource {iri: $municipality})<-[:GRAPHMAP_CLAIMS]-(c:GraphmapClaim)
WHERE c._token IN $live AND 'Municipality' IN c._labels
WITH collect(c._token) AS known
MATCH (r:SupportReach)
WHERE r._token IN $live AND r.area = $area
  AND ($municipality IS NULL OR $municipality IN r.municipalities OR (r.national AND r._token IN known))
UNWIND coalesce(r.role, [null]) AS role
UNWIND coalesce(r.url, [null]) AS url
WITH DISTINCT r.lorder AS lorder, r.actor AS actor, role, r.level AS level, r.kind AS kind, r.match AS match,
     r.offer_area AS offer_area, r.target_group AS target_group, r.route AS route, r.via AS via, r.extent AS extent,
     r.confidence AS confidence, r.source AS source, url
RETURN actor, role, level, kind, match, offer_area, target_group, route, via, extent, confidence, source, url
ORDER BY lorder DESC, actor, match, route, coalesce(via, ''), extent, confidence IS NOT NULL, confidence, kind,
         offer_area, coalesce(target_group, ''), coalesce(source, ''), coalesce(role, ''), coalesce(url, '')
