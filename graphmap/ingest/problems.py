"""Problems found in input tables, with messages in Swedish and English.

Every problem names the file (or workbook sheet), the row (as the spreadsheet
numbers it, header = row 1) and the column, says what is wrong and how to fix it.

>>> p = Problem("actors.csv", 4, "level", "unknown_vocab", params={"value": "regionl", "scheme": "level", "suggestions": ["regional"]})
>>> p.format("sv")
'actors.csv, rad 4, kolumn level: "regionl" finns inte i listan level. Menade du: regional?'
>>> p.format("en")
'actors.csv, row 4, column level: "regionl" is not in the list level. Did you mean: regional?'
"""
from __future__ import annotations

from dataclasses import dataclass, field

MESSAGES: dict[str, tuple[str, str, str, str]] = {
    # code: (what sv, fix sv, what en, fix en)
    "missing_column": ('kolumnen "{column}" saknas', "Lägg till kolumnen i rubrikraden.",
                       'the column "{column}" is missing', "Add the column to the header row."),
    "empty_required": ("obligatoriskt värde saknas", "Fyll i cellen.",
                       "a required value is empty", "Fill in the cell."),
    "duplicate_id": ('id "{value}" finns redan på rad {first_row}', "Ge raden ett eget id.",
                     'id "{value}" is already used on row {first_row}', "Give the row an id of its own."),
    "bad_id": ('"{value}" är inget giltigt id', "Använd små bokstäver a–z, siffror och bindestreck, t.ex. {suggestion}.",
               '"{value}" is not a valid id', "Use lower-case a–z, digits and hyphens, e.g. {suggestion}."),
    "unknown_vocab": ('"{value}" finns inte i listan {scheme}', "Välj ett värde ur listan.",
                      '"{value}" is not in the list {scheme}', "Pick a value from the list."),
    "unknown_ref": ('"{value}" finns inte bland {targets}', "Kontrollera stavningen eller lägg till raden som det hänvisas till.",
                    '"{value}" is not among {targets}', "Check the spelling or add the row it refers to."),
    "unknown_code": ('"{value}" är ingen kommun- eller länskod', "Använd SCB:s kod (kommun 4 siffror, län 2 siffror) eller namnet.",
                     '"{value}" is not a municipality or county code', "Use SCB's code (municipality 4 digits, county 2 digits) or the name."),
    "padded_code": ('koden "{value}" tolkades som {read_as} ({name})', "Skriv koden som text med inledande nolla.",
                    'the code "{value}" was read as {read_as} ({name})', "Type the code as text with its leading zero."),
    "bad_decimal": ('"{value}" är inget tal', "Skriv ett tal, t.ex. 0,5.", '"{value}" is not a number', "Write a number, e.g. 0.5."),
    "out_of_range": ('{value} ligger utanför {low}–{high}', "Skriv ett tal i intervallet.",
                     "{value} is outside {low}–{high}", "Write a number in the range."),
    "bad_date": ('"{value}" är inget datum', "Skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD.",
                 '"{value}" is not a date', "Write YYYY, YYYY-MM or YYYY-MM-DD."),
    "bad_year": ('"{value}" är inget år', "Skriv fyra siffror, t.ex. 2023.", '"{value}" is not a year', "Write four digits, e.g. 2023."),
    "bad_url": ('"{value}" är ingen webbadress', "Börja med https://.", '"{value}" is not a web address', "Start with https://."),
    "bad_email": ('"{value}" är ingen e-postadress', "Skriv namn@exempel.se.", '"{value}" is not an e-mail address', "Write name@example.se."),
    "too_long": ("cellen har {length} tecken (högst {limit})", "Korta texten.",
                 "the cell has {length} characters (at most {limit})", "Shorten the text."),
    "unknown_column": ('kolumnen "{column}" känns inte igen och läses inte', "Ta bort den eller byt namn. Giltiga: {valid}.",
                       'the column "{column}" is not known and is not read', "Remove or rename it. Valid: {valid}."),
    "no_tables": ("inga tabeller hittades", "Lägg CSV-filer ({valid}) eller en .xlsx-arbetsbok med de bladen i mappen.",
                  "no tables were found", "Put CSV files ({valid}) or an .xlsx workbook with those sheets in the folder."),
    "unreadable": ("filen kunde inte läsas: {reason}", "Spara om filen som CSV (UTF-8) eller .xlsx.",
                   "the file could not be read: {reason}", "Save it again as CSV (UTF-8) or .xlsx."),
    "empty_file": ("filen är tom", "Fyll i rubrikraden och minst en rad, eller ta bort filen.",
                   "the file is empty", "Fill in the header row and at least one row, or delete the file."),
    "control_chars": ("cellen innehöll osynliga styrtecken som togs bort", "Kontrollera cellens text.",
                      "the cell held invisible control characters, which were removed", "Check the cell's text."),
    "no_such_path": ("sökvägen finns inte", "Kontrollera sökvägen.", "the path does not exist", "Check the path."),
    "formula_no_value": ("cellen är en formel utan sparat värde", "Öppna och spara arbetsboken i Excel, eller skriv värdet.",
                         "the cell is a formula with no saved value", "Open and save the workbook in Excel, or type the value."),
    "assumed": ("uppgiften är ett antagande (assumed)", "Verifiera mot en källa och ändra till stated.",
                "the fact is an assumption (assumed)", "Verify it against a source and change it to stated."),
    "conflict": ('"{value_a}" ({where_a}) mot "{value_b}" ({where_b}); det första behålls',
                 "Kom överens om ett värde i båda regionernas tabeller.",
                 '"{value_a}" ({where_a}) against "{value_b}" ({where_b}); the first is kept',
                 "Agree on one value in both regions' tables."),
    "unknown_sheet": ('bladet "{sheet}" är ingen känd tabell och läses inte', "Byt namn på bladet till en av: {valid}.",
                      'the sheet "{sheet}" is not a known table and is not read', "Rename it to one of: {valid}."),
    "cycle": ("del-av-kedjan går i cirkel: {chain}", "Bryt cirkeln i kolumnen part_of.",
              "the part-of chain is a cycle: {chain}", "Break the cycle in the part_of column."),
    "too_many_rows": ("tabellen har {rows} rader (högst {limit})", "Dela upp tabellen.",
                      "the table has {rows} rows (at most {limit})", "Split the table."),
    "hidden_sheet": ('bladet "{sheet}" är dolt och läses ändå', "Visa bladet om det ska vara med, annars ta bort det.",
                     'the sheet "{sheet}" is hidden and is read anyway', "Unhide it if it belongs, else delete it."),
    "shacl": ("{message}", "{fix}", "{message}", "{fix}"),
}

ROW_WORD = {"sv": ("rad", "kolumn"), "en": ("row", "column")}
DID_YOU_MEAN = {"sv": "Menade du: {}?", "en": "Did you mean: {}?"}


@dataclass
class Problem:
    file: str
    row: int | None
    column: str | None
    code: str
    severity: str = "error"
    params: dict = field(default_factory=dict)

    def where(self, lang: str = "sv") -> str:
        row_word, col_word = ROW_WORD.get(lang, ROW_WORD["en"])
        parts = [self.file]
        if self.row is not None:
            parts.append(f"{row_word} {self.row}")
        if self.column:
            parts.append(f"{col_word} {self.column}")
        return ", ".join(parts)

    def what(self, lang: str = "sv") -> str:
        what_sv, _fix_sv, what_en, _fix_en = MESSAGES[self.code]
        return _fill(what_sv if lang == "sv" else what_en, self, lang)

    def fix(self, lang: str = "sv") -> str:
        _w, fix_sv, _w2, fix_en = MESSAGES[self.code]
        suggestions = self.params.get("suggestions")
        if suggestions:
            return DID_YOU_MEAN.get(lang, DID_YOU_MEAN["en"]).format(", ".join(suggestions))
        return _fill(fix_sv if lang == "sv" else fix_en, self, lang)

    def format(self, lang: str = "sv") -> str:
        return f"{self.where(lang)}: {self.what(lang)}. {self.fix(lang)}"

    def as_dict(self, lang: str = "sv") -> dict:
        return {"file": self.file, "row": self.row, "column": self.column, "code": self.code,
                "severity": self.severity, "message": self.what(lang), "fix": self.fix(lang)}


def _fill(template: str, problem: Problem, lang: str = "sv") -> str:
    """Fill a message; a parameter given as ``{"sv": …, "en": …}`` is taken in ``lang``."""
    values = {"column": problem.column or "", **problem.params}
    values = {k: (v.get(lang) or v.get("en", "")) if isinstance(v, dict) else v for k, v in values.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return template


class IngestError(Exception):
    """Raised when input tables have errors; ``problems`` holds every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        super().__init__(f"{len(errors)} error(s) in the input tables")
