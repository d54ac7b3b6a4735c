#!/usr/bin/env python3
"""Compares a deepgrid CSV with the xlsx LibreOffice made of it (see check-spreadsheet).

In sheet1.xml a cell with t="s" is a shared string, t="inlineStr"/"str" is text,
t="b" a boolean, t="e" an error, and no t (or t="n") a number in <v>. Empty cells are
absent. Every number-looking CSV cell (in any column) must come back as a number of the
same value, text as the same text; lowercase true/false may come back as booleans (Calc
and Excel both do that, and the meaning is kept). Prints one line per problem (at most 10
per kind) and a summary line.
"""
import csv
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
# the same number syntax as deepgrid.run.results.Csv (no nan, inf or 1_000, unlike float())
NUMBER = re.compile(r"[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")


def column_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n - 1


def read_xlsx(path):
    """Rows of (type, value) by column index: type is 'number', 'text' or the raw t attribute."""
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows = {}
    for row in sheet.iter("{%s}row" % NS["m"]):
        cells = {}
        for c in row.findall("m:c", NS):
            t = c.get("t", "n")
            v = c.find("m:v", NS)
            if t == "s":
                cells[column_index(c.get("r"))] = ("text", shared[int(v.text)])
            elif t == "inlineStr":
                cells[column_index(c.get("r"))] = ("text", "".join(x.text or "" for x in c.iter("{%s}t" % NS["m"])))
            elif t == "str":
                cells[column_index(c.get("r"))] = ("text", v.text if v is not None else "")
            elif v is not None:
                cells[column_index(c.get("r"))] = ("number" if t == "n" else t, v.text)
        rows[int(row.get("r")) - 1] = cells
    return rows


def main(csv_path, xlsx_path):
    with open(csv_path, newline="", encoding="utf-8") as f:
        table = list(csv.reader(f))
    header, body = table[0], table[1:]
    # a numeric column: every non-empty cell is a number (each such cell is checked below)
    numeric = [all(NUMBER.fullmatch(r[i]) for r in body if r[i] != "") and any(r[i] for r in body)
               for i in range(len(header))]
    sheet = read_xlsx(xlsx_path)
    problems = {}

    def problem(kind, text):
        problems.setdefault(kind, []).append(text)

    for i, name in enumerate(header):
        got = sheet.get(0, {}).get(i)
        if got != ("text", name):
            problem("header", f"column {i + 1}: expected text {name!r}, got {got}")
    worst = 0.0
    booleans = 0
    for r, row in enumerate(body, start=1):
        for i, cell in enumerate(row):
            got = sheet.get(r, {}).get(i)
            where = f"row {r + 1} {header[i]}"
            if cell == "":
                if got is not None:
                    problem("empty", f"{where}: empty in the CSV, {got} in the sheet")
            elif NUMBER.fullmatch(cell):
                if got is None or got[0] != "number":
                    problem("number", f"{where}: {cell!r} is not a number in the sheet: {got}")
                    continue
                # LibreOffice keeps about 15 significant digits of the 17 Java may write
                error = abs(float(got[1]) - float(cell)) / max(abs(float(cell)), 1e-300)
                worst = max(worst, error)
                if error > 1e-14:
                    problem("value", f"{where}: {cell} became {got[1]} (relative error {error:.1e})")
            elif cell.lower() in ("true", "false") and got == ("b", "1" if cell.lower() == "true" else "0"):
                booleans += 1  # a spreadsheet's TRUE/FALSE: the same meaning, so not a problem
            elif got != ("text", cell):
                problem("text", f"{where}: text {cell!r} came back as {got}")
    name = csv_path.rsplit("/", 1)[-1]
    numbers = sum(1 for r in body for i, c in enumerate(r) if c and numeric[i])
    for kind, lines in problems.items():
        for line in lines[:10]:
            print(f"  {name}: {kind}: {line}")
        if len(lines) > 10:
            print(f"  {name}: {kind}: ... and {len(lines) - 10} more")
    verdict = "FAIL" if problems else "ok  "
    print(f"{verdict} {name}: {len(header)} columns ({sum(numeric)} numeric), {len(body)} rows, "
          f"{numbers} cells in numeric columns, all number cells within {worst:.1e} relative, "
          f"{booleans} true/false read as booleans, "
          f"{sum(len(v) for v in problems.values())} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
