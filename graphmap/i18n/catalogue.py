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
    "intro": ("Stödlandskapet i socialtjänsten: FoU-enheter, regionala stödstrukturer, kommuner, regioner "
              "och nationella nätverk – och hur de hänger ihop.",
              "The support landscape of Swedish social services: R&D units, regional support structures, "
              "municipalities, regions and national networks – and how they connect."),
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
    "support_intro": ("Välj ett område och en kommun: svaret visar vilka aktörer och nätverk som ger stöd, "
                      "vilken typ av stöd, på vilken nivå och hur kommunen når det.",
                      "Choose an area and a municipality: the answer shows which actors and networks give "
                      "support, what kind, at which level and how the municipality reaches it."),
    "chain_link": ("Kedjan till nationell nivå för {name}", "The chain to the national level for {name}"),
    "rows": ("{n} rader", "{n} rows"),
    "no_rows": ("Inga rader.", "No rows."),
    "download": ("Ladda ner", "Download"),
    "queries_intro": ("Namngivna kartläggningsfrågor. Varje fråga har ett formulär och kan laddas ner som CSV eller JSON.",
                      "Named mapping queries. Each has a form and downloads as CSV or JSON."),
    "run": ("Kör frågan", "Run the query"),
    "required": ("krävs", "required"),
    "facts": ("Uppgifter med källa och säkerhet", "Facts with source and confidence"),
    "record": ("Post", "Record"),
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
    "gaps_click": ("Klicka på en ruta för raderna bakom den.", "Click a cell for the rows behind it."),
    "unmet": ("behov utan stöd", "needs without support"),
    "gap_rows": ("Rader bakom rutan", "Rows behind the cell"),
    "map_title": ("Karta över stödlandskapet", "Map of the support landscape"),
    "map_intro": ("Nationell nivå överst, regional i mitten, lokal nederst.",
                  "National level at the top, regional in the middle, local at the bottom."),
    "open_interactive": ("Öppna den interaktiva kartan över grannskapet", "Open the interactive map of the neighbourhood"),
    "open_full": ("Öppna i eget fönster", "Open on its own"),
    "report_title": ("Kartläggningsrapport", "Mapping report"),
    "report_missing": ("Rapporten är inte tillgänglig i den här installationen.",
                       "The report is not available in this installation."),
    "data_title": ("Data att ladda ner", "Data to download"),
    "graph_ttl": ("Hela grafen (Turtle)", "The whole graph (Turtle)"),
    "no_personal": ("Utan personuppgifter.", "Without personal data."),
    "with_personal": ("Servern är startad med personuppgifter (--include-personal).",
                      "The server was started with personal data (--include-personal)."),
    "sparql_title": ("SPARQL-fråga", "SPARQL query"),
    "sparql_intro": ("Skrivskyddad SPARQL 1.1-ändpunkt på den här adressen (för YASGUI, rdflib, SPARQLWrapper …).",
                     "Read-only SPARQL 1.1 endpoint at this address (for YASGUI, rdflib, SPARQLWrapper …)."),
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
    "gaps.title_county": ("Luckor: område × län", "Gaps: area × county"),
    "gaps.title_municipality": ("Luckor: område × kommun ({county})", "Gaps: area × municipality ({county})"),
    "gaps.legend_county": ("Kommuner med stöd / alla (! = behov utan stöd)",
                           "Municipalities with support / all (! = needs without support)"),
    "gaps.legend_municipality": ("✓ = stöd i området, N = bara nätverk, – = varken eller (! = behov utan stöd)",
                                 "✓ = support in the area, N = a network only, – = neither (! = needs without support)"),
    "gaps.intro_county": ("Varje ruta: kommuner som når stöd i området (en aktör som erbjuder stöd i området och "
                          "täcker kommunen, eller nationellt stöd) / kommuner i länet. Ett nätverk i området räknas "
                          "inte som stöd. ! = rapporterade behov utan stöd.",
                          "Each cell: municipalities reaching support in the area (an actor offering support in the "
                          "area that covers the municipality, or national support) / municipalities in the county. "
                          "A network in the area is not counted as support. ! = reported needs without support."),
    "gaps.intro_municipality": ("✓ = kommunen når stöd i området, N = bara via ett nätverk, – = varken eller. "
                                "! = rapporterade behov utan stöd.",
                                "✓ = the municipality reaches support in the area, N = only through a network, "
                                "– = neither. ! = reported needs without support."),
}

# Error messages of the library (graphmap.resolve, graphmap.api, graphmap.region); "did you mean"
# is the one suggestion text, also used by the problems in input tables.
ERRORS: dict[str, tuple[str, str]] = {
    "error.unknown_value": ('Okänt värde för {param}: "{value}".', 'Unknown value for {param}: "{value}".'),
    "error.did_you_mean": ("Menade du: {names}?", "Did you mean: {names}?"),
    "error.missing_parameter": ("Parametern {param} krävs.", "The parameter {param} is required."),
    "error.region.unknown_county": ('"{value}" är inget län. Ange länskod (två siffror) eller namn, t.ex. 24 eller '
                                    "Västerbottens län.{hint}",
                                    '"{value}" is not a county. Give the county code (two digits) or name, e.g. 24.{hint}'),
    "error.region.no_county": ("Ange minst ett län med --county.", "Give at least one county with --county."),
    "error.region.exists": ("Mappen {path} finns redan och är inte tom; inget skrevs. Välj ett annat namn eller en "
                            "annan mapp.",
                            "The folder {path} already exists and is not empty; nothing was written."),
    "error.region.bad_name": ('"{value}" ger inget giltigt mappnamn.', '"{value}" gives no valid folder name.'),
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

# Problems in input tables (graphmap.ingest.problems): where, what is wrong and how to fix it.
INGEST: dict[str, tuple[str, str]] = {
    "ingest.row": ("rad", "row"),
    "ingest.column": ("kolumn", "column"),
    "ingest.where": ("{dataset}: {label}, rad {row}, källa {source}", "{dataset}: {label}, row {row}, source {source}"),
    "ingest.what.missing_column": ('kolumnen "{column}" saknas', 'the column "{column}" is missing'),
    "ingest.fix.missing_column": ("Lägg till kolumnen i rubrikraden.", "Add the column to the header row."),
    "ingest.what.empty_required": ("obligatoriskt värde saknas", "a required value is empty"),
    "ingest.fix.empty_required": ("Fyll i cellen.", "Fill in the cell."),
    "ingest.what.duplicate_id": ('id "{value}" finns redan på rad {first_row}',
                                 'id "{value}" is already used on row {first_row}'),
    "ingest.fix.duplicate_id": ("Ge raden ett eget id.", "Give the row an id of its own."),
    "ingest.what.bad_id": ('"{value}" är inget giltigt id', '"{value}" is not a valid id'),
    "ingest.fix.bad_id": ("Använd små bokstäver a–z, siffror och bindestreck, t.ex. {suggestion}.",
                          "Use lower-case a–z, digits and hyphens, e.g. {suggestion}."),
    "ingest.what.unknown_vocab": ('"{value}" finns inte i listan {scheme}',
                                  '"{value}" is not in the list {scheme}'),
    "ingest.fix.unknown_vocab": ("Välj ett värde ur listan.", "Pick a value from the list."),
    "ingest.what.unknown_ref": ('"{value}" finns inte bland {targets}', '"{value}" is not among {targets}'),
    "ingest.fix.unknown_ref": ("Kontrollera stavningen eller lägg till raden som det hänvisas till.",
                               "Check the spelling or add the row it refers to."),
    "ingest.what.unknown_code": ('"{value}" är ingen kommun- eller länskod',
                                 '"{value}" is not a municipality or county code'),
    "ingest.fix.unknown_code": ("Använd SCB:s kod (kommun 4 siffror, län 2 siffror) eller namnet.",
                                "Use SCB's code (municipality 4 digits, county 2 digits) or the name."),
    "ingest.what.padded_code": ('koden "{value}" tolkades som {read_as} ({name})',
                                'the code "{value}" was read as {read_as} ({name})'),
    "ingest.fix.padded_code": ("Skriv koden som text med inledande nolla.",
                               "Type the code as text with its leading zero."),
    "ingest.what.bad_decimal": ('"{value}" är inget tal', '"{value}" is not a number'),
    "ingest.fix.bad_decimal": ("Skriv ett tal, t.ex. 0,5.", "Write a number, e.g. 0.5."),
    "ingest.what.out_of_range": ("{value} ligger utanför {low}–{high}", "{value} is outside {low}–{high}"),
    "ingest.fix.out_of_range": ("Skriv ett tal i intervallet.", "Write a number in the range."),
    "ingest.what.bad_date": ('"{value}" är inget datum', '"{value}" is not a date'),
    "ingest.fix.bad_date": ("Skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD.", "Write YYYY, YYYY-MM or YYYY-MM-DD."),
    "ingest.what.bad_year": ('"{value}" är inget år', '"{value}" is not a year'),
    "ingest.fix.bad_year": ("Skriv fyra siffror, t.ex. 2023.", "Write four digits, e.g. 2023."),
    "ingest.what.bad_url": ('"{value}" är ingen webbadress', '"{value}" is not a web address'),
    "ingest.fix.bad_url": ("Börja med https://.", "Start with https://."),
    "ingest.what.bad_email": ('"{value}" är ingen e-postadress', '"{value}" is not an e-mail address'),
    "ingest.fix.bad_email": ("Skriv namn@exempel.se.", "Write name@example.se."),
    "ingest.what.too_long": ("cellen har {length} tecken (högst {limit})",
                             "the cell has {length} characters (at most {limit})"),
    "ingest.fix.too_long": ("Korta texten.", "Shorten the text."),
    "ingest.what.unknown_column": ('kolumnen "{column}" känns inte igen och läses inte',
                                   'the column "{column}" is not known and is not read'),
    "ingest.fix.unknown_column": ("Ta bort den eller byt namn. Giltiga: {valid}.",
                                  "Remove or rename it. Valid: {valid}."),
    "ingest.what.no_tables": ("inga tabeller hittades", "no tables were found"),
    "ingest.fix.no_tables": ("Lägg CSV-filer ({valid}) eller en .xlsx-arbetsbok med de bladen i mappen.",
                             "Put CSV files ({valid}) or an .xlsx workbook with those sheets in the folder."),
    "ingest.what.unreadable": ("filen kunde inte läsas: {reason}", "the file could not be read: {reason}"),
    "ingest.fix.unreadable": ("Spara om filen som CSV (UTF-8) eller .xlsx.",
                              "Save it again as CSV (UTF-8) or .xlsx."),
    "ingest.what.empty_file": ("filen är tom", "the file is empty"),
    "ingest.fix.empty_file": ("Fyll i rubrikraden och minst en rad, eller ta bort filen.",
                              "Fill in the header row and at least one row, or delete the file."),
    "ingest.what.control_chars": ("cellen innehöll osynliga styrtecken som togs bort",
                                  "the cell held invisible control characters, which were removed"),
    "ingest.fix.control_chars": ("Kontrollera cellens text.", "Check the cell's text."),
    "ingest.what.no_such_path": ("sökvägen finns inte", "the path does not exist"),
    "ingest.fix.no_such_path": ("Kontrollera sökvägen.", "Check the path."),
    "ingest.what.formula_no_value": ("cellen är en formel utan sparat värde",
                                     "the cell is a formula with no saved value"),
    "ingest.fix.formula_no_value": ("Öppna och spara arbetsboken i Excel, eller skriv värdet.",
                                    "Open and save the workbook in Excel, or type the value."),
    "ingest.what.assumed": ("uppgiften är ett antagande (assumed)", "the fact is an assumption (assumed)"),
    "ingest.fix.assumed": ("Verifiera mot en källa och ändra till stated.",
                           "Verify it against a source and change it to stated."),
    "ingest.what.conflict": ('"{value_a}" ({where_a}) mot "{value_b}" ({where_b}); det första behålls',
                             '"{value_a}" ({where_a}) against "{value_b}" ({where_b}); the first is kept'),
    "ingest.fix.conflict": ("Kom överens om ett värde i båda regionernas tabeller.",
                            "Agree on one value in both regions' tables."),
    "ingest.what.unknown_sheet": ('bladet "{sheet}" är ingen känd tabell och läses inte',
                                  'the sheet "{sheet}" is not a known table and is not read'),
    "ingest.fix.unknown_sheet": ("Byt namn på bladet till en av: {valid}.", "Rename it to one of: {valid}."),
    "ingest.what.cycle": ("del-av-kedjan går i cirkel: {chain}", "the part-of chain is a cycle: {chain}"),
    "ingest.fix.cycle": ("Bryt cirkeln i kolumnen part_of.", "Break the cycle in the part_of column."),
    "ingest.what.too_many_rows": ("tabellen har {rows} rader (högst {limit})",
                                  "the table has {rows} rows (at most {limit})"),
    "ingest.fix.too_many_rows": ("Dela upp tabellen.", "Split the table."),
    "ingest.what.hidden_sheet": ('bladet "{sheet}" är dolt och läses ändå',
                                 'the sheet "{sheet}" is hidden and is read anyway'),
    "ingest.fix.hidden_sheet": ("Visa bladet om det ska vara med, annars ta bort det.",
                                "Unhide it if it belongs, else delete it."),
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
    "export.without_personal": ("Personuppgifter (personer, deras namn och e-postadresser och vem som har vilken tjänst) "
                                "är borttagna ur denna export.",
                                "Personal data (persons, their names and e-mail addresses, and who holds which post) "
                                "has been left out of this export."),
    "export.with_personal": ("Denna export INNEHÅLLER personuppgifter (namn, e-postadresser, vem som har vilken tjänst). "
                             "Dela den bara med dem som har rätt att ta del av dem.",
                             "This export CONTAINS personal data (names, e-mail addresses, who holds which post). "
                             "Share it only with those entitled to it."),
}

# Where personal data would go (graphmap.privacy.OUTPUTS): what each output does by default.
PRIVACY: dict[str, tuple[str, str]] = {
    "privacy.default.query": ("utelämnas alltid", "always left out"),
    "privacy.default.viz": ("utelämnas", "left out"),
    "privacy.default.report": ("utelämnas", "left out"),
    "privacy.default.export": ("utelämnas; filen säger det", "left out; the file says so"),
    "privacy.default.new-region": ("innehåller inga data", "contain no data"),
    "privacy.default.serve": ("utelämnas", "left out"),
    "privacy.default.neo4j": ("med, markerade personalData=true (delad intern databas)",
                              "included, marked personalData=true (shared internal database)"),
    "privacy.default.build": ("med (arbetsfil, delas inte)", "included (working file, not for sharing)"),
}


SECTIONS = {"web": WEB, "gaps": GAPS, "map": MAP, "error": ERRORS, "ingest": INGEST, "export": EXPORT,
            "privacy": PRIVACY}


def _merge(sections: dict[str, dict[str, tuple[str, str]]]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for name, section in sections.items():
        for key, pair in section.items():
            if key in merged:
                raise ValueError(f"catalogue key {key!r} of section {name!r} is defined twice")
            merged[key] = pair
    return merged


MESSAGES = _merge(SECTIONS)
