import CCmarkGFM

extension MarkdownDocument {
    /// The text of the heading that opens the document (`# Foreword` as its first block), or nil
    /// when it opens with anything else.
    public var leadingHeading: String? {
        guard let first = cmark_node_first_child(root), cmark_node_get_type(first) == CMARK_NODE_HEADING else {
            return nil
        }
        return Self.plainText(of: first)
    }

    /// Removes the heading that opens the document, if there is one.
    public func removeLeadingHeading() {
        guard let first = cmark_node_first_child(root), cmark_node_get_type(first) == CMARK_NODE_HEADING else {
            return
        }
        cmark_node_unlink(first)
        cmark_node_free(first)
    }

    /// The words of a node, without their markup: text and code as written, a line break as a
    /// space.
    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            } else if let literal = cmark_node_get_literal(current), type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE
            {
                text += String(cString: literal)
            } else {
                text += plainText(of: current)
            }
            child = cmark_node_next(current)
        }
        return text
    }
}
