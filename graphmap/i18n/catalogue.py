"""The one catalogue of user-facing text: every key maps to (Swedish, English).

Sections are separate dicts so that each part of graphmap keeps its own texts together; they are
merged into :data:`MESSAGES` and a key may appear in one section only (checked at import). Keys of
sections other than the web app's start with the section's name (``report.``, ``map.``, ``cli.``,
``error.``). Read them with :func:`graphmap.i18n.t`.
"""

from __future__ import annotations

# The web app's pages (graphmap.serve).
WEB: dict[str, tuple[str, str]] = {
    "app_title": ("graphmap – var finns stöd?", "graphmap – where is support?"),
    "nav_start": ("Start", "Home"),
    "nav_support": ("Var finns stöd?", "Where is support?"),
    "nav_queries": ("Frågor", "Queries"),
    "nav_gaps": ("Luckor", "Gaps"),
    "nav_map": ("Karta", "Map"),
    "nav_report": ("Rapport", "Report"),
    "nav_data": ("Data", "Data"),
    "nav_sparql": ("SPARQL", "SPARQL"),
    "switch_lang": ("English", "Svenska"),
    "skip": ("Till innehållet", "Skip to content"),
    "intro": (
        "Stödlandskapet i socialtjänsten: FoU-enheter, regionala stödstrukturer, kommuner, regioner "
        "och nationella nätverk – och hur de hänger ihop.",
        "The support landscape of Swedish social services: R&D units, regional support structures, "
        "municipalities, regions and national networks – and how they connect.",
    ),
    "search": ("Sök", "Search"),
    "search_label": ("Sök aktör, nätverk, område eller kommun", "Search an actor, network, area or municipality"),
    "search_placeholder": ("t.ex. Fyrbodal, Umeå, funktionshinder", "e.g. Fyrbodal, Umeå, disability"),
    "search_none": ("Inga träffar.", "No matches."),
    "search_results": ("Sökresultat", "Search results"),
    "holds": ("Vad datan innehåller", "What the data holds"),
    "by_level": ("Per nivå", "By level"),
    "by_type": ("Per typ", "By type"),
    "records": ("Uppgifter", "Records"),
    "count": ("Antal", "Count"),
    "level": ("Nivå", "Level"),
    "type": ("Typ", "Type"),
    "regions": ("Regioner i datan", "Regions in the data"),
    "data_date": ("Senaste källdatum", "Latest source date"),
    "sources": ("Källor", "Sources"),
    "triples": ("tripplar", "triples"),
    "networks_kind": ("Nätverk och forum", "Networks and forums"),
    "kind_kind": ("Typ", "Kind"),
    "area": ("Område", "Area"),
    "municipality": ("Kommun", "Municipality"),
    "county": ("Län", "County"),
    "all_municipalities": ("(alla kommuner)", "(all municipalities)"),
    "choose": ("(välj)", "(choose)"),
    "any": ("(alla)", "(all)"),
    "show": ("Visa", "Show"),
    "support_intro": (
        "Välj ett område och en kommun: svaret visar vilka aktörer och nätverk som ger stöd, "
        "vilken typ av stöd, om det gäller just området eller är brett stöd, för vilken målgrupp, "
        "hur kommunen når det och hur säker uppgiften är.",
        "Choose an area and a municipality: the answer shows which actors and networks give "
        "support, what kind, whether it is for that very area or broad support, for which target "
        "group, how the municipality reaches it and how certain the fact is.",
    ),
    "chain_link": ("Kedjan till nationell nivå för {name}", "The chain to the national level for {name}"),
    "rows": ("Träffar: {n}", "Matches: {n}"),
    "no_rows": ("Inget i datan svarar på frågan.", "Nothing in the data answers the question."),
    "download": ("Ladda ner", "Download"),
    "queries_intro": (
        "Namngivna kartläggningsfrågor. Varje fråga har ett formulär och kan laddas ner som CSV eller JSON.",
        "Named mapping queries. Each has a form and downloads as CSV or JSON.",
    ),
    "run": ("Kör frågan", "Run the query"),
    "required": ("krävs", "required"),
    "facts": ("Uppgifter med källa och säkerhet", "Facts with source and confidence"),
    "record": ("Uppgift", "Record"),
    "fact": ("Uppgift", "Fact"),
    "value": ("Värde", "Value"),
    "source": ("Källa", "Source"),
    "confidence": ("Säkerhet", "Confidence"),
    "networks": ("Nätverk", "Networks"),
    "offers": ("Stöd som erbjuds", "Support offered"),
    "serves": ("Täcker", "Serves"),
    "related": ("Relaterade aktörer", "Related actors"),
    "neighbourhood": ("Närmaste grannar på kartan", "Neighbourhood on the map"),
    "persons": ("Kontaktpersoner (personuppgifter)", "Contact persons (personal data)"),
    "homepage": ("Webbplats", "Website"),
    "coverage": ("Vem täcker kommunen?", "Who covers the municipality?"),
    "areas_covered": ("Områden med täckning", "Areas covered"),
    "gaps_for": ("Luckor för kommunen", "Gaps for the municipality"),
    "support_for": ("Var finns stöd för {name}?", "Where is support for {name}?"),
    "state_title": ("Kartläggningsläget per län", "The state of the map per county"),
    "state_county": ("Län", "County"),
    "state_status": ("Läge", "State"),
    "state_sources": ("Källor", "Sources"),
    "state_oldest": ("Äldsta källa", "Oldest source"),
    "state_newest": ("Nyaste källa", "Newest source"),
    "state_undated": ("Utan datum", "Undated"),
    "state_stale": ("Att kontrollera", "Due for checking"),
    "state_note": ("Anteckning", "Note"),
    "state_due": ("Sidor att se över", "Pages to look at"),
    "nav_state": ("Kartläggning", "Mapping"),
    "gaps_click": ("Klicka på en ruta för att se vad den bygger på.", "Click a cell to see what it rests on."),
    "unmet": ("behov utan stöd", "needs without support"),
    "gap_rows": ("Vad rutan bygger på", "What the cell rests on"),
    "map_title": ("Karta över stödlandskapet", "Map of the support landscape"),
    "map_intro": (
        "Nationell nivå överst, regional i mitten, lokal nederst. Klicka på ett län för att fälla ut det; "
        "adressen visar vyn, så en kopierad länk öppnar samma vy.",
        "National level at the top, regional in the middle, local at the bottom. Click a county to expand "
        "it; the address holds the view, so a copied link opens the same view.",
    ),
    "open_interactive": (
        "Öppna den interaktiva kartan över grannskapet",
        "Open the interactive map of the neighbourhood",
    ),
    "open_full": ("Öppna i eget fönster", "Open on its own"),
    "report_title": ("Kartläggningsrapport", "Mapping report"),
    "data_title": ("Data att ladda ner", "Data to download"),
    "graph_ttl": ("Hela grafen (Turtle)", "The whole graph (Turtle)"),
    "no_personal": ("Utan personuppgifter.", "Without personal data."),
    "licence_footer": ("Data fria att använda (CC0 1.0)", "Data free to use (CC0 1.0)"),
    "catalog_link": ("Katalogpost (DCAT-AP)", "Catalogue record (DCAT-AP)"),
    "resource.property": ("Egenskap", "Property"),
    "resource.value": ("Värde", "Value"),
    "resource.documents": ("Som data:", "As data:"),
    "with_personal": (
        "Servern är startad med personuppgifter (--include-personal).",
        "The server was started with personal data (--include-personal).",
    ),
    "sparql_title": ("SPARQL-fråga", "SPARQL query"),
    "sparql_intro": (
        "Skrivskyddad SPARQL 1.1-ändpunkt på den här adressen (för YASGUI, rdflib, SPARQLWrapper …).",
        "Read-only SPARQL 1.1 endpoint at this address (for YASGUI, rdflib, SPARQLWrapper …).",
    ),
    "format": ("Format", "Format"),
    "not_found": ("Sidan finns inte.", "Page not found."),
    "error": ("Något gick fel.", "Something went wrong."),
    "bad_input": ("Kontrollera värdena i formuläret.", "Check the values in the form."),
    "yes": ("ja", "yes"),
    "no": ("nej", "no"),
    "actor": ("Aktör", "Actor"),
    "network": ("Nätverk", "Network"),
    "kommun": ("Kommun", "Municipality"),
    "lan": ("Län", "County"),
    "area_kind": ("Område", "Area"),
    "actors_group": ("Aktörer", "Actors"),
    "networks_group": ("Nätverk och forum", "Networks and forums"),
    "municipalities_group": ("Kommuner", "Municipalities"),
    "description": ("Beskrivning", "Description"),
    "places": ("Var", "Where"),
}

# The gap matrix, as every output shows it (graphmap gaps, /luckor, the report and its PNG).
GAPS: dict[str, tuple[str, str]] = {
    "gaps.area": ("Område", "Area"),
    "gaps.not_mapped": ("ej kartlagd", "not mapped"),
    "gaps.partly": ("delvis kartlagd", "partly mapped"),
    "gaps.partly_note": (
        "delvis kartlagd (ljus, randig, märkt ?) = länet är kartlagt, men vilka kommuner dess enheter täcker "
        "eller inom vilka områden de arbetar har ingen källa ännu; en ruta utan stöd där är okänd, "
        "inte en lucka.",
        "partly mapped (pale, hatched, marked ?) = the county is mapped, but which municipalities its units "
        "cover or in which areas they work has no source yet; a cell without support there is "
        "unknown, not a gap.",
    ),
    "gaps.partly_marker": ("?", "?"),
    "gaps.partly_legend": (
        "? = delvis kartlagd: länet är kartlagt, men vilka kommuner dess enheter täcker eller inom "
        "vilka områden de arbetar har ingen källa ännu; en ruta utan stöd där är okänd, inte en "
        "lucka (se graphmap state).",
        "? = partly mapped: the county is mapped, but which municipalities its units cover or in "
        "which areas they work has no source yet; a cell without support there is unknown, not a "
        "gap (see graphmap state).",
    ),
    "gaps.where": ("Når kommunerna", "Reaches the municipalities"),
    "gaps.where_everywhere": ("hela landet (alla {n} kommuner)", "the whole country (all {n} municipalities)"),
    "gaps.where_all_in_county": ("alla {n} kommuner", "all {n} municipalities"),
    "gaps.where_all_but": ("alla utom {names} ({k} av {n})", "all but {names} ({k} of {n})"),
    "gaps.where_some": ("{names} ({k} av {n})", "{names} ({k} of {n})"),
    "gaps.legend.none": ("ingen kommun når stöd (lucka)", "no municipality reaches support (gap)"),
    "gaps.legend.some": ("en del av kommunerna", "some of the municipalities"),
    "gaps.legend.all": ("alla kommuner", "all municipalities"),
    "gaps.sweden_title": ("Sverige per område", "Sweden per area"),
    "gaps.sweden_intro": (
        "Luckmatrisens rutor som karta: en ruta per län på dess plats (norr överst, Gotland i "
        "havet). Rutor i stället för länens konturer: Norrbotten är 30 gånger större än Blekinge, "
        "och på en konturkarta blir Stockholm, Blekinge och Gotland för små att färga och läsa.",
        "The gap matrix's cells as a map: one tile per county at its place (north at the top, "
        "Gotland in the sea). Tiles instead of the counties' outlines: Norrbotten is 30 times the "
        "size of Blekinge, and on an outline map Stockholm, Blekinge and Gotland become too small "
        "to colour and read.",
    ),
    "gaps.sweden_choose": ("Visa område:", "Show area:"),
    "gaps.not_mapped_note": (
        "ej kartlagd = ingen källa säger något om länets stödstruktur ännu; det är en vit fläck "
        "på kartan, inte en lucka i stödet (se graphmap state).",
        "not mapped = no source says anything about the county's support structure yet; a blank "
        "on the map, not a gap in support (see graphmap state).",
    ),
    "gaps.title_county": ("Luckor: område × län", "Gaps: area × county"),
    "gaps.title_municipality": ("Luckor: område × kommun ({county})", "Gaps: area × municipality ({county})"),
    "gaps.broad_suffix": (" (+{n} brett)", " (+{n} broad)"),
    "gaps.legend_county": (
        "Kommuner med stöd i området / alla; (+n brett) = kommuner med bara brett stöd (! = behov utan stöd)",
        "Municipalities with support in the area / all; (+n broad) = municipalities with broad "
        "support only (! = needs without support)",
    ),
    "gaps.legend_municipality": (
        "✓ = stöd i området, B = bara brett stöd, N = bara nätverk, – = inget av dem (! = behov utan stöd)",
        "✓ = support in the area, B = broad support only, N = a network only, – = none (! = needs without support)",
    ),
    "gaps.status.supported": (
        "stöd i området från en regional eller lokal aktör",
        "support in the area from a regional or local actor",
    ),
    "gaps.status.broad": ("bara brett stöd (för ett bredare område)", "broad support only (for a broader area)"),
    "gaps.status.network": ("bara nätverk i området", "networks in the area only"),
    "gaps.status.none": (
        "inget regionalt eller lokalt stöd eller nätverk registrerat",
        "no regional or local support or network recorded",
    ),
    "gaps.status.partly-mapped": (
        "inget regionalt eller lokalt stöd eller nätverk registrerat, men länet är bara "
        "delvis kartlagt: okänt, inte en lucka",
        "no regional or local support or network recorded, but the county is mapped only in part: unknown, not a gap",
    ),
    "gaps.status.not-mapped": ("länet är inte kartlagt", "the county is not mapped"),
    "gaps.status.national": ("nationellt stöd från {n} aktörer", "national support from {n} actors"),
    "gaps.intro_county": (
        "Varje ruta: kommuner som når stöd i just området (en regional eller lokal aktör som "
        "täcker kommunen och erbjuder stöd i området, för en målgrupp som passar) / kommuner i "
        "länet. Brett stöd (t.ex. för hela individ- och familjeomsorgen) räknas för sig: "
        "(+n brett). Nationellt stöd når alla kommuner och räknas inte i rutorna. Ett nätverk "
        "räknas inte som stöd. ! = rapporterade behov utan stöd.",
        "Each cell: municipalities reaching support in the area itself (a regional or local actor "
        "covering the municipality with support in the area, for a target group that fits) / "
        "municipalities in the county. Broad support (e.g. for all of individual and family care) "
        "is counted apart: (+n broad). National support reaches every municipality and is not "
        "counted in the cells. A network is not counted as support. ! = reported needs without "
        "support.",
    ),
    "gaps.intro_municipality": (
        "✓ = kommunen når stöd i just området, B = bara brett stöd (för ett bredare område), "
        "N = bara via ett nätverk, – = inget av dem. Nationellt stöd räknas inte. "
        "! = rapporterade behov utan stöd.",
        "✓ = the municipality reaches support in the area itself, B = broad support only "
        "(for a broader area), N = only through a network, – = none. National support is "
        "not counted. ! = reported needs without support.",
    ),
}

# Error messages of the library (graphmap.resolve, graphmap.api, graphmap.region); "did you mean"
# is the one suggestion text, also used by the problems in input tables.
ERRORS: dict[str, tuple[str, str]] = {
    "error.former_name": ("{name} är ett tidigare namn på {current}.", "{name} is a former name of {current}."),
    "error.also_former_name": (
        "{name} är i dag {now}; namnet har också burits av {current} tidigare.",
        "{name} is today {now}; {current} also carried the name before.",
    ),
    "error.changed_on": ("(ändrat {when})", "(changed {when})"),
    "error.partly_mapped": (
        "{county}, där {municipality} ligger, är bara delvis kartlagt.{missing} Stöd som saknas i "
        "svaret kan finnas ändå.",
        "{county}, where {municipality} lies, is mapped in part.{missing} Support missing from "
        "the answer may still exist.",
    ),
    "error.not_known": (" Inte känt för {municipality}: {questions}.", " Not known for {municipality}: {questions}."),
    "error.not_known.delvis": ("bara delvis besvarat", "answered in part"),
    "error.not_known.ingen-kalla-hittad": ("ingen källa hittad", "no source found"),
    "error.not_known.ej-angivet": ("ingen sökning antecknad", "no search recorded"),
    "error.not_mapped": (
        "{municipality} ligger i {county}, som inte är kartlagt ännu: ingen källa i datan säger "
        "något om länets stödstruktur. Svaret visar bara stöd som når alla kommuner; det betyder "
        "inte att annat stöd saknas.",
        "{municipality} lies in {county}, which is not mapped yet: no source in the data says "
        "anything about the county's support structure. The answer shows only support that reaches "
        "every municipality; it does not mean that there is no other support.",
    ),
    "error.cache_refused": (
        "Bygger utan cache: {path} används inte ({reason}).",
        "Building without the cache: {path} is not used ({reason}).",
    ),
    "error.cache_why_symlink": ("den nås genom en symbolisk länk", "it is reached through a symbolic link"),
    "error.cache_why_owner": ("den ägs av en annan användare", "it is owned by another user"),
    "error.cache_why_writable": ("alla användare kan skriva i den", "every user can write in it"),
    "error.cache_why_not_folder": ("det är ingen mapp", "it is no folder"),
    "error.unknown_value": ('Okänt värde för {param}: "{value}".', 'Unknown value for {param}: "{value}".'),
    "error.did_you_mean": ("Menade du: {names}?", "Did you mean: {names}?"),
    "error.missing_parameter": ("Parametern {param} krävs.", "The parameter {param} is required."),
    "error.region.unknown_county": (
        '"{value}" är inget län. Ange länskod (två siffror) eller namn, t.ex. 24 eller Västerbottens län.{hint}',
        '"{value}" is not a county. Give the county code (two digits) or name, e.g. 24.{hint}',
    ),
    "error.region.no_county": ("Ange minst ett län med --county.", "Give at least one county with --county."),
    "error.region.exists": (
        "Mappen {path} finns redan och är inte tom; inget skrevs. Välj ett annat namn eller en annan mapp.",
        "The folder {path} already exists and is not empty; nothing was written.",
    ),
    "error.region.bad_name": ('"{value}" ger inget giltigt mappnamn.', '"{value}" gives no valid folder name.'),
}

# The command line (graphmap.cli): what the commands print, the tags of problem lines and the help of
# the parameters generated from the query headers (graphmap.cli.params).
CLI: dict[str, tuple[str, str]] = {
    "cli.help.state.county": (
        "Bara ett län (namn eller SCB-kod), med aktörer och anteckningar per fråga",
        "only one county (name or SCB code), with the actors and notes per question.",
    ),
    "cli.sources.title": ("Källsidor att se över", "Source pages to look at"),
    "cli.sources.verdict": ("Läge", "Found"),
    "cli.sources.verdict.gone": ("borta", "gone"),
    "cli.sources.verdict.moved": ("flyttad", "moved"),
    "cli.sources.verdict.changed": ("ändrad", "changed"),
    "cli.sources.verdict.unreachable": ("svarar inte", "not answering"),
    "cli.sources.verdict.ok": ("oförändrad", "unchanged"),
    "cli.sources.title_col": ("Källa", "Source"),
    "cli.sources.url": ("Webbadress", "Web address"),
    "cli.sources.final_url": ("Hamnade på", "Ended at"),
    "cli.sources.status": ("HTTP", "HTTP"),
    "cli.sources.last_modified": ("Sidan ändrad", "Page modified"),
    "cli.sources.facts_checked": ("Uppgifterna kontrollerade", "Facts checked"),
    "cli.sources.summary": (
        "{checked} källsidor kontrollerade; {due} att se över: {gone} borta, {moved} flyttade, "
        "{changed} ändrade sedan uppgifterna kontrollerades, {unreachable} svarar inte. Läs sidan, "
        "rätta uppgifterna och källans url/checked i sources.csv.",
        "{checked} source pages checked; {due} to look at: {gone} gone, {moved} moved, {changed} "
        "changed since their facts were checked, {unreachable} not answering. Read the page, "
        "correct the facts and the source's url/checked in sources.csv.",
    ),
    "cli.sources.wrote": ("Sparade kontrollen i {path}.", "Kept the check in {path}."),
    "cli.state.title": ("Kartläggningsläget per län", "The state of the map per county"),
    "cli.state.county": ("Län", "County"),
    "cli.state.status": ("Läge", "State"),
    "cli.state.kartlagd": ("källa", "sourced"),
    "cli.state.delvis": ("delvis", "partly"),
    "cli.state.ingen-kalla-hittad": ("ingen källa hittad", "no source found"),
    "cli.state.ej-kartlagd": ("ej kartlagd", "not mapped"),
    "cli.state.ej-angivet": ("–", "–"),
    "cli.state.sources": ("Källor", "Sources"),
    "cli.state.oldest": ("Äldsta", "Oldest"),
    "cli.state.newest": ("Nyaste", "Newest"),
    "cli.state.undated": ("Utan datum", "Undated"),
    "cli.state.stale": ("Att kontrollera", "Due for checking"),
    "cli.state.due": ("Sidor att se över", "Pages to look at"),
    "cli.state.due_text": (
        "Källsidor att se över (graphmap sources check, {last}): {due} av {checked}: {gone} borta, "
        "{moved} flyttade, {changed} ändrade sedan uppgifterna kontrollerades, {unreachable} svarar "
        "inte (graphmap sources due listar dem).",
        "Source pages due (graphmap sources check, {last}): {due} of {checked}: {gone} gone, "
        "{moved} moved, {changed} changed since their facts were checked, {unreachable} not "
        "answering (graphmap sources due lists them).",
    ),
    "cli.state.due_never": (
        "Källsidorna har inte kontrollerats: graphmap sources check besöker dem och säger vilka som "
        "är borta, flyttade eller ändrade.",
        "The source pages have not been checked: graphmap sources check visits them and says "
        "which are gone, moved or changed.",
    ),
    "cli.state.national": ("Nationella källor (räknas en gång)", "National sources (counted once)"),
    "cli.state.national_note": (
        "{count} nationella källor (sidor bakom uppgifter om fler än hälften av länen, t.ex. "
        "en sida som gäller varje länsstyrelse) räknas en gång, i raden {label}, inte i varje "
        "läns ålder: äldsta {oldest}, nyaste {newest}, {undated} utan datum, {stale} att "
        "kontrollera.",
        "{count} national sources (pages behind facts about more than half of the counties, "
        "e.g. one page that holds for every county administrative board) are counted once, in "
        "the row {label}, not in each county's ages: oldest {oldest}, newest {newest}, "
        "{undated} undated, {stale} due for checking.",
    ),
    "cli.state.legend": (
        "Läge: källa = varje fråga har en källa, delvis = några frågor saknar källa eller har "
        "bara delvis svar, ej kartlagd = ingen fråga har källa (en vit fläck, inte en lucka i "
        "stödet). Källor, äldsta/nyaste: länets egna källor och de datum de själva anger (nationella "
        "källor räknas en gång, i en egen rad). Att kontrollera: källor äldre än {years} år. Sidor "
        "att se över: sidor som graphmap sources check fann borta, flyttade eller ändrade.",
        "State: sourced = every question has a source, partly = some questions lack a source or "
        "are answered in part, not mapped = no question has a source (a blank, not a gap in "
        "support). Sources, oldest/newest: the county's own sources and the dates they state "
        "(national sources are counted once, in a row of their own). Due for checking: sources older "
        "than {years} years. Pages to look at: pages graphmap sources check found gone, moved or "
        "changed.",
    ),
    "cli.severity.error": ("FEL", "ERROR"),
    "cli.severity.warning": ("VARNING", "WARNING"),
    "cli.more_problems": ("… och {n} problem till, som inte visas.", "… and {n} more problems, not shown."),
    "cli.input_errors": ("{n} fel i indata; inget skrevs.", "{n} error(s) in the input; nothing was written."),
    "cli.write_failed": ("Kunde inte skriva: {path} ({reason})", "Could not write: {path} ({reason})"),
    "cli.rows": ("Träffar: {n}", "Matches: {n}"),
    # booleans in tables; the English tables have always said ja/nej too (kept byte-identical)
    "cli.yes": ("ja", "ja"),
    "cli.no": ("nej", "nej"),
    "cli.param_syntax": (
        "--param ska vara namn=värde / --param must be name=value: {pair}",
        "--param ska vara namn=värde / --param must be name=value: {pair}",
    ),
    "cli.build.invalid": (
        "Grafen klarar inte valideringen; inget skrevs.",
        "The graph fails validation; nothing was written.",
    ),
    "cli.build.wrote": (
        "Skrev {output}: {triples} tripplar från {rows} rader ({datasets}). {assumed} uppgifter är "
        "antaganden att verifiera.",
        "Wrote {output}: {triples} triples from {rows} rows ({datasets}). {assumed} facts are assumptions to verify.",
    ),
    "cli.build.without_personal": (
        "Personuppgifter (namn, e-postadresser, vem som har vilken tjänst) är utelämnade ur "
        "den byggda grafen; graphmap build --include-personal tar med dem.",
        "Personal data (names, e-mail addresses, who holds which post) is left out of the "
        "built graph; graphmap build --include-personal includes it.",
    ),
    "cli.build.with_personal": (
        "Den byggda grafen INNEHÅLLER personuppgifter (namn, e-postadresser, vem som har vilken "
        "tjänst), markerade gm:personalData. Det är en arbetsfil som inte ska delas; "
        "graphmap export data skriver en delbar fil.",
        "The built graph CONTAINS personal data (names, e-mail addresses, who holds which "
        "post), marked gm:personalData. It is a working file, not for sharing; "
        "graphmap export data writes a shareable file.",
    ),
    "cli.build.wrote_graph": (
        "Skrev {output}: {triples} tripplar från {inputs}.",
        "Wrote {output}: {triples} triples from {inputs}.",
    ),
    "cli.validate.counts": ("{errors} fel, {warnings} varningar.", "{errors} error(s), {warnings} warning(s)."),
    "cli.validate.ok": ("Allt stämmer.", "All good."),
    "cli.validate.fix": ("Rätta felen och kör igen.", "Fix the errors and run again."),
    "cli.queries.name": ("Namn", "Name"),
    "cli.queries.title": ("Fråga", "Question"),
    "cli.queries.params": ("Parametrar", "Parameters"),
    "cli.queries.description": ("Beskrivning", "Description"),
    "cli.viz.wrote": (
        "Skrev {output}: {nodes} aktörer och nätverk, {edges} kopplingar.",
        "Wrote {output}: {nodes} actors and networks, {edges} links.",
    ),
    "cli.report.wrote": ("Skrev {html} och {png}.", "Wrote {html} and {png}."),
    "cli.report.wrote_pdf": ("Skrev {pdf}.", "Wrote {pdf}."),
    "cli.export.wrote_files": ("Skrev {n} filer till {output}:", "Wrote {n} files to {output}:"),
    "cli.export.wrote": ("Skrev {paths} ({counts}).", "Wrote {paths} ({counts})."),
    "cli.export.bad_email": (
        "--contact-email: {value} är ingen e-postadress (som data@region.se).",
        "--contact-email: {value} is not an e-mail address (like data@region.se).",
    ),
    "cli.export.count.triples": ("tripplar", "triples"),
    "cli.export.count.nodes": ("noder", "nodes"),
    "cli.export.count.edges": ("kanter", "edges"),
    "cli.export.count.distributions": ("distributioner", "distributions"),
    "cli.region.created": (
        "Skapade {folder}: {workbook} ({n} kommuner i {counties}), {csv} CSV-mallar i csv/, README.md.",
        "Created {folder}: {workbook} ({n} municipalities in {counties}), {csv} CSV templates in csv/, README.md.",
    ),
    "cli.region.next": (
        "Fyll i arbetsboken och kontrollera: graphmap validate {folder}",
        "Fill in the workbook and check it: graphmap validate {folder}",
    ),
    "cli.serve.exposed": (
        "VARNING: servern lyssnar på {host}: datan blir synlig för andra i nätverket. Kör den "
        "bakom en omvänd proxy med inloggning om den ska delas.",
        "WARNING: the server listens on {host}: the data becomes visible to others on the "
        "network. Put it behind a reverse proxy with a login if it is to be shared.",
    ),
    "cli.serve.personal": (
        "VARNING: personuppgifter visas (--include-personal).",
        "WARNING: personal data is shown (--include-personal).",
    ),
    "cli.serve.listening": ("graphmap serve: {url}  (avsluta med Ctrl+C)", "graphmap serve: {url}  (stop with Ctrl+C)"),
    "cli.synth.bad_scale": (
        "--scale måste vara större än 0 och högst 1000.",
        "--scale must be above 0 and at most 1000.",
    ),
    "cli.synth.wrote": (
        "Skrev {folders} mappar med {rows} rader syntetiska data till {output} (skala {scale}, frö {seed}).",
        "Wrote {folders} folders with {rows} rows of synthetic data to {output} (scale {scale}, seed {seed}).",
    ),
    "cli.synth.next": ("Bygg grafen med: graphmap build {output}/*", "Build the graph with: graphmap build {output}/*"),
    "cli.privacy.record": ("Uppgift", "Record"),
    "cli.privacy.field": ("Fält", "Field"),
    "cli.privacy.value": ("Värde", "Value"),
    "cli.privacy.source": ("Källa", "Source"),
    "cli.privacy.title": ("Personuppgifter i datat", "Personal data in the data"),
    "cli.privacy.output": ("Utdata", "Output"),
    "cli.privacy.default": ("Som standard", "By default"),
    "cli.privacy.include": ("Ändras med", "Changed with"),
    "cli.privacy.where": ("Vart personuppgifterna skulle gå", "Where personal data would go"),
    "cli.neo4j.error": ("Neo4j-fel: {message}", "Neo4j error: {message}"),
    "cli.neo4j.lost": ("Förbindelsen med Neo4j bröts: {message}", "The connection to Neo4j was lost: {message}"),
    "cli.neo4j.writing": ("Skriver batchar", "Writing batches"),
    "cli.neo4j.pushed": (
        "Dataset {dataset} version {version} i Neo4j: {nodes} noder, {relationships} relationer "
        "({batches} batchar). Borttaget från förra versionen: {removed_nodes} noder, "
        "{removed_relationships} relationer.",
        "Dataset {dataset} version {version} in Neo4j: {nodes} nodes, {relationships} relationships "
        "({batches} batches). Removed from the previous version: {removed_nodes} nodes, "
        "{removed_relationships} relationships.",
    ),
    "cli.neo4j.pulled": ("Skrev {output}: {triples} tripplar.", "Wrote {output}: {triples} triples."),
    "cli.neo4j.datasets": ("Dataset", "Datasets"),
    "cli.neo4j.nodes": ("Noder", "Nodes"),
    "cli.neo4j.relationships": ("Relationer", "Relationships"),
    "cli.neo4j.pushed_at": ("Skrivet", "Pushed"),
    "cli.neo4j.staging": ("Påbörjad push", "Unfinished push"),
    "cli.neo4j.label": ("Etikett", "Label"),
    "cli.neo4j.nodes_per_label": ("Noder per etikett", "Nodes per label"),
    # help of the parameters (graphmap.cli.params); a help text shows both languages: "sv / en"
    "cli.help.example": (", t.ex. {value}", ", e.g. {value}"),
    "cli.help.hint.kommun": ("namn eller kod", "name or code"),
    "cli.help.hint.lan": ("namn eller SCB-kod", "name or SCB code"),
    "cli.help.hint.actor": ("namn eller id", "name or id"),
    "cli.help.data": (
        "Regionmapp, arbetsbok (.xlsx) eller byggd graf (.ttl, .nt, .jsonld); kan upprepas. Standard: medföljande data",
        "region folder, workbook or built graph; repeatable. Default: the bundled data.",
    ),
    # option help (shown in both languages: the help is read before --lang)
    'cli.help.common.lang': ('Språk för etiketter och meddelanden', 'language of labels and messages.'),
    'cli.help.common.format': ('Utdata: tabell för människor, csv eller json för program', 'output format.'),
    'cli.help.core.output': (
        'Var grafen skrivs (.ttl, .nt eller .jsonld; .nt är snabbast för stora grafer); standard out/graphmap.ttl, med --include-personal out/graphmap-med-personuppgifter.ttl',
        'where the graph is written (.nt is fastest for large graphs); default out/graphmap.ttl, with --include-personal out/graphmap-med-personuppgifter.ttl.',
    ),
    'cli.help.core.include_personal': (
        'Ta med personuppgifter (namn, e-post) i den byggda grafen, som då är en arbetsfil som inte ska delas; standard: utelämnas',
        'include personal data in the built graph, then a working file not for sharing; default: left out.',
    ),
    'cli.help.core.strict': ('Varningar räknas som fel', 'warnings count as errors.'),
    'cli.help.core.param': ('Parameter, t.ex. area=funktionshinder', 'parameter, e.g. area=funktionshinder.'),
    "cli.help.core.stated_only": (
        "Bara uppgifter som står i källorna: inga antaganden.",
        "Only facts the sources state: no assumptions.",
    ),
    "cli.decimal_mark": (",", "."),
    'cli.help.core.detail': ('Visa varje rad (område × kommun)', 'show every row.'),
    "cli.help.workspace": (
        "Arbetsmappen: där rundor, kontroller och utdata med relativ sökväg hamnar; graphmap körs "
        "som om det startats där (skapas om den saknas; standard $GRAPHMAP_WORKSPACE eller aktuell mapp)",
        "the workspace: where rounds, checks and outputs named by a relative path go; graphmap runs "
        "as if started there (made if missing; default $GRAPHMAP_WORKSPACE or the current folder).",
    ),
    'cli.help.sources.record': (
        'Filen med kontrollerna; standard source-checks.json i arbetsmappen',
        'the file of the checks; default source-checks.json in the workspace.',
    ),
    'cli.help.sources.all': (
        'Visa alla sidor, inte bara de som behöver ses över',
        'show every page, not only those due.',
    ),
    'cli.help.export.output': ('Mapp att skriva till', 'folder to write to.'),
    'cli.help.export.format': (
        'ttl/jsonld = hela grafen; graphml/gexf/csv = nätverket för Gephi',
        'ttl/jsonld = the whole graph; graphml/gexf/csv = the network for Gephi.',
    ),
    'cli.help.export.output_2': ('Fil (eller mapp för csv). Standard: out/graphmap.<format>', 'file (folder for csv).'),
    'cli.help.export.catalog_output': (
        'Fil att skriva katalogposten till (Turtle)',
        'file to write the record to (Turtle).',
    ),
    'cli.help.export.base_url': (
        'Adressen där webbappen nås (nedladdningar och /sparql)',
        'address the web app is reached at (downloads and /sparql).',
    ),
    'cli.help.export.contact_email': (
        'Utgivarens funktionsadress för e-post (aldrig en persons), t.ex. data@region.se; DCAT-AP-SE kräver en',
        "the publisher's functional e-mail address (never a person's), e.g. data@region.se; DCAT-AP-SE requires one.",
    ),
    'cli.help.export.include_personal': (
        'Ta med personuppgifter (namn, e-post); standard: utelämnas',
        'include personal data; default: left out.',
    ),
    'cli.help.neo4j.uri': ('Neo4j-adress, t.ex. bolt://localhost:7687 (annars NEO4J_URI)', 'server address.'),
    'cli.help.neo4j.dataset': ('Datasetets namn i Neo4j', "the dataset's name in Neo4j."),
    'cli.help.neo4j.batch_size': ('Rader per transaktion', 'rows per transaction.'),
    'cli.help.neo4j.without_personal': ('Utelämna personuppgifter (namn, e-post)', 'leave out personal data.'),
    'cli.help.neo4j.output': ('Var grafen skrivs (.ttl, .nt eller .jsonld)', 'where the graph is written.'),
    'cli.help.region.output': ('Mapp där regionmappen skapas', 'folder in which the region folder is created.'),
    'cli.help.report.output': ('HTML-filen som skrivs; luckmatrisen skrivs bredvid som PNG', 'the HTML file to write.'),
    'cli.help.report.pdf': (
        'Skriv också rapporten som PDF (A4) bredvid, med Chromium utan fönster',
        'also write the report as a PDF (A4) beside it, with headless Chromium',
    ),
    'cli.help.report.include_personal': ('Ta med personuppgifter (namn och e-post)', 'include personal data.'),
    'cli.help.serve.port': ('Port att lyssna på', 'port to listen on.'),
    'cli.help.serve.host': (
        'Adress att lyssna på; annat än 127.0.0.1 gör datan synlig i nätverket',
        'address to listen on; anything but loopback makes the data visible on the network.',
    ),
    'cli.help.serve.include_personal': ('Visa personuppgifter (namn, e-post)', 'show personal data (names, e-mail).'),
    'cli.help.serve.open': ('Öppna webbläsaren', 'open the browser.'),
    'cli.help.serve.sparql_timeout': ('Tidsgräns per SPARQL-fråga i sekunder', 'time limit per SPARQL query, seconds.'),
    'cli.help.serve.sparql_limit': (
        'Högst så många rader per SPARQL-svar',
        'at most this many rows per SPARQL answer.',
    ),
    'cli.help.serve.sparql_workers': ('Antal processer för SPARQL-frågor', 'SPARQL worker processes.'),
    'cli.help.serve.sparql_query_bytes': (
        'Längre SPARQL-frågor (byte) avvisas med 413',
        'longer SPARQL queries (bytes) get 413.',
    ),
    'cli.help.serve.sparql_result_bytes': (
        'Större SPARQL-svar (byte) skickas inte (503)',
        'larger SPARQL answers (bytes) are not sent (503).',
    ),
    'cli.help.serve.sparql_memory': (
        'Minne per SPARQL-process utöver grafen, MB (0: ingen gräns)',
        'memory per SPARQL worker beyond the graph, MB (0: no limit).',
    ),
    'cli.help.serve.sparql_queue': (
        'Så många SPARQL-frågor till får vänta på en ledig process; fler får 503',
        'this many more SPARQL queries may wait for a free worker; more get 503.',
    ),
    'cli.help.serve.sparql_answers_mb': (
        'SPARQL-svar som servern håller för sina klienter, MB sammanlagt; fler får 503',
        'SPARQL answers the server holds for its clients, MB in total; more get 503.',
    ),
    'cli.help.serve.send_timeout': (
        'Sekunder en klient får låta bli att läsa ett svar; sedan stängs anslutningen',
        'seconds a client may leave an answer unread; then the connection is closed.',
    ),
    'cli.help.serve.read_timeout': (
        'Sekunder en klient får ta på sig att skicka en förfrågan; långsammare anslutningar stängs',
        'seconds a client may take to send a request; slower connections are closed.',
    ),
    'cli.help.serve.cache_mb': (
        'Minne för sidornas cache (kartor, svar), MB',
        'memory for the pages\' cache (maps, answers), MB.',
    ),
    'cli.help.synth.scale': (
        'Storlek: 1 ≈ en verklig nationell kartläggning, 100 ≈ en miljon tripplar',
        'size: 1 ≈ a real national mapping, 100 ≈ one million triples.',
    ),
    'cli.help.synth.output': (
        'Mapp där en undermapp per län (och en nationell) skrivs',
        'folder for one subfolder per county.',
    ),
    'cli.help.synth.seed': ('Samma frö ger samma filer', 'the same seed gives the same files.'),
    'cli.help.viz.output': ('HTML-filen som skrivs', 'the HTML file to write.'),
    'cli.help.viz.area': ('Bara aktörer inom ett område, t.ex. funktionshinder', 'only one area.'),
    'cli.help.viz.focus': ('Visa en aktörs grannskap, t.ex. Umeå', "show one actor's neighbourhood."),
    'cli.help.viz.depth': ('Antal steg från --focus', 'steps from --focus.'),
    'cli.help.viz.include_personal': ('Ta med personuppgifter (namn på personer i tjänster)', 'include personal data.'),
}

# The level map (graphmap.viz): its controls, legend and panels. Labels of actor types, levels and
# confidence come from the vocabularies; the edge kinds are the map's own (graphmap.viz.project.LINKS).
MAP: dict[str, tuple[str, str]] = {
    "map.title": ("Stödkarta – socialtjänsten", "Support map – social services"),
    "map.filters": ("Filter", "Filters"),
    "map.area": ("Område", "Area"),
    "map.level": ("Nivå", "Level"),
    "map.county": ("Län", "County"),
    "map.type": ("Typ", "Type"),
    "map.all": ("Alla", "All"),
    "map.search": ("Sök aktör", "Find actor"),
    "map.search_placeholder": ("Namn på aktör …", "Actor name …"),
    "map.search_button": ("Sök", "Find"),
    "map.reset": ("Visa alla", "Show all"),
    "map.legend": ("Teckenförklaring", "Legend"),
    "map.node_types": ("Aktörstyper", "Actor types"),
    "map.edge_kinds": ("Relationer", "Relations"),
    "map.details": ("Vald aktör", "Selected actor"),
    "map.none_selected": ("Klicka på en aktör eller sök efter den.", "Click an actor or search for it."),
    "map.areas": ("Områden", "Areas"),
    "map.support": ("Typ av stöd", "Kinds of support"),
    "map.sources": ("Källor", "Sources"),
    "map.confidence": ("Säkerhet", "Confidence"),
    "map.identifier": ("Identifierare", "Identifier"),
    "map.connections": ("Kopplingar", "Connections"),
    "map.no_county": ("Utan län", "No county"),
    "map.other_level": ("Övrigt", "Other"),
    "map.none": ("–", "–"),
    "map.visible": ("Visar {shown} av {total} aktörer", "Showing {shown} of {total} actors"),
    "map.no_match": ("Ingen synlig aktör matchar ”{q}”.", "No visible actor matches “{q}”."),
    "map.match": ("Hittade: {label}", "Found: {label}"),
    "map.graph": ("Nätverkskarta", "Network map"),
    "map.people": ("Tjänster och personer", "Posts and people"),
    "map.size": ("Nodstorlek efter", "Node size by"),
    "map.size_degree": ("Antal kopplingar", "Number of links"),
    "map.size_betweenness": ("Mellanhet (förbinder andra)", "Betweenness (joins others)"),
    "map.collapse_all": ("Fäll ihop alla län", "Collapse all counties"),
    "map.expand_all": ("Fäll ut alla län", "Expand all counties"),
    "map.collapsed_label": ("{label} ({count})", "{label} ({count})"),
    "map.collapsed_title": (
        "{label}: {count} aktörer, hopfällt. Klicka för att fälla ut.",
        "{label}: {count} actors, collapsed. Click to expand.",
    ),
    "map.collapse_group": ("Fäll ihop {label}", "Collapse {label}"),
    "map.expand_neighbours": ("Visa alla grannar", "Show all neighbours"),
    "map.chain_to": (
        "Kedja till nationell nivå (eller skift-klicka på en nationell aktör)",
        "Chain to the national level (or shift-click a national actor)",
    ),
    "map.chain_pick": ("Välj nationell aktör …", "Choose a national actor …"),
    "map.chain_none": (
        "Ingen kedja från {start} till {target} på kartan.",
        "No chain from {start} to {target} on the map.",
    ),
    "map.chain_shown": ("Kedja: {path}", "Chain: {path}"),
    "map.chain_national": (
        "Välj en regional eller lokal aktör för att se dess kedjor till nationell nivå.",
        "Choose a regional or local actor to see its chains to the national level.",
    ),
    "map.chain_clear": ("Dölj kedjan", "Hide the chain"),
    "map.save": ("Spara som bild", "Save as picture"),
    "map.save_png": ("PNG", "PNG"),
    "map.save_svg": ("SVG", "SVG"),
    "map.copy_link": ("Kopiera länk till vyn", "Copy link to this view"),
    "map.copied": ("Länken till vyn är kopierad.", "The link to this view is copied."),
    "map.link_in_address": (
        "Adressfältet visar vyn: kopiera det för att dela.",
        "The address bar holds the view: copy it to share.",
    ),
    "map.legend_confidence": ("Kopplingens säkerhet", "Confidence of a link"),
    "map.legend_collapsed": (
        "Hopfällt län eller grupp (klicka för att fälla ut)",
        "Collapsed county or group (click to expand)",
    ),
    "map.fit": ("Anpassa vyn", "Fit the view"),
    "map.multi_hint": ("Ctrl/⌘-klicka för att välja flera.", "Ctrl/⌘-click to choose several."),
    "map.links_count": ("{count} kopplingar", "{count} links"),
    "map.links_count_one": ("1 koppling", "1 link"),
    "map.edge.member": ("medlem i", "member of"),
    "map.edge.leads": ("leder", "leads"),
    "map.edge.covers": ("täcker", "covers"),
    "map.edge.collaborates": ("samverkar med", "collaborates with"),
    "map.edge.part_of": ("del av", "part of"),
    "map.edge.offers": ("erbjuder stöd till", "offers support to"),
    "map.edge.steers": ("styr", "steers"),
    "map.edge.supports": ("stödjer", "supports"),
    "map.edge.coordinates": ("samordnar", "coordinates"),
    "map.edge.runs": ("driver", "runs"),
    "map.edge.funds": ("finansierar", "funds"),
}

# Problems in input tables (graphmap.problems): where, what is wrong and how to fix it.
INGEST: dict[str, tuple[str, str]] = {
    "ingest.row": ("rad", "row"),
    "ingest.column": ("kolumn", "column"),
    "ingest.where": ("{dataset}: {label}, rad {row}, källa {source}", "{dataset}: {label}, row {row}, source {source}"),
    "ingest.what.missing_column": ('kolumnen "{column}" saknas', 'the column "{column}" is missing'),
    "ingest.fix.missing_column": ("Lägg till kolumnen i rubrikraden.", "Add the column to the header row."),
    "ingest.what.empty_required": ("obligatoriskt värde saknas", "a required value is empty"),
    "ingest.fix.empty_required": ("Fyll i cellen.", "Fill in the cell."),
    "ingest.what.duplicate_id": (
        'id "{value}" finns redan på rad {first_row}',
        'id "{value}" is already used on row {first_row}',
    ),
    "ingest.fix.duplicate_id": ("Ge raden ett eget id.", "Give the row an id of its own."),
    "ingest.what.superseded": (
        "län {county}: kartläggningen i {by} används i stället för referenslagrets {layer}",
        "county {county}: the mapping in {by} is used instead of the reference layer's {layer}",
    ),
    "ingest.fix.superseded": (
        "Inget att rätta: regionens egen kartläggning vinner. Ta bort dess mapping-rader för "
        "länet om referenslagret ska användas.",
        "Nothing to fix: the region's own mapping wins. Remove its mapping rows for the county "
        "to use the reference layer.",
    ),
    "ingest.what.stale_source": (
        'källan är daterad "{value}", mer än {years} år sedan',
        'the source is dated "{value}", more than {years} years ago',
    ),
    "ingest.fix.stale_source": (
        "Kontrollera att uppgifterna fortfarande gäller (en nyare version av sidan, eller "
        "organisationen själv) och ange datum i checked.",
        "Check that the facts still hold (a newer version of the page, or the organisation "
        "itself) and record the date in checked.",
    ),
    "ingest.what.bad_id": ('"{value}" är inget giltigt id', '"{value}" is not a valid id'),
    "ingest.fix.bad_id": (
        "Använd små bokstäver a–z, siffror och bindestreck, t.ex. {suggestion}.",
        "Use lower-case a–z, digits and hyphens, e.g. {suggestion}.",
    ),
    "ingest.what.unknown_vocab": ('"{value}" finns inte i listan {scheme}', '"{value}" is not in the list {scheme}'),
    "ingest.fix.unknown_vocab": ("Välj ett värde ur listan.", "Pick a value from the list."),
    "ingest.what.unknown_ref": ('"{value}" finns inte bland {targets}', '"{value}" is not among {targets}'),
    "ingest.fix.unknown_ref": (
        "Kontrollera stavningen eller lägg till raden som det hänvisas till.",
        "Check the spelling or add the row it refers to.",
    ),
    "ingest.what.unknown_code": (
        '"{value}" är ingen kommun- eller länskod',
        '"{value}" is not a municipality or county code',
    ),
    "ingest.fix.unknown_code": (
        "Använd SCB:s kod (kommun 4 siffror, län 2 siffror) eller namnet.",
        "Use SCB's code (municipality 4 digits, county 2 digits) or the name.",
    ),
    "ingest.what.padded_code": (
        'koden "{value}" tolkades som {read_as} ({name})',
        'the code "{value}" was read as {read_as} ({name})',
    ),
    "ingest.fix.padded_code": (
        "Skriv koden som text med inledande nolla.",
        "Type the code as text with its leading zero.",
    ),
    "ingest.what.bad_decimal": ('"{value}" är inget tal', '"{value}" is not a number'),
    "ingest.fix.bad_decimal": ("Skriv ett tal, t.ex. 0,5.", "Write a number, e.g. 0.5."),
    "ingest.what.out_of_range": ("{value} ligger utanför {low}–{high}", "{value} is outside {low}–{high}"),
    "ingest.fix.out_of_range": ("Skriv ett tal i intervallet.", "Write a number in the range."),
    "ingest.what.ill_typed": (
        '"{value}" är inget giltigt värde av typen {datatype}',
        '"{value}" is not a valid {datatype} value',
    ),
    "ingest.fix.ill_typed": (
        "Skriv ett värde av den typen: ett datum som finns (ÅÅÅÅ-MM-DD), ett år med fyra siffror, "
        "ett tal med decimalpunkt.",
        "Write a value of that type: a date that exists (YYYY-MM-DD), a four-digit year, a number "
        "with a decimal point.",
    ),
    "ingest.what.bad_date": ('"{value}" är inget datum', '"{value}" is not a date'),
    "ingest.fix.bad_date": ("Skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD.", "Write YYYY, YYYY-MM or YYYY-MM-DD."),
    "ingest.what.bad_year": ('"{value}" är inget år', '"{value}" is not a year'),
    "ingest.fix.bad_year": ("Skriv fyra siffror, t.ex. 2023.", "Write four digits, e.g. 2023."),
    "ingest.what.bad_url": ('"{value}" är ingen webbadress', '"{value}" is not a web address'),
    "ingest.fix.bad_url": ("Börja med https://.", "Start with https://."),
    "ingest.what.url_char": (
        '"{value}" innehåller tecknet {char}, som inte får finnas i en webbadress',
        '"{value}" holds the character {char}, which a web address may not contain',
    ),
    "ingest.fix.url_char": (
        "Ta bort tecknet eller skriv det kodat som {encoded}.",
        "Remove the character or write it encoded as {encoded}.",
    ),
    "ingest.what.bad_iri": (
        '"{value}" är ingen giltig webbadress (RFC 3986/3987)',
        '"{value}" is not a valid web address (RFC 3986/3987)',
    ),
    "ingest.fix.bad_iri": (
        "Skriv hela adressen, t.ex. https://exempel.se/sida, med %-kodade specialtecken.",
        "Write the whole address, e.g. https://example.se/page, with special characters %-encoded.",
    ),
    "ingest.what.no_such_date": (
        '"{value}" finns inte i kalendern: månaden har {days} dagar',
        '"{value}" is not in the calendar: the month has {days} days',
    ),
    "ingest.fix.no_such_date": ("Rätta dag eller månad.", "Correct the day or the month."),
    "ingest.what.too_many_decimals": (
        "{value} har fler än {limit} decimaler",
        "{value} has more than {limit} decimals",
    ),
    "ingest.fix.too_many_decimals": ("Avrunda talet.", "Round the number."),
    "ingest.what.unknown_file": (
        "filen är ingen känd tabell och läses inte",
        "the file is not a known table and is not read",
    ),
    "ingest.fix.unknown_file": ("Byt namn på filen till en av: {valid}.", "Rename it to one of: {valid}."),
    "ingest.what.duplicate_column": (
        'rubriken "{column}" står i två kolumner ({first} och {second})',
        'the heading "{column}" is in two columns ({first} and {second})',
    ),
    "ingest.fix.duplicate_column": (
        "Ta bort den ena kolumnen eller byt namn på den.",
        "Remove one of the columns or rename it.",
    ),
    "ingest.what.remote_context": (
        "JSON-LD-filens @context hänvisar till ett annat dokument ({value}); graphmap hämtar ingenting från nätet",
        "the JSON-LD file's @context names another document ({value}); graphmap fetches nothing from the network",
    ),
    "ingest.fix.remote_context": (
        "Skriv in kontexten i filen (som graphmaps egna JSON-LD-export gör).",
        "Put the context inline in the file (as graphmap's own JSON-LD export does).",
    ),
    "ingest.what.bad_graph_file": ("grafilen kunde inte läsas: {reason}", "the graph file could not be read: {reason}"),
    "ingest.fix.bad_graph_file": (
        "Bygg om den med graphmap build, eller ange regionmappen i stället.",
        "Build it again with graphmap build, or give the region folder instead.",
    ),
    "ingest.what.bad_email": ('"{value}" är ingen e-postadress', '"{value}" is not an e-mail address'),
    "ingest.fix.bad_email": ("Skriv namn@exempel.se.", "Write name@example.se."),
    "ingest.what.too_long": (
        "cellen har {length} tecken (högst {limit})",
        "the cell has {length} characters (at most {limit})",
    ),
    "ingest.fix.too_long": ("Korta texten.", "Shorten the text."),
    "ingest.what.unknown_column": (
        'kolumnen "{column}" känns inte igen och läses inte',
        'the column "{column}" is not known and is not read',
    ),
    "ingest.fix.unknown_column": (
        "Ta bort den eller byt namn. Giltiga: {valid}.",
        "Remove or rename it. Valid: {valid}.",
    ),
    "ingest.what.no_tables": ("inga tabeller hittades", "no tables were found"),
    "ingest.fix.no_tables": (
        "Lägg CSV-filer ({valid}) eller en .xlsx-arbetsbok med de bladen i mappen.",
        "Put CSV files ({valid}) or an .xlsx workbook with those sheets in the folder.",
    ),
    "ingest.what.unreadable": ("filen kunde inte läsas: {reason}", "the file could not be read: {reason}"),
    "ingest.fix.unreadable": ("Spara om filen som CSV (UTF-8) eller .xlsx.", "Save it again as CSV (UTF-8) or .xlsx."),
    "ingest.what.empty_file": ("filen är tom", "the file is empty"),
    "ingest.fix.empty_file": (
        "Fyll i rubrikraden och minst en rad, eller ta bort filen.",
        "Fill in the header row and at least one row, or delete the file.",
    ),
    "ingest.what.control_chars": (
        "cellen innehöll osynliga styrtecken som togs bort",
        "the cell held invisible control characters, which were removed",
    ),
    "ingest.fix.control_chars": ("Kontrollera cellens text.", "Check the cell's text."),
    "ingest.what.no_such_path": ("sökvägen finns inte", "the path does not exist"),
    "ingest.fix.no_such_path": ("Kontrollera sökvägen.", "Check the path."),
    "ingest.what.formula_no_value": (
        "cellen är en formel utan sparat värde",
        "the cell is a formula with no saved value",
    ),
    "ingest.fix.formula_no_value": (
        "Öppna och spara arbetsboken i Excel, eller skriv värdet.",
        "Open and save the workbook in Excel, or type the value.",
    ),
    "ingest.what.assumed": ("uppgiften är ett antagande (assumed)", "the fact is an assumption (assumed)"),
    "ingest.fix.assumed": (
        "Verifiera mot en källa och ändra till stated.",
        "Verify it against a source and change it to stated.",
    ),
    "ingest.what.conflict": (
        '"{value_a}" ({where_a}) mot "{value_b}" ({where_b}); det första behålls',
        '"{value_a}" ({where_a}) against "{value_b}" ({where_b}); the first is kept',
    ),
    "ingest.fix.conflict": (
        "Kom överens om ett värde i båda regionernas tabeller.",
        "Agree on one value in both regions' tables.",
    ),
    "ingest.what.unknown_sheet": (
        'bladet "{sheet}" är ingen känd tabell och läses inte',
        'the sheet "{sheet}" is not a known table and is not read',
    ),
    "ingest.fix.unknown_sheet": ("Byt namn på bladet till en av: {valid}.", "Rename it to one of: {valid}."),
    "ingest.what.cycle": ("del-av-kedjan går i cirkel: {chain}", "the part-of chain is a cycle: {chain}"),
    "ingest.fix.cycle": ("Bryt cirkeln i kolumnen part_of.", "Break the cycle in the part_of column."),
    "ingest.what.too_many_rows": (
        "tabellen har {rows} rader (högst {limit})",
        "the table has {rows} rows (at most {limit})",
    ),
    "ingest.fix.too_many_rows": ("Dela upp tabellen.", "Split the table."),
    "ingest.what.too_big": (
        "filen är {size} MB (högst {limit} MB) och läses inte",
        "the file is {size} MB (at most {limit} MB) and is not read",
    ),
    "ingest.fix.too_big": ("Dela upp innehållet på flera filer.", "Split the content over several files."),
    "ingest.what.unpacks_too_big": (
        "arbetsboken packas upp till {size} MB (högst {limit} MB), mest i {name}, och läses inte",
        "the workbook unpacks to {size} MB (at most {limit} MB), most of it in {name}, and is not read",
    ),
    "ingest.fix.unpacks_too_big": (
        "Spara om den i Excel, eller dela upp tabellerna på flera filer.",
        "Save it again in Excel, or split the tables over several files.",
    ),
    "ingest.what.out_of_bounds": (
        "cellen ligger utanför det som läses: högst {rows} rader under rubrikraden "
        "och {columns} kolumner (A–{last}); tabellen läses inte",
        "the cell lies outside what is read: at most {rows} rows below the header "
        "and {columns} columns (A–{last}); the table is not read",
    ),
    "ingest.fix.out_of_bounds": ("Töm cellen, eller dela upp tabellen.", "Clear the cell, or split the table."),
    "ingest.what.beyond_header": (
        "värdet «{value}» står till höger om sista kolumnen med rubrik; raden läses inte",
        "the value «{value}» stands right of the last headed column; the row is not read",
    ),
    "ingest.fix.beyond_header": (
        "Ett avgränsningstecken för mycket i raden? Sätt citattecken runt en cell som innehåller komma "
        "eller semikolon, eller ge kolumnen en rubrik.",
        "A delimiter too many in the row? Put quotes around a cell that holds a comma or semicolon, "
        "or give the column a heading.",
    ),
    "ingest.what.merged_too_large": (
        "de sammanfogade cellerna {range} upprepar värden i {cells} celler, fler än "
        "bladets {filled} ifyllda; tabellen läses inte",
        "the merged cells {range} repeat values in {cells} cells, more than the sheet's "
        "{filled} filled ones; the table is not read",
    ),
    "ingest.fix.merged_too_large": (
        "Dela upp de sammanfogade cellerna och skriv värdet i de celler som ska ha det.",
        "Unmerge the cells and type the value in the cells that need it.",
    ),
    "ingest.what.over_budget": (
        "arbetsboken skulle ge fler {what} än graphmap läser ({found}, högst {limit}); den läses inte",
        "the workbook would give more {what} than graphmap reads ({found}, at most {limit}); it is not read",
    ),
    "ingest.fix.over_budget": (
        "Spara om den i Excel med bara tabellernas blad och värden, eller dela upp den.",
        "Save it again in Excel with only the tables' sheets and values, or split it.",
    ),
    "ingest.what.too_many_problems": (
        "filen gav fler än {limit} problem och läses inte vidare",
        "the file gave more than {limit} problems and is not read further",
    ),
    "ingest.fix.too_many_problems": (
        "Rätta de första problemen (eller kontrollera att det är rätt fil) och läs in den igen.",
        "Fix the first problems (or check that it is the right file) and read it again.",
    ),
    "ingest.what.active_parts": (
        "arbetsboken har makron eller länkar till andra filer ({name}) och läses inte",
        "the workbook holds macros or links to other files ({name}) and is not read",
    ),
    "ingest.fix.active_parts": (
        "Spara den som Excel-arbetsbok (.xlsx) utan makron och länkar, med värdena inskrivna.",
        "Save it as an Excel workbook (.xlsx) without macros or links, the values typed in.",
    ),
    "ingest.what.formulas_returned": (
        "{n} celler har formler ({cells}); en returnerad arbetsbok läses bara med inskrivna värden",
        "{n} cells hold formulas ({cells}); a returned workbook is read with typed values only",
    ),
    "ingest.fix.formulas_returned": (
        "Skriv in värdet i cellerna i stället för en formel (Kopiera, Klistra in special: Värden).",
        "Type the value into the cells instead of a formula (Copy, Paste special: Values).",
    ),
    "ingest.what.hidden_sheet": (
        'bladet "{sheet}" är dolt och läses ändå',
        'the sheet "{sheet}" is hidden and is read anyway',
    ),
    "ingest.fix.hidden_sheet": (
        "Visa bladet om det ska vara med, annars ta bort det.",
        "Unhide it if it belongs, else delete it.",
    ),
    "ingest.what.shacl": ("{message}", "{message}"),
    "ingest.fix.shacl": ("{fix}", "{fix}"),
    "ingest.shacl_fix.MinCount": ("Fyll i värdet.", "Fill in the value."),
    "ingest.shacl_fix.MaxCount": ("Ange bara ett värde.", "Give one value only."),
    "ingest.shacl_fix.Datatype": ("Ändra till rätt format.", "Use the right format."),
    "ingest.shacl_fix.Class": ("Hänvisa till en resurs av rätt typ.", "Refer to a resource of the right type."),
    "ingest.shacl_fix.In": ("Välj ett värde ur listan.", "Pick a value from the list."),
    "ingest.shacl_fix.Pattern": ("Ändra till rätt format.", "Use the right format."),
    "ingest.shacl_fix.NodeKind": ("Ändra till rätt sorts värde.", "Use the right kind of value."),
    "ingest.shacl_fix.Or": ("Ändra till rätt sorts värde.", "Use the right kind of value."),
    "ingest.shacl_fix.MinInclusive": ("Skriv ett tal i intervallet.", "Write a number in the range."),
    "ingest.shacl_fix.MaxInclusive": ("Skriv ett tal i intervallet.", "Write a number in the range."),
    "ingest.shacl_fix.UniqueLang": ("Ange högst ett värde per språk.", "Give at most one value per language."),
}

# Exports (graphmap.export): the statement every exported file carries about personal data.
EXPORT: dict[str, tuple[str, str]] = {
    "export.without_personal": (
        "Personuppgifter (personer, deras namn och e-postadresser och vem som har vilken tjänst) "
        "är borttagna ur denna export.",
        "Personal data (persons, their names and e-mail addresses, and who holds which post) "
        "has been left out of this export.",
    ),
    "export.with_personal": (
        "Denna export INNEHÅLLER personuppgifter (namn, e-postadresser, vem som har vilken tjänst). "
        "Dela den bara med dem som har rätt att ta del av dem.",
        "This export CONTAINS personal data (names, e-mail addresses, who holds which post). "
        "Share it only with those entitled to it.",
    ),
    "export.licence": (
        "Data: fria att använda (Creative Commons CC0 1.0, {url}); varje uppgift behåller en länk till sin källa.",
        "Data: free to use (Creative Commons CC0 1.0, {url}); every fact keeps a link to its source.",
    ),
    "export.title": (
        "graphmap: stödstrukturer i socialtjänsten",
        "graphmap: support structures in Swedish social services",
    ),
}

# The DCAT-AP(-SE) catalogue record (graphmap.catalog): what a data portal lists.
CATALOG: dict[str, tuple[str, str]] = {
    "catalog.title": ("graphmap: datakatalog", "graphmap: data catalogue"),
    "catalog.description": (
        "Katalog över graphmaps öppna data om stödstrukturer i socialtjänsten.",
        "Catalogue of graphmap's open data on support structures in Swedish social services.",
    ),
    "catalog.dataset_description": (
        "Kunskapsgraf över stödstrukturer i socialtjänsten: FoU-enheter, regionala stödstrukturer, kommuner, "
        "län och nationella nätverk, vem som stöder vem inom vilka verksamhetsområden, med källa och datum "
        "för varje uppgift. Utan personuppgifter.",
        "Knowledge graph of support structures in Swedish social services: R&D units, regional support "
        "structures, municipalities, counties and national networks, who supports whom in which areas, with "
        "the source and date of every fact. Without personal data.",
    ),
    "catalog.keywords": (
        "socialtjänst;stödstruktur;FoU;kommun;län;kunskapsgraf",
        "social services;support structure;R&D;municipality;county;knowledge graph",
    ),
    "catalog.publisher": ("graphmap-projektet", "the graphmap project"),
    "catalog.publisher_description": (
        "Projektet som kartlägger stödstrukturer i socialtjänsten och ger ut graphmaps data och programvara.",
        "The project that maps support structures in Swedish social services and publishes graphmap's data and software.",
    ),
    "catalog.contact": ("graphmap-projektet (funktionsadress)", "the graphmap project (functional address)"),
    "catalog.service_title": ("SPARQL-ändpunkt för graphmap", "graphmap's SPARQL endpoint"),
    "catalog.service_description": (
        "Skrivskyddad SPARQL 1.1-ändpunkt över hela grafen (utan personuppgifter); GET /sparql utan fråga "
        "ger tjänstebeskrivningen.",
        "Read-only SPARQL 1.1 endpoint over the whole graph (without personal data); GET /sparql without a "
        "query gives the service description.",
    ),
    "catalog.distribution.ttl": ("Hela grafen i Turtle", "The whole graph as Turtle"),
    "catalog.distribution.jsonld": ("Hela grafen i JSON-LD", "The whole graph as JSON-LD"),
    "catalog.distribution.graphml": (
        "Nätverket i GraphML (Gephi, yEd, networkx)",
        "The network as GraphML (Gephi, yEd, networkx)",
    ),
    "catalog.distribution.gexf": ("Nätverket i GEXF 1.3 (Gephi)", "The network as GEXF 1.3 (Gephi)"),
    "catalog.distribution.csv": (
        "Nätverket som CSV: nodes.csv + edges.csv (zip)",
        "The network as CSV: nodes.csv + edges.csv (zip)",
    ),
}

# Where personal data would go (graphmap.privacy.OUTPUTS): what each output does by default.
PRIVACY: dict[str, tuple[str, str]] = {
    "privacy.default.query": ("utelämnas alltid", "always left out"),
    "privacy.default.viz": ("utelämnas", "left out"),
    "privacy.default.report": ("utelämnas", "left out"),
    "privacy.default.export": ("utelämnas; filen säger det", "left out; the file says so"),
    "privacy.default.new-region": ("innehåller inga data", "contain no data"),
    "privacy.default.serve": ("utelämnas", "left out"),
    "privacy.default.neo4j": (
        "med, markerade personalData=true (delad intern databas)",
        "included, marked personalData=true (shared internal database)",
    ),
    "privacy.default.build": (
        "utelämnas; filen säger det (--include-personal: out/graphmap-med-personuppgifter.ttl, "
        "en arbetsfil som inte delas)",
        "left out; the file says so (--include-personal: out/graphmap-med-personuppgifter.ttl, "
        "a working file not for sharing)",
    ),
}


# Neo4j: the server, the push and the pull (graphmap.neo4j).
NEO4J: dict[str, tuple[str, str]] = {
    "neo4j.unreachable": (
        "Kan inte nå Neo4j på {d}. Kör servern? Ange adressen med NEO4J_URI eller --uri.",
        "Cannot reach Neo4j at {d}. Is the server running? Set the address with NEO4J_URI or --uri.",
    ),
    "neo4j.auth": (
        "Neo4j avvisade inloggningen som {d}: kontrollera NEO4J_USER och NEO4J_PASSWORD.",
        "Neo4j rejected the login as {d}: check NEO4J_USER and NEO4J_PASSWORD.",
    ),
    "neo4j.version": (
        "Neo4j {d} stöds inte; graphmap kräver Neo4j 5.23 eller senare.",
        "Neo4j {d} is not supported; graphmap needs Neo4j 5.23 or later.",
    ),
    "neo4j.uri": ("Ogiltig Neo4j-adress: {d}", "Invalid Neo4j address: {d}"),
    "neo4j.failed": ("Neo4j-fel: {d}", "Neo4j error: {d}"),
    "neo4j.not_in_ontology": (
        "{what} {term} finns inte i ontologin och kan inte föras över till Neo4j.",
        "{what} {term} is not in the ontology and cannot be carried to Neo4j.",
    ),
    "neo4j.what_class": ("Klassen", "The class"),
    "neo4j.what_predicate": ("Egenskapen", "The property"),
    "neo4j.what_key": ("Egenskapsnyckeln", "The property key"),
    "neo4j.personal_contradiction": (
        "{term} har personuppgifter men är märkt gm:personalData false; rätta "
        "märkningen innan den förs över till Neo4j.",
        "{term} holds personal data but is marked gm:personalData false; correct the mark before carrying it to Neo4j.",
    ),
    "neo4j.unknown_dataset": (
        "Datasetet {name} finns inte i Neo4j (finns: {known}).",
        "The dataset {name} is not in Neo4j (present: {known}).",
    ),
    "neo4j.push_dataset": (
        "Ogiltigt datasetnamn {d!r}: använd a–z, 0–9, - och _.",
        "Invalid dataset name {d!r}: use a–z, 0–9, - and _.",
    ),
    "neo4j.push_concurrent": (
        "Datasetet {d} ändrades av en annan push under tiden; kör igen.",
        "The dataset {d} was changed by another push meanwhile; run again.",
    ),
}

# The ontology's documentation pages (graphmap export ontology: index.html, en.html).
ONTOLOGY: dict[str, tuple[str, str]] = {
    'ontology.title': ('Ontologi och vokabulär', 'Ontology and vocabularies'),
    'ontology.version': ('Version', 'Version'),
    'ontology.license': ('Licens', 'License'),
    'ontology.namespace': ('Namnrymd', 'Namespace'),
    'ontology.files': ('Filer', 'Files'),
    'ontology.classes': ('Klasser', 'Classes'),
    'ontology.properties': ('Egenskaper', 'Properties'),
    'ontology.vocabularies': ('Vokabulärer (SKOS)', 'Vocabularies (SKOS)'),
    'ontology.other': ('English', 'Svenska'),
    'ontology.parents': ('Underklass till', 'Subclass of'),
    'ontology.children': ('Underklasser', 'Subclasses'),
    'ontology.domain': ('Domän', 'Domain'),
    'ontology.range': ('Värdemängd', 'Range'),
    'ontology.columns': ('Kolumn i mallen', 'Template column'),
    'ontology.tables': ('Tabell i mallen', 'Template table'),
    'ontology.examples': ('Exempel ur data', 'Examples from the data'),
    'ontology.count': ('i datat', 'in the data'),
    'ontology.personal': ('Personuppgift: exempel visas inte.', 'Personal data: no examples shown.'),
    'ontology.kind': ('Typ', 'Kind'),
    'ontology.notation': ('Kod (skriv detta)', 'Code (type this)'),
    'ontology.label_col': ('Benämning', 'Label'),
    'ontology.other_col': ('Engelska', 'Swedish'),
    'ontology.definition': ('Definition', 'Definition'),
    'ontology.broader': ('Ingår i', 'Broader'),
    'ontology.alt': ('Godtas också', 'Also accepted'),
    'ontology.props_of': ('Egenskaper med denna domän', 'Properties with this domain'),
    'ontology.contents': ('Innehåll', 'Contents'),
    'ontology.intro': (
        'Den här sidan beskriver graphmaps modell: klasserna, egenskaperna och de kontrollerade vokabulärerna som tabellerna och grafen använder. Filerna nedan kan återanvändas av den som vill kartlägga sin egen region på samma sätt.',
        "This page describes graphmap's model: the classes, properties and controlled vocabularies the tables and the graph use. The files below can be reused by anyone mapping their own region the same way.",
    ),
    'ontology.files_desc.ontology_ttl': ('ontologin (OWL, Turtle)', 'the ontology (OWL, Turtle)'),
    'ontology.files_desc.ontology_rdf': ('ontologin (OWL, RDF/XML)', 'the ontology (OWL, RDF/XML)'),
    'ontology.files_desc.vocab': ('vokabulärerna (SKOS, Turtle)', 'the vocabularies (SKOS, Turtle)'),
    'ontology.files_desc.shapes': ('valideringsregler (SHACL)', 'validation rules (SHACL)'),
    'ontology.files_desc.context': ('JSON-LD-kontext', 'JSON-LD context'),
    'ontology.license_text': (
        'Ontologin, vokabulärerna och valideringsreglerna får återanvändas enligt',
        'The ontology, vocabularies and validation rules may be reused under',
    ),
    'ontology.ObjectProperty': ('objektegenskap', 'object property'),
    'ontology.DatatypeProperty': ('dataegenskap', 'datatype property'),
    'ontology.AnnotationProperty': ('annoteringsegenskap', 'annotation property'),
    'ontology.reused': ('återanvänd', 'reused'),
}

# The mapping report (graphmap.report and its template graphmap/templates/report.html.j2).
REPORT: dict[str, tuple[str, str]] = {
    "report.state": ("Kartläggningsläget", "The state of the map"),
    "report.county": ("Län", "County"),
    "report.municipality": ("Kommun", "Municipality"),
    "report.map_key": ("Nummer på kartan", "Numbers on the map"),
    "report.national_actors": ("Nationella aktörer och nätverk", "National actors and networks"),
    "report.national_actors_intro": (
        "De når alla kommuner lika och står här en gång; länets egna aktörer per "
        "område följer. Deras källor finns i den nationella rapporten.",
        "They reach every municipality alike and are listed here once; the county's "
        "own actors per area follow. Their sources are in the national report.",
    ),
    "report.not_known": (
        "Inte känt per kommun (ingen källa hittad eller bara delvis besvarat)",
        "Not known per municipality (no source found, or answered in part)",
    ),
    "report.state_summary": (
        "{mapped} av {n} län har källor för minst en fråga; ej kartlagt: {blank}. Källorna anger "
        "datum från {oldest} till {newest} (många sidor anger inget datum); {stale} källor är "
        "äldre än {years} år och bör kontrolleras.",
        "{mapped} of {n} counties have sources for at least one question; not mapped: {blank}. "
        "The sources state dates from {oldest} to {newest} (many pages state none); {stale} "
        "sources are older than {years} years and due for checking.",
    ),
    "report.title": ("Kartläggning av stöd i socialtjänsten", "Mapping of support in social services"),
    "report.subtitle": ("Kartläggningsrapport", "Mapping report"),
    "report.scope_all": ("Hela datasetet", "The whole dataset"),
    "report.scope_county": ("Län: {county}", "County: {county}"),
    "report.date": ("Datum", "Date"),
    "report.data_version": ("Dataversion", "Data version"),
    "report.datasets": ("Dataset", "Datasets"),
    "report.triples": ("tripplar", "triples"),
    "report.latest_fact": ("Senaste daterade uppgift", "Latest dated fact"),
    "report.toc": ("Innehåll", "Contents"),
    "report.summary": ("Sammanfattning", "Summary"),
    "report.summary_intro": (
        "Antal aktörer och nätverk per nivå och typ.",
        "Number of actors and networks per level and type.",
    ),
    "report.type": ("Typ", "Type"),
    "report.total": ("Totalt", "Total"),
    "report.level": ("Nivå", "Level"),
    "report.support": ("Stöd per område", "Support per area"),
    "report.support_intro": (
        "Vem som når kommunerna med vilket slags stöd inom varje område, på vilken nivå och "
        "hur säkert, grupperat som luckmatrisen räknar det.",
        "Who reaches the municipalities with which kind of support in each area, at which "
        "level and how surely, grouped as the gap matrix counts it.",
    ),
    "report.area": ("Område", "Area"),
    "report.actor": ("Aktör", "Actor"),
    "report.kind": ("Typ av stöd", "Kind of support"),
    "report.no_support": ("Inget stöd registrerat.", "No support recorded."),
    "report.network_kind": ("Nätverk/forum", "Network/forum"),
    "report.led_by": ("leds av", "led by"),
    "report.png_suffix": ("luckor", "gaps"),  # <report>-luckor.png beside the report
    "report.gaps_png": (
        "Luckmatrisen finns också som bild: {png}",
        "The gap matrix is also available as an image: {png}",
    ),
    "report.chains": (
        "Kedjor från kommunerna till nationell nivå",
        "Chains from the municipalities to the national level",
    ),
    "report.chains_intro": (
        "De kortaste vägarna (högst fem steg) från varje kommun via regionala "
        "strukturer till nationella nätverk och aktörer. Kommuner med samma kedjor "
        "visas tillsammans.",
        "The shortest paths (at most five steps) from each municipality through "
        "regional structures to national networks and actors. Municipalities with the "
        "same chains are shown together.",
    ),
    "report.municipalities": ("Kommuner", "Municipalities"),
    "report.chain": ("Kedjor", "Chains"),
    "report.more_paths": ("och {n} till", "and {n} more"),
    "report.no_chain": ("Utan kedja till nationell nivå", "No chain to the national level"),
    "report.no_chain_count": ("{n} kommuner", "{n} municipalities"),
    "report.the_municipality": ("Kommunen", "The municipality"),
    "report.brokers": ("Brobyggare", "Brokers"),
    "report.brokers_intro": (
        "Aktörer och nätverk vars direkta kontakter finns på flera nivåer eller i "
        "flera län, ordnade efter hur många de förbinder (förbindelseindex: hur ofta "
        "de ligger på den kortaste vägen mellan två andra).",
        "Actors and networks whose direct links reach several levels or counties, "
        "ordered by how much they connect (betweenness in the link graph).",
    ),
    "report.levels": ("Nivåer", "Levels"),
    "report.counties": ("Län", "Counties"),
    "report.links": ("Kontakter", "Links"),
    "report.map": ("Karta", "Map"),
    "report.map_intro": (
        "Den interaktiva kartan (filtrera, sök, klicka på en aktör).",
        "The interactive map (filter, search, click an actor).",
    ),
    "report.posts": ("Tjänster", "Posts"),
    "report.post": ("Tjänst", "Post"),
    "report.fte": ("Andel", "Share"),
    "report.holder": ("Person", "Person"),
    "report.sources": ("Källor och säkerhet", "Sources and confidence"),
    "report.sources_intro": (
        "Källorna som uppgifterna bygger på och hur säkra uppgifterna är.",
        "The sources the facts are based on and how certain the facts are.",
    ),
    "report.source": ("Källa", "Source"),
    "report.publisher": ("Utgivare", "Publisher"),
    "report.facts": ("Uppgifter", "Facts"),
    "report.confidence": ("Säkerhet", "Confidence"),
    "report.assumption.membership": ("{subject} är medlem i {object}.", "{subject} is a member of {object}."),
    "report.assumption.coverage": ("{subject} täcker {object} inom {areas}.", "{subject} covers {object} in {areas}."),
    "report.assumption.relation": ("{subject} {kind} {object}.", "{subject} {kind} {object}."),
    "report.assumption.offer": ("{subject} ger {kind} inom {areas}.", "{subject} offers {kind} in {areas}."),
    "report.assumption.mapping": (
        "{object}: frågan ”{kind}” besvaras av {subject}.",
        "{object}: the question “{kind}” is answered by {subject}.",
    ),
    "report.assumption.change": ("{subject} hette tidigare {former}.", "{subject} was formerly called {former}."),
    "report.assumption.actor": ("{subject} är en {kind}.", "{subject} is a {kind}."),
    "report.assumption.record": ("Uppgifterna om {subject}.", "The facts about {subject}."),
    "report.assumption.all_areas": ("alla områden", "all areas"),
    "report.assumption.national": ("Nationellt och utan län", "National and without a county"),
    "report.assumptions": ("Antaganden att verifiera", "Assumptions to verify"),
    "report.assumptions_intro": (
        "Uppgifter som inte står uttryckligen i källan utan är slutsatser; "
        "kontrollera dem innan de används som beslutsunderlag. Under varje mening: "
        "varför den är ett antagande.",
        "Facts the source does not state outright but that are conclusions; check "
        "them before they are used for decisions. Under each sentence: why it is an "
        "assumption.",
    ),
    "report.personal_left_out": (
        "Personuppgifter ingår inte i rapporten: inga namn på personer.",
        "Personal data is not included in this report: no names of people.",
    ),
    "report.betweenness_index": ("Förbindelseindex", "Betweenness"),
    "report.static_map": ("Kartan som bild (för utskrift och PDF)", "The map as a picture (for print and PDF)"),
    "report.static_map_intro": (
        "Samma karta som den interaktiva, ritad som en bild: nationell nivå överst, "
        "regional i mitten, lokal nederst, ett län per kolumn.",
        "The same map as the interactive one, drawn as a picture: national level at the "
        "top, regional in the middle, local at the bottom, one county per column.",
    ),
    "report.more_assumptions": ("och {n} antaganden till.", "and {n} more assumptions."),
    "report.more_assumptions_county": (
        "och {n} antaganden till: alla finns i länsrapporten för {county}.",
        "and {n} more assumptions: all of them are in the county report for {county}.",
    ),
    "report.web_address": ("Webbadress", "Web address"),
    "report.counties_folded": ("Per län", "Per county"),
    "report.counties_folded_intro": (
        "Ett avsnitt per län, hopfällt: klicka på ett län för dess stöd per område "
        "och antaganden. Hela rapporten för ett län finns i webbappen under Rapport.",
        "One section per county, folded: click a county for its support per area and "
        "assumptions. The full report for one county is in the web app under Report.",
    ),
    "report.generated": ("Skapad med graphmap {version} den {date}.", "Generated by graphmap {version} on {date}."),
    "report.pdf.no_browser": (
        "Ingen Chromium hittades för att skriva PDF:en. Installera den (Debian/Ubuntu: "
        "sudo apt-get install chromium) eller ange den med GRAPHMAP_CHROMIUM, eller öppna "
        "{html} i en webbläsare och välj Skriv ut → Spara som PDF.",
        "No Chromium found to write the PDF. Install it (Debian/Ubuntu: sudo apt-get install "
        "chromium) or name it with GRAPHMAP_CHROMIUM, or open {html} in a browser and choose "
        "Print → Save as PDF.",
    ),
    "report.pdf.failed": (
        "Chromium ({browser}) kunde inte skriva PDF:en: {why}",
        "Chromium ({browser}) could not write the PDF: {why}",
    ),
}


# The web app's page content built in graphmap.serve (the pages' own texts are in WEB above).
SERVE: dict[str, tuple[str, str]] = {
    "serve.records.memberships": ("Medlemskap", "Memberships"),
    "serve.records.coverage": ("Täckning", "Coverage"),
    "serve.records.offers": ("Stöd som erbjuds", "Support offers"),
    "serve.records.needs": ("Behov", "Needs"),
    "serve.records.activities": ("Aktiviteter", "Activities"),
    "serve.records.relations": ("Relationer", "Relations"),
    "serve.records.agreements": ("Avtal", "Agreements"),
    "serve.records.posts": ("Tjänster", "Posts"),
    "serve.sparql.service": (
        "Frågan kördes inte: SERVICE (federerade frågor) är avstängt. Ändpunkten frågar bara sin egen "
        "graf och skickar inga förfrågningar vidare till andra servrar.",
        "The query was not run: SERVICE (federated queries) is disabled. This endpoint only queries its "
        "own graph and sends no requests on to other servers.",
    ),
    "serve.sparql.query_size": ("Frågan är för lång: högst {n} byte.", "The query is too long: at most {n} bytes."),
    "serve.sparql.result_size": (
        "Svaret blev större än gränsen ({mb} MB) och skickades inte. Begränsa frågan (LIMIT, färre kolumner).",
        "The answer grew past the limit ({mb} MB) and was not sent. Narrow the query (LIMIT, fewer columns).",
    ),
    "serve.sparql.memory": (
        "Frågan behövde mer minne än gränsen ({mb} MB) och stoppades.",
        "The query needed more memory than the limit ({mb} MB) and was stopped.",
    ),
    "serve.sparql.busy": (
        "Servern kör redan så många SPARQL-frågor som den tar emot ({n}). Försök igen om {seconds} sekunder.",
        "The server is already running as many SPARQL queries as it takes ({n}). Try again in {seconds} seconds.",
    ),
    "serve.sparql.row_limit": (
        "Svaret har fler än {n} rader, mer än servern skickar. Begränsa frågan med LIMIT (och OFFSET för nästa sida) "
        "eller hämta hela grafen under /data.",
        "The answer has more than {n} rows, more than the server sends. Limit the query with LIMIT (and OFFSET for the "
        "next page) or download the whole graph from /data.",
    ),
    "serve.sparql.depth": (
        "Frågan är för djupt nästlad: högst {n} parenteser eller klamrar i varandra.",
        "The query is nested too deeply: at most {n} brackets or braces inside each other.",
    ),
    "serve.sparql.graph_iri": ("{param} är ingen giltig IRI: {value}", "{param} is not a valid IRI: {value}"),
}


from .round import ROUND  # noqa: E402  (a section kept in its own file)
from .pages import PAGES  # noqa: E402  (a section kept in its own file)
from .answer import ANSWER  # noqa: E402  (a section kept in its own file)

SECTIONS = {
    "cli": CLI,
    "report": REPORT,
    "serve": SERVE,
    "web": WEB,
    "gaps": GAPS,
    "map": MAP,
    "error": ERRORS,
    "ingest": INGEST,
    "export": EXPORT,
    "catalog": CATALOG,
    "privacy": PRIVACY,
    "neo4j": NEO4J,
    "ontology": ONTOLOGY,
    "round": ROUND,
    "pages": PAGES,
    "answer": ANSWER,
}


def _merge(sections: dict[str, dict[str, tuple[str, str]]]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for name, section in sections.items():
        for key, pair in section.items():
            if key in merged:
                raise ValueError(f"catalogue key {key!r} of section {name!r} is defined twice")
            merged[key] = pair
    return merged


MESSAGES = _merge(SECTIONS)
