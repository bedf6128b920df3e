import Foundation

/// One line of Flywheel's open loyalty export (JSON Lines; docs/loyalty-export.md). Every line is one JSON
/// object whose `type` says which record it is; fields are snake_case, times ISO 8601 UTC with milliseconds,
/// points whole numbers, money integer minor units with an ISO 4217 code.
enum LoyaltyExportLine: Sendable {
    case header(Header)
    case member(Member)
    case source(Source)
    case lot(Lot)
    case entry(Entry)
    case importedMember(ImportedMember)

    /// The format's name and version (first line).
    static let format = "flywheel-loyalty-export"
    static let version = 1

    struct Header: Codable, Sendable {
        var type = "header"
        var format: String
        var version: Int
        var exportedAt: String
        enum CodingKeys: String, CodingKey {
            case type, format, version
            case exportedAt = "exported_at"
        }
    }

    struct Member: Codable, Sendable, Equatable {
        var type = "member"
        var customer: String
        var email: String?
        var firstName: String?
        var lastName: String?
        var birthday: String?
        var createdAt: String?
        var available: Int64
        var pending: Int64
        enum CodingKeys: String, CodingKey {
            case type, customer, email, birthday, available, pending
            case firstName = "first_name", lastName = "last_name", createdAt = "created_at"
        }
    }

    struct Source: Codable, Sendable {
        var type = "source"
        var customer: String
        var sequence: Int
        var kind: String
        var key: String
        var at: String
        var reference: String?
        var releasesLot: Int?
        var refundedMinor: Int64?
        var accountedPoints: Int64?
        var shortfallPoints: Int64
        enum CodingKeys: String, CodingKey {
            case type, customer, sequence, kind, key, at, reference
            case releasesLot = "releases_lot", refundedMinor = "refunded_minor"
            case accountedPoints = "accounted_points", shortfallPoints = "shortfall_points"
        }
    }

    struct Lot: Codable, Sendable {
        var type = "lot"
        var customer: String
        var number: Int
        var sourceKind: String
        var sourceKey: String
        var earnedAt: String
        var expiresAt: String?
        var earned: Int64
        var pending: Bool
        var orderAmountMinor: Int64?
        var orderCurrency: String?
        enum CodingKeys: String, CodingKey {
            case type, customer, number, earned, pending
            case sourceKind = "source_kind", sourceKey = "source_key", earnedAt = "earned_at"
            case expiresAt = "expires_at", orderAmountMinor = "order_amount_minor", orderCurrency = "order_currency"
        }
    }

    struct Entry: Codable, Sendable {
        var type = "entry"
        var customer: String
        var sequence: Int
        var debit: String
        var credit: String
        var points: Int64
        var sourceKind: String
        var sourceKey: String
        var reason: String
        var at: String
        var lot: Int
        var admin: String?
        enum CodingKeys: String, CodingKey {
            case type, customer, sequence, debit, credit, points, reason, at, lot, admin
            case sourceKind = "source_kind", sourceKey = "source_key"
        }
    }

    struct ImportedMember: Codable, Sendable {
        var type = "imported_member"
        var customer: String
        var source: String
        var sourceTier: String?
        var tier: String?
        var tierUntil: String?
        var referralCode: String?
        var referralLink: String?
        var optedIn: Bool?
        var importedAt: String
        enum CodingKeys: String, CodingKey {
            case type, customer, source, tier
            case sourceTier = "source_tier", tierUntil = "tier_until", referralCode = "referral_code"
            case referralLink = "referral_link", optedIn = "opted_in", importedAt = "imported_at"
        }
    }

    /// The customer a record belongs to (`nil` for the header).
    var customer: String? {
        switch self {
        case .header: nil
        case .member(let value): value.customer
        case .source(let value): value.customer
        case .lot(let value): value.customer
        case .entry(let value): value.customer
        case .importedMember(let value): value.customer
        }
    }

    /// The line as JSON: sorted keys, absent optionals left out, no escaped slashes.
    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data: Data
        switch self {
        case .header(let value): data = try encoder.encode(value)
        case .member(let value): data = try encoder.encode(value)
        case .source(let value): data = try encoder.encode(value)
        case .lot(let value): data = try encoder.encode(value)
        case .entry(let value): data = try encoder.encode(value)
        case .importedMember(let value): data = try encoder.encode(value)
        }
        return String(decoding: data, as: UTF8.self)
    }

    private struct Kind: Decodable {
        var type: String
    }

    /// Decodes one line; throws a reason naming the key when it cannot.
    static func decode(_ text: String) throws(LoyaltyExportDecodingError) -> LoyaltyExportLine {
        let data = Data(text.utf8)
        let decoder = JSONDecoder()
        do {
            let kind = try decoder.decode(Kind.self, from: data)
            switch kind.type {
            case "header": return .header(try decoder.decode(Header.self, from: data))
            case "member": return .member(try decoder.decode(Member.self, from: data))
            case "source": return .source(try decoder.decode(Source.self, from: data))
            case "lot": return .lot(try decoder.decode(Lot.self, from: data))
            case "entry": return .entry(try decoder.decode(Entry.self, from: data))
            case "imported_member": return .importedMember(try decoder.decode(ImportedMember.self, from: data))
            default: throw LoyaltyExportDecodingError(key: "type", reason: "unknown record type \"\(kind.type)\"")
            }
        } catch let error as LoyaltyExportDecodingError {
            throw error
        } catch let DecodingError.keyNotFound(key, _) {
            throw LoyaltyExportDecodingError(key: key.stringValue, reason: "is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw LoyaltyExportDecodingError(
                key: context.codingPath.map(\.stringValue).joined(separator: "."), reason: "has the wrong type")
        } catch {
            throw LoyaltyExportDecodingError(key: "-", reason: "is not a JSON object")
        }
    }
}

/// A line of the export that could not be decoded: the key and the reason.
struct LoyaltyExportDecodingError: Error {
    let key: String
    let reason: String
}
