#!/usr/bin/env python3
"""Makes one workbook case for the tests: the reference edition converted to one workbook
(scripts/edition_to_workbook.py), then its `performance` sheet laid out again the way an
analyst lays it out, with openpyxl (PyPI), an .xlsx writer independent of annual-report.

Usage: scripts/analyst_workbook_case.py SOURCE_EDITION DESTINATION CASE

Cases (each either reads into the same report as the plain sheet, or gives one message):
  title             a merged title and a note above the header, found where the columns are
  header-row        the same, with `header_row:` in the manifest
  two-row-header    "Figure" merged over Value and Stated percent, the other headings merged down
  notes             Notes and Comments columns the report leaves alone
  wide              councils across, a two-row header (council over Value, Stated percent)
  total-row         a Total row per measure that adds up
  total-row-wrong   a Total row whose value is one too many
  helper-listed     a hidden helper column listed under `ignore_columns:`
  helper-unlisted   the same hidden helper column, not listed
  formulas          arithmetic formulas (+, SUM, ROUND, references) saved without results
  formula-other     a formula it does not compute (VLOOKUP), saved without its result
  formula-stale     a formula whose saved result disagrees with it
"""
import csv
import re
import subprocess
import zipfile
import sys
from pathlib import Path

import openpyxl
import yaml

sys.path.insert(0, str(Path(__file__).parent))
import edition_to_workbook as converter  # noqa: E402

SHEET = "performance"


def rows_of(source):
    with open(source / "data/performance.csv", encoding="utf-8-sig", newline="") as handle:
        table = [row for row in csv.reader(handle) if any(cell.strip() for cell in row)]
    return table[0], table[1:]


def write(sheet, top, rows):
    """Rows of CSV text from row `top`, typed as Excel holds them."""
    for offset, row in enumerate(rows):
        for column, text in enumerate(row, start=1):
            converter.put(sheet, sheet.cell(row=top + offset, column=column).coordinate, text)


def titled(sheet, width):
    sheet["A1"] = "Children's social care activity, March 2024"
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet["A2"] = "Source: the councils' monthly returns. Provisional until published."


def main():
    source, destination, case = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    subprocess.run([sys.executable, str(Path(__file__).parent / "edition_to_workbook.py"),
                    str(source), str(destination)], check=True)
    workbook_path = destination / converter.WORKBOOK
    workbook = openpyxl.load_workbook(workbook_path)
    index = workbook.sheetnames.index(SHEET)
    workbook.remove(workbook[SHEET])
    sheet = workbook.create_sheet(SHEET, index)
    manifest = yaml.safe_load((destination / "edition.yaml").read_text(encoding="utf-8"))
    entry = next(dataset for dataset in manifest["datasets"] if dataset["id"] == SHEET)
    header, rows = rows_of(source)
    width = len(header)
    if case in ("title", "header-row"):
        titled(sheet, width)
        for column, name in enumerate(header, start=1):
            sheet.cell(row=4, column=column, value=name)
        write(sheet, 5, rows)
        if case == "header-row":
            entry["header_row"] = 4
    elif case == "two-row-header":
        titled(sheet, width)
        value = header.index("value") + 1
        for column, name in enumerate(header, start=1):
            if column in (value, value + 1):
                sheet.cell(row=5, column=column, value="Value" if column == value else "Stated percent")
            else:
                sheet.cell(row=4, column=column, value=name.replace("_", " ").capitalize())
                sheet.merge_cells(start_row=4, start_column=column, end_row=5, end_column=column)
        sheet.cell(row=4, column=value, value="Figure")
        sheet.merge_cells(start_row=4, start_column=value, end_row=4, end_column=value + 1)
        write(sheet, 6, rows)
    elif case == "notes":
        for column, name in enumerate(header + ["Notes", "Comments"], start=1):
            sheet.cell(row=1, column=column, value=name)
        write(sheet, 2, rows)
        sheet.cell(row=2, column=width + 1, value="provisional")
        sheet.cell(row=3, column=width + 2, value="checked by JB")
    elif case == "wide":
        converter.write_analyst_sheet(sheet, entry, header, rows, converter.areas_of(manifest), entry)
    elif case in ("total-row", "total-row-wrong"):
        for column, name in enumerate(header, start=1):
            sheet.cell(row=1, column=column, value=name)
        area, measure, value = header.index("area"), header.index("measure"), header.index("value")
        contacts = [row for row in rows if row[measure] == "contacts"]
        total = sum(int(row[value].replace(",", "")) for row in contacts)
        total_row = [""] * width
        total_row[area], total_row[measure] = "Total", "contacts"
        total_row[value] = str(total + (1 if case == "total-row-wrong" else 0))
        write(sheet, 2, rows + [total_row])
    elif case in ("helper-listed", "helper-unlisted"):
        for column, name in enumerate(header + ["Helper"], start=1):
            sheet.cell(row=1, column=column, value=name)
        write(sheet, 2, rows)
        for offset in range(len(rows)):
            sheet.cell(row=2 + offset, column=width + 1, value=f"=ROW()*{offset}")
        sheet.column_dimensions[openpyxl.utils.get_column_letter(width + 1)].hidden = True
        if case == "helper-listed":
            entry["ignore_columns"] = ["Helper"]
    elif case in ("formulas", "formula-other", "formula-stale"):
        for column, name in enumerate(header, start=1):
            sheet.cell(row=1, column=column, value=name)
        write(sheet, 2, rows)
        value, stated = header.index("value") + 1, header.index("stated_percent") + 1
        # Row 2 is Cumberland's contacts (802), row 3 its referrals (189, 23.5% of contacts).
        assert rows[0][1] == "contacts" and rows[1][1] == "referrals"
        if case == "formulas":
            sheet.cell(row=2, column=value, value="=800+2")
            sheet.cell(row=3, column=value, value="=ROUND(C2*0.2357,0)")
            sheet.cell(row=3, column=stated, value="=ROUND(C3/C2,3)-0.001")
            sheet.cell(row=3, column=stated).number_format = "0.0%"
            total = [""] * width
            total[0], total[1] = "Total", "contacts"
            write(sheet, 2 + len(rows), [total])
            contacts = [2 + index for index, row in enumerate(rows) if row[1] == "contacts"]
            letter = openpyxl.utils.get_column_letter(value)
            sheet.cell(row=2 + len(rows), column=value,
                       value="=" + "+".join(f"{letter}{number}" for number in contacts))
        elif case == "formula-other":
            sheet.cell(row=2, column=value, value="=VLOOKUP(A2,Lookup!A:B,2,FALSE)")
        else:
            sheet.cell(row=2, column=value, value="=800+2")
    else:
        sys.exit(f"unknown case {case}")
    workbook.save(workbook_path)
    if case == "formula-stale":
        # openpyxl saves no results; this one is saved as Excel would have before an edit.
        with zipfile.ZipFile(workbook_path) as archive:
            parts = {name: archive.read(name) for name in archive.namelist()}
        name = next(name for name in parts if name.startswith("xl/worksheets/") and
                    b"<f>800+2</f>" in parts[name])
        parts[name] = parts[name].replace(b"<f>800+2</f><v></v>", b"<f>800+2</f><v>801</v>").replace(
            b"<f>800+2</f></c>", b"<f>800+2</f><v>801</v></c>")
        with zipfile.ZipFile(workbook_path, "w", zipfile.ZIP_DEFLATED) as archive:
            for part, data in parts.items():
                archive.writestr(part, data)
    (destination / "edition.yaml").write_text(
        yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
