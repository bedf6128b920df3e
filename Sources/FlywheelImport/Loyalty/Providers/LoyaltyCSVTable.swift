import FlywheelCore
import Foundation

/// A whole CSV export read into memory: its header (normalised names) and its records. Loyalty exports hold
/// one row per member or movement, so they fit in memory; every row is checked before anything is stored.
struct LoyaltyCSVTable {
    let path: String
    /// The header's names as written.
    let headerNames: [String]
    /// Column index by normalised name (the first column of a name wins).
    let index: [String: Int]
    /// The rows after the header, with their lines.
    let records: [Record]

    init(path: String) throws(LoyaltyImportError) {
        self.path = path
        var records: [Record] = []
        do {
            var reader = try RecordReader(path: path, layout: .csv)
            var record = Record()
            while try reader.next(into: &record) { records.append(record) }
        } catch let error as ImportFileError {
            throw .file(path, "\(error)")
        } catch {
            throw .file(path, "cannot be read: \(error)")
        }
        guard let header = records.first else { throw .file(path, "is empty; expected a header row and rows") }
        var names: [String] = []
        var index: [String: Int] = [:]
        for column in 0..<header.count {
            guard let name = header.string(column) else {
                throw .file(path, "header: column \(column + 1) is not valid UTF-8; save the file as UTF-8")
            }
            names.append(name)
            let key = Self.normalise(name)
            if !key.isEmpty && index[key] == nil { index[key] = column }
        }
        headerNames = names
        self.index = index
        self.records = Array(records.dropFirst())
    }

    static func normalise(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: " ")
    }

    /// The first of `aliases` the header has, as (index, name as written); with `prefix`, a header name that
    /// starts with an alias also counts (Yotpo's `Birthday (MM/DD) or (MM/DD/YYYY)`).
    func column(_ aliases: [String], prefix: Bool = false) -> LoyaltyColumn? {
        for alias in aliases {
            if let found = index[alias] { return LoyaltyColumn(index: found, name: headerNames[found]) }
        }
        guard prefix else { return nil }
        for alias in aliases {
            if let found = headerNames.firstIndex(where: { Self.normalise($0).hasPrefix(alias) }) {
                return LoyaltyColumn(index: found, name: headerNames[found])
            }
        }
        return nil
    }

    /// Throws naming the missing column and what the header has.
    func missing(_ what: String) -> LoyaltyImportError {
        .file(path, "header: no \(what) column; the header has: \(headerNames.joined(separator: ", "))")
    }
}

/// A column found in a header: where it is and its name as written (for messages).
struct LoyaltyColumn: Sendable {
    let index: Int
    let name: String
}
