public import Foundation

/// A saved rule-based segment as the store keeps it. The rule is stored as its JSON text (`definition`):
/// the analytics module owns its meaning; the store only keeps it by name.
public struct StoredSegment: Hashable, Codable, Sendable {
    /// The segment's name, unique in the shop (`[A-Za-z0-9._-]{1,64}`, checked where segments are made).
    public var name: String
    /// The rule as JSON (FlywheelAnalytics' `SegmentRule`).
    public var definition: String
    /// When the name was first saved, and when its definition last changed (UTC).
    public var createdAt: Date
    public var updatedAt: Date
    /// Who saved it last (an admin's username or an API key's id).
    public var updatedBy: String

    /// A segment from its parts.
    public init(name: String, definition: String, createdAt: Date, updatedAt: Date, updatedBy: String) {
        self.name = name
        self.definition = definition
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }
}
