/// A number exactly as a workbook stores it (`2874`, `0.235`, `1.5E-3`), kept as decimal
/// digits and a power of ten, so that shifting it to a percentage or writing it out never
/// passes through binary floating point.
struct DecimalText: Equatable {
    var negative: Bool
    /// The significant digits, without leading zeros ("0" for zero).
    var digits: [UInt8]
    /// The value is `digits` x 10^exponent.
    var exponent: Int

    /// Reads `-12.5`, `2874`, `1.5E-3`, `6E+2`; nil for anything else.
    init?(_ text: String) {
        var scalars = Substring(text.trimmingCharacters(in: .whitespaces))
        negative = scalars.first == "-"
        if scalars.first == "-" || scalars.first == "+" { scalars = scalars.dropFirst() }
        var mantissa = scalars
        var power = 0
        if let e = scalars.firstIndex(where: { $0 == "E" || $0 == "e" }) {
            mantissa = scalars[..<e]
            guard let value = Int(scalars[scalars.index(after: e)...]), abs(value) < 400 else { return nil }
            power = value
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !(parts[0].isEmpty && parts.count == 1) else { return nil }
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        guard !(whole.isEmpty && fraction.isEmpty),
            (whole + fraction).allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        var all = (whole + fraction).compactMap { $0.asciiValue.map { $0 - 48 } }
        while all.count > 1, all.first == 0 { all.removeFirst() }
        digits = all
        exponent = power - fraction.count
        normalise()
    }

    private mutating func normalise() {
        while digits.count > 1, digits.last == 0 {
            digits.removeLast()
            exponent += 1
        }
        if digits == [0] {
            exponent = 0
            negative = false
        }
    }

    /// The value times 10^places, exactly.
    func shifted(by places: Int) -> DecimalText {
        var copy = self
        if copy.digits != [0] { copy.exponent += places }
        return copy
    }

    /// The value rounded half away from zero (as Excel displays it) to `places` decimals.
    func rounded(toDecimals places: Int) -> DecimalText {
        let dropped = -exponent - places
        guard dropped > 0 else { return self }
        var copy = self
        guard dropped <= digits.count else {
            copy.digits = [0]
            copy.exponent = 0
            return copy
        }
        let roundUp = digits[digits.count - dropped] >= 5
        copy.digits.removeLast(dropped)
        copy.exponent += dropped
        if copy.digits.isEmpty { copy.digits = [0] }
        if roundUp {
            var index = copy.digits.count - 1
            while index >= 0 {
                if copy.digits[index] == 9 {
                    copy.digits[index] = 0
                    index -= 1
                } else {
                    copy.digits[index] += 1
                    break
                }
            }
            if index < 0 { copy.digits.insert(1, at: 0) }
        }
        copy.normalise()
        return copy
    }

    /// The whole part: digits before the decimal point (zero and up).
    var wholePart: Int? {
        let whole = exponent >= 0 ? digits + Array(repeating: 0, count: exponent) : Array(digits.dropLast(-exponent))
        guard whole.count <= 15 else { return nil }
        return whole.reduce(0) { $0 * 10 + Int($1) }
    }

    /// Written plainly with at least `minimumDecimals` decimals: `2874`, `23.5`, `20.0`.
    func plain(minimumDecimals: Int = 0) -> String {
        let decimals = max(-exponent, minimumDecimals, 0)
        var all = digits.map { Character(UnicodeScalar($0 + 48)) }
        if exponent > 0 { all += Array(repeating: "0", count: exponent) }
        let padding = decimals - max(-exponent, 0)
        all += Array(repeating: "0", count: padding)
        while all.count <= decimals { all.insert("0", at: 0) }
        let split = all.count - decimals
        let text = String(all[..<split]) + (decimals > 0 ? "." + String(all[split...]) : "")
        return (negative ? "-" : "") + text
    }
}
