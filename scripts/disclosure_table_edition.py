#!/usr/bin/env python3
"""Writes a synthetic protected edition for the disclosure benchmark (make bench, bench/results.md):
AREAS areas under one parent, each with a headline count and PARTS-1 parts that add up to it
(so the table is AREAS+1 rows by PARTS columns with every total published), about a fifth of
the parts small (1 to 5). Seeded, so the same arguments write the same edition.

    scripts/disclosure_table_edition.py FOLDER [AREAS] [PARTS] [SEED]
"""
import os
import random
import sys


def main():
    folder = sys.argv[1]
    areas = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    parts = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    os.makedirs(f"{folder}/data", exist_ok=True)
    os.makedirs(f"{folder}/narrative", exist_ok=True)
    with open(f"{folder}/edition.yaml", "w") as out:
        out.write("partnership: { name: Synthetic Partnership }\n")
        out.write("period: { label: 2030/31, start: 2030-04-01, end: 2031-03-31 }\n")
        out.write("publication: { title: Synthetic disclosure benchmark }\n")
        out.write("areas:\n  - key: all\n    name: All areas\n    level: partnership\n    areas:\n")
        for index in range(areas):
            out.write(f"      - {{ key: a{index:04d}, name: Area {index}, level: district }}\n")
        out.write("datasets:\n")
        out.write("  - { id: measures, schema: measures, file: data/measures.csv, title: Measures }\n")
        out.write("  - { id: table, schema: figures, file: data/table.csv, title: Counts by area, data_only: true }\n")
        out.write("sections:\n  - { id: intro, title: Introduction, file: narrative/intro.md }\n")
        out.write("disclosure:\n  small_counts: 5\n  zeros: publish\n  min_range: 5\n  datasets: [table]\n")
    with open(f"{folder}/data/measures.csv", "w") as out:
        out.write("measure,label,unit,additive,part_of,description\n")
        out.write("total,Total,count,yes,,\n")
        for part in range(1, parts):
            out.write(f"part{part:02d},Part {part},count,yes,total,\n")
    values = []
    for index in range(areas):
        row = [rng.randint(1, 5) if rng.random() < 0.2 else rng.randint(6, 60) for _ in range(1, parts)]
        values.append(row)
    with open(f"{folder}/data/table.csv", "w") as out:
        out.write("area,measure,value\n")
        for index, row in enumerate(values):
            out.write(f"a{index:04d},total,{sum(row)}\n")
            for part, value in enumerate(row, start=1):
                out.write(f"a{index:04d},part{part:02d},{value}\n")
        out.write(f"all,total,{sum(map(sum, values))}\n")
        for part in range(1, parts):
            out.write(f"all,part{part:02d},{sum(row[part - 1] for row in values)}\n")
    with open(f"{folder}/narrative/intro.md", "w") as out:
        out.write("A synthetic edition for timing disclosure control.\n")


if __name__ == "__main__":
    main()
