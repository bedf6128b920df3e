public import FlywheelCore
public import Foundation

extension EarningRules {
    /// The points `action` earns when `alreadyAwarded` points were awarded for it in the current cap period.
    ///
    /// The award is the action's fixed points, cut to what is left of the cap (`maxPoints − alreadyAwarded`,
    /// never below 0). Storage is not consulted: the caller sums the awards for the action inside
    /// `capPeriod(of:containing:in:)` and passes the sum in.
    public func points(for action: EarningAction, alreadyAwarded: Int64 = 0) -> ActionAward {
        let fixed = max(0, actionPoints[action] ?? 0)
        guard let cap = actionCaps[action] else {
            return ActionAward(action: action, fixedPoints: fixed, points: fixed, capped: false)
        }
        let left = max(0, cap.maxPoints - max(0, alreadyAwarded))
        let points = min(fixed, left)
        return ActionAward(action: action, fixedPoints: fixed, points: points, capped: points < fixed)
    }

    /// The UTC interval of `action`'s cap period containing `instant`; `nil` when the action is uncapped or
    /// capped over the customer's lifetime.
    public func capPeriod(of action: EarningAction, containing instant: Date, in calendar: ShopCalendar)
        -> DateInterval?
    {
        actionCaps[action]?.period.interval(containing: instant, in: calendar)
    }
}
