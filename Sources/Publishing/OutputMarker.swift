import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file that marks a folder as a build's own output, and so safe to replace; it means only
/// "a build wrote this". A build's output is itself an edition (it publishes `edition.yaml`),
/// so the marker also lists, with its length and a digest, every manifest the build wrote: a
/// manifest anywhere in the folder that the marker does not list as it is now (an edition kept
/// inside a former output folder, or the output's own manifest since edited into someone's
/// edition) makes the folder an edition, which no build replaces.
enum OutputMarker {
    /// The marker's file name.
    static let name = ".annual-report"
    /// What the marker's first line says; a folder is this tool's only if its marker starts so.
    static let heading = "Written by annual-report; the next build replaces this folder whole.\n"
    /// The name of an edition's manifest, which marks a folder as an edition.
    static let manifestName = "edition.yaml"
    /// How many entries the folder may hold before it is refused rather than searched whole
    /// for an edition (a build writes a few files per dataset).
    static let entryLimit = 100_000

    /// The line that says the manifests are listed (a marker from before says nothing of them).
    static let listingLine =
        "Every edition.yaml this build wrote (any other makes the folder an edition, never replaced):\n"

    /// The marker for a build that writes `files`: the heading, the listing line, then
    /// `manifest LENGTH DIGEST PATH` for each manifest among them.
    static func text(for files: [(path: String, bytes: [UInt8])]) -> String {
        var text = heading + listingLine
        for file in files where isManifest(file.path) {
            text += "manifest \(file.bytes.count) \(digest(file.bytes)) \(file.path)\n"
        }
        return text
    }

    /// Why `folder` (which exists and is a folder) must not be replaced, or nil when it is empty
    /// or a build's own output. Never opens anything but a regular file, so a FIFO cannot block.
    /// - Parameters:
    ///   - folder: the folder's path.
    ///   - shown: the folder as the user named it, for the message.
    static func refusal(for folder: String, shown: String) -> String? {
        guard let top = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            return "its contents cannot be listed"
        }
        if top.isEmpty { return nil }
        let markerPath = "\(folder)/\(name)"
        var status = stat()
        guard lstat(markerPath, &status) == 0 else {
            return
                "it is a folder this tool did not write (it has no \(name) file) and is not empty; choose a new or empty folder"
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            let shownMarker = (shown as NSString).appendingPathComponent(name)
            return
                "its marker \(shownMarker) is not a regular file (it is \(kind(of: status.st_mode))), so the folder is not one a build wrote (a build's marker is always a regular file); remove \(shownMarker) if the folder is yours to replace, or choose another folder"
        }
        guard let text = readRegularFile(markerPath), text.hasPrefix(heading) else {
            return
                "it is a folder this tool did not write (its \(name) file is not this tool's marker) and is not empty; choose a new or empty folder"
        }
        // The marker is this tool's: the folder is a build's output unless an edition is inside.
        var entries: [(path: String, isManifest: Bool)] = []
        var walk = FolderWalk(limit: entryLimit)
        guard walk.visit(folder, relative: "", into: &entries) else {
            return walk.problem ?? "its contents cannot be listed"
        }
        let listed = listedManifests(in: text)
        let manifests = entries.filter(\.isManifest).map(\.path)
        for path in manifests {
            let ours: Bool
            if let listed {
                let bytes = readRegularFile(bytesAt: "\(folder)/\(path)")
                ours = bytes.map { listed.contains(Listing(path: path, length: $0.count, digest: digest($0))) } ?? false
            } else {
                // A marker from before manifests were listed: only a build's own top-level
                // manifest, beside the findings every build writes (`new` and `init` never do).
                ours = path == manifestName && entries.contains { $0.path == "findings.json" }
            }
            if !ours {
                let manifest = (shown as NSString).appendingPathComponent(path)
                return
                    "it holds an edition (\(manifest)) that is not a build's own output, and a build never replaces an edition; choose another folder for the output"
            }
        }
        return nil
    }

    /// One manifest the marker lists.
    private struct Listing: Hashable {
        var path: String
        var length: Int
        var digest: String
    }

    /// The manifests the marker lists, or nil for a marker from before they were listed.
    private static func listedManifests(in text: String) -> Set<Listing>? {
        let rest = text.dropFirst(heading.count)
        guard rest.hasPrefix(listingLine) else { return nil }
        var listed: Set<Listing> = []
        for line in rest.dropFirst(listingLine.count).split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 3)
            guard fields.count == 4, fields[0] == "manifest", let length = Int(fields[1]) else { continue }
            listed.insert(Listing(path: String(fields[3]), length: length, digest: String(fields[2])))
        }
        return listed
    }

    static func isManifest(_ path: String) -> Bool {
        path == manifestName || path.hasSuffix("/\(manifestName)")
    }

    /// 64-bit FNV-1a, in hexadecimal: enough to tell a manifest someone has edited from the one
    /// a build wrote (it guards against mistakes, not against someone forging a marker).
    static func digest(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// `a FIFO`, `a symbolic link`, `a folder`: what a file-system entry is, in words.
    static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a folder"
        case S_IFLNK: "a symbolic link"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        default: "not a regular file"
        }
    }

    /// The text of a regular file, opened without following a link and without blocking; nil
    /// for anything else or a file larger than 1 MB.
    private static func readRegularFile(_ path: String) -> String? {
        readRegularFile(bytesAt: path).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func readRegularFile(bytesAt path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size <= 1 << 20 else {
            return nil
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { return bytes }
            bytes += buffer[0..<count]
            if bytes.count > 1 << 20 { return nil }
        }
    }
}

/// Lists a folder's tree without following symbolic links, up to a number of entries.
private struct FolderWalk {
    var limit: Int
    var seen = 0
    var problem: String?

    /// Adds every entry under `path` (named relative to the top) to `entries`; false when the
    /// tree cannot be listed or holds more than `limit` entries.
    mutating func visit(
        _ path: String, relative: String, into entries: inout [(path: String, isManifest: Bool)]
    ) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            problem = relative.isEmpty ? nil : "\(relative) inside it cannot be listed"
            return false
        }
        for name in names.sorted() {
            seen += 1
            guard seen <= limit else {
                problem =
                    "it holds more than \(limit) files, too many to make sure no edition is inside; choose a new or empty folder"
                return false
            }
            let child = relative.isEmpty ? name : "\(relative)/\(name)"
            var status = stat()
            guard lstat("\(path)/\(name)", &status) == 0 else { continue }
            entries.append((child, name == OutputMarker.manifestName))
            if status.st_mode & S_IFMT == S_IFDIR, name != OutputMarker.name {
                guard visit("\(path)/\(name)", relative: child, into: &entries) else { return false }
            }
        }
        return true
    }
}
