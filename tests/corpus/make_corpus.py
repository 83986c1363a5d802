"""Write the corpus of real-world spreadsheet inputs (run: python tests/corpus/make_corpus.py).

Each case is a small region folder; ``tests/test_corpus.py`` holds the outcome each must get.
The files are committed; this script documents how they were made and can remake them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
SRC = "id,title\nkalla,Källa\n"
ACT_HEAD = "id,name_sv,types,level,county,source,confidence"
GOOD = "fou-test,FoU Åsele–Dorotea,fou-enhet,regional,24,kalla,stated"


def folder(name: str) -> Path:
    path = HERE / name
    if path.exists():
        shutil.rmtree(path)
    path.mkdir()
    return path


def text_case(name: str, files: dict[str, str], encoding="utf-8", newline="\n", bom=False) -> None:
    path = folder(name)
    for fname, content in files.items():
        data = content.replace("\n", newline).encode(encoding)
        if bom:
            data = "\ufeff".encode(encoding) + data
        (path / fname).write_bytes(data)


def book_case(name: str, sheets: dict[str, list[list]], setup=None) -> None:
    path = folder(name)
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    if setup:
        setup(wb)
    wb.save(path / "region.xlsx")


def main() -> None:
    text_case("utf8-comma", {"sources.csv": SRC, "actors.csv": f"{ACT_HEAD}\n{GOOD}\n"})
    text_case("utf8-bom", {"sources.csv": SRC, "actors.csv": f"{ACT_HEAD}\n{GOOD}\n"}, bom=True)

    def semi(s):
        return s.replace(",", ";")

    text_case(
        "excel-cp1252-semicolon-crlf",
        {"sources.csv": semi(SRC), "actors.csv": semi(f"{ACT_HEAD}\n{GOOD}\n")},
        encoding="cp1252",
        newline="\r\n",
    )
    text_case(
        "utf16-tab",
        {"sources.csv": SRC.replace(",", "\t"), "actors.csv": f"{ACT_HEAD}\n{GOOD}\n".replace(",", "\t")},
        encoding="utf-16",
    )
    text_case(
        "decimal-comma-and-percent",
        {
            "sources.csv": SRC,
            "actors.csv": f"{ACT_HEAD}\n{GOOD}\n",
            "posts.csv": "id;actor;title_sv;fte;source;confidence\nul-1;fou-test;Utvecklingsledare;0,5;kalla;stated\n"
            "ul-2;fou-test;VFU-samordnare;20%;kalla;stated\n",
        },
    )
    text_case(
        "lost-leading-zero",
        {
            "sources.csv": SRC,
            "actors.csv": f"{ACT_HEAD}\n{GOOD}\n",
            "coverage.csv": "id,actor,places,source,confidence\ncov,fou-test,180;114,kalla,stated\n",
        },
    )
    text_case(
        "names-hyphens-and-spaces",
        {
            "sources.csv": SRC,
            "actors.csv": f"{ACT_HEAD}\n{GOOD}\n",
            "coverage.csv": "id,actor,places,areas,source,confidence\n"
            "cov , fou-test ,  Upplands-Bro; Umeå ;Lilla Edet,  Äldre ;Funk , kalla , stated \n",
        },
    )
    text_case(
        "empty-rows-and-comment-row",
        {"sources.csv": SRC, "actors.csv": f"{ACT_HEAD}\n# förklaring,,,,,,\n\n,,,,,,\n{GOOD}\n\n"},
    )
    text_case(
        "header-case-and-unknown-column",
        {
            "sources.csv": SRC,
            "actors.csv": "ID,Name_SV , Types,LEVEL,county,Source,confidence,Kommentar\n" + GOOD + ",hej\n",
        },
    )
    text_case(
        "nul-byte",
        {"sources.csv": SRC, "actors.csv": f"{ACT_HEAD}\nfou-test,FoU\x00Test,fou-enhet,regional,24,kalla,stated\n"},
    )
    text_case("empty-file", {"sources.csv": SRC, "actors.csv": ""})
    (folder("binary-garbage") / "actors.csv").write_bytes(bytes(range(256)) * 4)
    (HERE / "binary-garbage" / "sources.csv").write_text(SRC, encoding="utf-8")
    text_case(
        "huge-cell",
        {"sources.csv": SRC, "actors.csv": f"{ACT_HEAD}\nfou-test,{'x' * 20000},fou-enhet,regional,24,kalla,stated\n"},
    )
    text_case(
        "bad-date-and-year",
        {
            "sources.csv": SRC,
            "actors.csv": f"{ACT_HEAD}\n{GOOD}\n",
            "needs.csv": "id,description_sv,areas,year,source,date,confidence\nn1,Behov,funktionshinder,tjugotjugotre,kalla,27/2 2023,stated\n",
        },
    )
    text_case(
        "wrong-vocab-and-ref",
        {
            "sources.csv": SRC,
            "actors.csv": f"{ACT_HEAD}\n{GOOD}\n",
            "offers.csv": "id,actor,kind,areas,source,confidence\no1,fou-tset,kompetensutvekling,aldre,kalla,stated\n",
        },
    )
    text_case(
        "csv-formula-text",
        {
            "sources.csv": SRC,
            "actors.csv": f"{ACT_HEAD}\n"
            'fou-test,"=HYPERLINK(""http://x.invalid"",""klicka"")",fou-enhet,regional,24,kalla,stated\n',
        },
    )

    head = ACT_HEAD.split(",")
    good = GOOD.split(",")
    book_case("xlsx-plain", {"sources": [["id", "title"], ["kalla", "Källa"]], "actors": [head, good]})
    book_case(
        "xlsx-explanations-empty-rows-trailing-spaces",
        {
            "sources": [["id", "title"], ["kalla", "Källa"]],
            "actors": [
                head,
                ["# Unik id", "Namn", "Typ", "Nivå", "Län", "Källa", "Säkerhet"],
                [None] * 7,
                [v + "  " for v in good],
                [None] * 7,
            ],
        },
    )

    def merge(wb):
        ws = wb["actors"]
        ws.merge_cells("F2:F3")  # the source cell merged over two rows
        ws.merge_cells("G2:G3")

    book_case(
        "xlsx-merged-cells",
        {
            "sources": [["id", "title"], ["kalla", "Källa"]],
            "actors": [head, good, ["fou-andra", "FoU Andra", "fou-enhet", "regional", "24", None, None]],
        },
        setup=merge,
    )

    def hide(wb):
        wb["posts"].sheet_state = "hidden"

    book_case(
        "xlsx-hidden-sheet",
        {
            "sources": [["id", "title"], ["kalla", "Källa"]],
            "actors": [head, good],
            "posts": [
                ["id", "actor", "title_sv", "source", "confidence"],
                ["p1", "fou-test", "Strateg", "kalla", "stated"],
            ],
        },
        setup=hide,
    )
    book_case(
        "xlsx-formula-without-value",
        {
            "sources": [["id", "title"], ["kalla", "Källa"]],
            "actors": [head, ["fou-test", '="FoU "&"Test"', "fou-enhet", "regional", "24", "kalla", "stated"]],
        },
    )
    book_case(
        "xlsx-numbers-as-numbers",
        {
            "sources": [["id", "title"], ["kalla", "Källa"]],
            "actors": [head, ["fou-test", "FoU Test", "fou-enhet", "regional", 24, "kalla", "stated"]],
            "coverage": [
                ["id", "actor", "places", "source", "confidence"],
                ["c1", "fou-test", 2480, "kalla", "stated"],
                ["c2", "fou-test", 180, "kalla", "stated"],
            ],
        },
    )
    (folder("xlsx-corrupt") / "region.xlsx").write_bytes(b"PK\x03\x04 this is not really a workbook")


if __name__ == "__main__":
    main()
