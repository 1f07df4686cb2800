#!/usr/bin/env python3
"""What a reader sees: the rendered report in Chromium on a phone and a desktop, and printed to A4.

For each REPORT_FOLDER (report.html and report.xhtml, as `annual-report build` writes them):

  on screen, each file at 390 px and 1280 px wide (Debian's Chromium through Playwright)
    no sideways scroll    document.documentElement.scrollWidth <= window.innerWidth + 1
    chart text >= 12 px   every non-empty svg <text>/<tspan>: computed font-size times the scale
                          of its own screen CTM (sqrt |det|, so viewBox scaling, transforms and
                          rotation count) is at least 12 px
    chart text unclipped  every non-empty svg <text>'s bounding client rect lies inside its <svg>
                          element's bounding client rect, 0.5 px tolerance
    no truncated text     no element with text-overflow other than clip (e.g. ellipsis) and
                          overflow other than visible has scrollWidth > clientWidth + 1, and no
                          -webkit-line-clamp element has scrollHeight > clientHeight + 1
    axe-core              no WCAG 2.2 AA violation (same tags as referees.py used; axe now runs
                          here, at both widths, and no longer in referees.py)

  public words, each file (text nodes outside <style>/<script>, and attribute values other than
  id, class, style, id references and in-page #fragments)
    no `inputs/`          no path into the edition's input folder
    no `{{`               no unexpanded template or figure placeholder
    no rule ids           none of the exact rule ids listed in docs/rules.md (`## `id`` headings,
                          i.e. `annual-report rules`) or in the folder's checks.csv `rule` column,
                          matched as whole tokens (so "e.g." or "1.5" never count)
    (findings.json and checks.csv are for analysts and are not checked)

  print, report.html only: page.pdf(format="A4", print_background=True,
  prefer_css_page_size=True), no header/footer templates, saved as print.pdf in the folder;
  pdftotext output is split into pages at form feeds (the same as -f N -l N page by page)
    page numbers          page n's last three non-empty lines (pdftotext -layout) contain
                          "Page n of N", N the PDF's page count: the numbers must come from the
                          report's own @page margin boxes
    totals printed once   each <tfoot> row's text (cells joined by single spaces) occurs exactly
                          once in the whole PDF (pdftotext -raw, whitespace collapsed); Chromium
                          repeats a tfoot on every page a table spans unless told otherwise
    captions kept         each table <caption> and figure <figcaption> (its first 80 characters,
                          at the start of a line, found in document order) is on the same page as
                          what it introduces: the first body row's first cell (first 30
                          characters, starting a line) after it, or the chart's first three
                          labels (svg text) anywhere on that page
    data-quality <= 2 pp  see data_quality_appendix() for what "under two printed pages" means

  withheld figures (a disclosure policy), each file at both widths, where any cell shows c
    c with its note       every table with a cell reading exactly `c` has, in its block, a
                          .table-note starting "c:" (what c means), and each c cell is visible
    no bar for c          no chart's svg text reads `c`: a withheld bar is left out and the
                          chart's caption says "withheld (c in the table) and not drawn"

Usage: scripts/browser_checks.py REPORT_FOLDER... [--screenshots DIR]
--screenshots DIR saves full-page screenshots at both widths and each printed page as PNG
(pdftoppm -r 50) for a person to look at.
Prints one line per check and a closing "N passed, M failed" line; exits 1 on any failure.
"""
import argparse
import csv
import pathlib
import re
import subprocess
import sys

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = [390, 1280]
MIN_CHART_TEXT_PX = 12
RULES_MD = pathlib.Path(__file__).resolve().parent.parent / "docs" / "rules.md"
DETAIL_LINES = 6

# Runs in the page: everything the on-screen checks need, measured by the browser itself.
SCREEN_JS = r"""
(minPx) => {
  const norm = s => (s || '').replace(/\s+/g, ' ').trim();
  const describe = el => {
    let d = el.tagName.toLowerCase();
    if (el.id) d += '#' + el.id;
    else if (d === 'figure' && el.querySelector('figcaption'))
      d += ' "' + norm(el.querySelector('figcaption').textContent).slice(0, 40) + '"';
    const owner = el.closest('figure, section, table');
    if (owner && owner !== el && owner.id) d += ' in ' + owner.tagName.toLowerCase() + '#' + owner.id;
    return d;
  };
  const r = x => Math.round(x * 10) / 10;
  const small = [], clipped = [], truncated = [];
  for (const svg of document.querySelectorAll('svg')) {
    const box = svg.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const chartName = svg.closest('figure') ? describe(svg.closest('figure')) : describe(svg);
    for (const t of svg.querySelectorAll('text, tspan')) {
      const own = norm(t.textContent);
      if (!own) continue;
      const style = getComputedStyle(t);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const ctm = t.getScreenCTM();
      if (!ctm) continue;
      const scale = Math.sqrt(Math.abs(ctm.a * ctm.d - ctm.b * ctm.c));
      const px = parseFloat(style.fontSize) * scale;
      if (px < minPx - 0.01)
        small.push(`${r(px)} px (font-size ${style.fontSize} x scale ${scale.toFixed(3)}) "${own.slice(0, 40)}" in ${chartName}`);
      if (t.tagName.toLowerCase() !== 'text') continue;
      const b = t.getBoundingClientRect();
      if (b.width === 0 && b.height === 0) continue;
      const out = [];
      if (b.left < box.left - 0.5) out.push(`left by ${r(box.left - b.left)}`);
      if (b.right > box.right + 0.5) out.push(`right by ${r(b.right - box.right)}`);
      if (b.top < box.top - 0.5) out.push(`top by ${r(box.top - b.top)}`);
      if (b.bottom > box.bottom + 0.5) out.push(`bottom by ${r(b.bottom - box.bottom)}`);
      if (out.length)
        clipped.push(`"${own.slice(0, 40)}" in ${chartName} sticks out ${out.join(', ')} px (svg ${r(box.width)}x${r(box.height)})`);
    }
  }
  for (const el of document.body.querySelectorAll('*')) {
    const s = getComputedStyle(el);
    if (s.display === 'none') continue;
    const text = norm(el.innerText);
    if (!text) continue;
    if (s.textOverflow && s.textOverflow !== 'clip' && (s.overflowX !== 'visible') && el.scrollWidth > el.clientWidth + 1)
      truncated.push(`${describe(el)} (text-overflow ${s.textOverflow}, ${el.scrollWidth} > ${el.clientWidth} px): "${text.slice(0, 50)}"`);
    const clamp = s.webkitLineClamp;
    if (clamp && clamp !== 'none' && el.scrollHeight > el.clientHeight + 1)
      truncated.push(`${describe(el)} (line-clamp ${clamp}, ${el.scrollHeight} > ${el.clientHeight} px): "${text.slice(0, 50)}"`);
  }
  // What sticks out furthest to the right, to say why the page scrolls sideways.
  let widest = [];
  const vw = window.innerWidth;
  if (document.documentElement.scrollWidth > vw + 1) {
    for (const el of document.body.querySelectorAll('*')) {
      const b = el.getBoundingClientRect();
      if (b.right > vw + 1 && !(el.parentElement && el.parentElement.getBoundingClientRect().right > vw + 1))
        widest.push([b.right, `${describe(el)} reaches ${r(b.right)} px`]);
    }
    widest.sort((a, b) => b[0] - a[0]);
    widest = widest.map(w => w[1]);
  }
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: vw, widest,
          small, clipped, truncated};
}
"""

# Runs in the page: the report's public words, text and the attributes a reader sees or hears.
WORDS_JS = r"""
() => {
  const skipAttr = new Set(['id', 'class', 'style', 'aria-labelledby', 'aria-describedby',
                            'aria-controls', 'aria-owns', 'headers', 'for', 'xmlns', 'xml:lang', 'lang']);
  const items = [];
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const p = n.parentElement;
    if (p && p.closest('style, script')) continue;
    if (n.nodeValue.trim()) items.push(['text in <' + (p ? p.tagName.toLowerCase() : '?') + '>', n.nodeValue]);
  }
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (skipAttr.has(a.name) || a.name.startsWith('xmlns')) continue;
      if (a.name === 'href' && a.value.startsWith('#')) continue;
      items.push([el.tagName.toLowerCase() + '[' + a.name + ']', a.value]);
    }
  }
  return items;
}
"""

# Runs in the page under print media: what the print checks look for in the PDF.
PRINT_JS = r"""
() => {
  const norm = s => (s || '').replace(/\s+/g, ' ').trim();
  const feet = [];
  for (const table of document.querySelectorAll('table')) {
    const name = table.id || norm(table.caption && table.caption.innerText).slice(0, 40);
    for (const tfoot of table.querySelectorAll(':scope > tfoot'))
      for (const row of tfoot.rows)
        feet.push({table: name, text: norm([...row.cells].map(c => norm(c.innerText)).join(' '))});
  }
  const captions = [];
  for (const el of document.querySelectorAll('table > caption, figure > figcaption')) {
    const text = norm(el.innerText);
    if (!text) continue;
    if (el.tagName.toLowerCase() === 'caption') {
      const table = el.parentElement;
      const row = table.tBodies.length && table.tBodies[0].rows.length ? table.tBodies[0].rows[0]
                : (table.tHead && table.tHead.rows.length ? table.tHead.rows[0] : null);
      const cell = row && row.cells.length ? norm(row.cells[0].innerText) : '';
      captions.push({kind: 'table', name: table.id || '', caption: text, follow: cell ? [cell] : [], after: true});
    } else {
      const figure = el.parentElement;
      const labels = [];
      for (const t of figure.querySelectorAll('svg text')) {
        const s = norm(t.textContent);
        if (s && !labels.includes(s)) labels.push(s);
        if (labels.length === 3) break;
      }
      captions.push({kind: 'figure', name: figure.id || '', caption: text, follow: labels, after: false});
    }
  }
  const headings = [...document.querySelectorAll('h2')].map(h => ({
    text: norm(h.innerText), id: h.id, section: (h.closest('section') || {}).id || ''}));
  return {feet, captions, headings};
}
"""


def norm(text):
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


def lines_of(items, limit=DETAIL_LINES):
    items = list(items)
    shown = items[:limit]
    if len(items) > limit:
        shown.append(f"... and {len(items) - limit} more")
    return "\n".join(shown)


def rule_ids(folder):
    """The exact rule ids: the catalogue (docs/rules.md, generated by `annual-report rules`) and
    every rule the folder's checks.csv names (ingest.read and the like are not in the catalogue)."""
    ids = set()
    if RULES_MD.exists():
        ids |= set(re.findall(r"^## `([a-z0-9-]+(?:\.[a-z0-9-]+)+)`", RULES_MD.read_text(encoding="utf-8"), re.M))
    checks = folder / "checks.csv"
    if checks.exists():
        with checks.open(encoding="utf-8", newline="") as handle:
            ids |= {row["rule"] for row in csv.DictReader(handle) if row.get("rule") and "." in row["rule"]}
    return ids


def public_words(path, items, ids):
    """Three outcomes for one file: inputs/ paths, {{ placeholders, rule ids."""
    rule_pattern = re.compile(r"(?<![\w.-])(" + "|".join(map(re.escape, sorted(ids, key=len, reverse=True))) +
                              r")(?![\w-]|\.\w)") if ids else None
    found = {"inputs/": [], "{{": [], "rule": []}
    for where, value in items:
        for key, pattern in (("inputs/", re.compile(r"inputs/")), ("{{", re.compile(r"\{\{")), ("rule", rule_pattern)):
            if pattern is None:
                continue
            for match in pattern.finditer(value):
                start = max(0, match.start() - 25)
                snippet = norm(value[start:match.end() + 35])
                found[key].append(f"{where}: ...{snippet}...")
    outcomes = []
    for key, label in (("inputs/", "no `inputs/` path"), ("{{", "no `{{` placeholder"),
                       ("rule", f"no rule id (of {len(ids)})")):
        hits = found[key]
        detail = f"{len(hits)} occurrences, e.g.\n" + lines_of(hits, 4) if hits else ""
        outcomes.append((f"public words, {label}: {path}", not hits, detail))
    return outcomes


def axe_outcome(page, label):
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    if result.violations_count == 0:
        return (label, True, "")
    lines = []
    for violation in result.response.get("violations", []):
        targets = ", ".join(" ".join(node.get("target", [])) for node in violation.get("nodes", [])[:3])
        lines.append(f"{violation['id']} ({violation.get('impact')}), {len(violation.get('nodes', []))} nodes: "
                     f"{violation.get('help')}; e.g. {targets}")
    return (label, False, lines_of(lines))


def screen_outcomes(page, path, width):
    m = page.evaluate(SCREEN_JS, MIN_CHART_TEXT_PX)
    at = f"at {width}px: {path}"
    sideways = m["scrollWidth"] > m["innerWidth"] + 1
    return [
        (f"no sideways scroll {at}", not sideways,
         f"page is {m['scrollWidth']} px wide in a {m['innerWidth']} px window; widest:\n" + lines_of(m["widest"], 3)
         if sideways else ""),
        (f"chart text >= {MIN_CHART_TEXT_PX} px {at}", not m["small"],
         f"{len(m['small'])} labels too small, e.g.\n" + lines_of(m["small"], 4) if m["small"] else ""),
        (f"chart text inside its svg {at}", not m["clipped"],
         f"{len(m['clipped'])} labels clipped, e.g.\n" + lines_of(m["clipped"], 4) if m["clipped"] else ""),
        (f"no truncated text {at}", not m["truncated"], lines_of(m["truncated"], 4)),
    ]


WITHHELD_JS = r"""() => {
  const problems = [];
  let cells = 0, charts = 0;
  for (const table of document.querySelectorAll('table')) {
    const hidden = [...table.querySelectorAll('td')].filter(td => td.textContent.trim() === 'c');
    if (!hidden.length) continue;
    cells += hidden.length;
    const block = table.closest('.block') || table.parentElement;
    // The policy's note ("c: not published, ...") or an official table's symbols ("c means ...").
    const note = block && [...block.querySelectorAll('.table-note')].find(p => /(^|\s)c(:| means )/.test(p.textContent.trim()));
    if (!note) problems.push(`table ${table.id}: ${hidden.length} cells show c with no note saying what c means`);
    for (const td of hidden) {
      const box = td.getBoundingClientRect();
      if (box.width < 1 || box.height < 1) problems.push(`table ${table.id}: a c cell is not visible`);
    }
  }
  for (const figure of document.querySelectorAll('figure.chart')) {
    const caption = (figure.querySelector('figcaption') || {}).textContent || '';
    const said = /withheld \(c in the table\) and not drawn/.test(caption);
    const drawnC = [...figure.querySelectorAll('svg text')].filter(t => t.textContent.trim() === 'c');
    if (drawnC.length) problems.push(`chart ${figure.querySelector('svg').id}: draws c as a value`);
    if (said) charts += 1;
  }
  return {cells, charts, problems};
}"""


def withheld_outcomes(page, path, width):
    """A withheld figure (c) in a table has the note saying what c means beside it and is
    visible; no chart draws c as a bar's value (a withheld bar is left out, and its summary
    says so)."""
    m = page.evaluate(WITHHELD_JS)
    if not m["cells"] and not m["charts"]:
        return []
    return [(f"withheld figures shown as c, with the note, no bar at {width}px: {path} "
             f"({m['cells']} cells, {m['charts']} charts saying so)", not m["problems"], lines_of(m["problems"], 4))]


def pdf_pages(pdf, mode):
    text = subprocess.run(["pdftotext", mode, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def pdf_destinations(pdf):
    """Named destinations (Chromium writes one for each element id that a link in the page targets,
    e.g. every section in the contents): id -> page number."""
    result = subprocess.run(["pdfinfo", "-dests", str(pdf)], capture_output=True, text=True)
    dests = {}
    for line in result.stdout.splitlines():
        match = re.match(r'\s*(\d+)\s+\[.*\]\s+"(.*)"\s*$', line)
        if match:
            dests.setdefault(match.group(2), int(match.group(1)))
    return dests


def page_numbers(path, layout_pages):
    total = len(layout_pages)
    missing = []
    for n, text in enumerate(layout_pages, start=1):
        tail = [line.strip() for line in text.splitlines() if line.strip()][-3:]
        if not re.search(rf"\bPage\s+{n}\s+of\s+{total}\b", "\n".join(tail)):
            missing.append(f"page {n}: last lines end {' | '.join(tail)[-70:]!r}")
    detail = f"{len(missing)} of {total} pages lack 'Page n of {total}' in their last 3 lines, e.g.\n" + \
        lines_of(missing, 3) if missing else ""
    return (f"print: every page says 'Page n of {total}' at its foot: {path}", not missing, detail)


def totals_once(path, feet, raw_pages):
    pages = [norm(p) for p in raw_pages]
    bad = []
    for foot in feet:
        needle = foot["text"]
        pattern = re.compile(r"(?<!\S)" + re.escape(needle) + r"(?!\S)")
        where = [(n, len(pattern.findall(p))) for n, p in enumerate(pages, start=1)]
        where = [(n, c) for n, c in where if c]
        count = sum(c for _, c in where)
        if count != 1:
            on = ", ".join(str(n) + (f" (x{c})" if c > 1 else "") for n, c in where) or "none"
            bad.append(f"table {foot['table']}: tfoot row {needle[:60]!r} printed {count} times, pages {on}")
    return (f"print: each tfoot (totals) row printed once ({len(feet)} rows): {path}", not bad, lines_of(bad, 4))


def page_lines(raw_page):
    """A page's -raw text with each line's whitespace collapsed: a block (caption, row) starts a line."""
    return "\n".join(norm(line) for line in raw_page.splitlines() if line.strip())


def wrapping(text):
    """A pattern for text as printed: a space may be any whitespace, and a line may also break
    inside a word (after a hyphen or slash, or anywhere in a narrow cell)."""
    words = [r"\n?".join(map(re.escape, word)) for word in text.split()]
    return r"\s+".join(words)


def starts_line(text):
    """A pattern for text at the start of a line, allowed to wrap onto the next lines."""
    return re.compile(r"(?m)^" + wrapping(text))


def captions_kept(path, captions, raw_pages):
    """Walk captions in document order through the printed text, each found (its first 80
    characters, at the start of a line) after the last one found."""
    pages = [page_lines(p) for p in raw_pages]
    bad = []
    cursor_page, cursor_offset = 0, 0
    for item in captions:
        prefix = item["caption"][:80]
        pattern = starts_line(prefix)
        found = None
        for index in range(cursor_page, len(pages)):
            match = pattern.search(pages[index], cursor_offset if index == cursor_page else 0)
            if match:
                found = (index, match.end())
                break
        label = f"{item['kind']} {item['name']} caption {prefix[:40]!r}".replace("  ", " ")
        if found is None:
            bad.append(f"{label}: not found at the start of a line in the PDF text")
            continue
        index, end = found
        cursor_page, cursor_offset = index, end
        page = pages[index]
        missing = []
        for text in item["follow"]:
            needle = text[:30]
            if item["after"]:
                present = starts_line(needle).search(page, end)
            else:
                present = re.search(wrapping(needle), page)
            if not present:
                missing.append(needle)
        if missing:
            what = "first row" if item["kind"] == "table" else "chart labels"
            elsewhere = [n for n, p in enumerate(pages, start=1) if n > index + 1 and starts_line(missing[0]).search(p)]
            bad.append(f"{label} is on page {index + 1} but its {what} {missing!r} is not"
                       + (f" (next on page {elsewhere[0]})" if elsewhere and item["after"] else ""))
    return (f"print: each caption on the same page as its table's first row or its chart "
            f"({len(captions)} captions): {path}", not bad, lines_of(bad, 4))


def heading_page(heading, dests, pages):
    """The page where a heading is printed: its section's (or its own) named destination, moved on
    one page if the heading text is only on the next; without a destination, the pages whose text
    has the heading, the first dropped if there are more (that one is the contents list)."""
    text = heading["text"]
    for key in (heading["section"], heading["id"]):
        if key and key in dests:
            start = dests[key]
            for n in (start, start + 1):
                if n <= len(pages) and text in pages[n - 1]:
                    return n
            return start
    found = [n for n, p in enumerate(pages, start=1) if text in p]
    if len(found) > 1:
        found = found[1:]
    return found[0] if found else None


def data_quality_appendix(path, headings, dests, raw_pages):
    """"Under two printed pages": the appendix headed "Data quality" (or the section with id
    appendix-data-quality / appendix-d) starts on page S, the next top-level (h2) heading is first
    printed on page E (E = last page + 1 when the appendix ends the report), and E - S <= 2.
    With the next heading on a fresh page that means the appendix occupies at most two pages; with
    the next heading on the appendix's last page, less than two full pages of it are printed."""
    pages = [norm(p) for p in raw_pages]
    index = next((i for i, h in enumerate(headings) if re.search(r"data[\s-]*quality", h["text"], re.I)), None)
    if index is None:
        index = next((i for i, h in enumerate(headings)
                      if re.search(r"data-quality|^appendix-d$", h["section"] or h["id"])), None)
    name = f"print: data-quality appendix under two printed pages: {path}"
    if index is None:
        return (name, False, "no h2 heading containing 'Data quality' (nor a section appendix-data-quality)")
    heading = headings[index]
    start = heading_page(heading, dests, pages)
    if start is None:
        return (name, False, f"heading {heading['text']!r} not found in the PDF text")
    if index + 1 < len(headings):
        following = headings[index + 1]
        end = heading_page(following, dests, pages)
        end_name = f"next heading {following['text']!r} on page {end}"
    else:
        end = len(pages) + 1
        end_name = f"it ends the report on page {len(pages)}"
    if end is None:
        return (name, False, f"next heading {headings[index + 1]['text']!r} not found in the PDF text")
    span = end - start
    detail = f"{heading['text']!r} starts on page {start}, {end_name}: {span} pages (limit 2)"
    return (name, span <= 2, detail if span > 2 else "")


def print_outcomes(page, html, screenshots):
    page.emulate_media(media="print")
    facts = page.evaluate(PRINT_JS)
    pdf = html.parent / "print.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
    page.emulate_media(media="screen")
    layout, raw = pdf_pages(pdf, "-layout"), pdf_pages(pdf, "-raw")
    dests = pdf_destinations(pdf)
    if screenshots:
        subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(screenshots / f"{html.parent.name}-print")],
                       check=False)
    return [
        page_numbers(pdf, layout),
        totals_once(pdf, facts["feet"], raw),
        captions_kept(pdf, facts["captions"], raw),
        data_quality_appendix(pdf, facts["headings"], dests, raw),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", type=pathlib.Path, nargs="+")
    parser.add_argument("--screenshots", type=pathlib.Path)
    arguments = parser.parse_args()
    screenshots = arguments.screenshots
    if screenshots:
        screenshots.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    outcomes = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for folder in arguments.folders:
            ids = rule_ids(folder)
            html, xhtml = folder / "report.html", folder / "report.xhtml"
            for path in (html, xhtml):
                for width in WIDTHS:
                    page = browser.new_page(viewport={"width": width, "height": 900})
                    page.goto(path.resolve().as_uri())
                    outcomes += screen_outcomes(page, path, width)
                    outcomes += withheld_outcomes(page, path, width)
                    outcomes.append(axe_outcome(page, f"axe-core WCAG 2.2 AA at {width}px: {path}"))
                    if screenshots:
                        page.screenshot(path=str(screenshots / f"{folder.name}-{path.name}-{width}.png"), full_page=True)
                    if width == WIDTHS[-1]:
                        outcomes += public_words(path, page.evaluate(WORDS_JS), ids)
                        if path == html:
                            outcomes += print_outcomes(page, html, screenshots)
                    page.close()
        browser.close()

    failed = 0
    for name, passed, detail in outcomes:
        print(f"{'ok  ' if passed else 'FAIL'} {name}")
        if not passed:
            failed += 1
            if detail:
                print("     " + detail.replace("\n", "\n     "))
    print(f"{len(outcomes) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
