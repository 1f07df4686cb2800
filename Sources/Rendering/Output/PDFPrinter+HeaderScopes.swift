extension PDFPrinter {
    /// The name of the script `print(html:)` runs, in the printer's private temporary folder.
    public static let scriptName = "print-report-pdf.py"

    /// The script that prints the PDF: WeasyPrint's own command line (`weasyprint.__main__.main`,
    /// with the same options and so the same bytes), given an `HTML` whose `write_pdf` adds one
    /// step before the file is written.
    ///
    /// WeasyPrint tags a table's header cells `/TH` and its data cells with `/Headers`, but gives
    /// no header cell a `/Scope`, so a PDF/UA checker cannot tell which figures a header heads
    /// (Matterhorn 15-003), though the HTML says so with `scope`. The step (WeasyPrint's
    /// `finisher`, which runs once the structure tree is built) gives each header cell's structure
    /// element `/A << /O /Table /Scope /Row >>` when its `<th>` says `scope="row"` (or
    /// `rowgroup`) and `/Scope /Column` otherwise: the same reading WeasyPrint makes of `scope`
    /// for `/Headers`. A header repeated on the next page of a long table is the same `<th>`, so
    /// it gets the same scope. It reads each cell's HTML element from WeasyPrint's box tree,
    /// where WeasyPrint keeps the cell's structure element (`mark`); if any `/TH` is left without
    /// a scope (a WeasyPrint that keeps it elsewhere), the script fails and nothing is published.
    public static let script = #"""
        import sys

        from weasyprint import HTML
        from weasyprint.__main__ import main


        def header_cells(box):
            boxes = [box]
            while boxes:
                box = boxes.pop()
                box = getattr(box, "_box", box)
                if getattr(box, "element_tag", None) == "th" and getattr(box, "mark", None) is not None:
                    yield box
                boxes.extend(reversed(getattr(box, "children", ())))


        def add_scopes(document, pdf):
            for page in document.pages:
                for cell in header_cells(page._page_box):
                    scope = (cell.element.get("scope") or "").strip().lower()
                    cell.mark["A"]["Scope"] = "/Row" if scope in ("row", "rowgroup") else "/Column"
            headers = [o for o in pdf.objects if isinstance(o, dict) and o.get("S") == "/TH"]
            missing = sum(1 for o in headers if "Scope" not in o.get("A", {}))
            if missing:
                sys.exit(f"{missing} of {len(headers)} table header cells could not be given a /Scope")


        class ScopedHTML(HTML):
            def write_pdf(self, target=None, zoom=1, finisher=None, **options):
                return super().write_pdf(target, zoom, add_scopes, **options)


        main(sys.argv[1:], HTML=ScopedHTML)

        """#
}
