//! How far an aligned row diverges: a similarity score, a word-level diff (one language), and
//! flags for what a reader must not miss.

use super::beads::{self, Context};
use super::features::{Features, Interner};
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
    /// The versions give the row to speakers that do not correspond (a corrected transcript
    /// that moved a sentence from host to guest, say).
    SpeakerDiffers { official: String, other: String },
}

impl Flag {
    pub fn name(&self) -> &'static str {
        match self {
            Flag::NoCounterpart => "no-counterpart",
            Flag::NumbersDiffer { .. } => "numbers-differ",
            Flag::NamesDiffer { .. } => "names-differ",
            Flag::NegationFlips => "negation-flips",
            Flag::LowSimilarity => "low-similarity",
            Flag::SpeakerDiffers { .. } => "speaker-differs",
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
            Flag::SpeakerDiffers { official, other } => {
                format!("speaker differs: {official} / {other}")
            }
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
    let (a_lists, b_lists) = (beads::Merged::new(a), beads::Merged::new(b));
    let (group_a, group_b) = (a_lists.group(), b_lists.group());
    let value = if context.same_language {
        0.8 * beads::word_overlap(group_a, group_b)
            + 0.2 * beads::length_fit(a, b, context.length_ratio)
    } else {
        beads::quality(group_a, group_b, context)
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
    interner: &mut Interner,
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
    let (official_names, other_names) = substituted_names(texts.0, texts.1, interner);
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
fn initials_key(letters: &str, interner: &mut Interner) -> u32 {
    interner.id(&format!("{INITIALS_MARK}{}", letters.to_lowercase()))
}

/// Starts initials keys, so that they never meet a word's key.
const INITIALS_MARK: char = '^';

/// Keys of every word of a side (names or not, any script), of pairs of words (`Woo Won`),
/// of the initials of word runs (`Nuclear Consultative Group` gives `NCG`) and of acronyms
/// for names the side spells out, so that a name is only missing when nothing on the other
/// side spells it.
fn spellings(texts: &[&str], interner: &mut Interner) -> Vec<u32> {
    const LONGEST_ACRONYM: usize = 6;
    let mut keys: Vec<u32> = Vec::new();
    // Reused for every key, since a long row has thousands of them.
    let (mut pair, mut initials) = (String::new(), String::new());
    for text in texts {
        let words: Vec<&str> = super::features::words(text)
            .into_iter()
            .map(without_possessive)
            .collect();
        for (index, word) in words.iter().enumerate() {
            keys.push(interner.spelling(word));
            if is_acronym(word) {
                keys.push(initials_key(word, interner));
            }
            if let Some(next) = words.get(index + 1) {
                pair.clear();
                pair.push_str(word);
                pair.push_str(next);
                keys.push(interner.spelling(&pair));
            }
            initials.clear();
            initials.push(INITIALS_MARK);
            for (length, run_word) in words[index..].iter().take(LONGEST_ACRONYM).enumerate() {
                initials.extend(run_word.chars().take(1).flat_map(char::to_lowercase));
                if length > 0 {
                    keys.push(interner.id(&initials));
                }
            }
        }
        for (acronym, expansions) in ALIASES {
            if expansions.iter().any(|e| text.contains(e)) {
                keys.push(interner.spelling(acronym));
                keys.push(initials_key(acronym, interner));
            }
        }
    }
    keys
}

/// Names on each side that nothing on the other side spells (compared by romanization
/// skeleton, so `Korea` meets `Korean`). Both lists non-empty means one name stands where
/// another does. The full spelling check runs only for the few rows whose names do not
/// simply meet the other side's names.
fn substituted_names(
    a: &[&str],
    b: &[&str],
    interner: &mut Interner,
) -> (Vec<String>, Vec<String>) {
    let names_a: Vec<&str> = a.iter().flat_map(|t| names(t)).collect();
    let names_b: Vec<&str> = b.iter().flat_map(|t| names(t)).collect();
    if names_a.is_empty() || names_b.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let keys_a: Vec<u32> = names_a.iter().map(|n| interner.spelling(n)).collect();
    let keys_b: Vec<u32> = names_b.iter().map(|n| interner.spelling(n)).collect();
    let not_among = |names: &[&str], keys: &[u32], other: &[u32]| -> Vec<String> {
        let mut found: Vec<String> = Vec::new();
        for (name, key) in names.iter().zip(keys) {
            if !other.contains(key) && !found.iter().any(|f| f == name) {
                found.push(name.to_string());
            }
        }
        found
    };
    let unmatched_a = not_among(&names_a, &keys_a, &keys_b);
    let unmatched_b = not_among(&names_b, &keys_b, &keys_a);
    if unmatched_a.is_empty() || unmatched_b.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let (spelled_a, spelled_b) = (spellings(a, interner), spellings(b, interner));
    let mut still = |names: Vec<String>, other: &[u32]| -> Vec<String> {
        names
            .into_iter()
            .filter(|name| {
                let acronym = is_acronym(name) && other.contains(&initials_key(name, interner));
                !acronym && !other.contains(&interner.spelling(name))
            })
            .collect()
    };
    let official = still(unmatched_a, &spelled_b);
    let other = still(unmatched_b, &spelled_a);
    (official, other)
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
        flags((&[a], &[b]), (&[&fa], &[&fb]), &mut interner)
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
