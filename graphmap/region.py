"""Templates for a new region: one .xlsx workbook (a sheet per table, drop-down lists, the
municipalities of the chosen counties), the same tables as CSV, and a README in Swedish.

Everything comes from :mod:`graphmap.schema` (columns, help texts, examples), the SKOS
vocabularies and a built graph (municipalities with SCB codes, the counties' regions, and the
national actors and networks already known, so that a new region reuses their ids and merges).

>>> import graphmap, tempfile
>>> kg = graphmap.build()  # doctest: +SKIP
>>> t = new_region("Exempelregion", ["24"], tempfile.mkdtemp(), kg.graph)
>>> t.workbook.name, len(t.municipalities)
('exempelregion.xlsx', 15)

Layout of the folder ``<slug>/``::

    <slug>.xlsx     the workbook to fill in (graphmap reads it directly)
    README.md       how to fill it in and check it (Swedish)
    csv/            the same tables as CSV files, for those who prefer CSV: move them up into
                    the region folder and delete the workbook (graphmap reads a folder's top level
                    only, so the templates in csv/ never double the workbook's rows)

Row 1 is the header, row 2 an explanation (its first cell starts with ``# ``, so graphmap skips
it); data starts on row 3. Single-value vocabulary columns get a drop-down that warns on other
values; multi-value columns (``areas``, ``types`` …, ``;``-separated) get the same drop-down
without the warning, since a list can only offer one value per cell.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from graphmap.fileio import write_files_atomic
from graphmap.i18n import t
from graphmap.ontology import GM, ID, concept_iri
from graphmap.schema import REGION_TABLES, Column, Table
from graphmap.slug import slugify
from graphmap.tabular import workbook_bytes
from graphmap.vocab import vocabularies

LIST_SHEET = "listor"
INFO_SHEET = "instruktioner"
KOMMUNER = "kommuner"
MAX_ROW = 500
CODE_KINDS = ("lan", "kommun", "places", "ref", "refs", "id", "year", "date")
REQUIRED_MARK = "(obligatorisk) "


class RegionError(ValueError):
    """Bad arguments for a new region (unknown county, folder in use)."""

    def __init__(self, code: str, **params):
        self.code, self.params = code, params
        super().__init__(self.message("en"))

    def message(self, lang: str = "sv") -> str:
        """The message in ``lang``, from the catalogue (``error.region.<code>``)."""
        params = dict(self.params)
        names = params.pop("suggestions", None)
        hint = " " + t("error.did_you_mean", lang, names=", ".join(names)) if names else ""
        return t(f"error.region.{self.code}", lang, hint=hint, **params)


@dataclass
class Municipality:
    code: str
    name: str
    county_code: str
    county: str


@dataclass
class RegionTemplate:
    folder: Path
    workbook: Path
    readme: Path
    csv_files: list[Path]
    counties: list[tuple[str, str]]
    municipalities: list[Municipality]
    known: list[tuple[str, str, str]] = field(default_factory=list)  # (table, id, name) to reuse


# --------------------------------------------------------------------------- from the graph
def geography(graph: Graph) -> tuple[dict[str, str], list[Municipality], dict[str, str]]:
    """(county code → name, municipalities, county code → id of its region) from a built graph."""
    counties = {}
    for county in graph.subjects(RDF.type, GM.County):
        code = graph.value(county, GM.scbCode)
        if code is not None:
            counties[str(code)] = str(graph.value(county, SKOS.prefLabel) or code)
    munis = []
    for m in graph.subjects(RDF.type, GM.Municipality):
        code, in_county = graph.value(m, GM.scbCode), graph.value(m, GM.county)
        ccode = str(graph.value(in_county, GM.scbCode) or "") if in_county is not None else ""
        if code is not None:
            munis.append(
                Municipality(str(code), str(graph.value(m, SKOS.prefLabel) or code), ccode, counties.get(ccode, ""))
            )
    regions = {}
    for r in graph.subjects(RDF.type, GM.Region):
        region_county = graph.value(r, GM.county)
        if region_county is not None and str(r).startswith(str(ID["actor/"])):
            regions[str(graph.value(region_county, GM.scbCode))] = str(r)[len(str(ID["actor/"])) :]
    return counties, sorted(munis, key=lambda m: m.code), regions


def national(graph: Graph) -> list[tuple[str, str, str]]:
    """Actors and networks at the national level: (table, id, Swedish name), to reuse their ids."""
    out = []
    for s in graph.subjects(GM.level, concept_iri("level", "nationell")):
        for table, prefix in (("actors", ID["actor/"]), ("networks", ID["network/"])):
            if str(s).startswith(str(prefix)):
                name = next(
                    (str(o) for o in graph.objects(s, SKOS.prefLabel) if isinstance(o, Literal) and o.language == "sv"),
                    "",
                )
                out.append((table, str(s)[len(str(prefix)) :], name))
    return sorted(set(out))


def resolve_counties(values, graph: Graph) -> list[str]:
    """County codes for codes or names (``24``, ``Västerbottens län``, ``västerbotten``), resolved by
    the one county resolver (:meth:`graphmap.resolve.Resolver.county`)."""
    from graphmap.resolve import Resolver, UnknownName

    resolver, out = Resolver(graph), []
    for value in values:
        try:
            code = str(resolver.county(value)).rsplit("/", 1)[-1]
        except UnknownName as exc:
            raise RegionError("unknown_county", value=exc.value, suggestions=exc.suggestions) from None
        if code not in out:
            out.append(code)
    if not out:
        raise RegionError("no_county")
    return out


# --------------------------------------------------------------------------- texts
def explanation(col: Column) -> str:
    """The explanation row's text for a column (Swedish): required mark, help text, example."""
    text = (REQUIRED_MARK if col.required else "") + col.help_sv
    if col.kind in ("vocabs", "refs", "places") and ";" not in col.help_sv:
        text += " Flera värden: skriv dem med ; emellan."
    if col.vocab:
        text += f" Välj ur listan ({len(vocabularies().concepts(col.vocab))} värden)."
    if col.personal:
        text += " PERSONUPPGIFT."
    if col.example:
        text += f" Exempel: {col.example}"
    return text


def explanation_row(table: Table) -> list[str]:
    row = [explanation(c) for c in table.columns]
    row[0] = "# " + row[0]
    return row


def _list_values(scheme: str) -> list[str]:
    return [c.notation for c in vocabularies().concepts(scheme)]


# --------------------------------------------------------------------------- writers
def _csv_bytes(rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _kommuner_rows(munis: list[Municipality]) -> list[list[str]]:
    return [
        ["kommunkod", "kommun", "lanskod", "lan"],
        [
            "# Kommunerna i de valda länen med SCB:s koder. Ändra inte; graphmap kontrollerar dem mot referensdata.",
            "",
            "",
            "",
        ],
    ] + [[m.code, m.name, m.county_code, m.county] for m in munis]


def build_workbook(
    munis: list[Municipality],
    counties: dict[str, str],
    chosen: list[str],
    regions: dict[str, str],
    known: list[tuple[str, str, str]],
) -> bytes:
    """The workbook as bytes (openpyxl)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    vocab = vocabularies()
    book = Workbook()
    info = book.active
    info.title = INFO_SHEET
    header_fill = PatternFill("solid", fgColor="DDE7EE")
    required_fill = PatternFill("solid", fgColor="F6D7B0")
    bold, italic = Font(bold=True), Font(italic=True, color="555555")

    # the hidden lists (one column per vocabulary, plus county codes)
    lists = book.create_sheet(LIST_SHEET)
    ranges: dict[str, str] = {}
    schemes = sorted(vocab.schemes) + ["lan"]
    for i, scheme in enumerate(schemes, start=1):
        values = sorted(counties) if scheme == "lan" else _list_values(scheme)
        letter = get_column_letter(i)
        lists.cell(1, i, scheme)
        for r, value in enumerate(values, start=2):
            lists.cell(r, i, value).number_format = "@"
        ranges[scheme] = f"{LIST_SHEET}!${letter}$2:${letter}${len(values) + 1}"
    lists.sheet_state = "hidden"

    for table in REGION_TABLES:
        ws = book.create_sheet(table.name)
        for i, col in enumerate(table.columns, start=1):
            head = ws.cell(1, i, col.name)
            head.font, head.fill = bold, required_fill if col.required else header_fill
            if col.help_en:
                head.comment = Comment(f"{col.help_sv}\n\n{col.help_en}", "graphmap")
            note = ws.cell(2, i, explanation_row(table)[i - 1])
            note.font, note.alignment = italic, Alignment(wrap_text=True, vertical="top")
            letter = get_column_letter(i)
            ws.column_dimensions[letter].width = max(14, min(40, len(col.name) + 6))
            if col.kind in CODE_KINDS:
                for r in range(3, MAX_ROW + 1):
                    ws.cell(r, i).number_format = "@"
            listed = col.vocab or ("lan" if col.kind == "lan" else None)
            if listed:
                multi = col.many
                dv = DataValidation(
                    type="list",
                    formula1=f"={ranges[listed]}",
                    allow_blank=True,
                    showDropDown=False,
                    showErrorMessage=not multi,
                    errorStyle="warning",
                    showInputMessage=True,
                )
                dv.promptTitle = col.name[:32]
                dv.prompt = (
                    "Välj ett värde, eller skriv flera med ; emellan." if multi else "Välj ett värde ur listan."
                )[:255]
                dv.errorTitle = "Inte i listan"
                dv.error = "Värdet finns inte i listan. graphmap validate säger vad som gäller."
                dv.add(f"{letter}3:{letter}{MAX_ROW}")
                ws.add_data_validation(dv)
        ws.row_dimensions[2].height = 60
        ws.freeze_panes = "B3"

    km = book.create_sheet(KOMMUNER)
    for r, row in enumerate(_kommuner_rows(munis), start=1):
        for c, value in enumerate(row, start=1):
            cell = km.cell(r, c, value)
            cell.number_format = "@"
            if r == 1:
                cell.font, cell.fill = bold, header_fill
            elif r == 2:
                cell.font = italic
    for letter, width in zip("ABCD", (12, 22, 10, 24)):
        km.column_dimensions[letter].width = width
    km.freeze_panes = "A3"

    _write_info(info, chosen, counties, regions, known, bold)
    book.move_sheet(LIST_SHEET, offset=len(book.sheetnames) - 1 - book.sheetnames.index(LIST_SHEET))  # last
    return _save(book)


def _write_info(ws, chosen, counties, regions, known, bold) -> None:
    lines = [
        ("graphmap – kartläggning av stöd i socialtjänsten", bold),
        (f"Län: {', '.join(f'{counties[c]} ({c})' for c in chosen)}", None),
        ("", None),
        ("Så fyller du i:", bold),
        (
            "1. Ett blad per tabell. Rad 1 är rubriker (orange = obligatorisk), rad 2 förklarar kolumnen "
            "(den börjar med # och läses inte). Skriv data från rad 3.",
            None,
        ),
        (
            "2. Börja med bladet sources (källorna), sedan actors och networks; övriga blad hänvisar till deras id.",
            None,
        ),
        (
            "3. Id: små bokstäver, siffror och bindestreck, t.ex. fou-exempel. Kommuner anges med SCB-kod eller namn "
            "(se bladet kommuner); kommuner, län och regioner behöver inte läggas in.",
            None,
        ),
        ("4. Listor: klicka i cellen och välj. Flera värden (t.ex. areas): skriv dem med ; emellan.", None),
        ("5. confidence: stated = står i källan, assumed = antagande som ska verifieras.", None),
        ("6. Kontrollera: graphmap validate <mappen>. Varje fel anges med blad, rad och kolumn.", None),
        ("", None),
    ]
    if regions:
        lines.append(("Regionerna i länen finns redan (id):", bold))
        lines += [(f"{regions[c]} – {counties[c]}", None) for c in chosen if c in regions]
        lines.append(("", None))
    if known:
        lines.append(
            (
                "Nationella aktörer och nätverk: använd samma id, så slås de ihop med andra regioners data. "
                "Lägg en rad med samma id i actors/networks om du hänvisar till dem.",
                bold,
            )
        )
        lines += [(f"{table}: {ident} – {name}", None) for table, ident, name in known]
    for r, (text, font) in enumerate(lines, start=1):
        cell = ws.cell(r, 1, text)
        if font is not None:
            cell.font = font
    ws.column_dimensions["A"].width = 120


def _save(book) -> bytes:
    return workbook_bytes(book)  # every cell a value: an "=…" name stays text


def readme_text(
    name: str,
    slug: str,
    chosen: list[str],
    counties: dict[str, str],
    regions: dict[str, str],
    known: list[tuple[str, str, str]],
    n_munis: int,
) -> str:
    county_text = ", ".join(f"{counties[c]} ({c})" for c in chosen)
    tables = "\n".join(
        f"| `{t.name}` | {t.label_sv} | {t.help_sv} | {', '.join(t.required) or '–'} |" for t in REGION_TABLES
    )
    reuse = (
        "\n".join(
            f"- `{ident}` ({'nätverk' if table == 'networks' else 'aktör'}): {name}" for table, ident, name in known
        )
        or "- (inga kända ännu)"
    )
    region_ids = "\n".join(f"- `{regions[c]}` – {counties[c]}" for c in chosen if c in regions)
    return f"""# Kartläggning: {name}

Den här mappen är en mall för att kartlägga var det finns stöd i socialtjänsten i
{county_text}, på samma sätt som i graphmap. Fyll i arbetsboken `{slug}.xlsx`
(eller CSV-filerna i `csv/`), kontrollera den med `graphmap validate` och bygg grafen.

## Så fyller du i arbetsboken

1. **Ett blad per tabell.** Rad 1 är kolumnnamnen (orange = obligatorisk kolumn). Rad 2
   förklarar varje kolumn och ger ett exempel; den börjar med `#` och läses inte. Skriv
   uppgifterna från rad 3. Byt inte namn på blad eller kolumner.
2. **Börja med `sources`** (varifrån uppgifterna kommer), sedan `actors` (organisationer) och
   `networks` (nätverk och forum). De andra bladen hänvisar till deras `id`.
3. **Id** skrivs med små bokstäver, siffror och bindestreck, t.ex. `fou-exempel`. Samma id får
   bara finnas en gång per blad.
4. **Kommuner** anges med SCB:s kommunkod (fyra siffror, t.ex. `2480`) eller namn, län med
   länskod (två siffror). Bladet `kommuner` listar länets {n_munis} kommuner med koder; kommuner,
   län och regioner finns redan i graphmap och ska inte läggas in som aktörer.
5. **Listor:** kolumner som `level`, `kind`, `confidence` och `areas` har en rullgardinslista.
   Där flera värden är tillåtna (`areas`, `types`, `places`, `led_by` …) skriver du dem med
   semikolon emellan, t.ex. `funktionshinder;socialpsykiatri`; listan hjälper bara för ett värde
   i taget och varnar därför inte där.
6. **Källa och säkerhet på varje rad:** `source` är ett id i bladet `sources`; `confidence` är
   `stated` (står i källan) eller `assumed` (antagande som ska verifieras; ger en varning).
7. **Personuppgifter:** bladet `persons` är frivilligt. Namn och e-post tas aldrig med i exporter
   om det inte uttryckligen begärs (`--include-personal`).

### Tabellerna

| blad | innehåll | beskrivning | obligatoriska kolumner |
| --- | --- | --- | --- |
{tables}

### Redan kända id att återanvända

Regionerna i länen finns redan:

{region_ids}

Nationella aktörer och nätverk som andra regioner redan har lagt in. Använd **samma id**, så blir
de en och samma nod när regionerna slås ihop till en nationell graf. Lägg in en rad med samma
id i `actors` eller `networks` om du hänvisar till dem:

{reuse}

## Kontrollera

    graphmap validate {slug}

Varje problem anges med blad, rad och kolumn, vad som är fel och hur det rättas, t.ex.

    FEL: {slug}.xlsx: offers, rad 3, kolumn areas: "funktionshindr" finns inte i listan area. Menade du: funktionshinder?

Slutkoden är 2 om det finns fel och 0 om det bara finns varningar (t.ex. `assumed`).
Med `--lang en` kommer meddelandena på engelska.

## Bygg och slå ihop

    graphmap build {slug} -o {slug}.ttl                   # bara den här regionen
    graphmap build data/regions/* {slug} -o sverige.ttl   # ihop med andra regioner

Aktörer och nätverk med samma id blir en nod; kommuner och län slås ihop via SCB-koden. Om två
regioner säger olika saker om samma aktör (t.ex. olika nivå) skriver `graphmap build` ut en
varning med båda källorna.

## Arbeta i CSV i stället

Mappen `csv/` har samma tabeller som CSV-filer (UTF-8, komma). Flytta filerna upp till den här
mappen och ta bort arbetsboken; graphmap läser bara filerna direkt i regionmappen.
"""


def new_region(name: str, counties, parent, graph: Graph, *, folder: Path | None = None) -> RegionTemplate:
    """Create ``parent/<slug of name>/`` with the workbook, CSV templates and README.

    ``counties`` are county codes or names; ``graph`` a built graph (``kg.graph``) giving the
    municipalities, the counties' regions and the national actors to reuse. Raises
    :class:`RegionError` for an unknown county or a folder that exists and is not empty.
    """
    slug = slugify(name)
    if not slug:
        raise RegionError("bad_name", value=name)
    folder = Path(folder) if folder is not None else Path(parent) / slug
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise RegionError("exists", path=str(folder))
    all_counties, munis, regions = geography(graph)
    chosen = resolve_counties(counties, graph)
    munis = [m for m in munis if m.county_code in chosen]
    known = national(graph)
    payloads: dict[Path, bytes] = {}
    workbook = folder / f"{slug}.xlsx"
    payloads[workbook] = build_workbook(munis, all_counties, chosen, regions, known)
    csv_files = []
    for table in REGION_TABLES:
        path = folder / "csv" / f"{table.name}.csv"
        payloads[path] = _csv_bytes([[c.name for c in table.columns], explanation_row(table)])
        csv_files.append(path)
    path = folder / "csv" / f"{KOMMUNER}.csv"
    payloads[path] = _csv_bytes(_kommuner_rows(munis))
    csv_files.append(path)
    readme = folder / "README.md"
    payloads[readme] = readme_text(name, slug, chosen, all_counties, regions, known, len(munis)).encode("utf-8")
    write_files_atomic(payloads)  # the whole folder or, on a failure (a full disk), no folder at all
    return RegionTemplate(folder, workbook, readme, csv_files, [(c, all_counties[c]) for c in chosen], munis, known)


__all__ = [
    "new_region",
    "RegionTemplate",
    "RegionError",
    "geography",
    "national",
    "resolve_counties",
    "explanation",
    "explanation_row",
    "build_workbook",
    "LIST_SHEET",
    "KOMMUNER",
    "MAX_ROW",
    "URIRef",
]
