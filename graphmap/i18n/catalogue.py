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

SECTIONS = {"web": WEB, "gaps": GAPS}


def _merge(sections: dict[str, dict[str, tuple[str, str]]]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for name, section in sections.items():
        for key, pair in section.items():
            if key in merged:
                raise ValueError(f"catalogue key {key!r} of section {name!r} is defined twice")
            merged[key] = pair
    return merged


MESSAGES = _merge(SECTIONS)
