//! How far an aligned row diverges: a similarity score, a word-level diff (one language), and
//! flags for what a reader must not miss.

use super::Flags;
use super::beads::{self, Context};
use super::features::Features;
use super::interner::Interner;
use super::names::substituted_names;
use super::wording::{self, Change};
use super::{negation, quantities};
use crate::model::Pair;
use serde::Serialize;
use smallvec::smallvec;

/// Something about a row that a reader should look at, with what triggered it: the pieces
/// only the official version has, then those only the other version has. The evidence is
/// boxed: a flag is then two words, so a row's one flag fits in the row itself (see
/// [`super::Flags`]), and a long pair has hundreds of thousands of rows.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Flag {
    /// One side has no counterpart in the other version.
    NoCounterpart,
    /// Quantities that appear on only one side (`71 years` against `70 years`).
    NumbersDiffer {
        #[serde(flatten)]
        evidence: Box<Pair<Vec<String>>>,
    },
    /// A name on one side stands where a different one stands on the other.
    NamesDiffer {
        #[serde(flatten)]
        evidence: Box<Pair<Vec<String>>>,
    },
    /// One side is negated and the other is not: the negating words of each side.
    NegationFlips {
        #[serde(flatten)]
        evidence: Box<Pair<Vec<String>>>,
    },
    /// One language: words were removed, added or replaced.
    WordingChanged {
        #[serde(flatten)]
        evidence: Box<Pair<Vec<String>>>,
    },
    /// One language: only punctuation changed.
    PunctuationChanged {
        #[serde(flatten)]
        evidence: Box<Pair<Vec<String>>>,
    },
    /// The two sides have little in common.
    LowSimilarity,
    /// The versions give the row to speakers that do not correspond (a corrected transcript
    /// that moved a sentence from host to guest, say).
    SpeakerDiffers {
        #[serde(flatten)]
        labels: Box<Pair<String>>,
    },
}

impl Flag {
    pub fn name(&self) -> &'static str {
        match self {
            Flag::NoCounterpart => "no-counterpart",
            Flag::NumbersDiffer { .. } => "numbers-differ",
            Flag::NamesDiffer { .. } => "names-differ",
            Flag::NegationFlips { .. } => "negation-flips",
            Flag::WordingChanged { .. } => "wording-changed",
            Flag::PunctuationChanged { .. } => "punctuation-changed",
            Flag::LowSimilarity => "low-similarity",
            Flag::SpeakerDiffers { .. } => "speaker-differs",
        }
    }

    /// A short description for people, with the evidence: `numbers differ: 36 vs 30`.
    pub fn describe(&self) -> String {
        let evidence = |what: &str, evidence: &Pair<Vec<String>>| {
            format!(
                "{what}: {} vs {}",
                list(&evidence.official, false),
                list(&evidence.other, false)
            )
        };
        // Changed text is quoted, so that its own spaces and punctuation read as part of it.
        let quoted = |what: &str, evidence: &Pair<Vec<String>>| {
            format!(
                "{what}: {} vs {}",
                list(&evidence.official, true),
                list(&evidence.other, true)
            )
        };
        match self {
            Flag::NoCounterpart => "no counterpart in the other version".into(),
            Flag::NumbersDiffer { evidence: e } => evidence("numbers differ", e),
            Flag::NamesDiffer { evidence: e } => evidence("names differ", e),
            Flag::NegationFlips { evidence: e } => evidence("negation on one side only", e),
            Flag::WordingChanged { evidence } => quoted("wording changed", evidence),
            Flag::PunctuationChanged { evidence } => quoted("punctuation changed", evidence),
            Flag::LowSimilarity => "little in common".into(),
            Flag::SpeakerDiffers { labels } => {
                format!("speaker differs: {} / {}", labels.official, labels.other)
            }
        }
    }
}

fn list(items: &[String], quoted: bool) -> String {
    if items.is_empty() {
        "—".into()
    } else {
        items
            .iter()
            .map(|item| {
                if quoted {
                    format!("“{item}”")
                } else {
                    item.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
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

/// When a matched row is flagged `low-similarity`, from the similarities of all the pair's
/// matched rows. A free translation scores lower throughout than a corrected reprint, and a
/// loose but faithful rendering is common in it, so a row is flagged only as an outlier of
/// its own pair: below Tukey's lower fence (the first quartile less one and a half
/// interquartile ranges), and at most 0.5, since above that the sides share much.
#[derive(Debug, Clone, Copy)]
pub struct LowSimilarity {
    threshold: f64,
    /// The fewest content words a row needs on each side to be judged: with fewer, one word
    /// rendered differently moves its score further than from the pair's median to the
    /// threshold, so a low score says nothing (`Oh, no...` against `으악, 안돼...`).
    fewest_words: usize,
}

impl LowSimilarity {
    pub fn of_pair(similarities: impl Iterator<Item = f64>) -> Self {
        let mut values: Vec<f64> = similarities.collect();
        values.sort_by(f64::total_cmp);
        if values.is_empty() {
            return LowSimilarity {
                threshold: 0.0,
                fewest_words: 0,
            };
        }
        // Linear interpolation between the closest ranks.
        let quantile = |q: f64| {
            let at = (values.len() - 1) as f64 * q;
            let (below, above) = (values[at.floor() as usize], values[at.ceil() as usize]);
            below + (above - below) * at.fract()
        };
        let (first, median, third) = (quantile(0.25), quantile(0.5), quantile(0.75));
        let threshold = (first - 1.5 * (third - first)).min(0.5);
        let margin = median - threshold;
        LowSimilarity {
            threshold,
            fewest_words: if margin > 0.0 {
                (1.0 / margin).ceil() as usize
            } else {
                usize::MAX
            },
        }
    }

    /// Whether a row of this `similarity`, whose shorter side has `words` content words, is
    /// flagged.
    pub fn flags(&self, similarity: f64, words: usize) -> bool {
        similarity < self.threshold && words >= self.fewest_words
    }
}

/// The flags of a matched or unmatched row, except low similarity, which needs the whole
/// document (see [`LowSimilarity`]). `revision`: one version revises the other's
/// text (see [`super::versions::Kinship::is_revision`]), so any change of wording counts and
/// negation is judged on the word diff; otherwise the two are separate renderings (two
/// languages, or two interpreters) and only numbers, names and negation are compared.
pub fn flags(
    texts: Pair<&[&str]>,
    features: Pair<&[&Features]>,
    revision: bool,
    interner: &mut Interner,
) -> Flags {
    if features.official.is_empty() || features.other.is_empty() {
        return smallvec![Flag::NoCounterpart];
    }
    let joined = texts.map(|texts| texts.join(" "));
    if revision && wording::same_but_spacing(&joined.official, &joined.other) {
        return Flags::new();
    }
    let pieces = revision.then(|| wording::word_diff(&joined.official, &joined.other));
    let mut flags = Flags::new();
    match pieces.as_deref().and_then(wording::change) {
        Some(Change::Words(evidence)) => flags.push(Flag::WordingChanged {
            evidence: Box::new(evidence),
        }),
        Some(Change::Punctuation(evidence)) => flags.push(Flag::PunctuationChanged {
            evidence: Box::new(evidence),
        }),
        None => {}
    }
    flags.extend(numbers_differ(texts, features, interner));
    let names = substituted_names(texts, interner);
    if !names.official.is_empty() && !names.other.is_empty() {
        flags.push(Flag::NamesDiffer {
            evidence: Box::new(names),
        });
    }
    let negated = match &pieces {
        Some(pieces) => negation::flipped_in_diff(pieces),
        // Across languages a clause cannot be matched word for word, so only a sentence
        // paired with one sentence is judged: in a merged row the negation may sit in a
        // sentence the other side renders apart. Nor is a question or an exclamation judged:
        // rhetoric sets their polarity, and translators turn it freely (`What could be so
        // dangerous?` as `it can't be that dangerous?`, `Isn't it, Carrot?` as `right,
        // Carrot?`, `Just don't!` as `because I say so!`).
        None if texts.official.len() == 1
            && texts.other.len() == 1
            && !is_question_or_exclamation(&joined.official)
            && !is_question_or_exclamation(&joined.other) =>
        {
            joined.as_ref().map(|text| negation::cues(text))
        }
        None => Pair::default(),
    };
    if negated.official.is_empty() != negated.other.is_empty() {
        flags.push(Flag::NegationFlips {
            evidence: Box::new(negated.map(wording::evidence)),
        });
    }
    // Every row keeps its flags to the end: the room a list grows by would stand idle.
    flags.shrink_to_fit();
    flags
}

/// Whether a sentence ends with a question or exclamation mark (closing quotes aside).
fn is_question_or_exclamation(sentence: &str) -> bool {
    let closing =
        |c: char| c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | '」' | '』' | ')');
    sentence
        .trim_end_matches(closing)
        .ends_with(['?', '？', '!', '！'])
}

/// `numbers-differ`: the quantities of one side that the other lacks, smallest first. A lone
/// one-digit number on one side is not enough (`one of them` against `유일한`): a translation
/// often spells it out in a way that is not a number.
fn numbers_differ(
    texts: Pair<&[&str]>,
    features: Pair<&[&Features]>,
    interner: &mut Interner,
) -> Option<Flag> {
    let mut numbers = |texts: &[&str], features: &[&Features]| -> Vec<u32> {
        let mut all: Vec<u32> = texts
            .iter()
            .zip(features)
            .flat_map(|(text, f)| quantities::quantities(text, f, interner))
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    };
    let found = texts
        .zip(features)
        .map(|(texts, features)| numbers(texts, features));
    let (na, nb) = (found.official, found.other);
    let long_number = |list: &[u32]| list.iter().any(|&n| interner.text(n).len() >= 2);
    let both = !na.is_empty() && !nb.is_empty();
    if na == nb || !(both || long_number(&na) || long_number(&nb)) {
        return None;
    }
    let only = |x: &[u32], y: &[u32]| -> Vec<String> {
        let mut lacking: Vec<&str> = x
            .iter()
            .filter(|n| y.binary_search(n).is_err())
            .map(|&n| interner.text(n))
            .collect();
        lacking.sort_by(|a, b| by_size(a, b));
        wording::evidence(lacking.into_iter().map(str::to_string))
    };
    Some(Flag::NumbersDiffer {
        evidence: Box::new(Pair::new(only(&na, &nb), only(&nb, &na))),
    })
}

/// Two normalised numbers (`1000`, `2.5`) by size; a string that is not one number
/// (`1.2.3`) after every number. Ordered by what they say, not by when the aligner first met
/// them, the numbers a flag quotes do not depend on the order rows are worked out in.
fn by_size(a: &str, b: &str) -> std::cmp::Ordering {
    let size = |n: &str| n.parse::<f64>().ok().filter(|value| value.is_finite());
    match (size(a), size(b)) {
        (Some(x), Some(y)) => x.total_cmp(&y).then_with(|| a.cmp(b)),
        (x, y) => y.is_some().cmp(&x.is_some()).then_with(|| a.cmp(b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::features::features;
    use std::cmp::Ordering;

    /// The flags of a one-sentence row, described: paraphrases are compared as separate
    /// renderings (no word diff), unless `revision`.
    fn described(a: &str, b: &str, revision: bool) -> Vec<String> {
        let mut interner = Interner::default();
        let (fa, fb) = (features(a, &mut interner), features(b, &mut interner));
        let features = ([&fa], [&fb]);
        let features = Pair::new(&features.0[..], &features.1[..]);
        flags(Pair::new(&[a], &[b]), features, revision, &mut interner)
            .iter()
            .map(Flag::describe)
            .collect()
    }

    fn row_flags(a: &str, b: &str) -> Vec<String> {
        described(a, b, false)
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
            ["numbers differ: 71 vs 70"]
        );
        assert_eq!(
            row_flags(
                "I met Speaker Wu and members of the National Assembly.",
                "I met Chairman Park and members of the National Assembly."
            ),
            ["names differ: Wu vs Park"]
        );
        assert_eq!(
            row_flags("We will support them.", "We will not support them."),
            ["negation on one side only: — vs not"]
        );
        assert_eq!(
            row_flags(
                "We will support them.",
                "우리는 그들을 지원하지 않을 것입니다."
            ),
            ["negation on one side only: — vs 않"]
        );
        // Rhetoric sets the polarity of a question or an exclamation.
        assert!(row_flags("Isn't it, Carrot?", "でしょ キャロット？").is_empty());
        assert!(row_flags("Just don't!", "내가 그렇다면 그런거야!").is_empty());
    }

    #[test]
    fn the_numbers_a_flag_quotes_go_smallest_first_whenever_the_aligner_met_them() {
        let (a, b) = (
            "We hired 4,000 people in 2025 and 600 in 19 days.",
            "We hired people in 2024.",
        );
        let mut interner = Interner::default();
        // Met in the opposite order first, as earlier rows of a document would.
        for number in ["2025", "600", "19", "4000"] {
            interner.id(number);
        }
        let (fa, fb) = (features(a, &mut interner), features(b, &mut interner));
        let features = ([&fa], [&fb]);
        let features = Pair::new(&features.0[..], &features.1[..]);
        let flags = flags(Pair::new(&[a], &[b]), features, false, &mut interner);
        let described: Vec<String> = flags.iter().map(Flag::describe).collect();
        assert_eq!(described, ["numbers differ: 19, 600, 2025, 4000 vs 2024"]);
        assert_eq!(
            [
                by_size("9", "10"),
                by_size("2.5", "10"),
                by_size("1.2.3", "7")
            ],
            [Ordering::Less, Ordering::Less, Ordering::Greater]
        );
    }

    #[test]
    fn peoples_romanizations_clock_times_and_set_phrases_are_not_divergences() {
        assert!(
            row_flags(
                "We thank the Japanese people.",
                "We thank the people of Japan."
            )
            .is_empty()
        );
        assert!(
            row_flags(
                "I met Speaker Wu Won-shik today.",
                "Today I met Speaker Woo Won-shik."
            )
            .is_empty()
        );
        assert!(row_flags("[08:09] Thank you.", "[00:08:10.09] Thank you.").is_empty());
        assert!(
            row_flags(
                "This is not only about security but about our values.",
                "This concerns security and also our values."
            )
            .is_empty()
        );
        assert_eq!(
            row_flags(
                "Our Chinese partners agreed.",
                "Our Japanese partners agreed."
            ),
            ["names differ: Chinese vs Japanese"]
        );
    }

    #[test]
    fn hyphenated_names_are_names_of_their_own() {
        assert_eq!(
            row_flags(
                "It will bring peace to Northeast Asia and the Indo-Pacific.",
                "It will bring peace to Northeast Asia and the Asia-Pacific region."
            ),
            ["names differ: Indo-Pacific vs Asia-Pacific"]
        );
        assert!(
            row_flags(
                "We strengthened the U.S.-ROK alliance.",
                "We strengthened the alliance between Korea and the U.S."
            )
            .is_empty()
        );
        assert_eq!(
            row_flags(
                "Together with Japan and the ROK, we opened a new era.",
                "We opened a new era of cooperation between Korea and the U.S."
            ),
            ["names differ: Japan vs U.S."]
        );
    }

    #[test]
    fn one_language_flags_every_change_of_wording() {
        assert_eq!(
            described(
                "experts who have seen a multitude crisis of this dimension",
                "experts who have seen a multitude of crises of this dimension",
                true
            ),
            ["wording changed: “crisis” vs “of crises”"]
        );
        assert_eq!(
            described(
                "another $50 million– the U.S.",
                "another $50 million — the U.S.",
                true
            ),
            ["punctuation changed: “–” vs “—”"]
        );
        assert_eq!(
            described("We met 36 times.", "We met 30 times.", true),
            ["wording changed: “36” vs “30”", "numbers differ: 36 vs 30"]
        );
        assert!(described("Federation.\u{a0} The", "Federation. \u{a0}The", true).is_empty());
    }

    #[test]
    fn a_long_row_of_different_names_is_flagged_quickly_with_short_evidence() {
        // Distinct names, each with its own consonants: `Bacadu`, `Bacafe`, …
        let side = |offset: usize| -> String {
            const CONSONANTS: &[u8] = b"bcdfgklmnprstvz";
            (offset..offset + 20_000)
                .map(|mut i| {
                    let mut name = String::from("Ta");
                    for _ in 0..4 {
                        name.push(CONSONANTS[i % CONSONANTS.len()] as char);
                        name.push('a');
                        i /= CONSONANTS.len();
                    }
                    name
                })
                .collect::<Vec<_>>()
                .join(" met ")
        };
        let (a, b) = (side(0), side(20_000));
        let start = std::time::Instant::now();
        let flags = row_flags(&a, &b);
        assert!(start.elapsed().as_secs() < 10, "{:?}", start.elapsed());
        let names = flags
            .iter()
            .find(|f| f.starts_with("names differ"))
            .unwrap();
        assert!(names.len() < 200, "{names}");
    }
}
