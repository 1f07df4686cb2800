#!/usr/bin/env python3
"""Converts an edition's CSV datasets into one Excel workbook, a sheet per dataset, typed the
way an analyst's Excel holds them: counts and amounts as numbers with thousands and pound
formats, percentages as fractions with a percent format, dates as dates.

Made with openpyxl (PyPI), an independent writer of .xlsx, so that annual-report's reader is
tested against workbooks it did not write itself.

Usage: scripts/edition_to_workbook.py SOURCE_EDITION DESTINATION [--analyst] [--set SHEET!CELL=TEXT]...

DESTINATION becomes a copy of the edition whose edition.yaml names data/figures.xlsx and a
sheet for every dataset. --set types TEXT as a CSV cell would be and puts it in that cell, to
make mutated workbooks for tests.

--analyst lays every sheet out as performance teams keep them: a merged title and a note
above the header, a Notes column, figures with one column per area (`layout: wide`) under a
two-row header where an area has more than a value, a Total column, and a hidden helper
column the manifest lists under `ignore_columns:`; totals are SUM formulas saved without their
results, as openpyxl saves them. The report built from it must be
byte-identical to the one built from the CSV files.
"""
import argparse
import csv
import datetime
import decimal
import re
import shutil
import sys
from pathlib import Path

import openpyxl
import openpyxl.styles
import openpyxl.utils
import yaml

WORKBOOK = "data/figures.xlsx"
COUNT = re.compile(r"^-?\d{1,3}(,\d{3})+$|^-?\d+$")
MONEY = re.compile(r"^-?£\s?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
DECIMAL = re.compile(r"^-?\d+\.\d+$")
PERCENT = re.compile(r"^(-?\d+(\.\d+)?)\s?%$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
UK_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def typed(text):
    """The value and number format Excel would hold for a cell typed as `text`."""
    stripped = text.strip()
    if stripped == "":
        return None, None
    if match := PERCENT.match(stripped):
        number = decimal.Decimal(match.group(1))
        places = -number.as_tuple().exponent if number.as_tuple().exponent < 0 else 0
        return float(number / 100), "0" + ("." + "0" * places if places else "") + "%"
    if MONEY.match(stripped):
        number = decimal.Decimal(stripped.replace("£", "").replace(",", "").replace(" ", ""))
        places = "0.00" if "." in stripped else "0"
        value = int(number) if number == number.to_integral_value() and "." not in stripped else float(number)
        return value, '"£"#,##' + places
    if COUNT.match(stripped):
        return int(stripped.replace(",", "")), "#,##0" if "," in stripped else "General"
    if DECIMAL.match(stripped):
        return float(stripped), "General"
    if match := ISO_DATE.match(stripped):
        year, month, day = (int(part) for part in match.groups())
        return datetime.datetime(year, month, day), "dd/mm/yyyy"
    if match := UK_DATE.match(stripped):
        day, month, year = (int(part) for part in match.groups())
        return datetime.datetime(year, month, day), "dd/mm/yyyy"
    return text, "@"


def put(sheet, cell, text):
    value, number_format = typed(text)
    sheet[cell] = value
    if number_format:
        sheet[cell].number_format = number_format


def areas_of(manifest):
    """Every area of the manifest's tree, key to name."""
    names = {}

    def walk(areas):
        for area in areas or []:
            names[area["key"]] = area["name"]
            walk(area.get("areas"))

    walk(manifest.get("areas"))
    return names


def wide_plan(header, rows, area_names):
    """How a figures table goes wide: its row columns, the columns under each area, and the
    sheet's rows; None when the long table's order could not be read back from the wide one."""
    if "area" not in header or "value" not in header:
        return None
    index = {name: position for position, name in enumerate(header)}
    subs = [name for name in ("value", "stated_percent", "previous")
            if name in index and (name == "value" or any(row[index[name]].strip() for row in rows))]
    kept = [name for name in header if name not in ("area", "value", "stated_percent", "previous")]
    row_columns = [name for name in kept if any(row[index[name]].strip() for row in rows) or name == "measure"]
    dropped = [name for name in kept if name not in row_columns]
    areas, keys, cells = [], [], {}
    for row in rows:
        area = row[index["area"]]
        if area not in area_names:
            return None
        if areas and areas[-1] != area and area in areas:
            return None  # an area's rows are not together
        if area not in areas:
            areas.append(area)
        key = tuple(row[index[name]] for name in row_columns)
        if key not in keys:
            keys.append(key)
        if (area, key) in cells or any(row[index[name]].strip() for name in dropped):
            return None
        cells[(area, key)] = [row[index[name]] for name in subs]
    for area in areas:
        mine = [key for key in keys if (area, key) in cells]
        listed = [tuple(row[index[name]] for name in row_columns) for row in rows if row[index["area"]] == area]
        if mine != listed:
            return None  # the wide sheet would list this area's rows in another order
    return row_columns, subs, areas, keys, cells


def write_analyst_sheet(sheet, dataset, header, rows, area_names, manifest_entry):
    """One dataset laid out as an analyst keeps it; returns the manifest keys it needs."""
    title_font = openpyxl.styles.Font(bold=True, size=14)
    sheet["A1"] = dataset["title"]
    sheet["A1"].font = title_font
    sheet["A2"] = "Prepared by the partnership's performance team. Figures as at the end of the year."
    plan = wide_plan(header, rows, area_names) if dataset["schema"] == "figures" else None
    top = 4
    if plan is None:
        columns = header + ["Notes"]
        for column, name in enumerate(columns, start=1):
            sheet.cell(row=top, column=column, value=name)
        for offset, row in enumerate(rows, start=1):
            for column, text in enumerate(row, start=1):
                put(sheet, sheet.cell(row=top + offset, column=column).coordinate, text)
        if rows:
            sheet.cell(row=top + 1, column=len(columns), value="checked against the source")
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
        # A hidden helper column the report is told not to read.
        helper = len(columns) + 1
        sheet.cell(row=top, column=helper, value="Helper")
        for offset in range(1, len(rows) + 1):
            sheet.cell(row=top + offset, column=helper, value=offset)
        sheet.column_dimensions[openpyxl.utils.get_column_letter(helper)].hidden = True
        manifest_entry["header_row"] = top
        manifest_entry["ignore_columns"] = ["Helper"]
        return
    row_columns, subs, areas, keys, cells = plan
    two_rows = len(subs) > 1
    labels = {"value": "Value", "stated_percent": "Stated percent", "previous": "Previous"}
    column = 1
    for name in row_columns:
        sheet.cell(row=top, column=column, value=name.replace("_", " ").capitalize())
        if two_rows:
            sheet.merge_cells(start_row=top, start_column=column, end_row=top + 1, end_column=column)
        column += 1
    area_columns = {}
    for area in areas:
        sheet.cell(row=top, column=column, value=area_names[area])
        if two_rows:
            sheet.merge_cells(start_row=top, start_column=column, end_row=top, end_column=column + len(subs) - 1)
            for offset, sub in enumerate(subs):
                sheet.cell(row=top + 1, column=column + offset, value=labels[sub])
        area_columns[area] = column
        column += len(subs)
    total_column = None
    values = [cells[(area, key)][0] for area in areas for key in keys if (area, key) in cells]
    if not two_rows and all(COUNT.match(text.strip()) for text in values if text.strip()):
        total_column = column
        sheet.cell(row=top, column=column, value="Total")
        column += 1
    notes_column = column
    sheet.cell(row=top, column=notes_column, value="Notes")
    first = top + (2 if two_rows else 1)
    for offset, key in enumerate(keys):
        number = first + offset
        for position, text in enumerate(key, start=1):
            put(sheet, sheet.cell(row=number, column=position).coordinate, text)
        total = 0
        for area in areas:
            for index, text in enumerate(cells.get((area, key), [""] * len(subs))):
                put(sheet, sheet.cell(row=number, column=area_columns[area] + index).coordinate, text)
            if total_column and (area, key) in cells and cells[(area, key)][0].strip():
                total += int(cells[(area, key)][0].replace(",", ""))
        if total_column:
            # A formula, saved without its result as openpyxl saves it: the reader computes it.
            first_letter = openpyxl.utils.get_column_letter(area_columns[areas[0]])
            last_letter = openpyxl.utils.get_column_letter(total_column - 1)
            sheet.cell(row=number, column=total_column, value=f"=SUM({first_letter}{number}:{last_letter}{number})")
    sheet.cell(row=first, column=notes_column, value="see the performance team's return")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=notes_column)
    manifest_entry["layout"] = "wide"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("source")
    parser.add_argument("destination")
    parser.add_argument("--set", action="append", default=[], metavar="SHEET!CELL=TEXT")
    parser.add_argument("--analyst", action="store_true", help="lay sheets out as analysts keep them")
    arguments = parser.parse_args()
    source, destination = Path(arguments.source), Path(arguments.destination)
    manifest = yaml.safe_load((source / "edition.yaml").read_text(encoding="utf-8"))
    dataset_files = {dataset["file"] for dataset in manifest["datasets"]}
    shutil.copytree(
        source, destination,
        ignore=lambda folder, names: [
            name for name in names
            if str((Path(folder) / name).relative_to(source)) in dataset_files
        ])
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for dataset in manifest["datasets"]:
        sheet = workbook.create_sheet(dataset["id"][:31])
        if arguments.analyst:
            with open(source / dataset["file"], encoding="utf-8-sig", newline="") as handle:
                table = [row for row in csv.reader(handle) if any(cell.strip() for cell in row)]
            write_analyst_sheet(sheet, dataset, table[0], table[1:], areas_of(manifest), dataset)
            dataset["file"] = WORKBOOK
            dataset["sheet"] = sheet.title
            continue
        with open(source / dataset["file"], encoding="utf-8-sig", newline="") as handle:
            for row_number, row in enumerate(csv.reader(handle), start=1):
                for column_number, text in enumerate(row, start=1):
                    cell = sheet.cell(row=row_number, column=column_number).coordinate
                    if row_number == 1:
                        sheet[cell] = text
                    else:
                        put(sheet, cell, text)
        dataset["file"] = WORKBOOK
        dataset["sheet"] = sheet.title
    for change in arguments.set:
        place, text = change.split("=", 1)
        sheet_name, cell = place.split("!")
        put(workbook[sheet_name], cell, text)
    (destination / "data").mkdir(parents=True, exist_ok=True)
    workbook.save(destination / WORKBOOK)
    (destination / "edition.yaml").write_text(
        yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
