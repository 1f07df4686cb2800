#!/usr/bin/env python3
"""Shows that the interval attack can fail on a real edition: builds a copy of EDITION with its
`disclosure:` block removed (so the tool publishes every figure, as it did before the policy
existed), runs the attack with the policy of the original, and expects it to report each small
count of the protected datasets as published in the clear (exit 0 when it does; exit 1 when the
attack passes or reports nothing published, which would mean the attack sees nothing).

With --primary-only it then writes `c` over exactly the small counts of the protected datasets
in that published copy (primary suppression alone, no secondary cells, as a naive stage would)
and expects the attack to work some of them back to intervals narrower than min_range.

    python3 scripts/disclosure_baseline.py EDITION --binary .build/debug/annual-report [--work DIR] [--primary-only]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from disclosure_edition import is_small, protected_datasets, read_edition  # noqa: E402

SCRIPTS = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edition")
    parser.add_argument("--binary", required=True)
    parser.add_argument("--work", default=".build/disclosure-baseline")
    parser.add_argument("--primary-only", action="store_true", help="also hide only the small counts and "
                        "expect the attack to narrow some")
    args = parser.parse_args()
    edition = Path(args.edition)
    copy = Path(args.work) / (edition.name + "-without-policy")
    published = Path(args.work) / (edition.name + "-published")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.rmtree(published, ignore_errors=True)
    shutil.copytree(edition, copy)
    manifest = copy / "edition.yaml"
    text = manifest.read_text(encoding="utf-8")
    stripped = re.sub(r"^disclosure:\n(?:[ \t]+.*\n)*", "", text, flags=re.M)
    if stripped == text:
        print(f"{edition}/edition.yaml has no disclosure: block")
        return 1
    manifest.write_text(stripped, encoding="utf-8")
    build = subprocess.run([args.binary, "build", "--no-pdf", str(copy), "--output", str(published)],
                           capture_output=True, text=True)
    if build.returncode != 0:
        print(f"{copy}: build failed:\n{build.stdout}{build.stderr}")
        return 1
    attack = subprocess.run([sys.executable, str(SCRIPTS / "interval_attack.py"), str(published), str(edition)],
                            capture_output=True, text=True)
    clear = attack.stdout.count("published in the clear")
    summary = attack.stdout.strip().splitlines()[-1] if attack.stdout.strip() else attack.stderr.strip()
    if attack.returncode != 1 or clear == 0:
        print(f"{edition}: without its policy the attack should report published small counts, but: {summary}")
        return 1
    print(f"{edition}: without its policy, the attack reports {clear} small counts published in the clear "
          f"(as it must)")
    return primary_only(edition, published) if args.primary_only else 0


def primary_only(edition: Path, published: Path) -> int:
    """Hide exactly the small counts (c) in the published copy; the attack must still narrow some."""
    original = read_edition(edition)
    policy = original.disclosure
    protected = protected_datasets(original, policy)
    hidden = 0
    package_path = published / "datapackage.json"
    package = json.loads(package_path.read_text(encoding="utf-8"))
    for dataset_id in sorted(protected):
        path = published / original.datasets[dataset_id]["file"]
        rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
        header = rows[0]
        for row in rows[1:]:
            for column in ("value", "previous"):
                if column in header and re.fullmatch(r"[\d,]+", row[header.index(column)].strip()):
                    if is_small(int(row[header.index(column)].replace(",", "")), policy):
                        row[header.index(column)] = "c"
                        hidden += 1
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        path.write_text(out.getvalue(), encoding="utf-8")
        for resource in package.get("resources", []):
            if resource.get("path") == original.datasets[dataset_id]["file"]:
                resource.setdefault("schema", {})["missingValues"] = ["", "c"]
    package_path.write_text(json.dumps(package), encoding="utf-8")
    attack = subprocess.run([sys.executable, str(SCRIPTS / "interval_attack.py"), str(published), str(edition)],
                            capture_output=True, text=True)
    narrowed = attack.stdout.count("a hidden small count is narrowed")
    summary = attack.stdout.strip().splitlines()[-1] if attack.stdout.strip() else attack.stderr.strip()
    if attack.returncode != 1 or narrowed == 0:
        print(f"{edition}: with only its {hidden} small counts hidden the attack should narrow some, but: {summary}")
        return 1
    print(f"{edition}: with only its {hidden} small counts hidden (no secondary cells), the attack narrows "
          f"{narrowed} below min_range (as it must)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
