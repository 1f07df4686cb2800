#!/usr/bin/env python3
"""Writes a 5 x 5 disclosure fixture (see README.md): DIR/edition and DIR/published; the optional
second argument names extra (row, column) cells to withhold as secondary suppressions."""
import json, sys, os
from pathlib import Path
T = [[5, 16, 1, 9, 8], [15, 6, 2, 12, 5], [3, 10, 20, 16, 15], [9, 2, 2, 1, 2], [1, 3, 13, 10, 10]]
ages = ["age_a","age_b","age_c","age_d","age_e"]
labels = ["Aged under 1","Aged 1 to 4","Aged 5 to 9","Aged 10 to 14","Aged 15 to 17"]
dists = ["kestrel","linnet","merlin","nightjar","osprey"]
def write(root, hide, extra, published):
    root=Path(root); (root/"data").mkdir(parents=True, exist_ok=True)
    man = """# A hand-made fixture, invented figures: a 5 x 5 table (district x age band) with row and
# column totals, as in docs' worked example; see Tests/Disclosure/README.md.
format: 2
partnership: { name: Kestrel Vale Safeguarding Children Partnership (fixture), short_name: KVSCP }
period: { label: 2031/32, start: 2031-04-01, end: 2032-03-31 }
publication: { title: Kestrel Vale fixture }
areas:
  - key: kestrel-vale
    name: Kestrel Vale
    level: county
    areas:
""" + "".join(f"      - {{ key: {d}, name: {d.title()}, level: district }}\n" for d in dists) + """datasets:
  - { id: measures, schema: measures, file: data/measures.csv, title: Measures }
  - { id: cdop, schema: figures, file: data/cdop.csv, title: Child deaths by district and age band, section: deaths }
sections:
  - { id: deaths, title: Child deaths, file: narrative/deaths.md }
disclosure:
  small_counts: 5
  zeros: publish
  min_range: 5
  datasets: [cdop]
"""
    (root/"edition.yaml").write_text(man)
    (root/"data/measures.csv").write_text("measure,label,unit,additive,part_of,breakdown,description\nchild_deaths,Children who died,count,yes,,,\n" + "".join(f"{a},{l},count,yes,child_deaths,,\n" for a,l in zip(ages,labels)))
    rows=["area,measure,value"]
    def cell(v, hidden): return "c" if (published and hidden) else str(v)
    for i,d in enumerate(dists):
        rows.append(f"{d},child_deaths,{sum(T[i])}")
        for j,a in enumerate(ages):
            rows.append(f"{d},{a},{cell(T[i][j], (1<=T[i][j]<=5) or (i,j) in extra)}")
    rows.append(f"kestrel-vale,child_deaths,{sum(map(sum,T))}")
    for j,a in enumerate(ages):
        rows.append(f"kestrel-vale,{a},{sum(T[i][j] for i in range(5))}")
    (root/"data/cdop.csv").write_text("\n".join(rows)+"\n")
    if published:
        fields=[{"name":"area","type":"string"},{"name":"measure","type":"string"},{"name":"value","type":"string"}]
        pkg={"profile":"tabular-data-package","name":"kestrel-vale-fixture","resources":[
          {"name":"measures","path":"data/measures.csv","profile":"tabular-data-resource","schema":{"fields":[{"name":n,"type":"string"} for n in ["measure","label","unit","additive","part_of","breakdown","description"]]}},
          {"name":"cdop","path":"data/cdop.csv","profile":"tabular-data-resource","schema":{"fields":fields,"missingValues":["","c"]}}]}
        (root/"datapackage.json").write_text(json.dumps(pkg, indent=2)+"\n")
    else:
        (root/"narrative").mkdir(exist_ok=True)
        (root/"narrative/deaths.md").write_text("Invented figures for a fixture.\n")
def report(root, extra, leaks):
    """A minimal report.html and report.xhtml: the table (rows age bands, columns districts), with
    c for each withheld cell except the ones in leaks, and a bar chart's description."""
    root = Path(root)
    hidden = lambda i, j: (1 <= T[i][j] <= 5) or (i, j) in extra
    shown = lambda i, j: str(T[i][j]) if (not hidden(i, j) or (i, j) in leaks) else "c"
    head = "".join(f'<th scope="col">{d.title()}</th>' for d in dists)
    body = "".join(
        f'<tr><th scope="row">{l}</th>' + "".join(f"<td>{shown(i, j)}</td>" for i in range(5)) + "</tr>"
        for j, l in enumerate(labels))
    desc = "; ".join(f"{d.title()}: {shown(i, 0)}" for i, d in enumerate(dists)) + "."
    html = (
        '<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><meta charset="utf-8"/>'
        "<title>Kestrel Vale fixture</title></head><body><main>"
        f"<table><caption>Child deaths by district and age band, by district</caption><thead><tr>"
        f'<th scope="col">Measure</th>{head}</tr></thead><tbody>{body}</tbody></table>'
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img"><title>{labels[0]}</title><desc>{desc}</desc></svg>'
        "</main></body></html>\n")
    (root / "report.html").write_text(html)
    (root / "report.xhtml").write_text(html)


extra=eval(sys.argv[2]) if len(sys.argv)>2 else set()
leaks=eval(sys.argv[3]) if len(sys.argv)>3 else set()
write(sys.argv[1]+"/edition", set(), extra, False)
write(sys.argv[1]+"/published", set(), extra, True)
report(sys.argv[1]+"/published", extra, leaks)
if leaks:
    (Path(sys.argv[1]) / "published/findings.json").write_text('{"findings": []}\n')
