import Foundation

extension StringProtocol {
    /// The text without the Unicode scalars in `set` at its start and end: what Foundation's
    /// `trimmingCharacters(in:)` returns (the sets used here hold only BMP scalars, which NSString's UTF-16 view
    /// sees the same), without its round trip through NSString and UTF-16, which cost 44 % of an e-mail's render
    /// (docs/messaging.md, "Rendering fast"). Looks only at the scalars it removes and the first it keeps.
    func trimmingScalars(in set: CharacterSet) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, set.contains(scalars[start]) { scalars.formIndex(after: &start) }
        while start < end {
            let last = scalars.index(before: end)
            guard set.contains(scalars[last]) else { break }
            end = last
        }
        return String(self[start..<end])
    }
}
