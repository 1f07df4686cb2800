#!/usr/bin/env python3
"""The checks `annual-report check` makes on a synthetic edition's figures, done in DuckDB, for
`make bench` to time beside ours: unreadable values, duplicate keys, stated percentages
against their numerator and denominator, and the area hierarchy (a parent equals the sum of
its children). Usage: duckdb_checks.py EDITION_FOLDER. Prints what it found, one line each.

It does what an analyst fluent in SQL would write, not everything `check` does: no locations
beyond the row, no findings text, no manifest or narrative checks.
"""

import sys
from pathlib import Path

import duckdb
import yaml


def area_parents(manifest):
    """(child, parent) for every area of the manifest's tree."""
    pairs = []

    def walk(areas, parent):
        for area in areas or []:
            if parent is not None:
                pairs.append((area["key"], parent))
            walk(area.get("areas"), area["key"])

    walk(manifest.get("areas"), None)
    return pairs


def main(folder):
    folder = Path(folder)
    manifest = yaml.safe_load((folder / "edition.yaml").read_text())
    files = [str(folder / d["file"]) for d in manifest["datasets"] if d["schema"] == "figures"]
    db = duckdb.connect()
    db.execute(
        "CREATE TABLE raw AS SELECT * FROM read_csv(?, all_varchar = true, header = true, filename = true)",
        [files],
    )
    db.execute(
        """CREATE TABLE figures AS SELECT filename, area, measure, value, stated_percent, percent_of,
           TRY_CAST(replace(replace(value, ',', ''), '£', '') AS DECIMAL(38, 6)) AS number,
           TRY_CAST(rtrim(stated_percent, '%') AS DECIMAL(18, 6)) AS stated,
           -- The stated percentage as an integer of its last typed decimal, and 10^decimals.
           TRY_CAST(replace(rtrim(stated_percent, '%'), '.', '') AS HUGEINT) AS scaled,
           CAST('1' || repeat('0', length(split_part(rtrim(stated_percent, '%'), '.', 2))) AS HUGEINT) AS scale
           FROM raw"""
    )
    unreadable = db.execute(
        """SELECT count(*) FROM figures WHERE (value IS NOT NULL AND number IS NULL)
           OR (stated_percent IS NOT NULL AND stated IS NULL)"""
    ).fetchone()[0]
    duplicates = db.execute(
        "SELECT count(*) FROM (SELECT filename, area, measure FROM figures GROUP BY ALL HAVING count(*) > 1)"
    ).fetchone()[0]
    percentages = db.execute(
        # Rounded half up in integers, so no value passes through binary floating point.
        """SELECT count(*), count(*) FILTER (WHERE p.scaled <>
           (200 * CAST(p.number AS HUGEINT) * p.scale + CAST(d.number AS HUGEINT)) // (2 * CAST(d.number AS HUGEINT)))
           FROM figures p JOIN figures d ON d.area = p.area AND d.measure = p.percent_of
           AND d.filename = p.filename
           WHERE p.stated IS NOT NULL AND d.number <> 0"""
    ).fetchone()
    db.execute("CREATE TABLE parents (child VARCHAR, parent VARCHAR)")
    db.executemany("INSERT INTO parents VALUES (?, ?)", area_parents(manifest))
    hierarchy = db.execute(
        """WITH kids AS (SELECT parent, count(*) AS n FROM parents GROUP BY parent),
           sums AS (SELECT f.filename, p.parent, f.measure, sum(f.number) AS total, count(*) AS n
                    FROM figures f JOIN parents p ON p.child = f.area GROUP BY ALL)
           SELECT count(*), count(*) FILTER (WHERE f.number <> s.total)
           FROM sums s JOIN kids k ON k.parent = s.parent AND k.n = s.n
           JOIN figures f ON f.area = s.parent AND f.measure = s.measure AND f.filename = s.filename"""
    ).fetchone()
    print(f"rows: {db.execute('SELECT count(*) FROM figures').fetchone()[0]}")
    print(f"unreadable values: {unreadable}")
    print(f"duplicate keys: {duplicates}")
    print(f"stated percentages: {percentages[0]} checked, {percentages[1]} wrong")
    print(f"area hierarchy: {hierarchy[0]} checked, {hierarchy[1]} wrong")


if __name__ == "__main__":
    main(sys.argv[1])
