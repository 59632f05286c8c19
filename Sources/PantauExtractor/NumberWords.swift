/// Number words and scale words of Indonesian and English.
enum NumberWords {
    /// Plain number words.
    static let units: [String: Double] = [
        "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
        "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000, "sejuta": 1_000_000,
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
    ]

    /// Words that multiply what comes before (`10 ribu`, `dua puluh`, `ten thousand`).
    static let scales: [String: Double] = [
        "belas": 10, "puluh": 10, "ratus": 100, "ribu": 1000, "juta": 1_000_000, "miliar": 1_000_000_000,
        "milyar": 1_000_000_000, "triliun": 1_000_000_000_000, "hundred": 100, "thousand": 1000,
        "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
    ]

    /// Approximate plurals and their lower bounds (`ribuan` = thousands, at least 1000).
    static let plurals: [String: Double] = [
        "puluhan": 10, "belasan": 11, "ratusan": 100, "ribuan": 1000, "puluhan ribu": 10_000, "ratusan ribu": 100_000,
        "jutaan": 1_000_000, "dozens": 24, "hundreds": 200, "thousands": 2000, "millions": 2_000_000,
        "tens of thousands": 20_000, "hundreds of thousands": 200_000,
    ]

    /// Words before a number that make it approximate (folded; "lebih dari" gives a lower bound).
    static let approximators: Set<String> = [
        "sekitar", "kira", "hampir", "lebih", "kurang", "setidaknya", "sedikitnya", "more", "about", "around",
        "approximately", "roughly", "nearly", "almost", "some", "over", "least", "estimated", "up",
    ]
    /// Approximators that make the number a lower bound.
    static let lowerBound: Set<String> = ["lebih", "more", "setidaknya", "sedikitnya", "over", "least"]

    /// Vague multipliers: `several thousand`, `beberapa ribu` (at least twice the scale).
    static let several: Set<String> = ["several", "beberapa", "many", "banyak"]
}
