/// Why a Word document cannot be imported: the tool cannot do what was asked (exit status 2, or
/// 128 + the signal when interrupted). Nothing has been written when it is thrown.
public struct WordImportError: Error, Sendable, CustomStringConvertible {
    /// The file it is about: the Word document, the manifest, or a narrative file.
    public var file: String
    /// What is wrong and what to do, in plain words.
    public var message: String
    /// The exit status the tool ends with.
    public var exitStatus: Int32

    public init(file: String, _ message: String, exitStatus: Int32 = 2) {
        self.file = file
        self.message = message
        self.exitStatus = exitStatus
    }

    public var description: String { "\(file): error: \(message)" }
}
