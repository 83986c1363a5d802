"""User-facing texts of the web app's answer-first pages, the report choice and the Excel
downloads: keys start with ``pages.``.

A section of :mod:`graphmap.i18n.catalogue`, kept in its own file; the catalogue merges it.
"""

from __future__ import annotations

PAGES: dict[str, tuple[str, str]] = {
    "pages.total": ("Totalt", "Total"),
    "pages.facts_by_confidence": ("Uppgifter per säkerhet", "Facts per confidence"),
    "pages.choose_area": (
        "Välj ett område för att se vilket stöd {name} når där.",
        "Choose an area to see which support {name} reaches there.",
    ),
    "pages.areas_for": ("Områden för {name}", "Areas for {name}"),
    "pages.summary": ("Sammanfattning", "Summary"),
    "pages.is_a": ("{name} är {types}.", "{name}: {types}."),
    "pages.works_in": ("Verkar i: {places}.", "Works in: {places}."),
    "pages.for_whom": ("För: {places}.", "For: {places}."),
    "pages.in_areas": ("Områden: {areas}.", "Areas: {areas}."),
    "pages.with_whom": ("Samverkar med eller är del av: {names}.", "Works with or is part of: {names}."),
    "pages.how_sure": ("Hur säkert: {counts}.", "How sure: {counts}."),
    "pages.from_sources": ("Källor: {sources}.", "Sources: {sources}."),
    "pages.and_more": ("och {n} till", "and {n} more"),
    "pages.details": ("Alla uppgifter om {name} (fällt ihop)", "All facts about {name} (folded)"),
    "pages.support_per_area": ("Stöd per område", "Support per area"),
    "pages.support_in_area": ("Var finns stöd inom {area} för {name}?", "Where is support in {area} for {name}?"),
    "pages.report_choose": (
        "Välj län och språk. Utan län: hela landet, med ett hopfällt avsnitt per län.",
        "Choose a county and a language. Without a county: the whole country, with a folded section per county.",
    ),
    "pages.report_county": ("Län", "County"),
    "pages.report_all": ("Hela landet", "The whole country"),
    "pages.report_lang": ("Språk", "Language"),
    "pages.report_open": ("Visa rapporten", "Show the report"),
    "pages.report_print": (
        "Skriv ut eller spara som PDF från rapportsidan (Ctrl+P): kartan kommer med som bild.",
        "Print or save as PDF from the report page (Ctrl+P): the map comes along as a picture.",
    ),
    "pages.lang_sv": ("Svenska", "Swedish"),
    "pages.lang_en": ("Engelska", "English"),
    "pages.excel": ("Excel (.xlsx)", "Excel (.xlsx)"),
    "pages.excel_csv": ("CSV för Excel (semikolon)", "CSV for Excel (semicolon)"),
    "pages.machine_csv": ("CSV (komma, för program)", "CSV (comma, for programs)"),
    "pages.about_sheet": ("Om datan", "About the data"),
    "pages.about_what": ("Vad", "What"),
    "pages.about_value": ("Värde", "Value"),
    "pages.about_title": ("Fråga", "Question"),
    "pages.about_description": ("Beskrivning", "Description"),
    "pages.about_params": ("Val", "Choices"),
    "pages.about_source": ("Källa", "Source"),
    "pages.about_source_text": (
        "graphmap: kartläggning av stöd i socialtjänsten, byggd från de källor som "
        "anges per rad (kolumnen Källa) och på sidan Källor i webbappen.",
        "graphmap: mapping of support in social services, built from the sources given "
        "per row (the Source column) and on the web app's sources.",
    ),
    "pages.about_date": ("Hämtad", "Retrieved"),
    "pages.about_not_known": ("Inte känt om kommunen", "Not known about the municipality"),
    "pages.about_rows": ("Antal", "Count"),
    "pages.about_note": ("Så läses tabellen", "How to read the table"),
    "pages.about_personal": ("Personuppgifter", "Personal data"),
    "pages.about_personal_no": ("Namn på personer ingår inte.", "Names of people are not included."),
    "pages.about_personal_yes": ("Namn på personer ingår.", "Names of people are included."),
    "pages.data_sheet": ("Data", "Data"),
    "pages.code_suffix": ("(kod)", "(code)"),
    "pages.nodes_sheet": ("Aktörer", "Actors"),
    "pages.edges_sheet": ("Kopplingar", "Links"),
    "pages.support_national": (
        "Nationella aktörer och nätverk (når alla kommuner)",
        "National actors and networks (reach every municipality)",
    ),
    "pages.support_by_county": (
        "Per län: aktörer och nätverk med stöd i området, grupperade efter sitt län.",
        "Per county: the actors and networks with support in the area, grouped by their county.",
    ),
    "pages.link_from": ("Från", "From"),
    "pages.link_to": ("Till", "To"),
    "pages.link_relation": ("Relation", "Relation"),
    "pages.about_many": ("Flera värden i en cell", "Several values in one cell"),
    "pages.about_many_text": (
        "skilda med {sep} (etiketter och koder i samma ordning som i svaret)",
        "separated by {sep} (labels and codes as in the answer)",
    ),
    "pages.gaps_legend": ("Så läser du matrisen", "How to read the matrix"),
    "pages.gaps_count_meaning": (
        "Talet i en ruta är hur många av länets kommuner som når minst en regional eller "
        "lokal aktör med stöd i just området, av alla kommuner i länet. Nätverk, brett "
        "stöd och nationellt stöd räknas inte i talet.",
        "The number in a cell is how many of the county's municipalities reach at least "
        "one regional or local actor with support in the area itself, out of all its "
        "municipalities. Networks, broad support and national support are not counted in it.",
    ),
    "pages.gaps_legend_none": ("ingen kommun", "no municipality"),
    "pages.gaps_legend_some": ("några kommuner", "some municipalities"),
    "pages.gaps_legend_all": ("alla kommuner", "all municipalities"),
    "pages.gaps_legend_na": ("länet är inte kartlagt", "the county is not mapped"),
    "pages.gaps_legend_unmet": ("! = behov utan stöd", "! = needs without support"),
    "pages.behind_cell": ("Aktörer och nätverk bakom rutan", "Actors and networks behind the cell"),
    "pages.behind_group": ("Hur rutan räknar", "How the cell counts it"),
    "pages.behind_codes": ("Kommuner (kod)", "Municipalities (code)"),
    "pages.behind_sources": ("Källor", "Sources"),
    "pages.behind_title": ("Vad rutan bygger på: {area} – {county}", "What the cell rests on: {area} – {county}"),
    "pages.cell_rows": ("Rutans rader: en per kommun", "The cell's rows: one per municipality"),
    "pages.behind_none": ("Inga aktörer eller nätverk med stöd här.", "No actors or networks with support here."),
    "pages.behind.direct": ("Stöd i området (räknas i rutan)", "Support in the area (counted in the cell)"),
    "pages.behind.broad": (
        "Bara brett stöd, för ett bredare område (räknas för sig: +n brett)",
        "Broad support only, for a broader area (counted apart: +n broad)",
    ),
    "pages.behind.networks": (
        "Nätverk i området (räknas inte som stöd)",
        "Networks in the area (not counted as support)",
    ),
    "pages.behind.national": (
        "Nationella aktörer i området (når alla kommuner, räknas inte i rutan)",
        "National actors in the area (reach every municipality, not counted in the cell)",
    ),
    "pages.ask": ("Välj och tryck på Visa för att få svaret.", "Choose and press Show to get the answer."),
    "pages.downloads_after_choice": (
        "välj på frågans sida; svaret kan sedan laddas ner (Excel, CSV, JSON).",
        "choose on the question's page; the answer can then be downloaded (Excel, CSV, JSON).",
    ),
    "pages.record": ("Uppgift", "Fact"),
    "pages.chain_drawn": ("Kedjan ritad", "The chain drawn"),
}
