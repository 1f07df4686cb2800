/// A hash index of positions in an array, for finding an element by its key without storing
/// the key a second time: each slot holds a position and 32 bits of its key's hash, eight bytes
/// in all, where a dictionary from a key of two strings to a position takes forty. The elements
/// themselves say whether a position's key is the one sought (`matches`), so the index works for
/// any key, such as a figure's area and measure (and whatever else a key comes to hold).
///
/// Open addressing with linear probing, at most three quarters full. The hash decides only
/// where a position is kept, never which position is found: an index finds the first position
/// inserted with a key, whatever the hash seed, so output that depends on it is deterministic.
public struct PositionIndex: Sendable {
    /// 0 for an empty slot; else the key's hash in the high 32 bits and the position + 1 in the low.
    private var slots: [UInt64]
    /// How many positions it holds.
    public private(set) var count = 0

    /// An index with room for `capacity` positions before it grows.
    public init(capacity: Int = 0) {
        slots = Array(repeating: 0, count: PositionIndex.slotCount(for: capacity))
    }

    private static func slotCount(for capacity: Int) -> Int {
        var slots = 8
        while slots / 4 * 3 < capacity { slots *= 2 }
        return slots
    }

    /// The position inserted with a key whose hash is `hash` and for which `matches` is true.
    public func position(hash: Int, where matches: (Int) -> Bool) -> Int? {
        let tag = UInt64(truncatingIfNeeded: UInt32(truncatingIfNeeded: hash)) << 32
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: hash)) & mask
        while slots[slot] != 0 {
            let entry = slots[slot]
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let position = Int(entry & 0xFFFF_FFFF) - 1
                if matches(position) { return position }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Inserts `position` under a key whose hash is `hash`, unless a position with the same key
    /// (`matches`) is there already: then that earlier position is returned and nothing changes.
    public mutating func insert(_ position: Int, hash: Int, where matches: (Int) -> Bool) -> Int? {
        precondition(position >= 0 && position < Int(UInt32.max), "a position index holds at most 2^32 - 1 positions")
        if let earlier = self.position(hash: hash, where: matches) { return earlier }
        if (count + 1) > slots.count / 4 * 3 { grow() }
        let hash32 = UInt32(truncatingIfNeeded: hash)
        place(UInt64(hash32) << 32 | UInt64(position + 1))
        count += 1
        return nil
    }

    private mutating func place(_ entry: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: entry >> 32) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    /// Doubles the slots, placing every entry again by the hash it keeps.
    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        for entry in old where entry != 0 { place(entry) }
    }
}
