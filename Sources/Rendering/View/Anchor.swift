import Foundation

/// Ids for links inside the report, made from names the edition chose: lower-case letters,
/// digits and hyphens only, so every id is valid HTML and XML whatever the name held.
enum Anchor {
    static func slug(_ text: String) -> String {
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        let trimmed = slug.trimmingCharacters(in: ["-"])
        return trimmed.isEmpty ? "x" : trimmed
    }
}
