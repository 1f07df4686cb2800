import Foundation
import NarrativeMarkdown
import ReportModel

/// Turns the scrutineer's Markdown into an HTML fragment with cmark-gfm, the reference
/// CommonMark implementation, with GitHub's table and autolink extensions. Its default safe
/// mode drops raw HTML, so nothing a section's author types can inject markup or script, and
/// `MarkdownPolicy` removes images and links the report may not hold.
///
/// cmark-gfm writes XML-style void elements and escapes `&` in URLs, so its output stays
/// well-formed inside the XHTML. Two things are rewritten for HTML5 and accessibility: table
/// cells lose the obsolete `align` attribute (numbers are aligned by class instead) and header
/// cells gain `scope`; headings move down a level, under the section's own heading.
///
/// A file that opens with its section's title as a heading (`# Foreword` atop foreword.md, in
/// a section titled "Foreword" or "Foreword from the Independent Scrutineer") would print it
/// twice, once as the section's heading and again under it: that opening heading is left out.
/// One that says more than the title, or something else, is kept.
public enum MarkdownRenderer {
    /// The HTML fragment for `markdown`, the text of the section titled `sectionTitle` (when
    /// given, an opening heading that repeats it is left out).
    public static func html(_ markdown: String, sectionTitle: String? = nil) -> String {
        guard let document = MarkdownDocument(markdown) else { return "" }
        if let sectionTitle, let heading = document.leadingHeading, repeatsTitle(heading, sectionTitle) {
            document.removeLeadingHeading()
        }
        // No image and no refused link reaches the report, even in a draft: check has said why.
        MarkdownPolicy.enforce(on: document)
        return accessible(document.html())
    }

    /// Whether an opening heading only repeats the section's title: its words are the title's,
    /// or the title's first words ("Foreword" for "Foreword from the Independent Scrutineer"),
    /// letter case, spacing, curly or straight apostrophes and a closing full stop or colon
    /// aside.
    static func repeatsTitle(_ heading: String, _ title: String) -> Bool {
        func words(_ text: String) -> [String] {
            var words = text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
                .split(whereSeparator: \.isWhitespace).map(String.init)
            if let last = words.last, last.hasSuffix(".") || last.hasSuffix(":") {
                words[words.count - 1] = String(last.dropLast())
            }
            return words.filter { !$0.isEmpty }
        }
        let heading = words(heading)
        return !heading.isEmpty && words(title).starts(with: heading)
    }

    /// Rewrites what cmark-gfm writes that HTML5 or WCAG object to.
    static func accessible(_ html: String) -> String {
        var text = html
        for level in stride(from: 5, through: 1, by: -1) {
            let target = max(3, level + 1)
            text = text.replacingOccurrences(of: "<h\(level)>", with: "<h\(target)>")
                .replacingOccurrences(of: "</h\(level)>", with: "</h\(target)>")
        }
        text = text.replacingOccurrences(of: "<th>", with: "<th scope=\"col\">")
        for alignment in ["left", "center", "right"] {
            text = text.replacingOccurrences(
                of: "<th align=\"\(alignment)\">", with: "<th scope=\"col\" class=\"align-\(alignment)\">"
            )
            .replacingOccurrences(of: "<td align=\"\(alignment)\">", with: "<td class=\"align-\(alignment)\">")
        }
        return scrollable(text.replacingOccurrences(of: "<!-- raw HTML omitted -->", with: ""))
    }

    /// Each table in its own labelled, focusable region that scrolls sideways when the table is
    /// wider than the screen, so the page itself never does. The label names the table by its
    /// column headings.
    static func scrollable(_ html: String) -> String {
        guard html.contains("<table>") else { return html }
        var parts = html.components(separatedBy: "<table>")
        for index in parts.indices.dropFirst() {
            let headings = parts[index].components(separatedBy: "</thead>").first ?? ""
            let names = headings.components(separatedBy: "</th>").dropLast().map { cell in
                (cell.components(separatedBy: ">").last ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            }.filter { !$0.isEmpty }
            let label = names.isEmpty ? "Table" : "Table of " + ListFormat.and(names)
            parts[index] =
                "<div class=\"table-wrap\" role=\"region\" aria-label=\"\(label)\" tabindex=\"0\"><table>"
                + parts[index].replacingOccurrences(of: "</table>", with: "</table></div>")
        }
        return parts.joined()
    }
}
