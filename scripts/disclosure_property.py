#!/usr/bin/env python3
"""Property test of disclosure control on random hierarchies.

Makes COUNT small random editions with a seeded generator (random area trees one to three
levels below the county, two to four children at the top and two below; deaths by age band, sometimes by category
too, sometimes by quarter; random small counts, zeros published or protected, small_counts and
min_range varied), then for each: `annual-report check` must pass, `build` must succeed, and the
interval attack and the disclosure scan must find nothing on what it published. Stops making
new editions after --seconds (60 by default), so `make test` stays bounded; the seed is
printed, and a failing edition is kept under --work with the command that reproduces it.

    python3 scripts/disclosure_property.py --binary .build/debug/annual-report [--count 25] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_disclosure_editions import Area, Shape, write_edition  # noqa: E402

SCRIPTS = Path(__file__).resolve().parent


def random_tree(rng: random.Random, number: int) -> Area:
    root = Area(f"county-{number}", f"County {number}", "county")
    levels = rng.choice([1, 1, 2, 2, 2, 3])
    serial = [0]

    def grow(area: Area, depth: int):
        if depth == levels:
            return
        for _ in range(rng.randint(2, (4 if levels == 1 else 3) if depth == 0 else 2)):
            serial[0] += 1
            child = Area(f"area-{number}-{serial[0]}", f"Area {number}.{serial[0]}", ["district", "locality", "ward"][depth])
            area.children.append(child)
            grow(child, depth + 1)

    grow(root, 0)
    return root


def random_shape(rng: random.Random, number: int) -> Shape:
    small_counts = rng.choice([3, 5, 5, 9])
    return Shape(
        folder=f"property-{number:03d}",
        partnership=f"Property Test {number} Safeguarding Children Partnership",
        short_name=f"PT{number}",
        root=random_tree(rng, number),
        seed=rng.randrange(1 << 30),
        quarters=rng.random() < 0.3,
        categories=rng.random() < 0.7,
        percentages=rng.random() < 0.5,
        relation=rng.random() < 0.5,
        small_weights=tuple(rng.choice([[8, 6, 4, 3, 2, 2, 1, 1], [3, 5, 5, 4, 3, 2, 2, 1, 1, 1, 1],
                                         [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]])),
        zeros=rng.choice(["publish", "protect"]),
        small_counts=small_counts,
        min_range=rng.choice([small_counts, 5, 3]),
        comment=f"A random edition of the property test (scripts/disclosure_property.py), number {number}.",
    )


def run(command: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True)


def main() -> int:
    parser = argparse.ArgumentParser(description="Disclosure control on random hierarchies.")
    parser.add_argument("--binary", required=True, help="the annual-report binary")
    parser.add_argument("--count", type=int, default=40, help="editions to make at most (40)")
    parser.add_argument("--seed", type=int, default=20311, help="the generator's seed")
    parser.add_argument("--seconds", type=float, default=60.0, help="make no new edition after this long")
    parser.add_argument("--work", default=".build/disclosure-property", help="where editions are written")
    parser.add_argument("--baseline", action="store_true",
                        help="build each edition with its disclosure: block removed (as a tool without the stage "
                             "would publish it) and expect the attack to fail on every one with a small count")
    args = parser.parse_args()
    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    rng = random.Random(args.seed)
    started = time.perf_counter()
    failures, made, cells = [], 0, 0
    for number in range(1, args.count + 1):
        if time.perf_counter() - started > args.seconds:
            break
        shape = random_shape(rng, number)
        edition, published = work / shape.folder, work / (shape.folder + "-published")
        write_edition(shape, edition)
        made += 1
        built = edition
        if args.baseline:
            built = work / (shape.folder + "-without-policy")
            write_edition(shape, built)
            manifest = built / "edition.yaml"
            manifest.write_text(re.sub(r"^disclosure:\n(?:  .*\n)*", "", manifest.read_text(), flags=re.M))
        steps = [
            ("check", [args.binary, "check", str(built)]),
            ("build", [args.binary, "build", "--no-pdf", str(built), "--output", str(published)]),
            ("interval attack", [sys.executable, str(SCRIPTS / "interval_attack.py"), str(published), str(edition)]),
            ("disclosure scan", [sys.executable, str(SCRIPTS / "disclosure_scan.py"), str(published), str(edition)]),
        ]
        for name, command in steps:
            result = run(command)
            if name == "interval attack" and (m := re.search(r": (\d+) cells,", result.stdout)):
                cells += int(m[1])
            if args.baseline and name == "interval attack":
                if result.returncode != 1 or "published in the clear" not in result.stdout:
                    failures.append(f"{edition}: the attack did not report the published small counts "
                                    f"(exit {result.returncode}): {result.stdout.strip().splitlines()[-1:]}")
                break
            if result.returncode != 0:
                lines = (result.stdout + result.stderr).strip().splitlines()
                shown = "\n    ".join(lines[:6] + ([f"... ({len(lines) - 7} more lines)"] if len(lines) > 7 else [])
                                       + (lines[-1:] if len(lines) > 6 else []))
                failures.append(f"{edition}: {name} failed (exit {result.returncode}): {' '.join(command)}\n    {shown}")
                break
        else:
            shutil.rmtree(published, ignore_errors=True)
            shutil.rmtree(str(published) + "-internal", ignore_errors=True)
    seconds = time.perf_counter() - started
    for failure in failures:
        print(f"FAIL {failure}")
    print(f"disclosure property test (seed {args.seed}): {made} random editions, {cells} published cells, "
          f"{seconds:.1f} s: " + (f"{len(failures)} failed" if failures else
             "without the policy, the attack found small counts published on every one" if args.baseline else
             "every one checked, built, attacked and scanned clean"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
