/// The simulated coffee and kitchen shop's 43 products in 7 categories, and lookup tables over them.
struct Catalogue: Sendable {
    let items: [CatalogueItem]
    /// The product indices of each category.
    let byCategory: [[Int]]
    /// The complement's index for each product, or -1.
    let complement: [Int]
    /// The indices of consumables (products with a reorder cycle).
    let consumables: [Int]
    /// Each SKU as UTF-8 bytes, for the CSV writer.
    let skuBytes: [[UInt8]]
    /// The index of the cheapest product.
    let cheapestIndex: Int

    init() {
        let items = Catalogue.table
        self.items = items
        var byCategory = Array(repeating: [Int](), count: ProductCategory.allCases.count)
        for (index, item) in items.enumerated() { byCategory[item.category.rawValue].append(index) }
        self.byCategory = byCategory
        let indexBySKU = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1.sku, $0) })
        complement = items.map { item in item.complementSKU.map { indexBySKU[$0]! } ?? -1 }
        consumables = items.indices.filter { items[$0].reorderCycleDays != nil }
        skuBytes = items.map { Array($0.sku.utf8) }
        cheapestIndex = items.indices.min { items[$0].priceCents < items[$1].priceCents }!
        precondition(items.count <= 64, "the generator keeps a customer's purchases in a 64-bit mask")
    }

    private static func item(
        _ sku: String, _ title: String, _ category: ProductCategory, supplier: Int, _ price: Int64,
        cycle: Int? = nil, complement: String? = nil, popularity: Double
    ) -> CatalogueItem {
        CatalogueItem(
            sku: sku, title: title, category: category, supplier: supplier, priceCents: price,
            reorderCycleDays: cycle, complementSKU: complement, popularity: popularity)
    }

    // Suppliers: 0 Rösterei Hanse, 1 Teehaus Lindner, 2 Brühwerk, 3 Nordic Kitchenware (slow),
    // 4 Keramikwerkstatt Sachsen, 5 CleanCafé Supplies, 6 Chocolaterie Aurelia.
    private static let table: [CatalogueItem] = [
        item(
            "KAF-ESP-1000", "Espresso Nr. 1, ganze Bohne, 1 kg", .coffee, supplier: 0, 2490, cycle: 28, popularity: 10),
        item("KAF-ESP-250", "Espresso Nr. 1, ganze Bohne, 250 g", .coffee, supplier: 0, 890, cycle: 14, popularity: 6),
        item("KAF-CRE-1000", "Caffè Crema Mild, 1 kg", .coffee, supplier: 0, 2290, cycle: 30, popularity: 7),
        item(
            "KAF-ETH-500", "Filterkaffee Äthiopien Yirgacheffe, 500 g", .coffee, supplier: 0, 1490, cycle: 21,
            popularity: 6),
        item("KAF-BRA-500", "Filterkaffee Brasil Santos, 500 g", .coffee, supplier: 0, 1290, cycle: 21, popularity: 5),
        item("KAF-DEC-500", "Entkoffeiniert Schwarzwald, 500 g", .coffee, supplier: 0, 1390, cycle: 30, popularity: 3),
        item(
            "KAF-PRB-400", "Probierset Single Origins, 4 × 100 g", .coffee, supplier: 0, 1690, cycle: 45, popularity: 4),
        item("TEE-ASS-200", "Assam Second Flush, 200 g", .tea, supplier: 1, 990, cycle: 35, popularity: 4),
        item("TEE-SEN-100", "Sencha Bio, 100 g", .tea, supplier: 1, 850, cycle: 30, popularity: 4),
        item("TEE-EGR-150", "Earl Grey Blue Flower, 150 g", .tea, supplier: 1, 790, cycle: 30, popularity: 5),
        item("TEE-KRA-100", "Kräutertee Abendruhe, 100 g", .tea, supplier: 1, 690, cycle: 30, popularity: 3),
        item(
            "TEE-MAT-030", "Matcha Zeremonie, 30 g", .tea, supplier: 1, 1990, cycle: 30, complement: "ZUB-CHA-01",
            popularity: 2),
        item(
            "ZUB-V60-02", "Handfilter Keramik, Größe 02", .brewing, supplier: 2, 2490, complement: "ZUB-FIP-100",
            popularity: 4),
        item("ZUB-FIP-100", "Filterpapier Größe 02, 100 Stück", .brewing, supplier: 2, 490, cycle: 50, popularity: 5),
        item(
            "ZUB-FRP-1000", "French Press Edelstahl, 1 l", .brewing, supplier: 2, 3990, complement: "KAF-BRA-500",
            popularity: 3),
        item("ZUB-AER-GO", "AeroPress Go", .brewing, supplier: 2, 3990, complement: "ZUB-AEF-350", popularity: 3),
        item("ZUB-AEF-350", "AeroPress Mikrofilter, 350 Stück", .brewing, supplier: 2, 690, cycle: 90, popularity: 2),
        item(
            "ZUB-MOK-6", "Espressokocher Aluminium, 6 Tassen", .brewing, supplier: 2, 3490, complement: "KAF-ESP-250",
            popularity: 3),
        item("ZUB-WAA-01", "Kaffeewaage mit Timer", .brewing, supplier: 2, 2990, popularity: 2),
        item(
            "ZUB-MIL-01", "Milchaufschäumer elektrisch", .brewing, supplier: 2, 4990, complement: "GES-CAP-01",
            popularity: 3),
        item("ZUB-CHA-01", "Matcha-Besen Chasen", .brewing, supplier: 1, 1790, popularity: 1),
        item(
            "ZUB-KES-1000", "Schwanenhalskessel, 1 l", .brewing, supplier: 3, 5990, complement: "ZUB-V60-02",
            popularity: 2),
        item(
            "MUE-HAN-01", "Handmühle mit Kegelmahlwerk", .grinders, supplier: 3, 6990, complement: "MUE-PIN-01",
            popularity: 3),
        item(
            "MUE-ELE-01", "Elektrische Kaffeemühle Präzision", .grinders, supplier: 3, 18900, complement: "PFL-DOS-500",
            popularity: 2),
        item("MUE-PIN-01", "Reinigungspinsel für Mühlen", .grinders, supplier: 3, 790, popularity: 1),
        item(
            "GES-ESP-2", "Espressotassen-Set, 2 Stück", .tableware, supplier: 4, 2490, complement: "SUE-CAN-250",
            popularity: 4),
        item("GES-CAP-01", "Cappuccinotasse mit Untertasse", .tableware, supplier: 4, 1490, popularity: 4),
        item("GES-BEC-350", "Thermobecher To-go, 350 ml", .tableware, supplier: 4, 2290, popularity: 3),
        item("GES-KAR-600", "Glaskaraffe, 600 ml", .tableware, supplier: 4, 1990, popularity: 2),
        item(
            "GES-TEB-01", "Teebecher mit Sieb", .tableware, supplier: 4, 1890, complement: "TEE-EGR-150", popularity: 2),
        item(
            "GES-TEK-800", "Teekanne Gusseisen, 0,8 l", .tableware, supplier: 3, 4490, complement: "TEE-ASS-200",
            popularity: 2),
        item("PFL-ENT-500", "Entkalker flüssig, 500 ml", .care, supplier: 5, 990, cycle: 60, popularity: 4),
        item("PFL-TAB-60", "Reinigungstabletten, 60 Stück", .care, supplier: 5, 1290, cycle: 90, popularity: 3),
        item("PFL-WAF-3", "Wasserfilter-Kartuschen, 3er-Pack", .care, supplier: 5, 1990, cycle: 90, popularity: 3),
        item("PFL-KAN-350", "Milchkännchen Edelstahl, 350 ml", .care, supplier: 5, 1690, popularity: 2),
        item("PFL-TAM-58", "Tamper 58 mm", .care, supplier: 5, 2490, complement: "PFL-MAT-01", popularity: 2),
        item("PFL-MAT-01", "Tampermatte Silikon", .care, supplier: 5, 990, popularity: 1),
        item("PFL-DOS-500", "Vorratsdose vakuumdicht, 500 g", .care, supplier: 5, 2190, popularity: 3),
        item("SUE-SCH-100", "Zartbitterschokolade 70 %, 100 g", .sweets, supplier: 6, 450, cycle: 21, popularity: 5),
        item("SUE-CAN-250", "Cantuccini mit Mandeln, 250 g", .sweets, supplier: 6, 590, cycle: 28, popularity: 4),
        item("SUE-BOH-150", "Espressobohnen in Schokolade, 150 g", .sweets, supplier: 6, 690, cycle: 30, popularity: 4),
        item("SUE-SIR-250", "Sirup Haselnuss, 250 ml", .sweets, supplier: 6, 890, cycle: 45, popularity: 3),
        item("SUE-BOX-01", "Geschenkbox Kaffeegenuss", .sweets, supplier: 6, 3990, popularity: 2),
    ]
}
