"""Reads an edition, or a published output folder (which is itself an edition), as an outsider
would: the manifest, the areas, the measures and every `figures` dataset's cells, with their
periods as spans of days. Written from docs/edition-format.md alone, apart from the Swift code,
for the independent disclosure checks (scripts/interval_attack.py, scripts/disclosure_scan.py).
"""

from __future__ import annotations

import calendar
import csv
import re
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from pathlib import Path

import yaml

# Symbols a published cell may hold instead of a number (DfE / EES convention): c confidential,
# low and k round to zero, u low reliability: each is a value withheld; x and z are no value.
WITHHELD = {"c", "low", "k", "u"}
NO_VALUE = {"x", "z", ""}


class EditionError(Exception):
    """The folder cannot be read as an edition: the message says where and why."""


@dataclass(frozen=True)
class Cell:
    """One published (or input) value: exact, withheld, a bound, or absent."""

    kind: str  # "exact", "withheld", "bound", "absent"
    value: Fraction | None = None
    lower: Fraction | None = None  # for a bound, inclusive after tightening for counts
    upper: Fraction | None = None
    text: str = ""


@dataclass(frozen=True)
class Span:
    start: date
    end: date

    def shifted_back(self) -> "Span":
        return Span(year_back(self.start), year_back(self.end))

    def __str__(self) -> str:
        return f"{self.start}/{self.end}"


@dataclass
class Entry:
    """A figure's value or previous value in one dataset: the cell and the key it stands for."""

    dataset: str
    area: str
    measure: str
    span: Span
    column: str  # "value" or "previous"
    cell: Cell
    period_text: str
    line: int

    @property
    def key(self):
        return (self.area, self.measure, self.span)

    def where(self) -> str:
        period = self.period_text or "its dataset's period"
        return f"{self.dataset}: {self.area}/{self.measure} ({period}) {self.column}"


@dataclass
class FigureRow:
    dataset: str
    area: str
    measure: str
    span: Span
    value: Entry
    previous: Entry | None
    stated_percent: Cell
    percent_decimals: int
    percent_of: str
    line: int


@dataclass
class Measure:
    key: str
    label: str
    unit: str
    additive: bool
    part_of: str
    breakdown: str  # the breakdown's name ("" when none)
    incomplete: bool
    subset_of: str


@dataclass
class Edition:
    folder: Path
    manifest: dict
    span: Span
    names: dict[str, str] = field(default_factory=dict)
    parent: dict[str, str | None] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)
    measures: dict[str, Measure] = field(default_factory=dict)
    datasets: dict[str, dict] = field(default_factory=dict)
    rows: list[FigureRow] = field(default_factory=list)

    @property
    def disclosure(self) -> dict | None:
        return self.manifest.get("disclosure")

    def entries(self):
        for row in self.rows:
            yield row.value
            if row.previous is not None:
                yield row.previous

    def dataset_file(self, dataset_id: str) -> Path:
        return self.folder / self.datasets[dataset_id]["file"]


def year_back(day: date) -> date:
    last = calendar.monthrange(day.year - 1, day.month)[1]
    return date(day.year - 1, day.month, min(day.day, last))


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_day(text: str) -> date:
    text = text.strip()
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text):
        return date(int(m[3]), int(m[2]), int(m[1]))
    raise ValueError(f"'{text}' is no date")


def parse_period(text: str) -> Span:
    """A period as docs/edition-format.md §3 spells it, as its first and last day."""
    text = str(text).strip()
    if m := re.fullmatch(r"(\d{4})/(\d{2})", text):
        start = int(m[1])
        return Span(date(start, 4, 1), date(start + 1, 3, 31))
    if m := re.fullmatch(r"(\d{4})/(\d{2}) Q([1-4])", text):
        first_month = 4 + 3 * (int(m[3]) - 1)
        year = int(m[1]) + (first_month - 1) // 12
        month = (first_month - 1) % 12 + 1
        return Span(date(year, month, 1), month_end(year, month + 2))
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", text):
        month = 1 + 3 * (int(m[2]) - 1)
        return Span(date(int(m[1]), month, 1), month_end(int(m[1]), month + 2))
    if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
        return Span(date(int(m[1]), int(m[2]), 1), month_end(int(m[1]), int(m[2])))
    if m := re.fullmatch(r"(\d{4})", text):
        return Span(date(int(m[1]), 1, 1), date(int(m[1]), 12, 31))
    if "/" in text and re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}/\d{4}-\d{1,2}-\d{1,2}", text):
        first, last = text.split("/")
        return Span(parse_day(first), parse_day(last))
    day = parse_day(text)
    return Span(day, day)


def tiles(span: Span, months: int) -> list[Span] | None:
    """The span cut into blocks of `months` whole months from its start, or None when it is not
    whole months or not a whole number of blocks."""
    if span.start.day != 1 or span.end != month_end(span.end.year, span.end.month):
        return None
    count = (span.end.year - span.start.year) * 12 + span.end.month - span.start.month + 1
    if count % months or count == months:
        return None
    out, year, month = [], span.start.year, span.start.month
    for _ in range(count // months):
        end_month = month + months - 1
        end_year = year + (end_month - 1) // 12
        end_month = (end_month - 1) % 12 + 1
        out.append(Span(date(year, month, 1), month_end(end_year, end_month)))
        month = end_month + 1
        year = end_year + (month - 1) // 12
        month = (month - 1) % 12 + 1
    return out


NUMBER = r"£?\s*-?[\d,]+(?:\.\d+)?\s*%?"
BOUNDS = [
    (re.compile(rf"^({NUMBER})\s*\+$"), ">="),
    (re.compile(rf"^({NUMBER})\s+or\s+more$", re.I), ">="),
    (re.compile(rf"^at\s+least\s+({NUMBER})$", re.I), ">="),
    (re.compile(rf"^(?:more\s+than|over|>)\s*({NUMBER})$", re.I), ">"),
    (re.compile(rf"^(?:<|fewer\s+than|less\s+than|under)\s*({NUMBER})$", re.I), "<"),
    (re.compile(rf"^({NUMBER})\s+or\s+fewer$", re.I), "<="),
    (re.compile(rf"^(?:up\s+to|at\s+most)\s+({NUMBER})$", re.I), "<="),
]


def number(text: str) -> tuple[Fraction, int]:
    """A number as printed (1,234 / £5.50 / 23.5%) and its decimals."""
    plain = text.replace(",", "").replace("£", "").replace("%", "").strip()
    if not re.fullmatch(r"-?\d+(?:\.\d+)?", plain):
        raise ValueError(f"'{text}' is no number")
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    return Fraction(plain), decimals


def parse_cell(text: str, integral: bool) -> Cell:
    text = (text or "").replace("\u00a0", " ").strip()
    if text.lower() in NO_VALUE:
        return Cell("absent", text=text)
    if text.lower() in WITHHELD:
        return Cell("withheld", text=text)
    for pattern, op in BOUNDS:
        if m := pattern.match(text):
            limit, _ = number(m[1])
            step = 1 if integral else 0
            if op == ">=":
                return Cell("bound", lower=limit, text=text)
            if op == ">":
                return Cell("bound", lower=limit + step, text=text)
            if op == "<":
                return Cell("bound", upper=limit - step, text=text)
            return Cell("bound", upper=limit, text=text)
    value, _ = number(text)
    return Cell("exact", value=value, text=text)


def walk_areas(nodes, parent, edition: Edition):
    for node in nodes or []:
        key = str(node["key"])
        edition.names[key] = str(node.get("name", key))
        edition.parent[key] = parent
        edition.children.setdefault(key, [])
        if parent is not None:
            edition.children[parent].append(key)
        walk_areas(node.get("areas"), key, edition)


def read_csv(path: Path) -> list[dict[str, str]]:
    if path.suffix.lower() != ".csv":
        raise EditionError(f"{path}: only CSV datasets are read by the disclosure checks")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    if not rows:
        return []
    header = [h.strip().lower().replace(" ", "_").replace("-", "_") for h in rows[0]]
    out = []
    for number_, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        record = dict(zip(header, row))
        record["__line__"] = str(number_)
        out.append(record)
    return out


def read_edition(folder: str | Path) -> Edition:
    folder = Path(folder)
    manifest_path = folder / "edition.yaml"
    if not manifest_path.exists():
        raise EditionError(f"{folder}: no edition.yaml")
    manifest = yaml.safe_load(manifest_path.read_text(encoding="utf-8"))
    period = manifest["period"]
    edition = Edition(
        folder, manifest, Span(parse_day(str(period["start"])), parse_day(str(period["end"]))))
    walk_areas(manifest.get("areas"), None, edition)
    for spec in manifest.get("datasets") or []:
        edition.datasets[str(spec["id"])] = spec
    for spec in edition.datasets.values():
        if spec.get("schema") == "measures":
            for row in read_csv(folder / spec["file"]):
                breakdown = (row.get("breakdown") or "").strip()
                incomplete = "incomplete" in breakdown.lower()
                name = re.sub(r"\(?\s*incomplete\s*\)?", "", breakdown, flags=re.I).strip()
                key = row["measure"].strip()
                edition.measures[key] = Measure(
                    key, (row.get("label") or key).strip(), (row.get("unit") or "").strip().lower(),
                    (row.get("additive") or "").strip().lower() == "yes", (row.get("part_of") or "").strip(),
                    name, incomplete, (row.get("subset_of") or "").strip())
    for dataset_id, spec in edition.datasets.items():
        if spec.get("schema") != "figures":
            continue
        default = parse_period(spec["period"]) if spec.get("period") else edition.span
        path = folder / spec["file"]
        for row in read_csv(path):
            line = int(row["__line__"])
            area, measure = row["area"].strip(), row["measure"].strip()
            unit = edition.measures.get(measure, Measure(measure, measure, "count", False, "", "", False, "")).unit
            integral = unit == "count"
            period_text = (row.get("period") or "").strip()
            try:
                span = parse_period(period_text) if period_text else default
                value_cell = parse_cell(row.get("value", ""), integral)
                previous_text = row.get("previous")
                previous_cell = parse_cell(previous_text, integral) if previous_text is not None else None
                percent_text = (row.get("stated_percent") or "").strip()
                percent_cell = parse_cell(percent_text, False)
                decimals = number(percent_text)[1] if percent_cell.kind == "exact" else 0
            except ValueError as error:
                raise EditionError(f"{path}:{line}: {error}") from None
            value = Entry(dataset_id, area, measure, span, "value", value_cell, period_text, line)
            previous = (
                Entry(dataset_id, area, measure, span.shifted_back(), "previous", previous_cell, period_text, line)
                if previous_cell is not None and previous_cell.kind != "absent" else None)
            edition.rows.append(FigureRow(
                dataset_id, area, measure, span, value, previous, percent_cell, decimals,
                (row.get("percent_of") or "").strip(), line))
    return edition


def policy_of(published: Edition, original: Edition) -> tuple[dict, str]:
    """The disclosure policy and where it was read: the published manifest's, else the input's
    (a build by a tool that does not know the policy still publishes the manifest without it)."""
    if published.disclosure:
        return published.disclosure, f"{published.folder}/edition.yaml"
    if original.disclosure:
        return original.disclosure, f"{original.folder}/edition.yaml (the published manifest has none)"
    raise EditionError(f"neither {published.folder}/edition.yaml nor {original.folder}/edition.yaml has a disclosure: policy")


def protected_datasets(edition: Edition, policy: dict) -> set[str]:
    named = {str(d) for d in policy.get("datasets") or []}
    return {d for d in named if edition.datasets.get(d, {}).get("disclosure") != "none"}


def is_small(value: Fraction, policy: dict) -> bool:
    small = int(policy.get("small_counts", 5))
    protect_zero = str(policy.get("zeros", "publish")) == "protect"
    return (1 <= value <= small) or (value == 0 and protect_zero)


def truth(original: Edition) -> dict[tuple, Fraction]:
    """The input's exact values by (dataset, area, measure, span, column)."""
    out = {}
    for entry in original.entries():
        if entry.cell.kind == "exact":
            out[(entry.dataset, entry.area, entry.measure, entry.span, entry.column)] = entry.cell.value
    return out


def show(value: Fraction | float | None) -> str:
    if value is None:
        return "?"
    if isinstance(value, Fraction):
        return str(value.numerator) if value.denominator == 1 else f"{float(value):.4g}"
    if value in (float("inf"), float("-inf")):
        return "inf" if value > 0 else "-inf"
    rounded = round(value)
    return str(rounded) if abs(value - rounded) < 1e-7 else f"{value:.4f}"
