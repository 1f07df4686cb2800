/// What marks a value as an example still to be replaced: `annual-report init` writes it into
/// each example row and paragraph it starts a new edition with, and the `content.example` rule
/// warns of each one left, so the first `check` names everything the partnership must supply.
/// Anyone can use it the same way, in their own templates for colleagues.
public enum ExampleMarker {
    /// The marker's word, which is not an abbreviation for the glossary to explain.
    public static let word = "EXAMPLE"
    /// `EXAMPLE:`, at the start of a text cell or anywhere in a line of narrative.
    public static let text = word + ":"

    /// True when `text` carries the marker.
    public static func marks(_ text: String) -> Bool {
        text.contains(ExampleMarker.text)
    }
}
