//! How far an aligned row diverges: a similarity score, a word-level diff (one language), and
//! flags for what a reader must not miss.

use super::beads::{self, Context};
use super::features::{Features, Interner};
use super::romanize::{romanize_hangul, skeleton};
use super::wording::{self, Change};
use super::{negation, quantities};
use serde::Serialize;
use std::collections::HashSet;

/// Something about a row that a reader should look at, with what triggered it: the pieces
/// only the official version has, then those only the other version has.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Flag {
    /// One side has no counterpart in the other version.
    NoCounterpart,
    /// Quantities that appear on only one side (`71 years` against `70 years`).
    NumbersDiffer {
        official: Vec<String>,
        other: Vec<String>,
    },
    /// A name on one side stands where a different one stands on the other.
    NamesDiffer {
        official: Vec<String>,
        other: Vec<String>,
    },
    /// One side is negated and the other is not: the negating words of each side.
    NegationFlips {
        official: Vec<String>,
        other: Vec<String>,
    },
    /// One language: words were removed, added or replaced.
    WordingChanged {
        official: Vec<String>,
        other: Vec<String>,
    },
    /// One language: only punctuation changed.
    PunctuationChanged {
        official: Vec<String>,
        other: Vec<String>,
    },
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
            Flag::NegationFlips { .. } => "negation-flips",
            Flag::WordingChanged { .. } => "wording-changed",
            Flag::PunctuationChanged { .. } => "punctuation-changed",
            Flag::LowSimilarity => "low-similarity",
            Flag::SpeakerDiffers { .. } => "speaker-differs",
        }
    }

    /// A short description for people, with the evidence: `numbers differ: 36 vs 30`.
    pub fn describe(&self) -> String {
        let evidence = |what: &str, official: &[String], other: &[String]| {
            format!(
                "{what}: {} vs {}",
                list(official, false),
                list(other, false)
            )
        };
        // Changed text is quoted, so that its own spaces and punctuation read as part of it.
        let quoted = |what: &str, official: &[String], other: &[String]| {
            format!("{what}: {} vs {}", list(official, true), list(other, true))
        };
        match self {
            Flag::NoCounterpart => "no counterpart in the other version".into(),
            Flag::NumbersDiffer { official, other } => evidence("numbers differ", official, other),
            Flag::NamesDiffer { official, other } => evidence("names differ", official, other),
            Flag::NegationFlips { official, other } => {
                evidence("negation on one side only", official, other)
            }
            Flag::WordingChanged { official, other } => quoted("wording changed", official, other),
            Flag::PunctuationChanged { official, other } => {
                quoted("punctuation changed", official, other)
            }
            Flag::LowSimilarity => "little in common".into(),
            Flag::SpeakerDiffers { official, other } => {
                format!("speaker differs: {official} / {other}")
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
    texts: (&[&str], &[&str]),
    features: (&[&Features], &[&Features]),
    revision: bool,
    interner: &mut Interner,
) -> Vec<Flag> {
    let (a, b) = features;
    if a.is_empty() || b.is_empty() {
        return vec![Flag::NoCounterpart];
    }
    let (joined_a, joined_b) = (texts.0.join(" "), texts.1.join(" "));
    if revision && wording::same_but_spacing(&joined_a, &joined_b) {
        return Vec::new();
    }
    let pieces = revision.then(|| wording::word_diff(&joined_a, &joined_b));
    let mut flags = Vec::new();
    match pieces.as_deref().and_then(wording::change) {
        Some(Change::Words { official, other }) => {
            flags.push(Flag::WordingChanged { official, other })
        }
        Some(Change::Punctuation { official, other }) => {
            flags.push(Flag::PunctuationChanged { official, other })
        }
        None => {}
    }
    flags.extend(numbers_differ(texts, features, interner));
    let (official_names, other_names) = substituted_names(texts.0, texts.1, interner);
    if !official_names.is_empty() && !other_names.is_empty() {
        flags.push(Flag::NamesDiffer {
            official: official_names,
            other: other_names,
        });
    }
    let (negated_a, negated_b) = match &pieces {
        Some(pieces) => negation::flipped_in_diff(pieces),
        // Across languages a clause cannot be matched word for word, so only a sentence
        // paired with one sentence is judged: in a merged row the negation may sit in a
        // sentence the other side renders apart. Nor is a question or an exclamation judged:
        // rhetoric sets their polarity, and translators turn it freely (`What could be so
        // dangerous?` as `it can't be that dangerous?`, `Isn't it, Carrot?` as `right,
        // Carrot?`, `Just don't!` as `because I say so!`).
        None if texts.0.len() == 1
            && texts.1.len() == 1
            && !is_question_or_exclamation(&joined_a)
            && !is_question_or_exclamation(&joined_b) =>
        {
            (negation::cues(&joined_a), negation::cues(&joined_b))
        }
        None => (Vec::new(), Vec::new()),
    };
    if negated_a.is_empty() != negated_b.is_empty() {
        flags.push(Flag::NegationFlips {
            official: wording::evidence(negated_a),
            other: wording::evidence(negated_b),
        });
    }
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

/// `numbers-differ`: the quantities of one side that the other lacks. A lone one-digit number
/// on one side is not enough (`one of them` against `유일한`): a translation often spells it
/// out in a way that is not a number.
fn numbers_differ(
    texts: (&[&str], &[&str]),
    features: (&[&Features], &[&Features]),
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
    let (na, nb) = (numbers(texts.0, features.0), numbers(texts.1, features.1));
    let long_number = |list: &[u32]| list.iter().any(|&n| interner.text(n).len() >= 2);
    let both = !na.is_empty() && !nb.is_empty();
    if na == nb || !(both || long_number(&na) || long_number(&nb)) {
        return None;
    }
    let only = |x: &[u32], y: &[u32]| -> Vec<String> {
        wording::evidence(
            x.iter()
                .filter(|n| y.binary_search(n).is_err())
                .map(|&n| interner.text(n).to_string()),
        )
    };
    Some(Flag::NumbersDiffer {
        official: only(&na, &nb),
        other: only(&nb, &na),
    })
}

/// How a word is spelled for comparing names: its romanized consonant skeleton (see
/// `Interner::spelling`), with the first letter too when the skeleton is two consonants or
/// fewer, since so few let unrelated words meet (`Indo` and `United` are both `nd`).
fn spelling(interner: &mut Interner, word: &str) -> u32 {
    const FEW: usize = 2;
    let key = interner.spelling(word);
    let skeleton = interner.text(key);
    match skeleton.strip_prefix('%') {
        Some(consonants) if consonants.len() <= FEW => {
            let first = romanize_hangul(word)
                .chars()
                .next()
                .map_or(' ', |c| c.to_ascii_lowercase());
            let keyed = format!("%{first}{consonants}");
            interner.id(&keyed)
        }
        _ => key,
    }
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
    (
        "UNSC",
        &["UN Security Council", "Security Council", "안보리"],
    ),
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
fn spellings(texts: &[&str], interner: &mut Interner) -> HashSet<u32> {
    const LONGEST_ACRONYM: usize = 6;
    let mut keys: HashSet<u32> = HashSet::new();
    // Reused for every key, since a long row has thousands of them.
    let (mut pair, mut initials) = (String::new(), String::new());
    for text in texts {
        let words: Vec<&str> = super::features::words(text)
            .into_iter()
            .map(without_possessive)
            .collect();
        for (index, word) in words.iter().enumerate() {
            // A lower-case English word does not spell a name (`and` is not `Indo`, though
            // their consonants agree); it still counts in the initials of a run.
            if can_spell_a_name(word) {
                keys.insert(spelling(interner, word));
                keys.insert(spelling(interner, country_of(word)));
            }
            if is_acronym(word) {
                keys.insert(initials_key(word, interner));
            }
            if let Some(next) = words.get(index + 1).filter(|_| can_spell_a_name(word)) {
                pair.clear();
                pair.push_str(word);
                pair.push_str(next);
                keys.insert(spelling(interner, &pair));
            }
            initials.clear();
            initials.push(INITIALS_MARK);
            for (length, run_word) in words[index..].iter().take(LONGEST_ACRONYM).enumerate() {
                initials.extend(run_word.chars().take(1).flat_map(char::to_lowercase));
                if length > 0 {
                    keys.insert(interner.id(&initials));
                }
            }
        }
        for (acronym, expansions) in ALIASES {
            if expansions.iter().any(|e| text.contains(e)) {
                keys.insert(spelling(interner, acronym));
                keys.insert(initials_key(acronym, interner));
            }
            // The other way round: `UNSC` spells `UN Security Council`.
            if words.contains(acronym) {
                for word in expansions.iter().flat_map(|e| e.split_whitespace()) {
                    keys.insert(spelling(interner, word));
                }
            }
        }
    }
    keys
}

/// A capitalised word, or a word in a script without capitals (Hangul, kana, Han): what a
/// name can be written as.
fn can_spell_a_name(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
}

/// Peoples and languages named after their country, and acronyms of countries: a reader takes
/// `the Japanese people` and `the people of Japan` to name the same thing.
const COUNTRY_FORMS: &[(&str, &[&str])] = &[
    ("Japan", &["Japanese"]),
    ("Korea", &["Korean", "Koreans", "ROK"]),
    ("China", &["Chinese", "PRC"]),
    ("America", &["American", "Americans"]),
    ("Poland", &["Polish", "Pole", "Poles"]),
    ("Ukraine", &["Ukrainian", "Ukrainians"]),
    ("Russia", &["Russian", "Russians"]),
    ("Britain", &["British", "Briton", "Britons"]),
    ("France", &["French"]),
    ("Germany", &["German", "Germans"]),
    ("India", &["Indian", "Indians"]),
    ("Vietnam", &["Vietnamese"]),
    ("Philippines", &["Filipino", "Filipinos", "Philippine"]),
    ("Taiwan", &["Taiwanese"]),
    ("Israel", &["Israeli", "Israelis"]),
    ("Iran", &["Iranian", "Iranians"]),
    ("Europe", &["European", "Europeans"]),
    ("Australia", &["Australian", "Australians"]),
    ("Canada", &["Canadian", "Canadians"]),
    ("Mexico", &["Mexican", "Mexicans"]),
    ("Italy", &["Italian", "Italians"]),
    ("Spain", &["Spanish"]),
    ("Netherlands", &["Dutch"]),
    ("Mongolia", &["Mongolian", "Mongolians"]),
    ("Indonesia", &["Indonesian", "Indonesians"]),
    ("Thailand", &["Thai"]),
];

/// The country a people, language or acronym is named after, or the word itself.
fn country_of(word: &str) -> &str {
    COUNTRY_FORMS
        .iter()
        .find(|(_, forms)| forms.contains(&word))
        .map_or(word, |(country, _)| country)
}

/// What two short names a romanization could spell either way (`Wu` and `Woo`, `Yun` and
/// `Yoon`) have in common: the first letter and the consonants. Longer names are compared by
/// their skeleton alone.
fn short_name_key(name: &str) -> Option<(char, String)> {
    const SHORT: usize = 4;
    let first = name.chars().next()?.to_ascii_lowercase();
    (name.chars().count() <= SHORT).then(|| (first, skeleton(name)))
}

/// `U.S.` as `US`, `D.C.` as `DC`: two or more capitals each followed by a full stop are an
/// acronym, which the word splitter would cut into single letters and so lose.
fn undotted(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let starts_word = i == 0 || !chars[i - 1].is_alphanumeric();
        let mut end = i;
        while end + 1 < chars.len() && chars[end].is_ascii_uppercase() && chars[end + 1] == '.' {
            end += 2;
        }
        let letters = (end - i) / 2;
        let ends_word = chars.get(end).is_none_or(|c| !c.is_alphanumeric());
        if starts_word && letters >= 2 && ends_word {
            out.extend((i..end).step_by(2).map(|at| chars[at]));
            i = end;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// A hyphenated name whose every part is capitalised (`Indo-Pacific`, `US-ROK`), as its parts.
fn compound_parts(token: &str) -> Option<Vec<&str>> {
    let token = without_possessive(token.trim_matches(|c: char| !c.is_alphanumeric()));
    let parts: Vec<&str> = token.split('-').collect();
    let capitalised = |part: &&str| part.chars().next().is_some_and(|c| c.is_uppercase());
    (parts.len() >= 2 && parts.iter().all(capitalised)).then_some(parts)
}

/// `US` as `U.S.`
fn with_stops(acronym: &str) -> String {
    acronym.chars().flat_map(|c| [c, '.']).collect()
}

/// A hyphenated name as the text writes it, for evidence: `U.S.-ROK` keeps its full stops,
/// while the punctuation around it goes (`(Indo-Pacific).` gives `Indo-Pacific`).
fn as_written(token: &str) -> String {
    let kept = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
    let kept = kept.trim_start_matches('.');
    // A full stop ends the sentence unless it closes an acronym's last letter (`U.S.`).
    let closes_acronym =
        kept.ends_with('.') && kept.len() >= 3 && kept.as_bytes()[kept.len() - 3] == b'.';
    let kept = if closes_acronym {
        kept
    } else {
        kept.trim_end_matches('.')
    };
    without_possessive(kept).to_string()
}

/// The names of one side of a row, with hyphenated names kept whole: `Asia-Pacific` names a
/// region that `Asia` and `Pacific` elsewhere in the row do not, so that it does not pass for
/// `Indo-Pacific` on the other side.
struct SideNames {
    /// The side's sentences with acronyms undotted.
    texts: Vec<String>,
    /// The same with each hyphenated name blanked out (letters as `x`, so word positions hold).
    apart: Vec<String>,
    /// Each hyphenated name as written, with its parts.
    compounds: Vec<(String, Vec<String>)>,
    /// The acronyms the side writes with full stops (`U.S.`), so that evidence shows them so.
    dotted: HashSet<String>,
}

impl SideNames {
    fn new(texts: &[&str]) -> Self {
        let mut compounds = Vec::new();
        let mut dotted = HashSet::new();
        let (mut undotted_texts, mut apart) = (Vec::new(), Vec::new());
        for text in texts {
            let (mut plain, mut blanked) = (String::new(), String::new());
            // Token by token (each with the white space after it), so that a row of many
            // hyphenated names stays linear.
            for piece in text.split_inclusive(char::is_whitespace) {
                let token = undotted(piece);
                if token != piece {
                    dotted.extend(
                        super::features::words(&token)
                            .into_iter()
                            .filter(|word| is_acronym(word) && piece.contains(&with_stops(word)))
                            .map(str::to_string),
                    );
                }
                plain.push_str(&token);
                match compound_parts(token.trim_end()) {
                    Some(parts) => {
                        let whole = parts.join("-");
                        let blank: String = whole
                            .chars()
                            .map(|c| if c == '-' { c } else { 'x' })
                            .collect();
                        blanked.push_str(&token.replacen(&whole, &blank, 1));
                        let parts = parts.iter().map(|p| p.to_string()).collect();
                        compounds.push((as_written(piece), parts));
                    }
                    None => blanked.push_str(&token),
                }
            }
            undotted_texts.push(plain);
            apart.push(blanked);
        }
        SideNames {
            texts: undotted_texts,
            apart,
            compounds,
            dotted,
        }
    }

    /// A name as the side writes it: `U.S.` rather than `US`.
    fn as_written(&self, name: &str) -> String {
        if self.dotted.contains(name) {
            with_stops(name)
        } else {
            name.to_string()
        }
    }

    fn names(texts: &[String]) -> Vec<&str> {
        texts.iter().flat_map(|t| names(t)).collect()
    }

    fn strs(texts: &[String]) -> Vec<&str> {
        texts.iter().map(String::as_str).collect()
    }
}

/// A side's names as others are looked up among them: by romanization skeleton after
/// [`country_of`] (so `Korea` meets `Korean`), and short names also by first letter and
/// consonants (`Wu`, `Woo`).
struct NameKeys {
    spellings: HashSet<u32>,
    short: HashSet<(char, String)>,
}

impl NameKeys {
    fn new(names: &[&str], interner: &mut Interner) -> Self {
        NameKeys {
            spellings: names
                .iter()
                .map(|n| spelling(interner, country_of(n)))
                .collect(),
            short: names.iter().filter_map(|n| short_name_key(n)).collect(),
        }
    }

    fn meet(&self, name: &str, interner: &mut Interner) -> bool {
        self.spellings
            .contains(&spelling(interner, country_of(name)))
            || short_name_key(name).is_some_and(|key| self.short.contains(&key))
    }
}

/// Whether anything in a side's `spelled` keys (see [`spellings`]) spells `name`.
fn spelled(name: &str, spelled: &HashSet<u32>, interner: &mut Interner) -> bool {
    (is_acronym(name) && spelled.contains(&initials_key(name, interner)))
        || spelled.contains(&spelling(interner, country_of(name)))
}

/// How one side's names are looked up by the other side: every name, the names standing apart
/// (the same when the side has no hyphenated name), and each hyphenated name by its parts.
struct SideKeys {
    all: NameKeys,
    apart: Option<NameKeys>,
    compounds: HashSet<Vec<u32>>,
}

impl SideKeys {
    fn new(side: &SideNames, interner: &mut Interner) -> Self {
        let all = NameKeys::new(&SideNames::names(&side.texts), interner);
        let apart = (!side.compounds.is_empty())
            .then(|| NameKeys::new(&SideNames::names(&side.apart), interner));
        let compounds = side
            .compounds
            .iter()
            .map(|(_, parts)| part_keys(parts, interner))
            .collect();
        SideKeys {
            all,
            apart,
            compounds,
        }
    }

    fn apart(&self) -> &NameKeys {
        self.apart.as_ref().unwrap_or(&self.all)
    }
}

/// The keys of a hyphenated name's parts, in order of key, so `U.S.-ROK` meets `ROK-U.S.`
fn part_keys(parts: &[String], interner: &mut Interner) -> Vec<u32> {
    let mut keys: Vec<u32> = parts
        .iter()
        .map(|p| spelling(interner, country_of(p)))
        .collect();
    keys.sort_unstable();
    keys
}

/// The names of a side that the other side's names do not meet: names standing apart, then
/// hyphenated names. A name standing apart is met by the same name anywhere on the other side;
/// a hyphenated name by one of the same parts, or by each of its parts standing apart (`the
/// U.S.-ROK alliance`, `Korea and the U.S.`).
struct Unmet<'s> {
    standing: Vec<&'s str>,
    hyphenated: Vec<&'s (String, Vec<String>)>,
}

impl<'s> Unmet<'s> {
    fn new(side: &'s SideNames, other: &SideKeys, interner: &mut Interner) -> Self {
        let standing = SideNames::names(&side.apart)
            .into_iter()
            .filter(|name| !other.all.meet(name, interner))
            .collect();
        let hyphenated = side
            .compounds
            .iter()
            .filter(|(_, parts)| {
                !other.compounds.contains(&part_keys(parts, interner))
                    && !parts.iter().all(|p| other.apart().meet(p, interner))
            })
            .collect();
        Unmet {
            standing,
            hyphenated,
        }
    }

    fn is_empty(&self) -> bool {
        self.standing.is_empty() && self.hyphenated.is_empty()
    }

    /// Keeps only what nothing in `other` spells either (see [`spellings`]): the full check,
    /// run only for the few names that did not simply meet.
    fn not_spelled_in(&mut self, other: &SideNames, interner: &mut Interner) {
        if !self.standing.is_empty() {
            let keys = spellings(&SideNames::strs(&other.texts), interner);
            self.standing.retain(|name| !spelled(name, &keys, interner));
        }
        if !self.hyphenated.is_empty() {
            let keys = spellings(&SideNames::strs(&other.apart), interner);
            self.hyphenated
                .retain(|(_, parts)| !parts.iter().all(|p| spelled(p, &keys, interner)));
        }
    }

    /// The unmet names of `side` as evidence, each once, as the side writes them.
    fn evidence(&self, side: &SideNames) -> Vec<String> {
        let mut seen: HashSet<&str> = HashSet::new();
        let names: Vec<String> = self
            .standing
            .iter()
            .copied()
            .chain(self.hyphenated.iter().map(|(whole, _)| whole.as_str()))
            .filter(|name| seen.insert(name))
            .map(|name| side.as_written(name))
            .collect();
        wording::evidence(names)
    }
}

/// Names on each side that nothing on the other side spells. Both lists non-empty means one
/// name stands where another does.
fn substituted_names(
    a: &[&str],
    b: &[&str],
    interner: &mut Interner,
) -> (Vec<String>, Vec<String>) {
    let none = (Vec::new(), Vec::new());
    let (side_a, side_b) = (SideNames::new(a), SideNames::new(b));
    let (keys_a, keys_b) = (
        SideKeys::new(&side_a, interner),
        SideKeys::new(&side_b, interner),
    );
    if keys_a.all.spellings.is_empty() || keys_b.all.spellings.is_empty() {
        return none;
    }
    let mut unmet_a = Unmet::new(&side_a, &keys_b, interner);
    let mut unmet_b = Unmet::new(&side_b, &keys_a, interner);
    if unmet_a.is_empty() || unmet_b.is_empty() {
        return none;
    }
    unmet_a.not_spelled_in(&side_b, interner);
    if unmet_a.is_empty() {
        return none;
    }
    unmet_b.not_spelled_in(&side_a, interner);
    if unmet_b.is_empty() {
        return none;
    }
    (unmet_a.evidence(&side_a), unmet_b.evidence(&side_b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::features::features;

    /// The flags of a one-sentence row, described: paraphrases are compared as separate
    /// renderings (no word diff), unless `revision`.
    fn described(a: &str, b: &str, revision: bool) -> Vec<String> {
        let mut interner = Interner::default();
        let (fa, fb) = (features(a, &mut interner), features(b, &mut interner));
        flags((&[a], &[b]), (&[&fa], &[&fb]), revision, &mut interner)
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
