#!/usr/bin/env python3
"""The published data package, checked by frictionless (PyPI), the Frictionless Data
project's own validator: every build folder's datapackage.json must validate cleanly (types,
required fields, choices, primary keys, foreign keys to measures and areas).

So that a clean result means something, the check first proves it can fail: it copies the
first folder, gives one numeric field a wrong type, and expects frictionless to refuse it.

Usage: scripts/datapackage_check.py BUILD_FOLDER...
"""
import json
import shutil
import sys
import tempfile
from pathlib import Path

from frictionless import validate


def problems(folder):
    """frictionless's errors for a folder's datapackage.json, as lines."""
    report = validate(str(Path(folder) / "datapackage.json"))
    if report.valid:
        return []
    lines = []
    for task in report.tasks:
        for error in task.errors:
            lines.append(f"{task.name}: {error.type}: {error.message}")
    for error in report.errors:
        lines.append(f"package: {error.type}: {error.message}")
    return lines or ["invalid, with no error listed"]


def wrong_type_is_caught(folder):
    """True when frictionless refuses the package with a numeric field typed as a date."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "package"
        shutil.copytree(folder, copy)
        path = copy / "datapackage.json"
        package = json.loads(path.read_text(encoding="utf-8"))
        for resource in package["resources"]:
            for field in resource.get("schema", {}).get("fields", []):
                if field["type"] in ("integer", "number") and "path" in resource:
                    field["type"] = "date"
                    path.write_text(json.dumps(package), encoding="utf-8")
                    print(f"  self-test: {resource['name']}.{field['name']} typed as a date")
                    return bool(problems(copy))
    return False


def main(folders):
    if not folders:
        print("usage: datapackage_check.py BUILD_FOLDER...", file=sys.stderr)
        return 2
    failed = False
    if not wrong_type_is_caught(folders[0]):
        print("FAIL: frictionless accepted a package with a wrong field type; the check proves nothing")
        failed = True
    for folder in folders:
        found = problems(folder)
        print(f"{'ok  ' if not found else 'FAIL'} {folder}/datapackage.json")
        for line in found[:20]:
            print(f"     {line}")
        failed = failed or bool(found)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
