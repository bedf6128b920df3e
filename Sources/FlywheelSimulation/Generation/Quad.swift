/// Four integers on the stack, for the at most four lines of an order.
struct Quad {
    private var values: (Int64, Int64, Int64, Int64) = (0, 0, 0, 0)

    subscript(_ index: Int) -> Int64 {
        get {
            switch index {
            case 0: values.0
            case 1: values.1
            case 2: values.2
            default: values.3
            }
        }
        set {
            switch index {
            case 0: values.0 = newValue
            case 1: values.1 = newValue
            case 2: values.2 = newValue
            default: values.3 = newValue
            }
        }
    }

    /// Splits `amount` over the first `count` weights in proportion, exactly: each part is the floor of its
    /// share, and the units left over go one each to the parts with the largest remainders (earlier first
    /// on ties).
    static func split(_ amount: Int64, weights: Quad, count: Int, total: Int64) -> Quad {
        var parts = Quad()
        var assigned: Int64 = 0
        for i in 0..<count {
            parts[i] = amount * weights[i] / total
            assigned += parts[i]
        }
        var left = amount - assigned
        var bumped = 0
        while left > 0 {
            var best = -1
            var bestRemainder: Int64 = -1
            for i in 0..<count where bumped & (1 << i) == 0 {
                let remainder = amount * weights[i] % total
                if remainder > bestRemainder {
                    best = i
                    bestRemainder = remainder
                }
            }
            bumped |= 1 << best
            parts[best] += 1
            left -= 1
        }
        return parts
    }
}
