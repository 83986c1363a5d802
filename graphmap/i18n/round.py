"""User-facing texts of the yearly mapping round (graphmap.round): keys start with ``round.``.

A section of :mod:`graphmap.i18n.catalogue`, kept in its own file; the catalogue merges it.
"""

from __future__ import annotations

ROUND: dict[str, tuple[str, str]] = {
    # ---- starting a round
    "round.error.bad_name": (
        '"{value}" duger inte som namn på en runda: använd bokstäver eller siffror.',
        '"{value}" will not do as the name of a round: use letters or digits.',
    ),
    "round.error.exists": (
        "Mappen {path} finns redan och är inte tom. Välj ett annat namn eller en annan mapp (-o).",
        "The folder {path} exists and is not empty. Choose another name or folder (-o).",
    ),
    "round.error.nobody": (
        "Ingen att fråga: ange kommuner (--municipality), län (--county) eller aktörer (--actor).",
        "Nobody to ask: give municipalities (--municipality), counties (--county) or actors (--actor).",
    ),
    "round.error.bad_manifest": (
        "{path} har fel form vid {where} och läses inte. Återställ filen från en kopia, "
        "eller starta rundan igen med graphmap round start.",
        "{path} is wrongly shaped at {where} and is not read. Restore the file from a "
        "copy, or start the round again with graphmap round start.",
    ),
    "round.error.not_a_round": (
        "{path} är ingen kartläggningsrunda (round.json saknas eller går inte att läsa). "
        "Starta en med graphmap round start.",
        "{path} is no mapping round (round.json is missing or unreadable). Start one with graphmap round start.",
    ),
    "round.error.has_errors": (
        "Inget har skrivits: {n} fel i de returnerade arbetsböckerna. Rätta dem (eller flytta "
        "bort filen) och kör igen.",
        "Nothing was written: {n} errors in the returned workbooks. Fix them (or move the file away) and run again.",
    ),
    "round.error.nothing": ("Inga svar att läsa in.", "No answers to apply."),
    "round.error.no_previous": (
        "Ingen tidigare dataversion att jämföra med.",
        "No earlier data version to compare with.",
    ),
    # ---- the workbook
    "round.sheet.info": ("Om arbetsboken", "About this workbook"),
    "round.sheet.beliefs": ("Det vi tror", "What we believe"),
    "round.sheet.verify": ("Att verifiera", "To verify"),
    "round.sheet.needs": ("Behov", "Needs"),
    "round.sheet.missing": ("Det som saknas", "What is missing"),
    "round.kind.coverage": ("Täckning", "Coverage"),
    "round.kind.memberships": ("Nätverk", "Network"),
    "round.kind.relations": ("Relation", "Relation"),
    "round.kind.offers": ("Stöd", "Support"),
    "round.kind.needs": ("Behov", "Need"),
    "round.field.role": ("roll", "role"),
    "round.field.relation": ("relation", "relation"),
    "round.field.areas": ("områden", "areas"),
    "round.field.status": ("status", "status"),
    "round.field.none": ("–", "–"),
    "round.field.reviewed": (
        "(samordnaren granskar rättelser och Stämmer inte)",
        "(the coordinator reviews corrections and Not correct)",
    ),
    "round.line.coverage": (
        "{actor} täcker er kommun inom {areas} (omfattning: {extent})",
        "{actor} covers your municipality in {areas} (extent: {extent})",
    ),
    "round.line.coverage_by": ("Ni täcker {places} inom {areas}", "You cover {places} in {areas}"),
    "round.line.all_areas": ("alla områden", "all areas"),
    "round.line.membership": (
        "Ni ingår i {organisation} (roll: {role})",
        "You take part in {organisation} (role: {role})",
    ),
    "round.line.relation": ("{subject} – {relation} – {object}", "{subject} – {relation} – {object}"),
    "round.line.offer": ("{actor} erbjuder {kind} inom {areas}", "{actor} offers {kind} in {areas}"),
    "round.line.offer_via": ("(till de kommuner aktören täcker)", "(to the municipalities the actor covers)"),
    "round.line.need": (
        "Behov: {description} ({areas}; status: {status})",
        "Need: {description} ({areas}; status: {status})",
    ),
    "round.workbook.not_in_list_title": ("Inte i listan", "Not in the list"),
    "round.workbook.not_in_list": ("Välj ett värde ur listan.", "Choose a value from the list."),
    "round.workbook.instructions": (
        "Så svarar ni – och vad varje svar gör\n"
        "1. Bladen Det vi tror och Att verifiera visar vad kartläggningen säger om er, med källa och säkerhet. "
        "Svara i de gula cellerna: Stämmer, Stämmer inte eller Delvis.\n"
        "2. Stämmer: uppgiften blir uttalad med ert svar som källa, bredvid den källa den har. Gäller den fler "
        "kommuner gäller ert svar er del. Stöd som en aktör ger till alla kommuner den täcker bekräftas för er kommun: "
        "ert svar är källa bara för ert stöd, inte för de andra kommunernas.\n"
        "3. Stämmer inte: skriv varför i Källa eller kommentar. Ett antagande (och det ni själva har uppgett) tas "
        "bort för er del och skälet sparas. En uppgift som någon annans webbsida eller dokument säger tas inte bort "
        "direkt: samordnaren granskar den med båda källorna och godtar svaret (då tas den bort för er del) eller "
        "avvisar det. Detsamma gäller stöd som aktören ger till alla den täcker.\n"
        "4. Delvis: skriv det rätta värdet i Rättelse (välj ur listan) och en källa eller kommentar (obligatoriskt). "
        "Värdet rättas, det gamla sparas, och uppgiften får båda källorna. Delvis med bara en kommentar ändrar "
        "ingenting: samordnaren läser den. Delvis utan rättelse och kommentar ger en varning.\n"
        "5. Bladet Behov är behovsinventeringen: välj hur stort behovet är per område, skriv vad som saknas, "
        "goda exempel och vilken typ av stöd som behövs. Varje behov sparas med er som källa. Samma behov som "
        "förra året blir samma behov med nytt datum; Inget behov avslutar ett behov ni rapporterat tidigare.\n"
        "6. Bladet Det som saknas: skriv aktörer och nätverk ni använder som inte står här: namn, vad det är, "
        "nivå, områden, webbsida, hur ni når det (täcker kommunen eller medlem i) och stödet ni får. De läggs in "
        "med ert svar som källa; ett namn som redan finns i kartan kopplas dit, och samma namn från flera "
        "kommuner blir en aktör.\n"
        "7. Skriv datum för svaret ovan (saknas det dateras svaret den dag det läses in). Ett namn behövs inte: "
        "svaret sparas som kommunens. Skriver ni ett namn sparas det som personuppgift.\n"
        "8. Ändra inte de grå cellerna och byt inte namn på filen eller bladen. Skicka tillbaka filen senast {deadline}.",
        "How to answer – and what each answer does\n"
        "1. The sheets What we believe and To verify show what the mapping says about you, with source and "
        "confidence. Answer in the yellow cells: Correct, Not correct or Partly.\n"
        "2. Correct: the fact becomes stated with your answer as a source, beside the source it has. If it is about "
        "several municipalities, your answer is about your part. Support an actor gives every municipality it "
        "covers is confirmed for your municipality: your answer is a source of your support only, not of the others'.\n"
        "3. Not correct: say why in Source or comment. An assumption (or what you stated yourselves) is withdrawn "
        "for your part and the reason is kept. A fact someone else's web page or document states is not withdrawn "
        "at once: the coordinator reviews it with both sources and accepts your answer (then it is withdrawn for "
        "your part) or rejects it. So is support an actor gives everyone it covers.\n"
        "4. Partly: write the right value under Correction (from the list) and a source or comment (required). The "
        "value is corrected, the old one kept, and the fact gets both sources. Partly with only a comment changes "
        "nothing: the coordinator reads it. Partly with neither gives a warning.\n"
        "5. The sheet Needs is the needs inventory: choose how great the need is per area, write what is missing, "
        "good examples and the kind of support needed. Each need is kept with you as its source. The same need as "
        "last year is the same need with a new date; No need closes a need you reported before.\n"
        "6. The sheet What is missing: write actors and networks you use that are not listed: name, what it is, "
        "level, areas, web page, how you reach it (covers the municipality or member of) and the support you get. "
        "They are added with your answer as source; a name already on the map is linked to it, and the same name "
        "from several municipalities is one actor.\n"
        "7. Write the date of your answer above (without one, the answer is dated the day it is read). No name is "
        "needed: the answer is kept as the municipality's. A name you write is kept as personal data.\n"
        "8. Do not change the grey cells and do not rename the file or the sheets. Send the file back by {deadline}.",
    ),
    "round.column.nr": ("Nr", "No."),
    "round.column.kind": ("Typ", "Kind"),
    "round.column.text": ("Uppgift", "Fact"),
    "round.column.source": ("Källa", "Source"),
    "round.column.confidence": ("Säkerhet", "Confidence"),
    "round.column.note": ("Att veta", "Note"),
    "round.column.field": ("Kan rättas", "Can be corrected"),
    "round.column.current": ("Nuvarande värde", "Current value"),
    "round.column.answer": ("Svar", "Answer"),
    "round.column.correction": ("Rättelse", "Correction"),
    "round.column.comment": ("Källa eller kommentar", "Source or comment"),
    "round.column.key": ("Nyckel", "Key"),
    "round.column.area": ("Område", "Area"),
    "round.column.level": ("Hur stort är behovet?", "How great is the need?"),
    "round.column.missing": ("Vad saknas?", "What is missing?"),
    "round.column.examples": ("Goda exempel", "Good examples"),
    "round.column.support": ("Typ av stöd som behövs", "Kind of support needed"),
    "round.column.add_name": ("Namn på aktör eller nätverk", "Name of the actor or network"),
    "round.column.add_kind": ("Vad det är", "What it is"),
    "round.column.add_level": ("Nivå", "Level"),
    "round.column.add_areas": ("Områden", "Areas"),
    "round.column.add_target": ("Målgrupp", "Target group"),
    "round.column.add_url": ("Webbsida", "Web page"),
    "round.column.add_how": ("Hur ni når det", "How you reach it"),
    "round.column.add_support": ("Stöd ni får", "Support you get"),
    "round.column.add_comment": ("Källa eller kommentar", "Source or comment"),
    "round.column_help.add_name": ("Det namn det har, t.ex. FoU Lycksele.", "Its name, e.g. FoU Lycksele."),
    "round.column_help.add_kind": (
        "Välj ur listan (nätverk, forum … eller en typ av aktör).",
        "Choose from the list (network, forum … or a kind of actor).",
    ),
    "round.column_help.add_level": ("Lokal, regional eller nationell.", "Local, regional or national."),
    "round.column_help.add_areas": (
        "Ett eller flera områden ur listan, åtskilda med ;.",
        "One or more areas from the list, separated by ;.",
    ),
    "round.column_help.add_target": ("Valfritt: välj ur listan.", "Optional: choose from the list."),
    "round.column_help.add_url": (
        "Valfritt: en webbsida som beskriver det (https://…).",
        "Optional: a web page that describes it (https://…).",
    ),
    "round.column_help.add_how": (
        "Täcker kommunen (det ger er stöd) eller medlem i (ni deltar).",
        "Covers the municipality (it supports you) or member of (you take part).",
    ),
    "round.column_help.add_support": (
        "Valfritt: vilken typ av stöd ni får (kräver områden).",
        "Optional: the kind of support you get (needs areas).",
    ),
    "round.column_help.add_comment": ("Valfritt.", "Optional."),
    "round.column.info_item": ("Uppgift", "Item"),
    "round.column.info_value": ("Värde", "Value"),
    "round.column_help.nr": ("Radens nummer.", "The line's number."),
    "round.column_help.kind": ("Vad uppgiften gäller.", "What the fact is about."),
    "round.column_help.text": ("Det kartläggningen säger.", "What the mapping says."),
    "round.column_help.source": ("Varifrån uppgiften kommer.", "Where the fact comes from."),
    "round.column_help.confidence": (
        "Uttalad i källan, referensdata eller ett antagande att verifiera.",
        "In the source, or an assumption to verify.",
    ),
    "round.column_help.note": ("Vad som antogs och varför.", "What was assumed and why."),
    "round.column_help.field": ("Vad en rättelse ändrar.", "What a correction changes."),
    "round.column_help.current": ("Värdet som rättas.", "The value a correction replaces."),
    "round.column_help.answer": (
        "Välj: Stämmer, Stämmer inte eller Delvis.",
        "Choose: Correct, Not correct or Partly.",
    ),
    "round.column_help.correction": (
        "Vid Delvis: det rätta värdet (välj ur listan).",
        "For Partly: the right value (from the list).",
    ),
    "round.column_help.comment": (
        "Er källa eller kommentar. Krävs vid rättelse.",
        "Your source or comment. Required with a correction.",
    ),
    "round.column_help.key": ("graphmap:s nyckel (ändra inte).", "graphmap's key (do not change)."),
    "round.column_help.area": ("Verksamhetsområde.", "Area."),
    "round.column_help.level": ("Välj ur listan.", "Choose from the list."),
    "round.column_help.missing": (
        "Vad saknas, vad behöver ni stöd med?",
        "What is missing, what do you need support with?",
    ),
    "round.column_help.examples": ("Goda exempel att sprida.", "Good examples to share."),
    "round.column_help.support": ("Valfritt: välj ur listan.", "Optional: choose from the list."),
    "round.info.round": ("Kartläggningsrunda", "Mapping round"),
    "round.info.respondent": ("Till", "To"),
    "round.info.respondent_code": ("Kommunkod eller id", "Municipality code or id"),
    "round.info.data_version": ("Dataversion", "Data version"),
    "round.info.deadline": ("Sista svarsdag", "Deadline"),
    "round.info.answered": ("Datum för svaret (ÅÅÅÅ-MM-DD)", "Date of the answer (YYYY-MM-DD)"),
    "round.info.respondent_name": (
        "Besvarat av (frivilligt: ett namn sparas som personuppgift)",
        "Answered by (optional: a name is kept as personal data)",
    ),
    # ---- reading returned workbooks (file, sheet, row, column: see graphmap.problems)
    "round.what.empty_file": ("filen är tom", "the file is empty"),
    "round.fix.empty_file": (
        "Be om arbetsboken igen; kontrollera att den sparades innan den skickades.",
        "Ask for the workbook again; check that it was saved before it was sent.",
    ),
    "round.what.unreadable": ("filen kan inte läsas ({reason})", "the file cannot be read ({reason})"),
    "round.fix.unreadable": ("Kontrollera filen och försök igen.", "Check the file and try again."),
    "round.what.no_workbooks": ("inga returnerade arbetsböcker (.xlsx) här", "no returned workbooks (.xlsx) here"),
    "round.fix.no_workbooks": (
        "Lägg de returnerade filerna i mappen svar/ i rundans mapp, eller ange dem.",
        "Put the returned files in the folder svar/ of the round's folder, or name them.",
    ),
    "round.what.not_a_round_workbook": (
        "det här är ingen arbetsbok från en kartläggningsrunda",
        "this is no workbook of a mapping round",
    ),
    "round.fix.not_a_round_workbook": (
        "Använd arbetsboken som skickades ut (mappen utskick/), inte en kopia eller en mall.",
        "Use the workbook that was sent (the folder utskick/), not a copy or a template.",
    ),
    "round.what.other_round": (
        "arbetsboken hör till rundan {found}, inte till {expected}",
        "the workbook belongs to the round {found}, not to {expected}",
    ),
    "round.fix.other_round": (
        "Läs in den med sin egen runda, eller be om den här rundans arbetsbok.",
        "Read it with its own round, or ask for this round's workbook.",
    ),
    "round.what.not_in_round": (
        "arbetsboken för {name} skickades inte ut i {round}",
        "the workbook for {name} was not sent in {round}",
    ),
    "round.fix.not_in_round": (
        "Använd arbetsboken som skickades ut i den här rundan (mappen utskick/).",
        "Use the workbook sent in this round (the folder utskick/).",
    ),
    "round.what.wrong_file": (
        "filen är namngiven för {other} ({other_code}) men arbetsboken gäller {name} ({own_code})",
        "the file is named for {other} ({other_code}) but the workbook is about {name} ({own_code})",
    ),
    "round.fix.wrong_file": (
        "Kontrollera vem som skickade filen: be {other} om sin egen arbetsbok.",
        "Check who sent the file: ask {other} for their own workbook.",
    ),
    "round.what.twice": (
        "{name} har redan en returnerad arbetsbok här ({first})",
        "{name} already has a returned workbook here ({first})",
    ),
    "round.fix.twice": (
        "Behåll en av filerna (den senaste) och flytta bort den andra.",
        "Keep one of the files (the latest) and move the other away.",
    ),
    "round.what.already_applied": (
        "svaren från {name} är redan inlästa (besvarad {date})",
        "the answers of {name} are already applied (answered {date})",
    ),
    "round.fix.already_applied": (
        "Ta bort filen, eller läs in den med --replace för att ersätta de tidigare svaren.",
        "Remove the file, or apply it with --replace to replace the earlier answers.",
    ),
    "round.what.missing_sheet": ("bladet {sheet} saknas", "the sheet {sheet} is missing"),
    "round.fix.missing_sheet": (
        "Byt inte namn på bladen och ta inte bort dem; be om arbetsboken igen.",
        "Do not rename or delete the sheets; ask for the workbook again.",
    ),
    "round.what.protected_changed": (
        'skyddad cell ändrad: "{was}" har blivit "{now}"',
        'a protected cell was changed: "{was}" became "{now}"',
    ),
    "round.fix.protected_changed": (
        "Skriv tillbaka det ursprungliga värdet; rättelser skrivs i kolumnen Rättelse "
        "och annat i Källa eller kommentar.",
        "Write the original value back; corrections go in the column Correction and "
        "anything else in Source or comment.",
    ),
    "round.what.bad_date": ('"{value}" är inget datum', '"{value}" is not a date'),
    "round.fix.bad_date": (
        "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2027-03-15.",
        "Write the date as YYYY-MM-DD, e.g. 2027-03-15.",
    ),
    "round.what.unknown_value": ('"{value}" finns inte i listan {scheme}', '"{value}" is not in the list {scheme}'),
    "round.fix.unknown_value": ("Välj ett värde ur cellens lista.", "Choose a value from the cell's list."),
    "round.what.not_correctable": ('raden kan inte rättas ("{value}")', 'the line cannot be corrected ("{value}")'),
    "round.fix.not_correctable": (
        "Svara Stämmer eller Stämmer inte och skriv det ni vill säga i Källa eller kommentar.",
        "Answer Correct or Not correct and write what you want to say in Source or comment.",
    ),
    "round.what.correction_with_correct": (
        "svaret är Stämmer men raden har en rättelse",
        "the answer is Correct but the line has a correction",
    ),
    "round.fix.correction_with_correct": (
        "Välj Delvis om uppgiften ska rättas, annars ta bort rättelsen.",
        "Choose Partly if the fact is to be corrected, else remove the correction.",
    ),
    "round.what.correction_without_source": (
        "en rättelse utan källa eller kommentar",
        "a correction without a source or comment",
    ),
    "round.fix.correction_without_source": (
        "Skriv varifrån rättelsen kommer (ett beslut, en webbsida, vem som vet) i Källa eller kommentar.",
        "Write where the correction comes from (a decision, a web page, who knows) in Source or comment.",
    ),
    "round.what.no_reason": ("Stämmer inte utan skäl", "Not correct without a reason"),
    "round.fix.no_reason": (
        "Svaret läses in ändå; skriv gärna varför i Källa eller kommentar.",
        "The answer is applied all the same; do write why in Source or comment.",
    ),
    "round.what.partly_empty": (
        "Delvis utan rättelse eller kommentar: det framgår inte vilken del som inte stämmer",
        "Partly without a correction or comment: it does not say which part is wrong",
    ),
    "round.fix.partly_empty": (
        "Svaret ändrar ingenting. Be kommunen skriva det rätta värdet i Rättelse eller vad som "
        "inte stämmer i Källa eller kommentar.",
        "The answer changes nothing. Ask the municipality to write the right value under "
        "Correction or what is wrong in Source or comment.",
    ),
    "round.what.no_answer_date": ("arbetsboken saknar datum för svaret", "the workbook has no date of the answer"),
    "round.fix.no_answer_date": (
        "Svaret dateras {date} (dagen det lästes in). Fråga kommunen vilket datum som gäller "
        "och skriv det i arbetsboken om det är ett annat.",
        "The answer is dated {date} (the day it was read). Ask the municipality which date "
        "holds and write it in the workbook if it is another.",
    ),
    "round.what.fact_gone": ("uppgiften {value} finns inte längre i data", "the fact {value} is no longer in the data"),
    "round.fix.fact_gone": (
        "Data har ändrats sedan arbetsboken skickades: svaret läses inte in. Ta upp det med kommunen.",
        "The data changed since the workbook was sent: the answer is not applied. Take it up with the municipality.",
    ),
    "round.what.extra_row": ("en rad som inte skickades ut", "a line that was not sent"),
    "round.fix.extra_row": (
        "Raden läses inte. Nya aktörer och nätverk skrivs på bladet Det som saknas.",
        "The line is not read. New actors and networks go on the sheet What is missing.",
    ),
    "round.what.need_level_missing": ("behovet saknar storlek", "the need has no level"),
    "round.fix.need_level_missing": (
        "Välj hur stort behovet är ur listan (Inget behov om det inte finns något).",
        "Choose how great the need is from the list (No need if there is none).",
    ),
    "round.what.other_version": (
        "arbetsboken gjordes från dataversion {found}, rundan från {expected}",
        "the workbook was made from data version {found}, the round from {expected}",
    ),
    "round.fix.other_version": ("Kontrollera att det är rätt arbetsbok.", "Check that it is the right workbook."),
    "round.what.add_no_name": ("raden saknar namn", "the row has no name"),
    "round.fix.add_no_name": (
        "Skriv namnet på aktören eller nätverket, eller töm raden.",
        "Write the name of the actor or network, or empty the row.",
    ),
    "round.what.add_no_how": ("det står inte hur ni når {name}", "it does not say how you reach {name}"),
    "round.fix.add_no_how": (
        "Välj Täcker kommunen eller Medlem i ur listan.",
        "Choose Covers the municipality or Member of from the list.",
    ),
    "round.what.add_new_needs": (
        "{name} finns inte i kartan: det behövs vad det är och nivå",
        "{name} is not on the map: what it is and its level are needed",
    ),
    "round.fix.add_new_needs": (
        "Välj ur listorna; står namnet redan i kartan, skriv det som där.",
        "Choose from the lists; if it is already on the map, write its name as there.",
    ),
    "round.what.add_like_existing": (
        "{name} finns inte i kartan under det namnet, men liknar: {names}",
        "{name} is not on the map by that name, but is like: {names}",
    ),
    "round.fix.add_like_existing": (
        "Det läggs till som nytt. Menar kommunen en av dem, skriv namnet som i kartan.",
        "It is added as new. If the municipality means one of them, write the name as on the map.",
    ),
    "round.what.add_bad_url": ('"{value}" är ingen webbadress', '"{value}" is no web address'),
    "round.fix.add_bad_url": (
        "Skriv hela adressen, t.ex. https://www.example.se/fou.",
        "Write the whole address, e.g. https://www.example.se/fou.",
    ),
    "round.what.add_support_no_areas": ("stöd utan områden", "support without areas"),
    "round.fix.add_support_no_areas": (
        "Välj inom vilka områden ni får stödet.",
        "Choose the areas you get the support in.",
    ),
    "round.added.line": ("{name} ({how})", "{name} ({how})"),
    "round.added.existing": ("finns redan i kartan: kopplas dit", "already on the map: linked to it"),
    "round.added.new": (
        "ny i kartan, med kommunens svar som källa",
        "new on the map, with the municipality's answer as source",
    ),
    # ---- applying answers in the build (graphmap.ingest.answers)
    "round.what.bad_fact": (
        '"{value}" är ingen uppgift (dataset/tabell/id)',
        '"{value}" names no fact (dataset/table/id)',
    ),
    "round.fix.bad_fact": (
        "Skriv uppgiften som dataset/tabell/id, t.ex. fyrbodal/memberships/1486-i-fourum-ifo.",
        "Write the fact as dataset/table/id, e.g. fyrbodal/memberships/1486-i-fourum-ifo.",
    ),
    "round.what.unknown_fact": ('uppgiften "{value}" finns inte i data', 'the fact "{value}" is not in the data'),
    "round.fix.unknown_fact": (
        "Bygg med de dataset som rundan gjordes från, eller ta bort svaret.",
        "Build with the datasets the round was made from, or remove the answer.",
    ),
    "round.what.answered_twice": (
        'uppgiften "{value}" är redan besvarad på rad {first_row}',
        'the fact "{value}" is already answered on row {first_row}',
    ),
    "round.fix.answered_twice": (
        "Behåll ett svar per uppgift och svarande.",
        "Keep one answer per fact and respondent.",
    ),
    "round.what.not_about": (
        'uppgiften "{value}" gäller inte {respondent}',
        'the fact "{value}" is not about {respondent}',
    ),
    "round.fix.not_about": (
        "Ett svar kan bara gälla en uppgift om den som svarar.",
        "An answer can only be about a fact on whoever answers.",
    ),
    "round.what.bad_field": ('kolumnen "{value}" kan inte rättas här', 'the column "{value}" cannot be corrected here'),
    "round.fix.bad_field": (
        "Den här uppgiften rättas i kolumnen {field}.",
        "This fact is corrected in the column {field}.",
    ),
    # ---- what the answers do
    "round.source.title": ("Svar från {name} i {round}", "Answer of {name} in {round}"),
    "round.source.note": ("Arbetsbok från dataversion {version}.", "Workbook made from data version {version}."),
    "round.need.default": ("Behov inom {area} ({level})", "Need in {area} ({level})"),
    "round.need.note": ("{level}. Goda exempel: {examples}", "{level}. Good examples: {examples}"),
    "round.preview.respondent": ("{name} ({code}), {file}: {n} svar", "{name} ({code}), {file}: {n} answers"),
    "round.effect.confirmed": ("Bekräftas", "Confirmed"),
    "round.effect.withdrawn": ("Tas bort", "Withdrawn"),
    "round.effect.corrected": ("Rättas", "Corrected"),
    "round.effect.recorded": ("Sparas som kommentar", "Kept as a comment"),
    "round.effect.need": ("Nytt behov", "New need"),
    "round.effect.no_need": ("Inget behov", "No need"),
    "round.effect.added": ("Läggs till", "Added"),
    "round.effect.review": ("Att granska (samordnaren avgör)", "To review (the coordinator decides)"),
    "round.effect.accepted": (
        "Godtaget av samordnaren (stödet ändras i aktörens egna tabeller)",
        "Accepted by the coordinator (the support is changed in the actor's own tables)",
    ),
    "round.effect.rejected": (
        "Avvisat av samordnaren (uppgiften står kvar)",
        "Rejected by the coordinator (the fact stays)",
    ),
    "round.what.bad_decision": (
        'beslutet "{value}" är varken accepted eller rejected',
        'the decision "{value}" is neither accepted nor rejected',
    ),
    "round.fix.bad_decision": (
        "Skriv beslutet med graphmap round settle --accept eller --reject.",
        "Write the decision with graphmap round settle --accept or --reject.",
    ),
    "round.said_when": ("enligt {name} {date}", "according to {name} {date}"),
    "round.web.needs": ("Behov som rundan fann", "Needs the round found"),
    "round.web.need_supported": ("Stöd finns", "Support exists"),
    "round.web.need_yes": ("ja", "yes"),
    "round.web.need_no": ("nej", "no"),
    "round.said": ("enligt {name} {date}: {comment}", "according to {name} {date}: {comment}"),
    "round.review.detail": (
        "enligt {source}; enligt {name} {date}: {comment}",
        "according to {source}; according to {name} {date}: {comment}",
    ),
    # ---- the commands
    "round.help.county": (
        "Alla kommuner i länet får en arbetsbok (kan upprepas)",
        "Every municipality of the county gets a workbook (repeatable)",
    ),
    "round.help.municipality": (
        "En kommun (kod eller namn) som får en arbetsbok (kan upprepas)",
        "A municipality (code or name) that gets a workbook (repeatable)",
    ),
    "round.help.actor": (
        "En aktör (id eller namn) som får en arbetsbok om sig själv (kan upprepas)",
        "An actor (id or name) that gets a workbook about itself (repeatable)",
    ),
    "round.help.deadline": ("Sista svarsdag (ÅÅÅÅ-MM-DD)", "The last day to answer (YYYY-MM-DD)"),
    "round.help.year": (
        "Året rundan gäller (standard: sista svarsdagens år)",
        "The year of the round (default: the deadline's)",
    ),
    "round.help.output": (
        "Mappen där rundans mapp skapas (standard rounds i arbetsmappen)",
        "The folder in which the round's folder is made (default rounds in the workspace)",
    ),
    "round.help.accept": (
        "Godta svaren: de läggs på uppgiften som om den vore ett antagande (tas bort eller rättas för kommunen)",
        "Accept the answers: they are laid on the fact as if it were an assumption (withdrawn or corrected for the municipality)",
    ),
    "round.help.reject": (
        "Avvisa svaren: uppgiften står kvar som den var, svaret sparas med beslutet",
        "Reject the answers: the fact stays as it was, the answer is kept with the decision",
    ),
    "round.help.note": (
        "Skälet till beslutet (sparas med svaret)",
        "The reason for the decision (kept with the answer)",
    ),
    "round.cli.settled": (
        "{decision}: {ids}. Bygg med rundans mapp ({folder}) bland data för att se beslutet i kartan.",
        "{decision}: {ids}. Build with the round's folder ({folder}) among the data to see the decision on the map.",
    ),
    "round.cli.review_head": ("Att granska", "To review"),
    "round.web.review_how": (
        "Godta eller avvisa ett svar med graphmap round settle RUNDANS-MAPP SVAR-ID --accept (eller --reject) "
        "--note \"skäl\" och bygg igen.",
        "Accept or reject an answer with graphmap round settle ROUND-FOLDER ANSWER-ID --accept (or --reject) "
        "--note \"reason\" and build again.",
    ),
    "round.cli.settled_head": ("Beslutade", "Decided"),
    "round.cli.id": ("Svar-id", "Answer id"),
    "round.cli.decision": ("Beslut", "Decision"),
    "round.error.settle_how": (
        "Välj --accept eller --reject.",
        "Choose --accept or --reject.",
    ),
    "round.error.not_reviewable": (
        "Inget svar att granska med id {ids} i rundan. Svaren att granska, med id, visar graphmap round status.",
        "No answer to review with id {ids} in the round. graphmap round status lists the answers to review with their ids.",
    ),
    "round.help.replace": (
        "Ersätt svar som redan lästs in från samma kommun",
        "Replace answers already applied for the same municipality",
    ),
    "round.cli.bad_deadline": (
        '"{value}" är inget datum: skriv ÅÅÅÅ-MM-DD.',
        '"{value}" is not a date: write YYYY-MM-DD.',
    ),
    "round.cli.started": (
        "Skapade {folder}: {n} arbetsböcker från dataversion {version}.",
        "Made {folder}: {n} workbooks from data version {version}.",
    ),
    "round.cli.started_next": (
        "Skicka filerna i {folder}/utskick. Lägg de returnerade i {folder}/svar och kör graphmap round read {folder}.",
        "Send the files in {folder}/utskick. Put the returned ones in {folder}/svar and run "
        "graphmap round read {folder}.",
    ),
    "round.cli.code": ("Kod", "Code"),
    "round.cli.name": ("Kommun eller aktör", "Municipality or actor"),
    "round.cli.lines": ("Uppgifter", "Facts"),
    "round.cli.assumed": ("Att verifiera", "To verify"),
    "round.cli.read_summary": (
        "{n} arbetsböcker lästa, {changes} ändringar, {errors} fel. Inget har skrivits.",
        "{n} workbooks read, {changes} changes, {errors} errors. Nothing was written.",
    ),
    "round.cli.applied": (
        "Läste in {n} svar och {needs} behov från {respondents}: {files}.",
        "Applied {n} answers and {needs} needs from {respondents}: {files}.",
    ),
    "round.cli.applied_next": (
        "Bygg med rundans mapp ({folder}) bland data för att se svaren i kartan.",
        "Build with the round's folder ({folder}) among the data to see the answers on the map.",
    ),
    "round.cli.no_round": ("Ingen kartläggningsrunda i data.", "No mapping round in the data."),
    "round.cli.not_answered": ("inte svarat", "not answered"),
    "round.cli.status_head": (
        "{name}: {answered} av {n} har svarat; {open} antaganden öppna, {unmet} behov utan stöd, "
        "{review} svar att läsa.",
        "{name}: {answered} of {n} have answered; {open} assumptions open, {unmet} needs "
        "without support, {review} answers to read.",
    ),
    "round.cli.answered": ("Svarade", "Answered"),
    "round.cli.answers": ("Svar", "Answers"),
    "round.cli.open": ("Öppna antaganden", "Open assumptions"),
    "round.cli.need": ("Behov", "Need"),
    "round.cli.level": ("Storlek", "Level"),
    "round.cli.unmet": ("Behov utan stöd", "Needs without support"),
    "round.cli.changes_head": ("Förändringar sedan {old}: {n}", "Changes since {old}: {n}"),
    "round.cli.change": ("Förändring", "Change"),
    "round.cli.what": ("Vad", "What"),
    "round.cli.before": ("Före", "Before"),
    "round.cli.after": ("Efter", "After"),
    "round.cli.said": ("Vem sa det", "Who said so"),
    "round.change.actor_added": ("Ny aktör", "Actor added"),
    "round.change.actor_removed": ("Aktör borttagen", "Actor removed"),
    "round.change.network_added": ("Nytt nätverk", "Network added"),
    "round.change.network_removed": ("Nätverk borttaget", "Network removed"),
    "round.change.coverage_added": ("Ny täckning", "Coverage added"),
    "round.change.coverage_removed": ("Täckning borttagen", "Coverage removed"),
    "round.change.membership_added": ("Nytt medlemskap", "Membership added"),
    "round.change.membership_removed": ("Medlemskap borttaget", "Membership removed"),
    "round.change.role_changed": ("Ändrad roll", "Role changed"),
    "round.change.support_added": ("Nytt stöd", "Support added"),
    "round.change.support_removed": ("Stöd borttaget", "Support removed"),
    "round.change.confidence_raised": ("Säkrare uppgift", "Confidence raised"),
    "round.change.confidence_lowered": ("Osäkrare uppgift", "Confidence lowered"),
    "round.change.need_new": ("Nytt behov", "New need"),
    "round.change.need_met": ("Behov mött", "Need met"),
    "round.change.need_closed": (
        "Behov avslutat (kommunen svarade Inget behov)",
        "Need closed (the municipality answered No need)",
    ),
    # ---- the web pages and the report
    "round.web.nav": ("Kartläggningsrundan", "Mapping round"),
    "round.web.status_title": ("Kartläggningsrundan", "The mapping round"),
    "round.web.status_intro": (
        "Varje kommun fick en arbetsbok med det kartläggningen säger om den. Här syns vilka som har "
        "svarat, vilka antaganden som fortfarande är öppna och vilka rapporterade behov som inte "
        "har något stöd än.",
        "Each municipality was sent a workbook with what the mapping says about it. Here you see "
        "who has answered, which assumptions are still open and which reported needs have no "
        "support yet.",
    ),
    "round.web.sent": (
        "Skickad {sent}, sista svarsdag {deadline}, dataversion {version}.",
        "Sent {sent}, deadline {deadline}, data version {version}.",
    ),
    "round.web.who": ("Vilka som har svarat", "Who has answered"),
    "round.web.effects": ("Vad svaren gjorde", "What the answers did"),
    "round.web.review": (
        "Att granska: svar som inte ändrade något (samordnaren avgör)",
        "To review: answers that changed nothing (the coordinator decides)",
    ),
    "round.web.review_effect": ("Svarets verkan", "The answer's effect"),
    "round.web.review_said": ("Vad kommunen säger", "What the municipality says"),
    "round.web.none": ("Inga.", "None."),
    "round.web.changes_title": ("Förändringar sedan förra versionen", "Changes since the previous version"),
    "round.web.changes_intro": (
        "Aktörer, nätverk, täckning, medlemskap och stöd som tillkommit eller försvunnit, "
        "uppgifter som blivit säkrare eller osäkrare, och nya eller mötta behov.",
        "Actors, networks, coverage, memberships and support added or removed, facts whose "
        "confidence was raised or lowered, and needs new or met.",
    ),
    "round.web.changes_none": (
        "Ingen tidigare dataversion att jämföra med: den sparas när en kartläggningsrunda startas.",
        "No earlier data version to compare with: one is kept when a mapping round starts.",
    ),
    "round.web.versions": (
        "Från dataversion {old} till {new}: {n} förändringar.",
        "From data version {old} to {new}: {n} changes.",
    ),
    "round.web.met_genomford": ("genomfört", "completed"),
    "round.web.met_supported": ("har nu stöd", "now has support"),
    "round.report.status": ("Kartläggningsrundan", "The mapping round"),
    "round.report.changes": ("Förändringar sedan förra versionen", "Changes since the previous version"),
    "round.help.since": (
        "En tidigare dataversion att jämföra med (en byggd graf, t.ex. en rundas dataversion-….nt; "
        "standard: den senaste rundans)",
        "An earlier data version to compare with (a built graph, e.g. a round's dataversion-….nt; "
        "default: the latest round's)",
    ),
    # ---- the coordinator's workflow: formats, batches over weeks, held workbooks
    "round.what.unsupported_format": (
        "filen är sparad som {format} och läses inte",
        "the file is saved as {format} and is not read",
    ),
    "round.fix.unsupported_format": (
        "Öppna filen och spara den som Excel-arbetsbok (.xlsx): i LibreOffice Arkiv → "
        "Spara som → Excel 2007-365 (.xlsx), behåll formatet. Lägg .xlsx-filen i svar/ "
        "och ta bort den andra.",
        "Open the file and save it as an Excel workbook (.xlsx): in LibreOffice File → "
        "Save As → Excel 2007-365 (.xlsx), keep the format. Put the .xlsx file in svar/ "
        "and remove the other.",
    ),
    "round.what.not_converted": (
        "filen är sparad som {format} och LibreOffice kunde inte spara om den som .xlsx",
        "the file is saved as {format} and LibreOffice could not save it again as .xlsx",
    ),
    "round.fix.not_converted": (
        "Öppna filen och spara den som Excel-arbetsbok (.xlsx): i LibreOffice Arkiv → "
        "Spara som → Excel 2007-365 (.xlsx), behåll formatet. Lägg .xlsx-filen i svar/ "
        "och ta bort den andra.",
        "Open the file and save it as an Excel workbook (.xlsx): in LibreOffice File → "
        "Save As → Excel 2007-365 (.xlsx), keep the format. Put the .xlsx file in svar/ "
        "and remove the other.",
    ),
    "round.what.not_a_workbook_file": (
        "ingen arbetsbok (.xlsx): filen lämnas orörd",
        "no workbook (.xlsx): the file is left alone",
    ),
    "round.fix.not_a_workbook_file": (
        "Lägg bara de returnerade arbetsböckerna i svar/.",
        "Put only the returned workbooks in svar/.",
    ),
    "round.what.skipped_applied": (
        "redan inläst {date} (som {first}): hoppas över",
        "already applied on {date} (as {first}): skipped",
    ),
    "round.fix.skipped_applied": (
        "Inget att göra; filen kan tas bort. Ska svaren läsas in igen: --replace.",
        "Nothing to do; the file can be removed. To apply its answers again: --replace.",
    ),
    "round.help.require_all": (
        "Läs bara in om alla arbetsböcker är felfria (annars läses de felfria in och de andra hålls kvar)",
        "Apply only if every workbook is free of errors (else the good ones are applied and the others held)",
    ),
    "round.cli.held": (
        "{n} arbetsböcker hålls kvar i svar/ med sina fel (ovan): {files}. Rätta och kör igen.",
        "{n} workbooks are held in svar/ with their errors (above): {files}. Fix them and run again.",
    ),
    "round.cli.would_hold": (
        "Med round apply läses de felfria in och {n} hålls kvar: {files}.",
        "round apply would apply the good ones and hold {n}: {files}.",
    ),
    "round.cli.archived": (
        "Inlästa arbetsböcker flyttade till {folder}: {n}.",
        "Applied workbooks moved to {folder}: {n}.",
    ),
    "round.cli.skipped": (
        "{n} redan inlästa arbetsböcker hoppades över.",
        "{n} workbooks already applied were skipped.",
    ),
    "round.error.require_all": (
        "Inget har skrivits (--alla): {n} fel i de returnerade arbetsböckerna. Rätta dem och kör igen.",
        "Nothing was written (--all): {n} errors in the returned workbooks. Fix them and run again.",
    ),
    "round.web.pending": (
        "{n} svar eller beslut har lästs in i rundans mapp sedan servern startade och syns inte här än: "
        "starta om graphmap serve.",
        "{n} answers or decisions were applied in the round's folder since the server started and do not "
        "show here yet: restart graphmap serve.",
    ),
    "round.web.refresh": (
        "Sidan visar dataversion {version}. Svar som lästs in efter att servern startade syns när "
        "graphmap serve startas om.",
        "This page shows data version {version}. Answers applied after the server started show "
        "once graphmap serve is restarted.",
    ),
}
