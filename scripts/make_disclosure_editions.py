#!/usr/bin/env python3
"""Writes the test editions the disclosure attack is run on (Tests/Editions/disclosure-*).

Every partnership, area and figure is invented. The editions are built to be hard for a
disclosure-control stage: areas nest three deep (county > districts > localities), one headline
(children who died) is broken down two ways (by age band and by category), quarters add up to
the year, every figure carries last year's value beside it, a count is published as a
percentage of it, a relation links a second table, and one edition holds more than a thousand
protected cells. Counts are drawn with a seeded generator, so the files are the same on every
run (`--check` fails when the committed files differ from what this script writes).

    python3 scripts/make_disclosure_editions.py            # rewrites Tests/Editions/disclosure-*
    python3 scripts/make_disclosure_editions.py --check    # exit 1 when they are out of date

scripts/disclosure_property.py imports `Shape` and `write_edition` to make small random ones.
"""

from __future__ import annotations

import argparse
import difflib
import random
import sys
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

AGE_BANDS = [
    ("deaths_under_1", "Aged under 1"),
    ("deaths_1_to_4", "Aged 1 to 4"),
    ("deaths_5_to_9", "Aged 5 to 9"),
    ("deaths_10_to_17", "Aged 10 to 17"),
]
CATEGORIES = [
    ("deaths_perinatal", "Perinatal or neonatal event"),
    ("deaths_medical", "Acute or chronic medical condition"),
    ("deaths_injury", "Trauma or other external factors"),
    ("deaths_other", "Other or not yet categorised"),
]
QUARTERS = ["Q1", "Q2", "Q3", "Q4"]


@dataclass
class Area:
    key: str
    name: str
    level: str
    children: list["Area"] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Shape:
    """What one edition holds."""

    folder: str
    partnership: str
    short_name: str
    root: Area
    seed: int
    quarters: bool = False  # a dataset of deaths by quarter (with age bands), adding up to the year
    categories: bool = True  # the second breakdown of the headline
    percentages: bool = True  # reviews completed, as a percentage of the deaths
    relation: bool = True  # a second, unprotected table linked by a declared relation
    small_weights: tuple = (6, 6, 5, 4, 3, 3, 2, 2, 1, 1, 1)  # chance of 0, 1, 2, ... at a leaf
    zeros: str = "publish"
    small_counts: int = 5
    min_range: int = 5
    comment: str = ""


def tree(prefix: str, name: str, districts: list[tuple[str, str, list[tuple[str, str]]]]) -> Area:
    root = Area(prefix, name, "county")
    for key, district_name, localities in districts:
        district = Area(key, district_name, "district")
        district.children = [Area(lkey, lname, "locality") for lkey, lname in localities]
        root.children.append(district)
    return root


def draw(rng: random.Random, weights: tuple) -> int:
    return rng.choices(range(len(weights)), weights=weights)[0]


def split(rng: random.Random, total: int, parts: int) -> list[int]:
    """total shared among parts at random (a multinomial draw)."""
    counts = [0] * parts
    for _ in range(total):
        counts[rng.randrange(parts)] += 1
    return counts


def percent(part: int, whole: int) -> str:
    if whole == 0:
        return ""
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{value}%"


def grouped(n: int) -> str:
    text = f"{n:,}"
    return f'"{text}"' if "," in text else text


class Figures:
    """Leaf counts drawn at random; every parent area is the sum of its children."""

    def __init__(self, shape: Shape, rng: random.Random, periods: list[str]):
        self.shape, self.periods = shape, periods
        self.values: dict[tuple[str, str, str], int] = {}
        for leaf in [a for a in shape.root.walk() if not a.children]:
            for period in periods:
                ages = [draw(rng, shape.small_weights) for _ in AGE_BANDS]
                total = sum(ages)
                cats = split(rng, total, len(CATEGORIES))
                reviewed = rng.randint(max(0, total - 3), total)
                row = dict(zip([m for m, _ in AGE_BANDS], ages)) | dict(zip([m for m, _ in CATEGORIES], cats))
                row |= {"child_deaths": total, "reviews_completed": reviewed}
                for measure, value in row.items():
                    self.values[(leaf.key, measure, period)] = value
        self.fill(shape.root)

    def fill(self, area: Area):
        for child in area.children:
            self.fill(child)
        if area.children:
            measures = {m for (_, m, _) in self.values}
            for measure in measures:
                for period in self.periods:
                    self.values[(area.key, measure, period)] = sum(
                        self.values[(c.key, measure, period)] for c in area.children
                    )

    def year(self, area: str, measure: str) -> int:
        return sum(self.values[(area, measure, p)] for p in self.periods)


def measures_csv(shape: Shape) -> str:
    rows = ["measure,label,unit,additive,part_of,breakdown,description"]
    rows.append("child_deaths,Children who died,count,yes,,,Deaths of children resident in the area (invented figures).")
    for key, label in AGE_BANDS:
        rows.append(f"{key},{label},count,yes,child_deaths,age,")
    if shape.categories:
        for key, label in CATEGORIES:
            rows.append(f"{key},{label},count,yes,child_deaths,category,")
    if shape.percentages:
        rows.append("reviews_completed,Reviews completed,count,yes,,,Deaths whose review the panel completed.")
    if shape.relation:
        rows.append("notifications,Deaths notified to the panel,count,yes,,,")
        rows.append("contacts,Contacts,count,yes,,,Contacts about a child received by the front door.")
    return "\n".join(rows) + "\n"


def cdop_csv(shape: Shape, now: Figures, before: Figures) -> str:
    measures = ["child_deaths"] + [m for m, _ in AGE_BANDS]
    if shape.categories:
        measures += [m for m, _ in CATEGORIES]
    if shape.percentages:
        measures.append("reviews_completed")
    rows = ["area,measure,value,stated_percent,percent_of,period,previous"]
    for area in shape.root.walk():
        for measure in measures:
            value, previous = now.year(area.key, measure), before.year(area.key, measure)
            stated, of = "", ""
            if measure == "reviews_completed":
                stated = percent(value, now.year(area.key, "child_deaths"))
                of = "child_deaths" if stated else ""
            rows.append(f"{area.key},{measure},{grouped(value)},{stated},{of},,{grouped(previous)}")
    return "\n".join(rows) + "\n"


def quarters_csv(shape: Shape, now: Figures, before: Figures) -> str:
    measures = ["child_deaths"] + [m for m, _ in AGE_BANDS]
    rows = ["area,measure,value,period,previous"]
    for area in [shape.root] + shape.root.children:
        for measure in measures:
            for quarter in QUARTERS:
                value = now.values[(area.key, measure, quarter)]
                previous = before.values[(area.key, measure, quarter)]
                rows.append(f"{area.key},{measure},{value},2031/32 {quarter},{previous}")
            rows.append(f"{area.key},{measure},{grouped(now.year(area.key, measure))},,{grouped(before.year(area.key, measure))}")
    return "\n".join(rows) + "\n"


def contacts_csv(shape: Shape, rng: random.Random, now: Figures) -> str:
    rows = ["area,measure,value"]
    leaves = [a for a in shape.root.walk() if not a.children]
    contacts = {leaf.key: rng.randint(300, 900) for leaf in leaves}

    def total(area: Area) -> int:
        return contacts[area.key] if not area.children else sum(total(c) for c in area.children)

    for area in shape.root.walk():
        rows.append(f"{area.key},contacts,{grouped(total(area))}")
    rows.append(f"{shape.root.key},notifications,{grouped(now.year(shape.root.key, 'child_deaths'))}")
    return "\n".join(rows) + "\n"


def yaml_area(area: Area, indent: int) -> list[str]:
    pad = " " * indent
    if not area.children:
        return [f"{pad}- {{ key: {area.key}, name: {area.name}, level: {area.level} }}"]
    lines = [f"{pad}- key: {area.key}", f"{pad}  name: {area.name}", f"{pad}  level: {area.level}", f"{pad}  areas:"]
    for child in area.children:
        lines += yaml_area(child, indent + 4)
    return lines


def manifest(shape: Shape) -> str:
    protected = ["cdop"] + (["cdop-by-quarter"] if shape.quarters else [])
    lines = [
        "# A synthetic edition, not real figures: every name and count is invented, written by",
        "# scripts/make_disclosure_editions.py for the disclosure attack of `make test`.",
    ]
    lines += [f"# {line}" for line in shape.comment.splitlines()]
    lines += [
        "format: 2",
        f"partnership: {{ name: {shape.partnership} (synthetic test edition), short_name: {shape.short_name} }}",
        "period: { label: 2031/32, start: 2031-04-01, end: 2032-03-31 }",
        "publication:",
        f"  title: {shape.partnership} Annual Report 2031/32 (synthetic)",
        f"  publisher: {shape.partnership} (synthetic)",
        "areas:",
    ]
    lines += yaml_area(shape.root, 2)
    lines += [
        "datasets:",
        "  - { id: measures, schema: measures, file: data/measures.csv, title: Measures used in this report }",
        "  - id: cdop",
        "    schema: figures",
        "    file: data/cdop.csv",
        "    title: Child deaths reviewed, by age band and category",
        "    section: child-deaths",
        "    source: Child Death Overview Panel (invented figures)",
    ]
    if shape.quarters:
        lines += [
            "  - id: cdop-by-quarter",
            "    schema: figures",
            "    file: data/cdop-by-quarter.csv",
            "    title: Child deaths by quarter and age band",
            "    section: child-deaths",
            "    periods_add_up: true",
            "    source: Child Death Overview Panel (invented figures)",
        ]
    if shape.relation:
        lines += [
            "  - id: contacts",
            "    schema: figures",
            "    file: data/contacts.csv",
            "    title: Contacts and notifications over the year",
            "    section: front-door",
        ]
    lines += ["sections:", "  - { id: child-deaths, title: Child deaths, file: narrative/child-deaths.md }"]
    if shape.relation:
        lines += ["  - { id: front-door, title: The front door, file: narrative/front-door.md }"]
    if shape.relation:
        lines += [
            "relations:",
            f"  - {{ left: {shape.root.key}/notifications, is: equal, right: {shape.root.key}/child_deaths }}",
        ]
    lines += [
        "disclosure:",
        f"  small_counts: {shape.small_counts}",
        f"  zeros: {shape.zeros}",
        f"  min_range: {shape.min_range}",
        f"  datasets: [{', '.join(protected)}]",
    ]
    return "\n".join(lines) + "\n"


NARRATIVE = {
    "child-deaths": "The panel reviewed the deaths of children resident in the area. The tables below give them by "
    "area, age band and category, beside last year's figures. Every figure here is invented for a test.\n",
    "front-door": "Contacts about children reached the front door from schools, the police and health services. "
    "Every figure here is invented for a test.\n",
}


def files(shape: Shape) -> dict[str, str]:
    rng = random.Random(shape.seed)
    periods = QUARTERS if shape.quarters else ["year"]
    now = Figures(shape, rng, periods)
    before = Figures(shape, rng, periods)
    out = {
        "edition.yaml": manifest(shape),
        "data/measures.csv": measures_csv(shape),
        "data/cdop.csv": cdop_csv(shape, now, before),
        "narrative/child-deaths.md": NARRATIVE["child-deaths"],
    }
    if shape.quarters:
        out["data/cdop-by-quarter.csv"] = quarters_csv(shape, now, before)
    if shape.relation:
        out["data/contacts.csv"] = contacts_csv(shape, rng, now)
        out["narrative/front-door.md"] = NARRATIVE["front-door"]
    return out


def write_edition(shape: Shape, folder: Path):
    for name, text in files(shape).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def large_tree() -> Area:
    """A county of 10 districts of 10 localities: 111 areas, so 111 x 10 figures (and as many
    previous values) in one protected table."""
    syllables = ["Alder", "Birch", "Cedar", "Damson", "Elder", "Fir", "Gorse", "Hazel", "Ivy", "Juniper"]
    districts = []
    for d, word in enumerate(syllables):
        localities = [(f"{word.lower()}-{n:02d}", f"{word} Locality {n}") for n in range(1, 11)]
        districts.append((word.lower(), f"{word} District", localities))
    return tree("wyndmoor", "Wyndmoor", districts)


SHAPES = [
    Shape(
        folder="disclosure-fellbrook",
        partnership="Fellbrook Safeguarding Children Partnership",
        short_name="FSCP",
        root=tree(
            "fellbrook",
            "Fellbrook",
            [
                ("amberdale", "Amberdale", [("amberdale-north", "Amberdale North"), ("amberdale-south", "Amberdale South")]),
                (
                    "brackenholm",
                    "Brackenholm",
                    [
                        ("brackenholm-east", "Brackenholm East"),
                        ("brackenholm-west", "Brackenholm West"),
                        ("brackenholm-town", "Brackenholm Town"),
                    ],
                ),
                ("cindervale", "Cindervale", [("cindervale-rural", "Cindervale Rural"), ("cindervale-town", "Cindervale Town")]),
            ],
        ),
        seed=2031,
        comment="A county of three districts and seven localities; deaths by age band and by category,\n"
        "reviews completed as a percentage, last year's values, a relation to a second table.",
    ),
    Shape(
        folder="disclosure-harrowmere",
        partnership="Harrowmere Safeguarding Children Partnership",
        short_name="HSCP",
        root=tree(
            "harrowmere",
            "Harrowmere",
            [
                ("eastwold", "Eastwold", [("eastwold-upper", "Eastwold Upper"), ("eastwold-lower", "Eastwold Lower")]),
                ("westwold", "Westwold", [("westwold-upper", "Westwold Upper"), ("westwold-lower", "Westwold Lower")]),
            ],
        ),
        seed=2032,
        quarters=True,
        small_weights=(10, 6, 3, 2, 1, 1),
        zeros="protect",
        comment="Quarters adding up to the year in a second protected table linked to the first,\n"
        "with zeros protected too.",
    ),
    Shape(
        folder="disclosure-wyndmoor",
        partnership="Wyndmoor Safeguarding Children Partnership",
        short_name="WSCP",
        root=large_tree(),
        seed=2033,
        comment="111 areas three levels deep: more than a thousand protected cells in one table.",
    ),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when the committed editions differ")
    parser.add_argument("--root", default="Tests/Editions", help="where the editions are (Tests/Editions)")
    args = parser.parse_args()
    root = Path(args.root)
    stale = 0
    for shape in SHAPES:
        if not args.check:
            write_edition(shape, root / shape.folder)
            continue
        for name, text in files(shape).items():
            path = root / shape.folder / name
            old = path.read_text(encoding="utf-8") if path.exists() else ""
            if old != text:
                stale += 1
                diff = difflib.unified_diff(old.splitlines(), text.splitlines(), str(path), "written", lineterm="", n=1)
                print("\n".join(list(diff)[:20]))
    if stale:
        print(f"{stale} file(s) differ: run python3 scripts/make_disclosure_editions.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
