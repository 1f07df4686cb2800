#!/usr/bin/env python3
"""Reads SARIF logs with an independent SARIF 2.1.0 reader (sarif-pydantic, from PyPI) and
checks that the reader understood every key: its models accept unknown keys silently, so any
key it did not know is reported here as a mistake in our output.

    python3 scripts/sarif_check.py LOG.sarif...

Exits 0 when every log reads cleanly, 1 otherwise, naming each problem.
"""
import sys

from pydantic import BaseModel

try:
    import sarif_pydantic
except ImportError:
    sys.exit("sarif_check: sarif-pydantic is missing: run make referee-packages (pip install sarif-pydantic)")


def unknown_keys(model: BaseModel, path: str):
    """Every key of the log that the reader's models do not describe, by its path."""
    for key in model.model_extra or {}:
        yield f"{path}.{key}"
    for name in type(model).model_fields:
        value = getattr(model, name)
        values = value if isinstance(value, list) else [value]
        for index, item in enumerate(values):
            if isinstance(item, BaseModel):
                where = f"{path}.{name}" + (f"[{index}]" if isinstance(value, list) else "")
                yield from unknown_keys(item, where)


def problems(path: str):
    log = sarif_pydantic.load(path)
    if log.version != "2.1.0":
        yield f"version is {log.version!r}, expected '2.1.0'"
    yield from (f"unknown key {key}" for key in unknown_keys(log, "log"))
    for run_index, run in enumerate(log.runs):
        rules = run.tool.driver.rules or []
        ids = [rule.id for rule in rules]
        if len(set(ids)) != len(ids):
            yield f"runs[{run_index}]: a rule id is described twice"
        for index, result in enumerate(run.results or []):
            where = f"runs[{run_index}].results[{index}]"
            if result.rule_index is not None and (
                result.rule_index >= len(rules) or rules[result.rule_index].id != result.rule_id
            ):
                yield f"{where}: ruleIndex {result.rule_index} does not point at rule {result.rule_id}"
            if result.rule_id not in ids:
                yield f"{where}: rule {result.rule_id} is not described in tool.driver.rules"
            for location in result.locations or []:
                region = location.physical_location and location.physical_location.region
                if region and (region.start_line or 0) < 1:
                    yield f"{where}: startLine must be 1 or more"


def main() -> int:
    status = 0
    for path in sys.argv[1:]:
        found = list(problems(path))
        for problem in found:
            print(f"{path}: {problem}")
        status |= bool(found)
        if not found:
            print(f"{path}: read as SARIF 2.1.0 by sarif-pydantic, every key known")
    return status


if __name__ == "__main__":
    sys.exit(main())
