#!/usr/bin/env python3
"""Scans every published file of an output folder for the true values of withheld cells, in
their places.

A withheld cell is one the published CSV writes as `c` (or gives only as a bound); its true
value comes from the input edition. The scan then looks where that figure would be shown:

  - every CSV of the folder: the same area, measure and period (or last year's column of the
    same figure a year later) printed in the clear;
  - report.html and report.xhtml: the table cell at that row and column (area, measure, period
    named by the row and column headings, the dataset by the caption), the change column beside
    it (this year minus last year gives a withheld value back from the other), the chart's
    description, value label and bar or point for it (a chart draws nothing for a withheld cell);
  - report.pdf, as pdftotext reads it: the chart value printed under its label, and the table
    row's cells in order (columns the page cuts off are not seen); as pulled-out text is only
    roughly in place, a hit there is the true value itself;
  - every JSON file: an object naming the area and the measure that holds the true value;
  - checks.csv and findings.json (the internal log, true values) must not be in the folder.

It fails (exit 1) on any hit, naming the file, the place and the cell; exit 2 when it cannot
read the folder. Written apart from the Swift code, from docs/edition-format.md and the
published files themselves.

    python3 scripts/disclosure_scan.py PUBLISHED_FOLDER INPUT_EDITION
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from disclosure_edition import EditionError, Span, policy_of, read_edition, show, truth  # noqa: E402

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def period_labels(span: Span) -> set[str]:
    """How the report may name a period: 2031/32, April to June 2031, March 2032."""
    labels = {f"{span.start}/{span.end}"}
    if span.start.month == 4 and span.start.day == 1 and span.end.month == 3 and span.end.day == 31 \
            and span.end.year == span.start.year + 1:
        labels.add(f"{span.start.year}/{str(span.end.year)[2:]}")
    if span.start.year == span.end.year:
        first, last = MONTHS[span.start.month - 1], MONTHS[span.end.month - 1]
        labels.add(f"{first} to {last} {span.start.year}" if first != last else f"{first} {span.start.year}")
    if span.start.month == 1 and span.end.month == 12 and span.start.year == span.end.year:
        labels.add(str(span.start.year))
    return labels


def leading_number(text: str) -> Fraction | None:
    text = text.replace("\u2212", "-").replace("\u00a0", " ").strip()
    m = re.match(r"^[+-]?£?([\d,]+(?:\.\d+)?)", text)
    if not m:
        return None
    try:
        return Fraction(m[1].replace(",", ""))
    except ValueError:
        return None


def longest(text: str, candidates: list[str]) -> str | None:
    """The longest candidate found in text at word boundaries."""
    best = None
    for candidate in candidates:
        if re.search(rf"(?<![\w-]){re.escape(candidate)}(?![\w-])", text) and (best is None or len(candidate) > len(best)):
            best = candidate
    return best


class Page(HTMLParser):
    """Tables (caption, column headings, rows) and SVG charts of an HTML or XHTML report."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.charts = [], []
        self.table = self.chart = None
        self.text_target = None
        self.buffer = []
        self.row = None
        self.in_head = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.table = {"caption": "", "columns": [], "rows": [], "id": attrs.get("id", "")}
        elif tag == "thead":
            self.in_head = True
        elif tag == "tr" and self.table is not None:
            self.row = []
        elif tag in ("th", "td", "caption") and self.table is not None:
            self.text_target, self.buffer = tag, []
        elif tag == "svg":
            self.chart = {"title": "", "desc": "", "items": [], "circles": 0}
        elif self.chart is not None:
            if tag in ("title", "desc", "text"):
                self.text_target, self.buffer = tag, []
                self.chart_class = attrs.get("class", "")
            elif tag == "rect" and "chart-bar" in (attrs.get("class") or ""):
                self.chart["items"].append(("bar", attrs.get("width", "")))
            elif tag == "circle":
                self.chart["circles"] += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in ("title", "desc", "text", "th", "td"):
            self.handle_endtag(tag)

    def handle_data(self, data):
        if self.text_target is not None:
            self.buffer.append(data)

    def handle_endtag(self, tag):
        text = " ".join("".join(self.buffer).split())
        if tag == self.text_target:
            self.text_target = None
            if self.chart is not None:
                if tag in ("title", "desc"):
                    self.chart[tag] = text
                else:
                    self.chart["items"].append((self.chart_class or "text", text))
            elif tag == "caption":
                self.table["caption"] = text
            elif self.row is not None:
                self.row.append((tag, text))
        if tag == "tr" and self.table is not None and self.row is not None:
            if self.in_head:
                self.table["columns"] = [t for _, t in self.row]
            else:
                self.table["rows"].append(self.row)
            self.row = None
        elif tag == "thead":
            self.in_head = False
        elif tag == "table" and self.table is not None:
            self.tables.append(self.table)
            self.table = None
        elif tag == "svg" and self.chart is not None:
            self.charts.append(self.chart)
            self.chart = None


class Scan:
    def __init__(self, published: Path, edition: Path):
        self.folder = published
        self.published = read_edition(published)
        self.original = read_edition(edition)
        self.policy, _ = policy_of(self.published, self.original)
        true = truth(self.original)
        self.hits: list[str] = []
        # Withheld cells by figure key, with their true value.
        self.hidden: dict[tuple, Fraction] = {}
        self.hidden_where: dict[tuple, str] = {}
        for entry in self.published.entries():
            if entry.cell.kind in ("withheld", "bound"):
                value = true.get((entry.dataset, entry.area, entry.measure, entry.span, entry.column))
                if value is not None:
                    self.hidden[entry.key] = value
                    self.hidden_where[entry.key] = entry.where()
        self.names = {name: key for key, name in self.published.names.items()}
        self.labels = {m.label: m.key for m in self.published.measures.values()}
        self.spans_by_label = defaultdict(set)
        for entry in self.published.entries():
            for label in period_labels(entry.span):
                self.spans_by_label[label].add(entry.span)
        self.seen: set[tuple] = set()

    def hit(self, file: str, place: str, key: tuple, shown: str):
        self.hits.append(f"{file}: {place} shows '{shown}' for {self.hidden_where.get(key, key)}, a withheld cell "
                         f"(true value {show(self.hidden[key])})")

    # -- the places ---------------------------------------------------------------------------

    def internal_log(self):
        for name in ("checks.csv", "findings.json"):
            for path in sorted(self.folder.rglob(name)):
                self.hits.append(f"{path}: the internal log (true values) is in the published folder")

    def csv_files(self):
        for entry in self.published.entries():
            if entry.cell.kind == "exact" and entry.key in self.hidden and entry.cell.value == self.hidden[entry.key]:
                file = self.published.dataset_file(entry.dataset)
                self.hit(f"{file}:{entry.line}", f"the {entry.column} column", entry.key, entry.cell.text)

    def json_files(self):
        by_area_measure = defaultdict(list)
        for key, value in self.hidden.items():
            by_area_measure[(key[0], key[1])].append((key, value))
        for path in sorted(self.folder.rglob("*.json")):
            try:
                document = json.loads(path.read_text(encoding="utf-8"))
            except (ValueError, UnicodeDecodeError) as error:
                self.hits.append(f"{path}: cannot be read as JSON ({error})")
                continue
            stack = [document]
            while stack:
                node = stack.pop()
                if isinstance(node, list):
                    stack.extend(node)
                    continue
                if not isinstance(node, dict):
                    continue
                stack.extend(node.values())
                strings = {str(v) for v in node.values() if isinstance(v, str)}
                joined = " ".join(strings)
                for (area, measure), cells in by_area_measure.items():
                    if not (area in strings or re.search(rf"(?<![\w-]){re.escape(area)}(?![\w-])", joined)):
                        continue
                    if measure not in joined:
                        continue
                    for key, value in cells:
                        for field, v in node.items():
                            number = v if isinstance(v, (int, float)) and not isinstance(v, bool) else \
                                leading_number(v) if isinstance(v, str) else None
                            if number is not None and Fraction(number) == value and field not in ("line", "column"):
                                self.hit(str(path), f"field '{field}' of an object naming {area} and {measure}", key, str(v))

    def entry_for(self, dataset_ids: set[str], area: str, measure: str, period: str | None):
        """The figure key a table cell or chart item stands for."""
        candidates = [e for e in self.published.entries()
                      if (not dataset_ids or e.dataset in dataset_ids) and e.area == area and e.measure == measure]
        if period is not None:
            candidates = [e for e in candidates if period in period_labels(e.span)]
        else:
            candidates = [e for e in candidates if e.column == "value" and not e.period_text]
        keys = {e.key for e in candidates}
        return keys.pop() if len(keys) == 1 else None

    def headings(self, text: str):
        area = longest(text, list(self.names))
        measure = longest(text, list(self.labels))
        period = longest(text, list(self.spans_by_label))
        return (self.names.get(area), self.labels.get(measure), period)

    def html(self, path: Path):
        page = Page()
        page.feed(path.read_text(encoding="utf-8"))
        titles = {str(spec.get("title", "")): d for d, spec in self.published.datasets.items()}
        for table in page.tables:
            title = longest(table["caption"], list(titles))
            datasets = {titles[title]} if title else set()
            for row in table["rows"]:
                row_heading = next((t for tag, t in row if tag == "th"), "")
                cells = [t for tag, t in row if tag == "td"]
                columns = table["columns"][len(table["columns"]) - len(cells):]
                for column, text in zip(columns, cells):
                    area, measure, period = self.headings(f"{row_heading} | {column}")
                    if area is None and len(self.published.names) == 1:
                        area = next(iter(self.published.names))
                    if area is None or measure is None:
                        continue
                    place = f"table '{table['caption']}', row '{row_heading}', column '{column}'"
                    if re.search(r"\bchange\b", column, re.I):
                        self.change_cell(path, place, datasets, area, measure, text)
                        continue
                    key = self.entry_for(datasets, area, measure, period)
                    if key in self.hidden:
                        self.seen.add(key)
                        if leading_number(text) is not None:
                            self.hit(str(path), place, key, text)
        for chart in page.charts:
            self.chart(path, chart)

    def change_cell(self, path, place, datasets, area, measure, text):
        """A change beside a withheld figure gives it back from the other year's."""
        rows = [r for r in self.published.rows
                if (not datasets or r.dataset in datasets) and r.area == area and r.measure == measure and not r.value.period_text]
        for row in rows:
            for entry in (row.value, row.previous):
                if entry is not None and entry.key in self.hidden and re.search(r"\d", text):
                    self.hit(str(path), place + " (the change from last year)", entry.key, text)

    def chart(self, path: Path, chart: dict):
        base_area, measure, _ = self.headings(chart["title"])
        if measure is None:
            return
        items = [i.strip() for i in chart["desc"].rstrip(".").split("; ") if ":" in i]
        numeric = 0
        for item in items:
            label, _, value = item.rpartition(": ")
            area, _, period = self.headings(label)
            area = area or base_area
            key = self.entry_for(set(), area, measure, period) if area else None
            if leading_number(value) is not None:
                numeric += 1
            if key in self.hidden and leading_number(value) is not None:
                self.hit(str(path), f"chart '{chart['title']}', description '{item}'", key, value)
        # Bar charts: a label, then its bar and value, until the next label.
        current = None
        for kind, text in chart["items"]:
            if "chart-label" in kind:
                area, _, period = self.headings(text)
                current = self.entry_for(set(), area or base_area, measure, period) if (area or base_area) else None
                label = text
            elif current in self.hidden and kind == "bar":
                self.hit(str(path), f"chart '{chart['title']}', a bar for '{label}'", current, f"bar {text}")
            elif current in self.hidden and "chart-value" in kind and leading_number(text) is not None:
                self.hit(str(path), f"chart '{chart['title']}', the value for '{label}'", current, text)
        # Line charts: a point for every published value, none for a withheld one.
        if chart["circles"] > numeric:
            withheld = [self.entry_for(set(), base_area, measure, self.headings(i.rpartition(': ')[0])[2])
                        for i in items]
            for key in withheld:
                if key in self.hidden:
                    self.hit(str(path), f"chart '{chart['title']}' draws {chart['circles']} points for "
                             f"{numeric} published values", key, "a point")

    def pdf(self, path: Path):
        if shutil.which("pdftotext") is None:
            self.hits.append(f"{path}: pdftotext (poppler-utils) is needed to read it")
            return
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
        lines = [line for line in text.splitlines() if line.strip()]
        measure = None
        skip = False
        for i, line in enumerate(lines):
            if skip:
                skip = False
                continue
            stripped = " ".join(line.split())
            if stripped in self.labels:
                measure = self.labels[stripped]
                continue
            # A chart's heading wrapped onto two lines.
            joined = stripped + " " + " ".join(lines[i + 1].split()) if i + 1 < len(lines) else ""
            if joined in self.labels:
                measure, skip = self.labels[joined], True
                continue
            # A chart's item: "Area Period" on one line, its value alone on the next.
            area, _, period = self.headings(stripped)
            if measure and area and i + 1 < len(lines) and re.fullmatch(r"\s*[\d,]+\s*", lines[i + 1]):
                label_rest = stripped
                if label_rest == self.published.names[area] or (period and label_rest.endswith(period)):
                    key = self.entry_for(set(), area, measure, period)
                    # Text pulled out of a page is only roughly in place: a hit is the true value.
                    if key in self.hidden and leading_number(lines[i + 1]) == self.hidden[key]:
                        self.hit(str(path), f"the chart item '{stripped}' of {measure}", key, lines[i + 1].strip())
        self.pdf_tables(path, lines)

    def pdf_tables(self, path: Path, lines: list[str]):
        """Each HTML table row's cells, matched in order to the PDF line that starts with its
        heading (columns cut off at the page's edge are not seen)."""
        page = Page()
        page.feed((self.folder / "report.html").read_text(encoding="utf-8"))
        titles = {str(spec.get("title", "")): d for d, spec in self.published.datasets.items()}
        for table in page.tables:
            title = longest(table["caption"], list(titles))
            if not title:
                continue
            try:
                start = next(i for i, line in enumerate(lines) if " ".join(line.split()) == table["caption"])
            except StopIteration:
                continue
            for row in table["rows"]:
                heading = next((t for tag, t in row if tag == "th"), "")
                cells = [t for tag, t in row if tag == "td"]
                columns = table["columns"][len(table["columns"]) - len(cells):]
                prefix = " ".join(heading.split()[:2])
                for line in lines[start:start + 400]:
                    if not " ".join(line.split()).startswith(prefix):
                        continue
                    tokens = [t for t in re.split(r"\s{2,}", line.strip()) if t][1:]
                    values = [t for t in tokens if re.match(r"^([+\u2212-]?£?[\d,]|c$|no change)", t)]
                    for column, token in zip(columns, values):
                        area, measure, period = self.headings(f"{heading} | {column}")
                        if area is None or measure is None or re.search(r"\bchange\b", column, re.I):
                            continue
                        key = self.entry_for({titles[title]}, area, measure, period)
                        if key in self.hidden and leading_number(token) == self.hidden[key]:
                            self.hit(str(path), f"table '{table['caption']}', row '{heading}', column '{column}'",
                                     key, token)
                    break

    def run(self) -> int:
        if self.policy:
            self.internal_log()
        self.csv_files()
        self.json_files()
        for name in ("report.html", "report.xhtml"):
            if (self.folder / name).exists():
                self.html(self.folder / name)
            else:
                self.hits.append(f"{self.folder / name}: not found")
        if (self.folder / "report.pdf").exists():
            self.pdf(self.folder / "report.pdf")
        for hit in self.hits:
            print(f"FAIL {hit}")
        unseen = len(set(self.hidden) - self.seen)
        print(f"disclosure scan of {self.folder}: {len(self.hidden)} withheld cells looked for in "
              f"{sum(1 for p in self.folder.rglob('*') if p.is_file())} files ({unseen} not found in any table): "
              + (f"{len(self.hits)} hits" if self.hits else "no withheld value in its place"))
        return 1 if self.hits else 0


def main() -> int:
    parser = argparse.ArgumentParser(description="Scan a published folder for withheld values in their places.")
    parser.add_argument("published", help="a published output folder (build EDITION --output DIR)")
    parser.add_argument("edition", help="the input edition it was built from (for the true values)")
    args = parser.parse_args()
    try:
        return Scan(Path(args.published), Path(args.edition)).run()
    except (EditionError, KeyError, ValueError, subprocess.CalledProcessError) as error:
        print(f"disclosure scan: cannot read: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
