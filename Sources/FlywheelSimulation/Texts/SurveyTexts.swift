/// Short comments customers leave with their NPS answer, in German and English.
enum SurveyTexts {
    /// Comments for a score (0–10), in German or English, given a late delivery.
    static func comments(score: Int, german: Bool, late: Bool) -> [String] {
        if late && score <= 8 { return german ? lateGerman : lateEnglish }
        switch (score, german) {
        case (9..., true): return promoterGerman
        case (9..., false): return promoterEnglish
        case (7...8, true): return passiveGerman
        case (7...8, false): return passiveEnglish
        case (_, true): return detractorGerman
        default: return detractorEnglish
        }
    }

    static let promoterGerman = [
        "Toller Kaffee und super Service!", "Schnelle Lieferung, alles perfekt.",
        "Habe euch schon meinen Freunden empfohlen.", "Die handgeschriebene Karte war eine schöne Überraschung.",
    ]
    static let promoterEnglish = [
        "Great coffee and great service!", "Fast delivery, everything perfect.",
        "Already recommended you to my friends.", "The handwritten note was a lovely surprise.",
    ]
    static let passiveGerman = [
        "Gut, aber etwas teuer.", "Produkt gut, Versand könnte schneller sein.",
        "Weniger Plastik in der Verpackung wäre schön.",
    ]
    static let passiveEnglish = [
        "Good, but a bit expensive.", "Good product, shipping could be faster.",
        "Less plastic in the packaging would be nice.",
    ]
    static let detractorGerman = [
        "Ware beschädigt, Kundenservice schwer erreichbar.", "Produkt entsprach nicht der Beschreibung.",
        "Zu teuer für die Qualität.",
    ]
    static let detractorEnglish = [
        "Item damaged and customer service hard to reach.", "Product did not match the description.",
        "Too expensive for the quality.",
    ]
    static let lateGerman = ["Lieferung kam viel zu spät.", "Die Sendung war tagelang unterwegs, keine Info."]
    static let lateEnglish = ["The delivery was far too late.", "The parcel was stuck for days with no update."]
}
