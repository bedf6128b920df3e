extension FlowDefinition {
    /// Unreachable steps (from the first step) and loops that never wait (they would run forever in one
    /// `advance`). References to unknown steps are reported elsewhere and ignored here.
    func checkGraph(indexOfID: [String: Int], into found: inout ProblemList) {
        let edges: [[Int]] = steps.map { step in step.successors.compactMap { indexOfID[$0] } }

        var reached = [Bool](repeating: false, count: steps.count)
        var stack = [0]
        reached[0] = true
        while let node = stack.popLast() {
            for next in edges[node] where !reached[next] {
                reached[next] = true
                stack.append(next)
            }
        }
        for (index, step) in steps.enumerated() where !reached[index] {
            found.add(FlowProblem.stepLabel(index, step.id), "id", "unreachable from the first step \"\(steps[0].id)\"")
        }

        // Cycles among steps that do not wait: a wait step's out-edges are cut, so any cycle left has no wait.
        let isWait = steps.map { step -> Bool in
            if case .wait = step.kind { return true }
            return false
        }
        var colour = [UInt8](repeating: 0, count: steps.count)  // 0 new, 1 on the path, 2 done
        var reported: Set<Set<Int>> = []
        for start in steps.indices where colour[start] == 0 {
            var path: [Int] = []
            var iterators: [Int] = []
            colour[start] = 1
            path.append(start)
            iterators.append(0)
            while let node = path.last {
                let outs = isWait[node] ? [] : edges[node]
                let position = iterators[iterators.count - 1]
                if position < outs.count {
                    iterators[iterators.count - 1] += 1
                    let next = outs[position]
                    if colour[next] == 1, let from = path.firstIndex(of: next) {
                        let cycle = Array(path[from...])
                        if reported.insert(Set(cycle)).inserted {
                            let names = (cycle + [next]).map { "\"\(steps[$0].id)\"" }.joined(separator: " → ")
                            found.add(
                                FlowProblem.stepLabel(next, steps[next].id), "next", "loop without a wait: \(names)")
                        }
                    } else if colour[next] == 0 {
                        colour[next] = 1
                        path.append(next)
                        iterators.append(0)
                    }
                } else {
                    colour[node] = 2
                    path.removeLast()
                    iterators.removeLast()
                }
            }
        }
    }
}
