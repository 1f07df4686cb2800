#!/usr/bin/env python3
"""Converts an edition's CSV datasets into one Excel workbook, a sheet per dataset, typed the
way an analyst's Excel holds them: counts and amounts as numbers with thousands and pound
formats, percentages as fractions with a percent format, dates as dates.

Made with openpyxl (PyPI), an independent writer of .xlsx, so that annual-report's reader is
tested against workbooks it did not write itself.

Usage: scripts/edition_to_workbook.py SOURCE_EDITION DESTINATION [--set SHEET!CELL=TEXT]...

DESTINATION becomes a copy of the edition whose edition.yaml names data/figures.xlsx and a
sheet for every dataset. --set types TEXT as a CSV cell would be and puts it in that cell, to
make mutated workbooks for tests.
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("source")
    parser.add_argument("destination")
    parser.add_argument("--set", action="append", default=[], metavar="SHEET!CELL=TEXT")
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
