import CCmarkGFM
import Foundation

/// A section's Markdown parsed by cmark-gfm, the reference CommonMark implementation, with
/// GitHub's table, autolink and strikethrough extensions: the one parser set-up that both the
/// checks and the renderer use, so they read the same tree.
public final class MarkdownDocument {
    /// The parser, kept for its syntax extensions, which rendering needs.
    let parser: OpaquePointer
    /// The document's root node.
    let root: OpaquePointer

    /// Parses `markdown`; nil only when cmark-gfm cannot allocate.
    public init?(_ markdown: String) {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return nil }
        for name in ["table", "autolink", "strikethrough"] {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parser_feed(parser, $0, buffer.count)
                }
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            cmark_parser_free(parser)
            return nil
        }
        self.parser = parser
        self.root = root
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// Every node, in document order, with how many nodes enclose it (the root's children are
    /// at depth 1). Collected first, so a caller may change the tree afterwards.
    func nodes() -> [(node: OpaquePointer, depth: Int)] {
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var nodes: [(OpaquePointer, Int)] = []
        var depth = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER {
                nodes.append((node, depth))
                // Leaf nodes have no exit event, so only containers deepen the walk.
                if cmark_node_first_child(node) != nil { depth += 1 }
            } else if event == CMARK_EVENT_EXIT {
                depth -= 1
            }
        }
        return nodes
    }

    /// The HTML of the document as it now stands; cmark-gfm's safe mode drops raw HTML.
    public func html() -> String {
        guard let rendered = cmark_render_html(root, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser))
        else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
