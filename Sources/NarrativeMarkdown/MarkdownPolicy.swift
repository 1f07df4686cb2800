import CCmarkGFM

/// What the narrative's Markdown may hold, in one place: `check` reports every breach, located
/// in the Markdown, and the renderer removes what it refuses, so even a draft loads nothing.
///
/// The report promises to be self-contained: nothing it shows comes from elsewhere. So no
/// image reaches it, from anywhere (remote, protocol-relative or a relative path): its alt text
/// stays as text. Links are navigation, not loads: `https:` and `mailto:` links, links within
/// the report (`#...`) and relative links stay; `http:` stays with a warning; any other scheme
/// (`javascript:`, `data:`, `file:`, ...) and protocol-relative `//host` links are refused and
/// rendered as their text. Nesting is bounded too, since the XHTML must stay within libxml2's
/// depth limit (256 elements, the template's included).
public enum MarkdownPolicy {
    /// The deepest nesting of Markdown blocks and inlines a section may have.
    public static let deepestNesting = 100

    /// What the policy says of one construct.
    public enum Verdict: Equatable, Sendable {
        case keep
        /// Kept, but the author should know why it is doubtful.
        case warn(String)
        /// Never rendered; the reason says what to write instead.
        case refuse(String)
    }

    /// What is wrong, and where (line and column from 1, as cmark-gfm counts them).
    public struct Problem: Equatable, Sendable {
        public enum Kind: Sendable { case image, link, nesting }
        public var kind: Kind
        public var line: Int
        public var column: Int
        public var isError: Bool
        public var message: String
        /// The destination or construct as found.
        public var actual: String
    }

    /// The verdict on an image: never shown.
    public static func image(_ destination: String) -> Verdict {
        .refuse(
            "the image '\(destination)' cannot be shown: the report is self-contained and loads nothing from elsewhere; describe it in words, or publish it beside the report and link to it"
        )
    }

    /// The verdict on a link to `destination`.
    public static func link(_ destination: String) -> Verdict {
        let trimmed = asBrowsersRead(destination)
        let start = trimmed.unicodeScalars.prefix(2)
        if start.count == 2, start.allSatisfy({ $0 == "/" || $0 == "\\" }) {
            return .refuse(
                "the link '\(destination)' is protocol-relative (//host): expected a full https:// address")
        }
        guard let scheme = scheme(of: trimmed) else { return .keep }  // Within the report, or relative.
        switch scheme {
        case "https", "mailto": return .keep
        case "http": return .warn("the link '\(destination)' is not encrypted: expected https:// if the site has it")
        default:
            return .refuse(
                "the link '\(destination)' uses the scheme \(scheme):, which a report may not link to: expected https:, mailto: or a link within the report (#...)"
            )
        }
    }

    /// `destination` as a browser's URL parser reads it (WHATWG URL, "basic URL parser"): C0
    /// controls and spaces at either end removed, and every tab, line feed and carriage return
    /// removed wherever it is, so `java&#9;script:` is judged as the `javascript:` it becomes.
    static func asBrowsersRead(_ destination: String) -> String {
        let dropped: Set<Unicode.Scalar> = ["\t", "\n", "\r"]
        let scalars = destination.unicodeScalars.filter { !dropped.contains($0) }
        let isEdge: (Unicode.Scalar) -> Bool = { $0.value <= 0x20 }
        var result = ""
        result.unicodeScalars.append(
            contentsOf: scalars.drop(while: isEdge).reversed().drop(while: isEdge).reversed())
        return result
    }

    /// `https` for `HTTPS://host`: letters, digits, `+`, `-` and `.` before the first colon.
    static func scheme(of destination: String) -> String? {
        guard let colon = destination.firstIndex(of: ":") else { return nil }
        let scheme = destination[..<colon].lowercased()
        guard let first = scheme.unicodeScalars.first, ("a"..."z").contains(first),
            scheme.unicodeScalars.allSatisfy({
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)
            })
        else { return nil }
        return scheme
    }

    /// Every breach of the policy in `document`, in document order.
    public static func problems(in document: MarkdownDocument) -> [Problem] {
        var problems: [Problem] = []
        var reportedDepth = false
        for (node, depth) in document.nodes() {
            let line = Int(cmark_node_get_start_line(node))
            let column = Int(cmark_node_get_start_column(node))
            if depth > deepestNesting, !reportedDepth {
                reportedDepth = true
                problems.append(
                    Problem(
                        kind: .nesting, line: line, column: column, isError: true,
                        message:
                            "the Markdown is nested \(depth) levels deep here (quotes, lists or emphasis inside each other): expected at most \(deepestNesting)",
                        actual: "\(depth) levels"))
            }
            guard let (kind, destination) = destination(of: node) else { continue }
            switch kind == .image ? image(destination) : link(destination) {
            case .keep: break
            case .warn(let message):
                problems.append(
                    Problem(
                        kind: kind, line: line, column: column, isError: false, message: message, actual: destination))
            case .refuse(let message):
                problems.append(
                    Problem(
                        kind: kind, line: line, column: column, isError: true, message: message, actual: destination))
            }
        }
        return problems
    }

    /// Removes from `document` every image and every refused link, keeping their text (an
    /// image's alt text, a link's words) in their place.
    public static func enforce(on document: MarkdownDocument) {
        for (node, _) in document.nodes() {
            guard let (kind, destination) = destination(of: node) else { continue }
            if case .refuse = kind == .image ? image(destination) : link(destination) {
                while let child = cmark_node_first_child(node) {
                    cmark_node_insert_before(node, child)
                }
                cmark_node_unlink(node)
                cmark_node_free(node)
            }
        }
    }

    /// An image's or link's destination, or nil for other nodes.
    private static func destination(of node: OpaquePointer) -> (Problem.Kind, String)? {
        let type = cmark_node_get_type(node)
        guard type == CMARK_NODE_IMAGE || type == CMARK_NODE_LINK else { return nil }
        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        return (type == CMARK_NODE_IMAGE ? .image : .link, url)
    }
}
