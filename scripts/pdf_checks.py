#!/usr/bin/env python3
"""The printed report, read back by tools we did not write: is report.pdf an accessible,
complete, page-numbered copy of report.html?

  pdfinfo (poppler)   Tagged: yes, and the report's title
  pikepdf             document language, PDF/UA-1 identification, H1-H3 headings, tables
                      with header cells, a Figure with alternative text for every chart
  pdftotext           every figure the report's tables show is in the PDF's text; each
                      contents entry's page number is the page its heading's bookmark opens
  bytes               two builds of the same edition give the same PDF (--same-as)

Usage: scripts/pdf_checks.py REPORT_FOLDER... [--same-as FOLDER_A FOLDER_B]
Prints one line per check and a closing "N passed, M failed" line; exits 1 on any failure.
"""
import argparse
import html
import pathlib
import re
import subprocess
import sys
from html.parser import HTMLParser

import pikepdf


class ReportHTML(HTMLParser):
    """What the checks need from report.html: title, language, charts, table cells, contents."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.language = ""
        self.charts = 0
        self.cells = []
        self.contents = []
        self._stack = []
        self._text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.language = attrs.get("lang", "")
        if tag == "svg":
            self.charts += 1
        self._stack.append(tag)
        if tag in ("title", "td", "a"):
            self._text = []

    def handle_endtag(self, tag):
        text = " ".join("".join(self._text).split())
        if tag == "title" and "svg" not in self._stack and not self.title:
            self.title = text
        if tag == "td" and "table" in self._stack and text:
            self.cells.append(text)
        if tag == "a" and "nav" in self._stack and text:
            self.contents.append(text)
        while self._stack and self._stack.pop() != tag:
            pass

    def handle_data(self, data):
        self._text.append(data)


def pages_text(pdf, mode="-raw"):
    """The text of each page (pdftotext splits pages with form feeds)."""
    out = subprocess.run(["pdftotext", mode, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")


def squash(text):
    return " ".join(text.replace("\u00ad", "").split())


def structure(pdf):
    """Counts of structure element types, and the /Alt of every /Figure."""
    counts, alts = {}, []

    def walk(node):
        if isinstance(node, pikepdf.Array):
            for item in node:
                walk(item)
            return
        if not isinstance(node, pikepdf.Dictionary):
            return
        if "/S" in node:
            kind = str(node.S)
            counts[kind] = counts.get(kind, 0) + 1
            if kind == "/Figure":
                alts.append(str(node.get("/Alt", "")))
        if "/K" in node:
            walk(node.K)

    if "/StructTreeRoot" in pdf.Root:
        walk(pdf.Root.StructTreeRoot)
    return counts, alts


def outline_pages(pdf):
    """Each bookmark's title and the (1-based) page it opens."""
    pages = {page.objgen: index + 1 for index, page in enumerate(pdf.pages)}
    found = []
    with pdf.open_outline() as outline:
        def walk(items):
            for item in items:
                destination = item.destination
                if isinstance(destination, pikepdf.Array) and len(destination) > 0:
                    found.append((squash(item.title), pages.get(destination[0].objgen)))
                walk(item.children)
        walk(outline.root)
    return found


def check_folder(folder):
    outcomes = []
    pdf_path, html_path = folder / "report.pdf", folder / "report.html"
    report = ReportHTML()
    report.feed(html_path.read_text(encoding="utf-8"))

    info = subprocess.run(["pdfinfo", str(pdf_path)], capture_output=True, text=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    tagged = fields.get("Tagged", "").strip() == "yes"
    title = fields.get("Title", "").strip()
    outcomes.append((f"pdfinfo: tagged, titled as the report: {pdf_path}",
                     tagged and title == report.title,
                     f"Tagged: {fields.get('Tagged', '?').strip()}; Title: {title!r}, expected {report.title!r}"))

    pdf = pikepdf.open(pdf_path)
    language = str(pdf.Root.get("/Lang", ""))
    metadata = str(pdf.open_metadata())
    outcomes.append((f"pikepdf: language {report.language} and PDF/UA-1 identification: {pdf_path}",
                     language == report.language and 'pdfuaid:part="1"' in metadata,
                     f"/Lang {language!r}; pdfuaid:part=1 {'present' if 'pdfuaid:part' in metadata else 'missing'}"))
    counts, alts = structure(pdf)
    missing = [kind for kind in ("/H1", "/H2", "/H3", "/Table", "/TH", "/TD") if counts.get(kind, 0) == 0]
    outcomes.append((f"pikepdf: headings H1-H3, tables with header cells: {pdf_path}", not missing,
                     f"no {', '.join(missing)} in the structure tree"))
    described = [alt for alt in alts if alt.strip()]
    outcomes.append((f"pikepdf: a Figure with alternative text for each of {report.charts} charts: {pdf_path}",
                     len(described) == report.charts and len(alts) == report.charts,
                     f"{len(alts)} figures, {len(described)} with /Alt, {report.charts} charts in report.html"))

    texts = [squash(page) for page in pages_text(pdf_path)]
    whole = " ".join(texts)
    figures = sorted({cell for cell in report.cells if re.search(r"\d", cell)})
    absent = [cell for cell in figures if squash(cell) not in whole]
    outcomes.append((f"pdftotext: all {len(figures)} figures the tables show are printed: {pdf_path}", not absent,
                     "missing: " + "; ".join(absent[:8])))

    # The contents list's printed numbers against the pages the headings' bookmarks open.
    # A contents line is its label, a leader of dots or spaces, and a page number at its end.
    bookmarks = dict(outline_pages(pdf))
    contents_page = next((page for page in pages_text(pdf_path, "-layout") if "Contents" in page), "")
    printed = {}
    for line in contents_page.splitlines():
        match = re.match(r"^\s*(.*?\S)[ .\u2026]{2,}(\d+)\s*$", line)
        if match:
            printed[squash(match.group(1))] = int(match.group(2))
    wrong = []
    for label in report.contents:
        number, actual = printed.get(squash(label)), bookmarks.get(squash(label))
        if number is None or actual is None or number != actual:
            wrong.append(f"{label}: printed {number if number else 'no page number'}, heading on page {actual}")
    outcomes.append((f"contents page numbers match the headings' pages ({len(report.contents)} entries): {pdf_path}",
                     bool(report.contents) and not wrong, "; ".join(wrong[:6])))
    return outcomes


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", type=pathlib.Path, nargs="+")
    parser.add_argument("--same-as", type=pathlib.Path, nargs=2, action="append", default=[],
                        metavar=("FOLDER_A", "FOLDER_B"))
    arguments = parser.parse_args()
    outcomes = []
    for folder in arguments.folders:
        outcomes += check_folder(folder)
    for first, second in arguments.same_as:
        a, b = (first / "report.pdf").read_bytes(), (second / "report.pdf").read_bytes()
        outcomes.append((f"two builds give the same PDF bytes: {first} and {second}", a == b,
                         f"{len(a)} and {len(b)} bytes differ"))
    failed = 0
    for name, passed, detail in outcomes:
        print(("ok   " if passed else "FAIL ") + name)
        if not passed:
            failed += 1
            for line in html.unescape(detail).splitlines()[:6]:
                print("     " + line[:300])
    print(f"pdf: {len(outcomes) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
