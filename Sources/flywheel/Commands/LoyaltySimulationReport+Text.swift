import FlywheelCore
import FlywheelLoyalty
import Foundation

extension LoyaltySimulationReport {
    /// The report as text in German or English.
    func text(locale: ShopLocale) -> String {
        let de = locale == .de
        func t(_ english: String, _ german: String) -> String { de ? german : english }
        let money = { (minor: Int64) in
            CurrencyCode(currency).map { Format.money(Money(minorUnits: minor, currency: $0)) } ?? "\(minor)"
        }
        var lines: [String] = []
        func row(_ label: String, _ value: String, _ note: String = "") {
            let padded = label.padding(toLength: max(label.count, 34), withPad: " ", startingAt: 0)
            let number = String(repeating: " ", count: max(0, 14 - value.count)) + value
            lines.append("  " + padded + number + (note.isEmpty ? "" : "  " + note))
        }
        func count(_ value: some BinaryInteger) -> String { Format.count(Int(value)) }
        let days = "\(from) … \(through)"
        lines.append(t("LOYALTY PROGRAMME SIMULATION", "SIMULATION DES TREUEPROGRAMMS"))
        lines.append("  \(programme.name) (\(programme.id), \(t("version", "Version")) \(programme.version))")
        lines.append("  \(t("History", "Historie")): \(source), \(days)")
        let rule =
            redemption == .never
            ? t("nobody redeems", "niemand löst ein")
            : t("the cheapest reward as soon as affordable", "die günstigste Prämie, sobald die Punkte reichen")
        lines.append("  \(t("Redemption assumed", "Angenommene Einlösung")): \(rule)")
        lines.append("")
        row(t("Members", "Mitglieder"), count(members))
        row(
            t("Orders replayed", "Nachgespielte Bestellungen"), count(orders),
            skippedOrders > 0
                ? t(
                    "(\(count(skippedOrders)) skipped: guest, cancelled, other currency)",
                    "(\(count(skippedOrders)) übersprungen: Gast, storniert, andere Währung)") : "")
        row(t("Refunds", "Erstattungen"), count(refunds))
        lines.append("")
        lines.append(t("POINTS", "PUNKTE"))
        let rules = points.issuedByRule
        row(t("Issued", "Ausgegeben"), count(points.issued))
        for (label, value) in [
            (t("orders: per currency unit", "Bestellungen: pro Währungseinheit"), rules.orderBase),
            (t("orders: product multipliers", "Bestellungen: Produkt-Multiplikatoren"), rules.productMultipliers),
            (t("orders: boosts", "Bestellungen: Aktionen"), rules.boosts),
            (t("orders: tier multipliers", "Bestellungen: Stufen-Multiplikatoren"), rules.tierMultipliers),
            (t("launch bonus", "Startbonus"), rules.launchBonus), (t("birthday", "Geburtstag"), rules.birthday),
            (t("actions", "Aktionen der Kunden"), rules.actions), (t("badges", "Abzeichen"), rules.badges),
            (t("challenges", "Challenges"), rules.challenges), (t("referrals", "Empfehlungen"), rules.referrals),
        ] where value != 0 {
            row("  " + label, count(value))
        }
        row(t("Redeemed", "Eingelöst"), count(points.redeemed), t("cost ", "Kosten ") + money(costMinor))
        row(t("Reversed by refunds", "Durch Erstattungen storniert"), count(points.reversed))
        row(t("Expired", "Verfallen"), count(points.expired))
        row(
            t("Open", "Offen"), count(points.open),
            points.pending > 0 ? t("of which pending ", "davon vorläufig ") + count(points.pending) : "")
        lines.append("")
        lines.append(t("LIABILITY", "VERBINDLICHKEIT") + " \(t("on", "am")) \(through)")
        row(t("Open points", "Offene Punkte"), count(liability.points), money(liability.valueMinor))
        for bucket in liability.byAge {
            let range =
                bucket.toMonths.map { "\(bucket.fromMonths)–\($0) \(t("months", "Monate"))" }
                ?? "\(bucket.fromMonths)+ \(t("months", "Monate"))"
            row(
                "  " + t("earned ", "erworben vor ") + range + t(" ago", ""), count(bucket.points),
                money(bucket.valueMinor))
        }
        if liability.pendingPoints > 0 {
            row(
                t("Pending (return window open)", "Vorläufig (Rückgabefrist läuft)"), count(liability.pendingPoints),
                money(liability.pendingValueMinor))
        }
        lines.append("")
        lines.append(t("CODES", "CODES"))
        row(t("Issued", "Ausgegeben"), count(codes.issued))
        row(t("Used", "Eingelöst"), count(codes.used))
        row(t("Expired unused", "Ungenutzt verfallen"), count(codes.expired))
        if codes.redemptionsRefused > 0 {
            row(t("Redemptions refused", "Abgelehnte Einlösungen"), count(codes.redemptionsRefused))
        }
        if !tiers.isEmpty {
            lines.append("")
            lines.append(t("TIERS", "STUFEN") + " \(t("on", "am")) \(through)")
            for tier in tiers {
                let share = members > 0 ? Format.percent(Double(tier.customers) / Double(members)) : ""
                row(tier.name ?? t("no tier", "keine Stufe"), count(tier.customers), share)
            }
            lines.append("  " + t("Changes", "Wechsel") + ":")
            let names: [(String, String)] = [
                ("upgrade", t("upgrades", "Aufstiege")), ("downgrade", t("downgrades", "Abstiege")),
                ("refund_downgrade", t("downgrades after refunds", "Abstiege nach Erstattung")),
                ("downgrade_scheduled", t("downgrades scheduled (grace)", "angekündigte Abstiege (Schonfrist)")),
                ("downgrade_cancelled", t("downgrades cancelled", "abgewendete Abstiege")),
            ]
            for (kind, label) in names { row("  " + label, count(tierChanges[kind] ?? 0)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
