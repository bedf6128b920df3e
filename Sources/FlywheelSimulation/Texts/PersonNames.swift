/// Small lists of common first and last names for German- and English-speaking customers.
enum PersonNames {
    static let germanFirst = [
        "Anna", "Lena", "Sophie", "Marie", "Julia", "Laura", "Katharina", "Sabine", "Petra", "Claudia",
        "Lukas", "Jonas", "Felix", "Maximilian", "Paul", "Thomas", "Michael", "Stefan", "Andreas", "Jan",
    ]
    static let germanLast = [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Braun", "Zimmermann", "Krüger",
    ]
    static let englishFirst = [
        "Emma", "Olivia", "Amelia", "Isla", "Grace", "Chloe", "Sarah", "Emily", "Hannah", "Jessica",
        "Oliver", "George", "Harry", "Jack", "Noah", "James", "William", "Daniel", "Thomas", "Samuel",
    ]
    static let englishLast = [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke",
    ]
}
