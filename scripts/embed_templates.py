#!/usr/bin/env python3
"""Writes the report's default templates (templates/*.mustache) into a Swift source file as
string literals, so the installed binary carries its look and runs from any folder.

    python3 scripts/embed_templates.py templates Sources/Rendering/Templates/TemplateSet+BuiltIn.swift

`make templates` runs it; RenderingTests fails when the Swift file and templates/ differ.
"""
import pathlib
import sys

HEADER = """\
// Generated from templates/*.mustache by `make templates` (scripts/embed_templates.py): edit the
// templates, not this file. A test fails when the two differ.

extension TemplateSet {
    /// The report's look as the package ships it, by template name: the files of `templates/`,
    /// compiled in so that an installed binary needs nothing beside it.
    static let builtInSources: [String: String] = [
"""


def literal(text: str) -> str:
    """A raw multi-line Swift string literal holding exactly `text`, indented 8 spaces."""
    hashes = "#"
    while f'"""{hashes}' in text or f"\\{hashes}" in text:
        hashes += "#"
    lines = text.split("\n")
    body = "\n".join(("        " + line) if line else "" for line in lines)
    return f'{hashes}"""\n{body}\n        """{hashes}'


def main() -> None:
    folder, target = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    entries = []
    for path in sorted(folder.glob("*.mustache")):
        text = path.read_text(encoding="utf-8")
        entries.append(f'        "{path.stem}": {literal(text)},')
    target.write_text(HEADER + "\n".join(entries) + "\n    ]\n}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
