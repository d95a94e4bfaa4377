//! The word lists the aligner reads sentences with: function words, negations, titles, Korean
//! particles, surnames, numerals and counters, and number words. Data, kept apart from the code
//! that uses it.

pub(super) const STOPWORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
    "from", "as", "is", "are", "was", "were", "be", "been", "being", "am", "it", "its", "this",
    "that", "these", "those", "there", "here", "we", "our", "us", "you", "your", "he", "his",
    "she", "her", "they", "their", "them", "i", "me", "my", "mine", "will", "would", "shall",
    "should", "can", "could", "may", "might", "must", "do", "does", "did", "have", "has", "had",
    "so", "if", "then", "than", "also", "very", "just", "all", "any", "some", "such", "which",
    "who", "whom", "what", "when", "where", "why", "how", "about", "into", "over", "more", "most",
    "again", "let", "s", "t", "re", "ve", "ll", "d", "m", "up", "out", "now", "well", "one", "not",
    "no",
];

pub(super) const NEGATIONS: &[&str] = &[
    "not", "no", "never", "none", "nothing", "neither", "nor", "without", "cannot", "nobody",
];

/// Korean negation morphemes (`않`, `못`, `없`) and Japanese and Chinese ones.
pub(super) const NEGATION_MARKS: &[&str] =
    &["않", "못", "없", "아니", "ない", "ません", "不", "没"];

/// Beginnings of words that thank, in languages written with spaces (`Thank you.`, `Thanks`,
/// `Спасибо`): a thanks is said in every language and opens or closes turns, but is rendered
/// at lengths that length alone cannot place (`Thank you.`, `ありがとうございました。`).
pub(super) const THANKS_WORDS: &[&str] = &[
    "thank",
    "merci",
    "danke",
    "gracias",
    "grazie",
    "obrigad",
    "спасибо",
    "благодар",
];

/// Thanks in Korean, Japanese and Chinese, found anywhere in the text (`감사합니다`, `고맙습니다`,
/// `ありがとう`, `感謝`, `谢谢`).
pub(super) const THANKS_MARKS: &[&str] = &[
    "감사",
    "고맙",
    "고마워",
    "ありがと",
    "感謝",
    "感谢",
    "谢谢",
    "謝謝",
];

/// Endings of Korean words that are particles, longest first.
pub(super) const PARTICLES: &[&str] = &[
    "입니다",
    "이라는",
    "이라고",
    "이었다",
    "에서는",
    "으로는",
    "에게는",
    "께서는",
    "에서",
    "에게",
    "으로",
    "께서",
    "부터",
    "까지",
    "과의",
    "와의",
    "와는",
    "과는",
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "의",
    "에",
    "와",
    "과",
    "도",
    "로",
    "께",
    "만",
    "이며",
    "이고",
    "이다",
];

/// Titles that put a surname after them (`Minister Cho`).
pub(super) const TITLES: &[&str] = &[
    "Minister",
    "Secretary",
    "President",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "Chairman",
    "Speaker",
    "Ambassador",
    "General",
    "Senator",
    "Governor",
    "Premier",
    "Chancellor",
];

/// Common Korean surnames, the first syllable of most three-syllable personal names.
pub(super) const KOREAN_SURNAMES: &str = "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용";

pub(super) const SMALL_NUMBERS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("thousand", 1000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
    ("dozen", 12),
    // `first` and `second` are left out: they mostly order a speech, not count.
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("twelfth", 12),
    ("twentieth", 20),
];

/// Korean native numerals, counted only before a counter word (`세 번째`, `두 가지`).
pub(super) const KOREAN_NUMERALS: &[(&str, u32)] = &[
    ("한", 1),
    ("두", 2),
    ("세", 3),
    ("네", 4),
    ("다섯", 5),
    ("여섯", 6),
    ("일곱", 7),
    ("여덟", 8),
    ("아홉", 9),
    ("열", 10),
    ("스무", 20),
];
pub(super) const KOREAN_COUNTERS: &[&str] = &["번", "가지", "명", "개", "차례", "번째", "째"];
