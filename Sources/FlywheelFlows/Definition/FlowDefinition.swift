public import FlywheelCore

/// A lifecycle flow as written in a flow file: trigger → steps → exit goals. The first step is the start.
///
/// A definition is immutable once published; changing a flow means publishing a higher `version`, and a
/// customer already in the flow stays on the version they entered with (`FlowLibrary`).
public struct FlowDefinition: Hashable, Sendable {
    /// Stable id, `[a-z0-9_]`; also the holdout / A-B hash seed, so it must not change between versions.
    public var id: String
    public var name: String
    /// 1, 2, … ; higher is newer.
    public var version: Int
    /// The class of its messages unless a send step says otherwise.
    public var messageClass: MessageClass
    /// 0…100; the arbiter prefers higher when flows compete for one customer.
    public var priority: Int
    /// The expected value of a message of this flow in minor units (the arbiter's tie-breaker).
    public var expectedValueMinor: Int64
    public var trigger: EventPattern
    public var reentry: ReentryRule
    /// Share of entering customers held out (sent nothing) to measure lift, 0 ≤ x < 100 (e.g. 10 or 2.5).
    public var holdoutPercent: Double
    /// A win-back flow: never sends while an order is still on its way.
    public var winBack: Bool
    /// The locales every message must exist in.
    public var locales: [ShopLocale]
    public var steps: [FlowStep]
    /// Reaching any goal ends the enrolment (`.goalReached`).
    public var goals: [EventPattern]

    public init(
        id: String, name: String, version: Int, messageClass: MessageClass, priority: Int = 50,
        expectedValueMinor: Int64 = 0, trigger: EventPattern, reentry: ReentryRule = .notWhileActive,
        holdoutPercent: Double = 0, winBack: Bool = false, locales: [ShopLocale] = [.de, .en], steps: [FlowStep],
        goals: [EventPattern] = []
    ) {
        self.id = id
        self.name = name
        self.version = version
        self.messageClass = messageClass
        self.priority = priority
        self.expectedValueMinor = expectedValueMinor
        self.trigger = trigger
        self.reentry = reentry
        self.holdoutPercent = holdoutPercent
        self.winBack = winBack
        self.locales = locales
        self.steps = steps
        self.goals = goals
    }
}
