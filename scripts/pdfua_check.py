#!/usr/bin/env python3
"""The printed report read by an independent PDF/UA-1 checker: pdfua (PyPI, built on pikepdf),
which runs the machine-checkable part of the Matterhorn Protocol.

Each REPORT_FOLDER's report.pdf must have no finding of severity error and no UA-15-003
finding: a table whose header cells carry neither /Scope nor /Headers, so that a screen reader
cannot tell which header a figure belongs to. Other warnings are printed, not failed; so are
the rules pdfua could not run (it names them "skipped").

Usage: scripts/pdfua_check.py REPORT_FOLDER...
Prints one line per report and a closing "N passed, M failed" line; exits 1 on any failure.
"""
import json
import pathlib
import subprocess
import sys


def check(pdf):
    """pdfua's JSON report on one PDF (its exit status says only the worst severity)."""
    run = subprocess.run(
        [sys.executable, "-m", "pdfua", "check", "--format", "json", str(pdf)],
        capture_output=True, text=True)
    if run.returncode == 4 or not run.stdout.strip():
        raise RuntimeError(f"pdfua could not read it: {run.stderr.strip() or run.returncode}")
    return json.loads(run.stdout)


def main(folders):
    passed = failed = 0
    for folder in folders:
        pdf = pathlib.Path(folder) / "report.pdf"
        if not pdf.exists():
            print(f"FAIL no report.pdf: {folder}")
            failed += 1
            continue
        try:
            report = check(pdf)
        except (RuntimeError, json.JSONDecodeError) as problem:
            print(f"FAIL pdfua: {problem}: {pdf}")
            failed += 1
            continue
        findings = report.get("findings", [])
        errors = [f for f in findings if f.get("severity") == "error"]
        headers = [f for f in findings if f.get("rule_id") == "UA-15-003"]
        others = [f for f in findings if f not in errors and f not in headers]
        skipped = sorted({s.get("rule_id", "?") for s in report.get("skipped", [])})
        note = f" (skipped by pdfua: {', '.join(skipped)})" if skipped else ""
        if errors or headers:
            failed += 1
            print(f"FAIL pdfua: {len(errors)} errors, {len(headers)} tables with header cells lacking "
                  f"/Scope and /Headers (UA-15-003){note}: {pdf}")
            for finding in (errors + headers)[:10]:
                print(f"       {finding.get('rule_id')} {finding.get('location')}: {finding.get('message')}")
        else:
            passed += 1
            print(f"ok   pdfua: no errors, no UA-15-003, {len(others)} other warnings{note}: {pdf}")
        for finding in others:
            print(f"       warning {finding.get('rule_id')} {finding.get('location')}: {finding.get('message')}")
    print(f"pdfua: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1:]))
