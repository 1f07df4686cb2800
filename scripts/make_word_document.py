#!/usr/bin/env python3
"""Writes a Word document as Word-like tools write it (python-docx), for the import tests.

Usage: scripts/make_word_document.py OUT.docx [--image]

It holds what last year's report holds: a title, top-level headings (one section each),
sub-headings, paragraphs with bold and italic words, a link, a bulleted and a numbered list, a
table with a header row, and numbers typed into the prose: some equal exactly one figure of
the reference edition (inputs/cumbria-2023-24: 802 contacts, 189 referrals, 23.5%,
£109,228), some equal several (11, 12), some none (4,321), and years and dates, which are no
figures. With --image it holds a picture too, which the import drops and lists.
"""
import sys
import zlib
import struct
import io

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.oxml import OxmlElement


def add_link(paragraph, text, url):
    """A hyperlink run: python-docx has no API for it, so its XML is written as Word writes it."""
    part = paragraph.part
    relation = part.relate_to(url, docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    properties.append(style)
    run.append(properties)
    words = OxmlElement("w:t")
    words.text = text
    run.append(words)
    link.append(run)
    paragraph._p.append(link)


def tiny_png():
    """A 1 x 1 white PNG."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    document = docx.Document()
    document.core_properties.title = "Safeguarding Children Partnership Annual Report 2022/23"
    document.add_paragraph("Safeguarding Children Partnership Annual Report 2022/23", style="Title")

    document.add_heading("Foreword", level=1)
    paragraph = document.add_paragraph("This report looks back at ")
    paragraph.add_run("2022/23").bold = True
    paragraph.add_run(", a year of ")
    paragraph.add_run("real change").italic = True
    paragraph.add_run(" for the partnership. Read more on ")
    add_link(paragraph, "the partnership's website", "https://cumbriasafeguardingchildren.co.uk/")
    paragraph.add_run(".")
    document.add_heading("What we did", level=2)
    document.add_paragraph("We held a learning event for practitioners.", style="List Bullet")
    document.add_paragraph("We reviewed the MASH's contacts with partners.", style="List Bullet")

    document.add_heading("Children and young people", level=1)
    document.add_paragraph(
        "In March 2024 Cumberland's MASH received 802 contacts, and 189 (23.5%) became referrals. "
        "The local authorities gave £109,228 to the partnership's budget.")
    document.add_paragraph(
        "The panel completed 11 reviews, and 12 practitioners attended; 4,321 leaflets were sent out "
        "on 21 March 2024.")
    if "--image" in sys.argv:
        document.add_picture(io.BytesIO(tiny_png()))
    document.add_heading("Next steps", level=2)
    document.add_paragraph("Agree the priorities.", style="List Number")
    document.add_paragraph("Publish the learning.", style="List Number")

    document.add_heading("Training", level=1)
    document.add_paragraph("Courses run this year:")
    table = document.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    for row, cells in enumerate([("Course", "Places"), ("Neglect", "40"), ("Exploitation", "25")]):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    document.save(out)


if __name__ == "__main__":
    main()
