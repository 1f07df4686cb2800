import CLibXML2
import Foundation
import NarrativeMarkdown

/// What markup the report may hold, whoever wrote it: the narrative's Markdown policy
/// (`MarkdownPolicy`) carried over to the HTML an edition's own templates write. The report
/// runs nothing and loads nothing: no script, no event handler, no element or attribute that
/// fetches anything (images, frames, objects, media, stylesheets, `src`, `srcset`, ...), no
/// CSS that does (`url()`, `@import`, `image-set()`), no processing instruction (an
/// `xml-stylesheet` loads one) and no DOCTYPE beyond `<!DOCTYPE html>` (entities, outside
/// DTDs). Links are navigation, judged as the narrative's are (`MarkdownPolicy.link`).
///
/// It is applied to each template's own markup, located in the template, and to the report
/// the templates rendered, so values put in an attribute cannot get round it either.
enum MarkupPolicy {
    /// A breach, with the line of the element (or DOCTYPE) where it is.
    struct Breach: Hashable, Sendable {
        var line: Int
        var message: String
    }

    /// Elements that run something or load something whatever their attributes say.
    static let refusedElements: Set<String> = [
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "img", "image", "picture",
        "source", "track", "audio", "video", "link", "base", "feimage", "portal", "set", "animate",
        "animatemotion", "animatetransform", "noscript",
    ]
    /// Attributes that load (or send) something, on any element.
    static let loadingAttributes: Set<String> = [
        "src", "srcset", "srcdoc", "poster", "data", "background", "lowsrc", "dynsrc", "action", "formaction",
        "ping", "manifest", "codebase", "archive", "longdesc", "http-equiv", "attributionsrc", "icon",
    ]
    /// Attributes that take CSS values, `url()` among them (SVG's `fill="url(...)"` loads).
    static let cssAttributes: Set<String> = [
        "style", "fill", "stroke", "filter", "clip-path", "mask", "marker-start", "marker-mid", "marker-end", "cursor",
    ]
    /// CSS that loads something: functions and at-rules, as CSS reads them (escapes decoded).
    static let loadingCSS = [
        "url(", "src(", "image(", "image-set(", "cross-fade(", "element(", "expression(", "@import",
    ]

    /// The breaches in an XML document (XHTML, or a template with its tags set aside); the
    /// document is assumed well-formed (`XHTMLVerifier` says where it is not).
    static func breaches(inXML text: String, url: String) -> [Breach] {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        guard let context = xmlNewParserCtxt() else { return [Breach(line: 1, message: "libxml2 could not start")] }
        defer { xmlFreeParserCtxt(context) }
        // Some errors libxml2 prints itself, quoting the document, whatever the options say.
        context.pointee.sax?.pointee.serror = { _, _ in }
        return parse(text, isHTML: false) { xmlCtxtReadMemory(context, $0, $1, url, "UTF-8", options) }
    }

    /// The breaches in an HTML document, as libxml2's HTML parser reads it.
    static func breaches(inHTML text: String) -> [Breach] {
        let options = Int32(
            HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        guard let context = htmlNewParserCtxt() else { return [Breach(line: 1, message: "libxml2 could not start")] }
        defer { htmlFreeParserCtxt(context) }
        context.pointee.sax?.pointee.serror = { _, _ in }
        return parse(text, isHTML: true) { htmlCtxtReadMemory(context, $0, $1, "report.html", "UTF-8", options) }
    }

    private static func parse(_ text: String, isHTML: Bool, with read: (UnsafePointer<CChar>, Int32) -> xmlDocPtr?)
        -> [Breach]
    {
        let bytes = Array(text.utf8)
        guard bytes.count < Int32.max else { return [Breach(line: 1, message: "the document is too large to check")] }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { read($0, Int32(buffer.count)) }
            }
        }
        guard let document else { return [] }
        defer { xmlFreeDoc(document) }
        return breaches(in: document, text: text, isHTML: isHTML)
    }

    /// The breaches in a parsed document. (libxml2's HTML parser keeps a <style> element's
    /// text as CDATA, so CDATA is refused in XML alone.)
    private static func breaches(in document: xmlDocPtr, text: String, isHTML: Bool) -> [Breach] {
        var breaches: [Breach] = []
        if let type = document.pointee.intSubset,
            type.pointee.children != nil || type.pointee.ExternalID != nil || type.pointee.SystemID != nil
        {
            // libxml2 keeps no line for a DOCTYPE: it is the line of the first one in the text.
            let start = text.range(of: "<!DOCTYPE", options: .caseInsensitive)?.lowerBound ?? text.startIndex
            breaches.append(
                Breach(
                    line: 1 + text[..<start].utf8.count { $0 == UInt8(ascii: "\n") },
                    message:
                        "the DOCTYPE declares entities or names an outside DTD, which XML tools would read or load: expected <!DOCTYPE html>"
                ))
        }
        // An explicit stack: nothing here recurses as deep as the document nests.
        var stack: [xmlNodePtr] = []
        var next = document.pointee.children
        while let node = next ?? stack.popLast() {
            next = nil
            if let sibling = node.pointee.next { stack.append(sibling) }
            let line = max(1, xmlGetLineNo(node))
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                breaches += Self.breaches(element: node).map { Breach(line: line, message: $0) }
                next = node.pointee.children
            case XML_PI_NODE:
                let name = node.pointee.name.map { String(cString: $0) } ?? ""
                breaches.append(
                    Breach(
                        line: line,
                        message:
                            "the processing instruction <?\(name) ...?> may load or run something: expected none"))
            case XML_CDATA_SECTION_NODE where !isHTML:
                breaches.append(
                    Breach(
                        line: line,
                        message:
                            "a CDATA section is text in XHTML but markup in HTML, where it ends at the first >: expected the text written plainly, with &lt; for <"
                    ))
            case XML_COMMENT_NODE:
                let text = node.pointee.content.map { String(cString: $0) } ?? ""
                if text.contains("<") || text.contains(">") || text.hasPrefix("-") {
                    breaches.append(
                        Breach(
                            line: line,
                            message:
                                "a comment holding < or > can end early in HTML (<!-->) and publish what follows as markup: expected a Mustache comment, {{! ... }}"
                        ))
                }
            default: break
            }
        }
        return breaches
    }

    /// What is wrong with one element and its attributes.
    private static func breaches(element node: xmlNodePtr) -> [String] {
        let name = node.pointee.name.map { String(cString: $0) }?.lowercased() ?? ""
        var messages: [String] = []
        if refusedElements.contains(name) {
            messages.append(
                "the element <\(name)> runs or loads something, and the report is self-contained: expected none (describe an image in words, link to anything else)"
            )
        }
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            let attributeName = current.pointee.name.map { String(cString: $0) }?.lowercased() ?? ""
            let value = text(under: current.pointee.children)
            if let message = Self.message(attribute: attributeName, value: value, on: name) { messages.append(message) }
        }
        if name == "style", let message = styleMessage(text(under: node.pointee.children), where: "the <style> element")
        {
            messages.append(message)
        }
        return messages
    }

    private static func message(attribute: String, value: String, on element: String) -> String? {
        if attribute.hasPrefix("on") {
            return
                "the attribute \(attribute)= is an event handler, which runs script: expected none (the report runs nothing)"
        }
        if loadingAttributes.contains(attribute) {
            return
                "the attribute \(attribute)= on <\(element)> loads or sends something: expected none (the report is self-contained)"
        }
        if cssAttributes.contains(attribute) {
            return styleMessage(value, where: "the \(attribute) attribute on <\(element)>")
        }
        guard attribute == "href" else { return nil }
        if element == "a" || element == "area" {
            if case .refuse(let message) = MarkdownPolicy.link(value) { return message }
            return nil
        }
        guard value.hasPrefix("#") else {
            return
                "the attribute href='\(value)' on <\(element)> loads what it names: expected a reference within the report (#...)"
        }
        return nil
    }

    /// The message when `css` loads anything, or nil.
    static func styleMessage(_ css: String, where place: String) -> String? {
        let plain = plainCSS(css)
        guard let found = loadingCSS.first(where: { plain.contains($0) }) else { return nil }
        return
            "\(place) holds \(found)\(found.hasSuffix("(") ? "...)" : ""), which loads something from elsewhere: expected CSS that loads nothing (the report is self-contained)"
    }

    /// `css` as CSS reads it, for the search: comments and quoted strings removed, escapes
    /// (`\75 rl(`) decoded, letters in lower case.
    static func plainCSS(_ css: String) -> String {
        var result = ""
        let scalars = Array(css.unicodeScalars)
        var index = 0
        var quote: Unicode.Scalar?
        while index < scalars.count {
            let scalar = scalars[index]
            if quote == nil, scalar == "/", index + 1 < scalars.count, scalars[index + 1] == "*" {
                index += 2
                while index + 1 < scalars.count, !(scalars[index] == "*" && scalars[index + 1] == "/") { index += 1 }
                index += 2
                continue
            }
            if scalar == "\\" {
                index += 1
                var hex = ""
                while index < scalars.count, hex.count < 6, scalars[index].properties.isASCIIHexDigit {
                    hex.unicodeScalars.append(scalars[index])
                    index += 1
                }
                if hex.isEmpty {
                    if index < scalars.count, quote == nil { result.unicodeScalars.append(scalars[index]) }
                    index += 1
                } else {
                    if index < scalars.count, scalars[index] == " " || scalars[index] == "\n" || scalars[index] == "\t"
                    {
                        index += 1
                    }
                    if quote == nil, let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) {
                        result.unicodeScalars.append(decoded)
                    }
                }
                continue
            }
            if let open = quote {
                if scalar == open || scalar == "\n" { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
                result += "\"\""
            } else {
                result.unicodeScalars.append(scalar)
            }
            index += 1
        }
        return result.lowercased()
    }

    /// The text of a run of sibling nodes (an attribute's value, a <style> element's CSS).
    private static func text(under first: xmlNodePtr?) -> String {
        var result = ""
        var node = first
        while let current = node {
            if let content = current.pointee.content { result += String(cString: content) }
            node = current.pointee.next
        }
        return result
    }
}
