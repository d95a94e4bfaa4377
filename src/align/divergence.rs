//! How far an aligned row diverges: a similarity score, a word-level diff (one language), and
//! flags for what a reader must not miss.

use super::beads::{self, Context};
use super::features::{Features, Interner};
use super::romanize::{romanize_hangul, skeleton};
use serde::Serialize;

/// Something about a row that a reader should look at.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Flag {
    /// One side has no counterpart in the other version.
    NoCounterpart,
    /// Numbers that appear on only one side (`71 years` against `70 years`).
    NumbersDiffer {
        official: Vec<String>,
        other: Vec<String>,
    },
    /// A name on one side stands where a different one stands on the other.
    NamesDiffer {
        official: Vec<String>,
        other: Vec<String>,
    },
    /// One side is negated and the other is not.
    NegationFlips,
    /// The two sides have little in common.
    LowSimilarity,
}

impl Flag {
    pub fn name(&self) -> &'static str {
        match self {
            Flag::NoCounterpart => "no-counterpart",
            Flag::NumbersDiffer { .. } => "numbers-differ",
            Flag::NamesDiffer { .. } => "names-differ",
            Flag::NegationFlips => "negation-flips",
            Flag::LowSimilarity => "low-similarity",
        }
    }

    /// A short description for people.
    pub fn describe(&self) -> String {
        match self {
            Flag::NoCounterpart => "no counterpart in the other version".into(),
            Flag::NumbersDiffer { official, other } => {
                format!("numbers differ: {} / {}", list(official), list(other))
            }
            Flag::NamesDiffer { official, other } => {
                format!("names differ: {} / {}", list(official), list(other))
            }
            Flag::NegationFlips => "negation on one side only".into(),
            Flag::LowSimilarity => "little in common".into(),
        }
    }
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "—".into()
    } else {
        items.join(", ")
    }
}

/// Similarity of a row from 0 (nothing in common) to 1 (the same words; across languages,
/// the expected length and the same numbers and names).
pub fn similarity(a: &[&Features], b: &[&Features], context: Context) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let value = if context.same_language {
        0.8 * beads::word_overlap(a, b) + 0.2 * beads::length_fit(a, b, context.length_ratio)
    } else {
        beads::quality(a, b, context)
    };
    (value * 1000.0).round() / 1000.0
}

/// The similarity below which a matched row is flagged: half the pair's median, since a free
/// translation scores lower throughout than a corrected reprint, and at most 0.5.
pub fn low_similarity_threshold(similarities: impl Iterator<Item = f64>) -> f64 {
    let mut values: Vec<f64> = similarities.collect();
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    (values[values.len() / 2] * 0.5).min(0.5)
}

/// The flags of a matched or unmatched row, except low similarity, which needs the whole
/// document (see [`low_similarity_threshold`]).
pub fn flags(
    texts: (&[&str], &[&str]),
    features: (&[&Features], &[&Features]),
    interner: &Interner,
) -> Vec<Flag> {
    let (a, b) = features;
    if a.is_empty() || b.is_empty() {
        return vec![Flag::NoCounterpart];
    }
    let mut flags = Vec::new();
    let numbers = |side: &[&Features]| {
        let mut all: Vec<u32> = side
            .iter()
            .flat_map(|f| f.numbers.iter().copied())
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    };
    let (na, nb) = (numbers(a), numbers(b));
    let long_number = |list: &[u32]| list.iter().any(|&n| interner.text(n).len() >= 2);
    let both = !na.is_empty() && !nb.is_empty();
    if na != nb && (both || long_number(&na) || long_number(&nb)) {
        let only = |x: &[u32], y: &[u32]| -> Vec<String> {
            x.iter()
                .filter(|n| !y.contains(n))
                .map(|&n| interner.text(n).to_string())
                .collect()
        };
        flags.push(Flag::NumbersDiffer {
            official: only(&na, &nb),
            other: only(&nb, &na),
        });
    }
    let (official_names, other_names) = substituted_names(texts.0, texts.1);
    if !official_names.is_empty() && !other_names.is_empty() {
        flags.push(Flag::NamesDiffer {
            official: official_names,
            other: other_names,
        });
    }
    let negated = |side: &[&Features]| side.iter().any(|f| f.negated);
    if negated(a) != negated(b) {
        flags.push(Flag::NegationFlips);
    }
    flags
}

/// Capitalised words that are titles and offices, not names.
const TITLE_WORDS: &[&str] = &[
    "Minister",
    "Foreign",
    "Affairs",
    "Secretary",
    "State",
    "President",
    "Vice",
    "Prime",
    "Government",
    "Republic",
    "Alliance",
    "Administration",
    "Summit",
    "Council",
    "Assembly",
    "National",
    "Acting",
    "Deputy",
    "Chairman",
    "Speaker",
    "Members",
    "Member",
    "Parliament",
    "General",
    "Ambassador",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "Madam",
    "Sir",
    "Department",
    "Ministry",
    "Office",
    "Act",
    "Dialogue",
    "Group",
    "Declaration",
    "Treaty",
    "Defense",
    "Defence",
];

/// Acronyms and the names they stand for, so that `ROK` meets `Korea`.
const ALIASES: &[(&str, &[&str])] = &[
    ("ROK", &["Korea", "South Korea", "한국", "대한민국"]),
    ("DPRK", &["North Korea", "Pyongyang", "북한"]),
    ("US", &["United States", "America", "미국"]),
    ("USA", &["United States", "America", "미국"]),
    ("United", &["America", "U.S.", "미국"]),
    ("States", &["America", "U.S.", "미국"]),
    ("UN", &["United Nations", "유엔"]),
    ("UNSC", &["Security Council", "안보리"]),
    ("PRC", &["China", "중국"]),
    ("UK", &["Britain", "United Kingdom", "영국"]),
    ("EU", &["European Union", "유럽연합"]),
];

/// Latin-script names: capitalised words after the first of a sentence, and acronyms, except
/// titles, pronouns and single letters (the `U` of `U.S.`). Possessives are dropped.
fn names(text: &str) -> Vec<&str> {
    super::features::words(text)
        .into_iter()
        .enumerate()
        .map(|(index, word)| (index, without_possessive(word)))
        .filter(|(index, word)| {
            let first = word.chars().next().unwrap_or(' ');
            let acronym = is_acronym(word);
            let pronoun = *word == "I" || word.starts_with("I’") || word.starts_with("I'");
            first.is_ascii_uppercase()
                && (*index > 0 || acronym)
                && word.chars().count() >= 2
                && !pronoun
                && !TITLE_WORDS.contains(word)
        })
        .map(|(_, word)| word)
        .collect()
}

fn without_possessive(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
}

fn is_acronym(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(|c| c.is_ascii_uppercase())
}

/// The key an acronym is compared by: its letters, lower-cased.
fn initials_key(letters: &str) -> String {
    format!("^{}", letters.to_lowercase())
}

/// Keys of every word of a side (names or not, any script), of pairs of words (`Woo Won`),
/// of the initials of word runs (`Nuclear Consultative Group` gives `NCG`) and of acronyms
/// for names the side spells out, so that a name is only missing when nothing on the other
/// side spells it.
fn word_keys(texts: &[&str]) -> Vec<String> {
    const LONGEST_ACRONYM: usize = 6;
    let mut keys: Vec<String> = Vec::new();
    for text in texts {
        let words: Vec<&str> = super::features::words(text)
            .into_iter()
            .map(without_possessive)
            .collect();
        for (index, word) in words.iter().enumerate() {
            keys.push(name_key(&romanize_hangul(word)));
            if is_acronym(word) {
                keys.push(initials_key(word));
            }
            if let Some(next) = words.get(index + 1) {
                keys.push(name_key(&format!("{word}{next}")));
            }
            for length in 2..=LONGEST_ACRONYM.min(words.len() - index) {
                let initials: String = words[index..index + length]
                    .iter()
                    .filter_map(|w| w.chars().next())
                    .collect();
                keys.push(initials_key(&initials));
            }
        }
        for (acronym, expansions) in ALIASES {
            if expansions.iter().any(|e| text.contains(e)) {
                keys.push(name_key(acronym));
                keys.push(initials_key(acronym));
            }
        }
    }
    keys
}

/// Whether a name is spelled on the other side: by skeleton, by a longer form of it
/// (`Korea` in `Korean`), or as an acronym by initials.
fn is_spelled(name: &str, other_keys: &[String]) -> bool {
    if is_acronym(name) && other_keys.contains(&initials_key(name)) {
        return true;
    }
    let key = name_key(name);
    other_keys.iter().any(|k| {
        *k == key
            || (k.len() >= 2
                && key.len() >= 2
                && (key.starts_with(k.as_str()) || k.starts_with(key.as_str())))
    })
}

/// Names on each side that nothing on the other side spells (compared by romanization
/// skeleton). Both lists non-empty means one name stands where another does.
fn substituted_names(a: &[&str], b: &[&str]) -> (Vec<String>, Vec<String>) {
    let (ka, kb) = (word_keys(a), word_keys(b));
    let unmatched = |texts: &[&str], other_keys: &[String]| -> Vec<String> {
        let mut found: Vec<String> = Vec::new();
        for name in texts.iter().flat_map(|t| names(t)) {
            if !is_spelled(name, other_keys) && !found.iter().any(|f| f == name) {
                found.push(name.to_string());
            }
        }
        found
    };
    (unmatched(a, &kb), unmatched(b, &ka))
}

/// A name's consonant skeleton, or the word itself when it has too few consonants (`Wu`).
fn name_key(name: &str) -> String {
    let key = skeleton(name);
    if key.len() >= 2 {
        key
    } else {
        format!("={}", name.to_lowercase())
    }
}

/// One piece of a word-level diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffPiece {
    /// `equal`, `delete` (official only) or `insert` (other only).
    pub op: &'static str,
    pub text: String,
}

/// The word-level differences between two texts in the same language.
pub fn word_diff(official: &str, other: &str) -> Vec<DiffPiece> {
    let diff = similar::TextDiff::from_unicode_words(official, other);
    let mut pieces: Vec<DiffPiece> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            similar::ChangeTag::Equal => "equal",
            similar::ChangeTag::Delete => "delete",
            similar::ChangeTag::Insert => "insert",
        };
        match pieces.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => pieces.push(DiffPiece {
                op,
                text: change.value().to_string(),
            }),
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::features::features;

    fn row_flags(a: &str, b: &str) -> Vec<String> {
        let mut interner = Interner::default();
        let (fa, fb) = (features(a, &mut interner), features(b, &mut interner));
        flags((&[a], &[b]), (&[&fa], &[&fb]), &interner)
            .iter()
            .map(Flag::describe)
            .collect()
    }

    #[test]
    fn acronyms_and_titles_are_not_name_changes() {
        assert!(
            row_flags(
                "Firstly, full trust in the ROK-U.S. alliance was restored.",
                "First, complete restoration of trust in the Korea-U.S. alliance."
            )
            .is_empty()
        );
        assert!(
            row_flags(
                "I am Cho Tae-yul, foreign minister of Korea.",
                "This is Cho Tae-yeol, the Minister of Foreign Affairs of Korea."
            )
            .is_empty()
        );
    }

    #[test]
    fn numbers_names_and_negation() {
        assert_eq!(
            row_flags(
                "As it has for the past 71 years, our companionship will endure.",
                "Our companionship will last, as it has been for the past 70 years."
            ),
            ["numbers differ: 71 / 70"]
        );
        assert_eq!(
            row_flags(
                "I met Speaker Wu and members of the National Assembly.",
                "I met Chairman Park and members of the National Assembly."
            ),
            ["names differ: Wu / Park"]
        );
        assert_eq!(
            row_flags("We will support them.", "We will not support them."),
            ["negation on one side only"]
        );
    }

    #[test]
    fn diff_shows_changed_words() {
        let pieces = word_diff("12:57 P.M. CEST", "12:57 P.M. CET");
        let changed: Vec<(&str, &str)> = pieces
            .iter()
            .filter(|p| p.op != "equal")
            .map(|p| (p.op, p.text.as_str()))
            .collect();
        assert_eq!(changed, [("delete", "CEST"), ("insert", "CET")]);
        let pieces = word_diff(
            "another $50 million– the United States",
            "another $50 million — the United States",
        );
        let changed: Vec<&str> = pieces
            .iter()
            .filter(|p| p.op != "equal")
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(changed, ["–", "— "]);
    }
}
