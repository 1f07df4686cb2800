#!/usr/bin/env python3
"""The interval attack on a published report: how far can an outsider narrow each hidden count?

Reads a *published* output folder (edition.yaml, the datasets' CSV files, datapackage.json:
what anyone who downloads the open data has) and builds every linear relation the publication
implies, as docs/edition-format.md defines them:

  - the area hierarchy: for an additive measure a parent area is the sum of its child areas,
    per measure and period (an area or child not stated is an unknown, not a zero);
  - breakdowns: a headline is the sum of each complete breakdown's parts, at least the sum of an
    incomplete one's; a subset is at most its whole;
  - periods: in a dataset with `periods_add_up: true` a year is the sum of its quarters, and of
    its months;
  - last year's column: `previous` is the same figure a year earlier, an unknown of its own tied
    by the same relations (and to the same figure where another dataset states it);
  - the same figure stated in two datasets is one unknown;
  - declared `relations:` (equal, at-most, at-least);
  - a stated percentage of a count over its denominator, as the inequalities its decimals allow
    (rounded half up or cut off, as the checks accept); published bounds (`<5`, `40+`);
  - non-negativity of counts and money; integrality is relaxed (linear programming).

Then for each withheld small count (`c`, or a bound; with --exact, every withheld cell) it
minimises and maximises the cell with SciPy's HiGHS (`scipy.optimize.linprog(method="highs")`, sparse constraint matrices, one connected
component of unknowns at a time). The *input* edition is read only to learn which withheld cells
are truly small (1..small_counts, or 0 with `zeros: protect`) in the protected datasets.

It fails (exit 1), naming each cell, its true value (in the failure message only) and its
interval, when a hidden small count's interval is narrower than `min_range`; when a protected
small count is published in the clear (an interval of width 0); when a CSV holds `c` that its
datapackage.json resource does not declare in missingValues; or when the relations exclude a
true value (the publication contradicts itself, or this attack is wrong). Exit 2: unreadable.

    python3 scripts/interval_attack.py PUBLISHED_FOLDER INPUT_EDITION [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from fractions import Fraction
from pathlib import Path

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

sys.path.insert(0, str(Path(__file__).resolve().parent))
from disclosure_edition import (  # noqa: E402
    EditionError, Span, is_small, parse_period, policy_of, protected_datasets, read_edition, show, tiles,
    truth)

TOLERANCE = 1e-6


class Model:
    """Unknowns by figure key (area, measure, span); published exact values are constants."""

    def __init__(self, edition):
        self.edition = edition
        self.known: dict[tuple, Fraction] = {}
        self.lower: dict[tuple, float] = {}
        self.upper: dict[tuple, float] = {}
        self.unknown: set[tuple] = set()
        self.aux: set[tuple] = set()  # figures nobody published: unknowns tied only by relations
        self.equalities: list[dict[tuple, float]] = []  # sum coef*var = 0 (constants folded later)
        self.inequalities: list[dict[tuple, float]] = []  # sum coef*var <= 0
        self.constant_eq: list[float] = []
        self.constant_ub: list[float] = []
        self.relations = 0

    def exists(self, key) -> bool:
        return key in self.known or key in self.unknown

    def term(self, key):
        if not self.exists(key):
            self.aux.add(key)
        return key

    def add(self, coefficients: dict[tuple, float], equal: bool):
        self.relations += 1
        (self.equalities if equal else self.inequalities).append(coefficients)


def unit(edition, measure: str) -> str:
    return edition.measures[measure].unit if measure in edition.measures else "count"


def enforced(edition, rule: str) -> bool:
    """True unless the edition's policy switches the rule off or makes it a warning: a relation
    is assumed only where the build refuses data that breaks it."""
    policy = edition.manifest.get("policy") or {}
    if rule in (policy.get("disabled") or {}):
        return False
    return str((policy.get("severities") or {}).get(rule, "error")) == "error"


def build_model(edition) -> tuple[Model, dict]:
    model = Model(edition)
    where: dict[tuple, list] = defaultdict(list)  # key -> entries that publish it
    for entry in edition.entries():
        where[entry.key].append(entry)
    for key, entries in where.items():
        exact = [e.cell.value for e in entries if e.cell.kind == "exact"]
        if exact:
            # Published in the clear anywhere: the outsider knows it.
            model.known[key] = exact[0]
            continue
        model.unknown.add(key)
        for e in entries:
            if e.cell.kind == "bound":
                if e.cell.lower is not None:
                    model.lower[key] = max(model.lower.get(key, 0.0), float(e.cell.lower))
                if e.cell.upper is not None:
                    model.upper[key] = min(model.upper.get(key, float("inf")), float(e.cell.upper))

    # Periods adding up to the year (or any covering period), in datasets that say so.
    for dataset_id, spec in edition.datasets.items():
        if spec.get("schema") != "figures" or not spec.get("periods_add_up") or not enforced(edition, "totals.periods"):
            continue
        series = defaultdict(set)
        for row in edition.rows:
            if row.dataset == dataset_id:
                series[(row.area, row.measure)].add(row.span)
                series[(row.area, row.measure)].add(row.span.shifted_back())
        for (area, measure), spans in series.items():
            for outer in spans:
                for months in (3, 1):
                    blocks = tiles(outer, months)
                    if not blocks or not any(b in spans for b in blocks):
                        continue
                    row = {model.term((area, measure, outer)): 1.0}
                    for block in blocks:
                        row[model.term((area, measure, block))] = -1.0
                    model.add(row, equal=True)

    measures_spans = defaultdict(set)
    for (area, measure, span) in list(model.known) + list(model.unknown) + list(model.aux):
        measures_spans[measure].add(span)

    # Area hierarchy, per additive measure and period.
    parents = [a for a, kids in edition.children.items() if kids]
    for measure, spans in measures_spans.items():
        info = edition.measures.get(measure)
        if info is None or not info.additive or info.unit == "percent" or not enforced(edition, "totals.area-hierarchy"):
            continue
        for span in spans:
            for parent in parents:
                keys = [(parent, measure, span)] + [(c, measure, span) for c in edition.children[parent]]
                if not any(model.exists(k) for k in keys):
                    continue
                row = {model.term(keys[0]): 1.0}
                for k in keys[1:]:
                    row[model.term(k)] = row.get(k, 0.0) - 1.0
                model.add(row, equal=True)

    # Breakdowns: each headline's parts, one group per breakdown name.
    groups = defaultdict(list)
    for m in edition.measures.values():
        if m.part_of:
            groups[(m.part_of, m.breakdown)].append(m)
    for (headline, _), parts in (groups.items() if enforced(edition, "totals.breakdown") else []):
        incomplete = any(p.incomplete for p in parts)
        places = {(a, s) for (a, m, s) in list(model.known) + list(model.unknown) + list(model.aux)
                  if m == headline or m in {p.key for p in parts}}
        for area, span in places:
            part_keys = [(area, p.key, span) for p in parts]
            if incomplete:
                part_keys = [k for k in part_keys if model.exists(k)]
            row = {model.term((area, headline, span)): -1.0}
            for k in part_keys:
                row[model.term(k)] = 1.0
            model.add(row, equal=not incomplete)
    # Subsets: at most the whole, where both are stated.
    for m in edition.measures.values():
        if m.subset_of and enforced(edition, "totals.subset"):
            for (area, measure, span) in list(model.known) + list(model.unknown):
                whole = (area, m.subset_of, span)
                if measure == m.key and model.exists(whole):
                    model.add({(area, measure, span): 1.0, whole: -1.0}, equal=False)

    # Stated percentages of a count: 100*part/whole rounds half up, or is cut, to the stated p,
    # so it lies within p - half a unit of the last decimal and p + one unit (docs/rules.md,
    # percentages.stated and percentages.truncated). Nothing is assumed when the edition's policy
    # switches the check off or makes it a warning.
    for row in (edition.rows if enforced(edition, "percentages.stated") else []):
        if row.stated_percent.kind != "exact" or not row.percent_of or row.value.cell.kind == "bound":
            continue
        whole = (row.area, row.percent_of, row.span)
        if not model.exists(whole) and whole not in model.aux:
            overlapping = [k for k in list(model.known) + list(model.unknown)
                           if k[0] == row.area and k[1] == row.percent_of
                           and k[2].start <= row.span.start and row.span.end <= k[2].end]
            if len(overlapping) != 1:
                continue
            whole = overlapping[0]
        unit_ = Fraction(1, 10 ** row.percent_decimals)
        p = row.stated_percent.value
        part = row.value.key
        model.add({part: 100.0, whole: -float(p + unit_)}, equal=False)
        model.add({part: -100.0, whole: float(p - unit_ / 2)}, equal=False)

    # Declared relations between figures (area/measure, area/measure@period).
    for relation in (edition.manifest.get("relations") or []) if enforced(edition, "relations.declared") else []:
        sides = [resolve(edition, model, str(relation.get(side, ""))) for side in ("left", "right")]
        if None in sides:
            continue
        left, right = sides
        kind = str(relation.get("is", ""))
        if kind == "equal":
            model.add({left: 1.0, right: -1.0}, equal=True)
        elif kind == "at-most":
            model.add({left: 1.0, right: -1.0}, equal=False)
        elif kind == "at-least":
            model.add({left: -1.0, right: 1.0}, equal=False)
    return model, where


def resolve(edition, model: Model, key: str):
    if key.endswith(".percent") or ":" in key.split("@")[0]:
        return None  # a percentage or a parts row: not a count of a figures dataset
    base, _, period = key.partition("@")
    if "/" not in base:
        return None
    area, measure = base.split("/", 1)
    if period:
        span = parse_period(period)
        return (area, measure, span) if model.exists((area, measure, span)) else None
    spans = {row.span for row in edition.rows if row.area == area and row.measure == measure}
    return (area, measure, spans.pop()) if len(spans) == 1 else None


def solve(model: Model, targets: list[tuple], proven_width: float | None = None
          ) -> tuple[dict[tuple, tuple[float, float]], int, list[str], set[tuple]]:
    """Each target's interval, one connected component of unknowns at a time.

    With proven_width, a target is not solved for once the solutions already found give it two
    values at least that far apart: every solution is a set of values consistent with the
    publication, so its interval is at least that wide. Such targets are returned in `proven`
    with the range seen (a part of their interval), and only the others are solved exactly."""
    variables = sorted(model.unknown | model.aux, key=str)
    index = {v: i for i, v in enumerate(variables)}
    parent = list(range(len(variables)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    rows = []  # (unknown coefficients, rhs, equal)
    problems = []
    for equal, source in ((True, model.equalities), (False, model.inequalities)):
        for coefficients in source:
            unknowns, rhs = {}, 0.0
            for key, coef in coefficients.items():
                if key in model.known:
                    rhs -= coef * float(model.known[key])
                else:
                    unknowns[index[key]] = unknowns.get(index[key], 0.0) + coef
            unknowns = {i: c for i, c in unknowns.items() if c != 0.0}
            if not unknowns:
                if (equal and abs(rhs) > TOLERANCE) or (not equal and rhs < -TOLERANCE):
                    problems.append("published figures contradict a relation: " + " + ".join(
                        f"{c:g}*{k[0]}/{k[1]}@{k[2]}" for k, c in coefficients.items()))
                continue
            rows.append((unknowns, rhs, equal))
            first = next(iter(unknowns))
            for other in unknowns:
                a, b = find(first), find(other)
                if a != b:
                    parent[a] = b
    components = defaultdict(list)
    for i in range(len(variables)):
        components[find(i)].append(i)
    rows_of = defaultdict(list)
    for r in rows:
        rows_of[find(next(iter(r[0])))].append(r)

    intervals, lps, proven = {}, 0, set()
    wanted = defaultdict(list)
    for target in targets:
        wanted[find(index[target])].append(target)
    for root, members in wanted.items():
        columns = {v: j for j, v in enumerate(components[root])}
        n = len(columns)
        blocks = {True: ([], [], [], []), False: ([], [], [], [])}
        for unknowns, rhs, equal in rows_of[root]:
            r_, c_, v_, b_ = blocks[equal]
            row_number = len(b_)
            for i, coef in unknowns.items():
                r_.append(row_number)
                c_.append(columns[i])
                v_.append(coef)
            b_.append(rhs)

        def matrix(equal):
            r_, c_, v_, b_ = blocks[equal]
            if not b_:
                return None, None
            return coo_matrix((v_, (r_, c_)), shape=(len(b_), n)).tocsr(), np.array(b_)

        a_eq, b_eq = matrix(True)
        a_ub, b_ub = matrix(False)
        bounds = []
        for i in components[root]:
            key = variables[i]
            low = model.lower.get(key, 0.0) if unit(model.edition, key[1]) != "percent" else model.lower.get(key, 0.0)
            high = model.upper.get(key)
            bounds.append((low, None if high is None or high == float("inf") else high))
        seen_low = np.full(n, np.inf)
        seen_high = np.full(n, -np.inf)
        for target in members:
            column = columns[index[target]]
            if proven_width is not None and seen_high[column] - seen_low[column] >= proven_width - TOLERANCE:
                intervals[target] = (float(seen_low[column]), float(seen_high[column]))
                proven.add(target)
                continue
            objective = np.zeros(n)
            objective[columns[index[target]]] = 1.0
            ends = []
            for sign in (1.0, -1.0):
                lps += 1
                result = linprog(sign * objective, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq,
                                 bounds=bounds, method="highs")
                if result.status == 3:  # unbounded
                    ends.append(float("-inf") if sign > 0 else float("inf"))
                elif result.status != 0:
                    problems.append(f"the linear programme for {target[0]}/{target[1]}@{target[2]} "
                                    f"failed: {result.message}")
                    ends.append(float("nan"))
                else:
                    ends.append(sign * result.fun)
                    seen_low = np.minimum(seen_low, result.x)
                    seen_high = np.maximum(seen_high, result.x)
            intervals[target] = (ends[0], ends[1])
    return intervals, lps, problems, proven


def missing_values_problems(folder: Path, edition) -> list[str]:
    """A CSV that writes `c` must declare it, or a reader takes it for a value."""
    package_path = folder / "datapackage.json"
    if not package_path.exists():
        return [f"{package_path}: not found"]
    package = json.loads(package_path.read_text(encoding="utf-8"))
    declared = {}
    for resource in package.get("resources", []):
        schema = resource.get("schema") or {}
        if isinstance(schema, dict):
            declared[str(resource.get("path", ""))] = set(schema.get("missingValues", [""]))
    out = []
    for dataset_id, spec in edition.datasets.items():
        uses_c = any(e.cell.kind == "withheld" for e in edition.entries() if e.dataset == dataset_id)
        uses_c |= any(r.stated_percent.kind == "withheld" for r in edition.rows if r.dataset == dataset_id)
        if uses_c and "c" not in declared.get(str(spec["file"]), set()):
            out.append(f"{folder / spec['file']} writes c, but datapackage.json does not declare it in its "
                       f"resource's missingValues ({sorted(declared.get(str(spec['file']), set()))})")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description="The interval attack on a published report's hidden counts.")
    parser.add_argument("published", help="a published output folder (build EDITION --output DIR)")
    parser.add_argument("edition", help="the input edition it was built from (only to learn the true values)")
    parser.add_argument("--verbose", action="store_true", help="print every hidden cell's interval")
    parser.add_argument("--exact", action="store_true", help="solve every withheld cell's interval exactly (not "
                        "only the small counts', and even when earlier solutions already prove one at least "
                        "min_range wide), for timing or to see every interval")
    args = parser.parse_args()
    started = time.perf_counter()
    try:
        published = read_edition(args.published)
        original = read_edition(args.edition)
        policy, policy_source = policy_of(published, original)
    except (EditionError, KeyError, ValueError) as error:
        print(f"interval attack: cannot read: {error}", file=sys.stderr)
        return 2
    min_range = float(policy.get("min_range", 5))
    protected = protected_datasets(original, policy)
    true = truth(original)
    model, where = build_model(published)

    failures: list[str] = []
    failures += missing_values_problems(Path(args.published), published)
    cells = list(published.entries())
    hidden = [e for e in cells if e.cell.kind in ("withheld", "bound")]
    # The small counts of the protected datasets are what must be protected: each is solved for
    # (--exact solves every withheld cell, for timing or to see every interval).
    small_keys = set()
    for e in hidden:
        value = true.get((e.dataset, e.area, e.measure, e.span, e.column))
        if e.dataset in protected and unit(published, e.measure) == "count" and value is not None \
                and is_small(value, policy):
            small_keys.add(e.key)
    wanted = {e.key for e in hidden} if args.exact else small_keys
    targets = sorted({k for k in wanted if k not in model.known}, key=str)
    intervals, lps, problems, proven = solve(model, targets, None if args.exact else min_range)
    failures += problems

    small_hidden = 0
    for entry in cells:
        if entry.dataset not in protected or unit(published, entry.measure) != "count":
            continue
        value = true.get((entry.dataset, entry.area, entry.measure, entry.span, entry.column))
        if value is None:
            continue
        if entry.key in model.known:
            low = high = float(model.known[entry.key])
        elif entry.key in intervals:
            low, high = intervals[entry.key]
        else:
            continue  # withheld, not small, and not solved for
        if entry.key not in proven and not (low - TOLERANCE <= float(value) <= high + TOLERANCE):
            failures.append(f"{entry.where()}: the true value {show(value)} lies outside the interval "
                            f"[{show(low)}, {show(high)}] the publication implies: it contradicts itself, "
                            f"or this attack assumes a relation that does not hold")
            continue
        if not is_small(value, policy):
            if args.verbose and entry.key not in model.known:
                print(f"  hidden (not small) {entry.where()}: "
                      + (f"at least [{show(low)}, {show(high)}]" if entry.key in proven else f"[{show(low)}, {show(high)}]"))
            continue
        if entry.key in model.known:
            shown = [e for e in where[entry.key] if e.cell.kind == "exact"][0]
            failures.append(f"{entry.where()}: a small count is published in the clear: true {show(value)}, "
                            f"interval [{show(low)}, {show(high)}], width 0 (printed as '{shown.cell.text}' "
                            f"in {shown.dataset}, line {shown.line})")
            continue
        small_hidden += 1
        width = high - low
        if args.verbose:
            print(f"  hidden small {entry.where()}: "
                  + (f"at least [{show(low)}, {show(high)}]" if entry.key in proven else f"[{show(low)}, {show(high)}]"))
        if width < min_range - TOLERANCE:
            failures.append(f"{entry.where()}: a hidden small count is narrowed to [{show(low)}, {show(high)}], "
                            f"width {show(width)} < min_range {show(min_range)} (true value {show(value)})")
    seconds = time.perf_counter() - started
    for failure in failures:
        print(f"FAIL {args.published}: {failure}")
    print(f"interval attack on {args.published} (policy from {policy_source}): {len(cells)} cells, "
          f"{len(hidden)} hidden ({small_hidden} small, protected), {len(model.aux)} unpublished unknowns, "
          f"{model.relations} relations, {lps} LPs ({len(proven)} cells proven wide by earlier solutions), "
          f"{seconds:.2f} s: "
          + ("no hidden small count narrower than min_range" if not failures else f"{len(failures)} failures"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
