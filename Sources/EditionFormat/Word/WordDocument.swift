/// A Word document read into the narrative's Markdown: one section for each top-level heading.
public struct WordDocument: Sendable, Equatable {
    /// The sections, in the document's order.
    public var sections: [WordSection]
    /// What the import left out and why, for the writer to see.
    public var notes: [WordImportNote]
}

/// One top-level heading of a Word document and what follows it, as GitHub Markdown: its
/// sub-headings from `##` down, paragraphs, lists, tables, emphasis and links.
public struct WordSection: Sendable, Equatable {
    /// The heading's words.
    public var title: String
    /// The Markdown, with no heading of its own (the manifest gives the title).
    public var markdown: String
}

/// Something of the Word document the narrative does not hold.
public struct WordImportNote: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// A picture: the narrative has none yet.
        case picture
        /// A picture linked by address: never fetched.
        case linkedPicture
        /// A link the report may not keep (not https, http or mailto); its words are kept.
        case link
        /// Raw HTML or another format's markup.
        case markup
        /// A table with merged cells, split into single cells.
        case mergedCells
    }

    public var kind: Kind
    /// What it was: a picture's name and alternative text, a link's address.
    public var detail: String
    public var description: String {
        switch kind {
        case .picture: "picture \(detail) was left out: the narrative holds no pictures yet"
        case .linkedPicture: "picture linked from \(detail) was left out and never fetched"
        case .link: "link to \(detail) was left out (only https, http and mailto links are kept); its words stay"
        case .markup: "markup \(detail) was left out"
        case .mergedCells: "table \(detail) has merged cells: each was split, its words in the first cell"
        }
    }
}
