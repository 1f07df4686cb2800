import CLibXML2
import Foundation
import ReportModel

/// Checks that a serialised XHTML document is well-formed XML, with libxml2, before anything
/// is written. Parsing uses safe flags: no network, no entity substitution, no DTD loading.
public enum XHTMLVerifier {
    /// A well-formedness error, located in the document.
    public struct Problem: Error, Hashable, Sendable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// The problems libxml2 finds in `document`; empty when it is well-formed.
    /// - Parameter document: the XHTML text.
    public static func problems(in document: String) -> [Problem] {
        let bytes = Array(document.utf8)
        guard let context = xmlNewParserCtxt() else {
            return [Problem(line: 0, column: 0, message: "libxml2 could not allocate a parser")]
        }
        defer { xmlFreeParserCtxt(context) }
        // Some errors (a text node over 10 MB) libxml2 prints to standard error itself, quoting
        // the document, whatever the options say: this parser's go nowhere. The last error is
        // still kept in the context, and becomes the problem.
        context.pointee.sax?.pointee.serror = { _, _ in }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlCtxtReadMemory(context, $0, Int32(buffer.count), "report.xhtml", "UTF-8", options)
                }
            }
        }
        defer { if let parsed { xmlFreeDoc(parsed) } }
        guard parsed == nil || context.pointee.wellFormed == 0 else { return [] }
        guard let error = xmlCtxtGetLastError(context) else {
            return [Problem(line: 0, column: 0, message: "the document is not well-formed XML")]
        }
        let message = error.pointee.message.map { String(cString: $0) } ?? "not well-formed"
        return [
            Problem(
                line: Int(error.pointee.line), column: Int(error.pointee.int2),
                // libxml2 quotes the document, which may hold anything from the edition.
                message: TerminalText.visible(message.trimmingCharacters(in: .whitespacesAndNewlines)))
        ]
    }
}
