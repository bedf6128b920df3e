import Foundation

/// Finds columns by name in a header row, ignoring case, surrounding spaces and `_`/space differences.
struct ColumnMap {
    private var indexByName: [String: Int] = [:]
    /// The header's names as written, for messages.
    let headerNames: [String]

    init(header: Record) throws(ImportFileError) {
        var names: [String] = []
        for index in 0..<header.count {
            guard let name = header.string(index) else {
                throw ImportFileError("header: column \(index + 1) is not valid UTF-8; save the file as UTF-8")
            }
            names.append(name)
            let key = ColumnMap.normalise(name)
            if !key.isEmpty && indexByName[key] == nil { indexByName[key] = index }
        }
        headerNames = names
    }

    static func normalise(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: " ")
    }

    /// The index of the first of `names` present.
    func index(_ names: String...) -> Int? {
        for name in names { if let index = indexByName[ColumnMap.normalise(name)] { return index } }
        return nil
    }

    /// Throws naming every missing required column and what the header has instead.
    func require(_ columns: [(label: String, present: Bool)]) throws(ImportFileError) {
        let missing = columns.filter { !$0.present }.map(\.label)
        guard missing.isEmpty else {
            throw ImportFileError(
                "header: missing column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")); "
                    + "the header has: \(headerNames.joined(separator: ", "))")
        }
    }
}
