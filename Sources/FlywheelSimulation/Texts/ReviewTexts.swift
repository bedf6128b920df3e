/// Short, realistic review texts in German and English, by how good the experience was and whether the
/// product is tasted (coffee, tea, sweets) or used (gear, cups, care). Themes the trend analysis looks for
/// recur: taste, quality, delivery delays, packaging, product descriptions, sustainability.
enum ReviewTexts {
    typealias Text = (title: String, body: String)

    /// Texts for `stars` (1–5), in German or English, for a tasted or a used product, given a late delivery.
    static func choices(stars: Int, german: Bool, tasted: Bool, late: Bool) -> [Text] {
        if late && stars <= 3 { return german ? lateGerman : lateEnglish }
        switch (stars, german, tasted) {
        case (5, true, true): return excellentTasteGerman
        case (5, false, true): return excellentTasteEnglish
        case (5, true, false): return excellentGearGerman
        case (5, false, false): return excellentGearEnglish
        case (4, true, _): return goodGerman
        case (4, false, _): return goodEnglish
        case (3, true, _): return mixedGerman
        case (3, false, _): return mixedEnglish
        case (_, true, true): return badTasteGerman
        case (_, false, true): return badTasteEnglish
        case (_, true, false): return badGearGerman
        default: return badGearEnglish
        }
    }

    static let excellentTasteGerman: [Text] = [
        ("Hervorragend", "Kräftig, schokoladig, kaum Säure – der beste Kaffee seit Langem."),
        ("Wieder bestellt", "Schmeckt jedes Mal gleich gut. Frisch geröstet und schnell da."),
        ("Sehr aromatisch", "Tolles Aroma, riecht schon beim Öffnen der Packung fantastisch."),
        ("Klare Empfehlung", "Genau wie beschrieben. Die Verpackung ist sogar recycelbar, super!"),
        ("Lecker", "Meine Familie ist begeistert, wir bestellen nur noch hier."),
    ]
    static let excellentTasteEnglish: [Text] = [
        ("Excellent", "Rich, chocolatey and low in acidity – the best coffee I've had in ages."),
        ("Ordered again", "Tastes just as good every time. Freshly roasted and arrived quickly."),
        ("So aromatic", "Wonderful aroma, smells amazing as soon as you open the bag."),
        ("Highly recommend", "Exactly as described. Love that the packaging is recyclable!"),
        ("Delicious", "The whole family loves it, we only order from here now."),
    ]
    static let excellentGearGerman: [Text] = [
        ("Top Qualität", "Sehr gut verarbeitet, fühlt sich wertig an. Benutze es jeden Tag."),
        ("Perfekt", "Macht genau, was es soll. Schnelle Lieferung, sicher verpackt."),
        ("Begeistert", "Schönes Design und durchdacht. Hat sich schon gelohnt."),
        ("Super Kauf", "Besser als erwartet, die Beschreibung ist genau und ehrlich."),
    ]
    static let excellentGearEnglish: [Text] = [
        ("Top quality", "Really well made and feels solid. I use it every day."),
        ("Perfect", "Does exactly what it should. Fast delivery, packed safely."),
        ("Love it", "Beautiful design and well thought out. Already worth it."),
        ("Great buy", "Better than expected, the description is accurate and honest."),
    ]
    static let goodGerman: [Text] = [
        ("Gut", "Gutes Produkt zu einem fairen Preis. Lieferung hat etwas gedauert."),
        ("Zufrieden", "Alles wie beschrieben, nur die Verpackung war etwas übertrieben."),
        ("Empfehlenswert", "Ich bin zufrieden und würde es wieder kaufen."),
        ("Solide", "Macht einen guten Eindruck, kleine Abzüge beim Preis."),
    ]
    static let goodEnglish: [Text] = [
        ("Good", "Good product at a fair price. Delivery took a little while."),
        ("Happy with it", "Everything as described, the packaging was a bit much though."),
        ("Recommended", "I'm happy with it and would buy it again."),
        ("Solid", "Makes a good impression, a little pricey."),
    ]
    static let mixedGerman: [Text] = [
        ("Okay", "Nicht schlecht, aber auch nichts Besonderes."),
        ("Geht so", "Die Beschreibung hat mehr versprochen, als das Produkt hält."),
        ("Mittelmaß", "Für den Preis hätte ich etwas mehr erwartet."),
        ("Durchwachsen", "Verpackung war beschädigt, Inhalt zum Glück in Ordnung."),
    ]
    static let mixedEnglish: [Text] = [
        ("Okay", "Not bad, but nothing special either."),
        ("So-so", "The description promised more than the product delivers."),
        ("Average", "I expected a bit more for the price."),
        ("Mixed", "The box was damaged, luckily the contents were fine."),
    ]
    static let badTasteGerman: [Text] = [
        ("Enttäuscht", "Schmeckt bitter und flach, nicht wie beschrieben."),
        ("Nicht frisch", "Das Röstdatum war schon Monate her. Schade."),
        ("Leider nein", "Geschmack trifft überhaupt nicht meinen Geschmack, zu sauer."),
    ]
    static let badTasteEnglish: [Text] = [
        ("Disappointed", "Tastes bitter and flat, not as described."),
        ("Not fresh", "The roast date was months ago. Shame."),
        ("Not for me", "Far too sour for my taste."),
    ]
    static let badGearGerman: [Text] = [
        ("Mangelhaft", "Nach zwei Wochen kaputt. Die Qualität stimmt leider nicht."),
        ("Beschädigt angekommen", "Die Tasse kam zerbrochen an, die Verpackung war viel zu dünn."),
        ("Nicht wie beschrieben", "Sieht auf den Fotos viel hochwertiger aus."),
    ]
    static let badGearEnglish: [Text] = [
        ("Poor quality", "Broke after two weeks. The quality just isn't there."),
        ("Arrived damaged", "The cup arrived broken, the packaging was far too thin."),
        ("Not as described", "Looks much better in the photos."),
    ]
    static let lateGerman: [Text] = [
        ("Lieferung zu spät", "Das Produkt ist gut, aber die Lieferung kam eine Woche später als versprochen."),
        ("Lange gewartet", "Musste ewig warten, keine Info zur Verspätung. Schade."),
        ("Verspätet", "Lieferzeit war deutlich länger als angegeben, sonst okay."),
    ]
    static let lateEnglish: [Text] = [
        ("Late delivery", "The product is fine, but it arrived a week later than promised."),
        ("Long wait", "Had to wait forever with no update about the delay. Shame."),
        ("Delayed", "Delivery took much longer than stated, otherwise okay."),
    ]
}
