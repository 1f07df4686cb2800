#!/usr/bin/env python3
"""Shows that the interval attack can fail on a real edition: builds a copy of EDITION with its
`disclosure:` block removed (so the tool publishes every figure, as it did before the policy
existed), runs the attack with the policy of the original, and expects it to report each small
count of the protected datasets as published in the clear (exit 0 when it does; exit 1 when the
attack passes or reports nothing published, which would mean the attack sees nothing).

    python3 scripts/disclosure_baseline.py EDITION --binary .build/debug/annual-report [--work DIR]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edition")
    parser.add_argument("--binary", required=True)
    parser.add_argument("--work", default=".build/disclosure-baseline")
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
