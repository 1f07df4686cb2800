import Foundation
import ReportModel
import Testing

/// Trimming a manifest's values without Foundation where it can (`Trim.whitespace`), against
/// Foundation's trimming of whitespace.
@Suite("Trimming whitespace")
struct TrimTests {
    @Test("trims as Foundation does, whatever character is at either end (every one of the first plane)")
    func everyCharacter() {
        var differences: [UInt32] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }  // Surrogates are no characters.
            for text in ["\(scalar)", "\(scalar)a b\(scalar)", "a\(scalar)", "\(scalar)a"]
            where Trim.whitespace(text) != text.trimmingCharacters(in: .whitespaces) {
                differences.append(value)
            }
        }
        #expect(differences.isEmpty, "\(differences.map { String($0, radix: 16) })")
    }
}
