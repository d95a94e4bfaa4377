//! The two versions compared as wholes: how much they share, whether one is a revision of the
//! other's text, whether they look like versions of one event at all, and which of their
//! metadata differ.
//!
//! The measure, in one language, is the share of word triples (three words in a row) of the
//! shorter version that the other version also has. A triple is specific: two talks by the
//! same people share set phrases (`thank you very much`, `the United States and`) but few of
//! their triples, while a reprint, an edited transcript or a speech as prepared and as
//! delivered keep most of them. Across languages no words are shared, so the measure is the
//! share of anchors (numbers, and names compared by romanization) of the version with fewer
//! anchors that the other version also has.
//!
//! Triples and anchors are counted as often as they occur, not once each: a text that says the
//! same thing many times, each time with a slip of its own, keeps sharing most of what it says,
//! while its one-off slips, counted once each, would pile up into most of its distinct triples
//! (a thousand repetitions of the bundled pair shared 7% of their distinct triples, 19% of their
//! triples as spoken).

use super::features::Features;
use super::interner::Fnv;
use super::tokens::words;
use crate::model::{Metadata, Pair};
use serde::Serialize;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Below this share of word triples, two versions in one language are not of one event. Two
/// unrelated talks by the same people share only set phrases: 4.5% to 5% for three pairs of
/// White House transcripts. Two interpreters rendering one talk into one language still share
/// its names, titles and quoted phrases (18% for the bundled pair), and a revision nearly all
/// (99% or more). The line sits between the first two, at a ratio of about two from each.
const UNRELATED_WORDING: f64 = 0.1;

/// From this share of word triples, one version is a revision of the other's text (a
/// correction, a speech as prepared and as delivered): every change of wording is then worth
/// a flag. Under it the two are separate renderings (two interpreters, two translations),
/// whose wording differs everywhere, and only numbers, names and negation are flagged.
const REVISION_WORDING: f64 = 0.5;

/// Below this share of anchors, two versions in two languages are not of one event: a
/// translation keeps its numbers and many of its names (28% of the English side's anchors for
/// the Korean version of the bundled pair, where Korean names are romanized to meet them),
/// while an unrelated talk meets them by chance (12% for the Korean bundled text against the
/// Biden–Yoon press conference).
const UNRELATED_ANCHORS: f64 = 0.15;

/// Fewer triples or anchors than this on the smaller side say too little to judge: a short
/// excerpt is not called unrelated on a handful of words.
const ENOUGH_TO_JUDGE: usize = 30;

/// How much two versions share, and by which measure.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Kinship {
    /// `word-triples` (one language) or `anchors` (numbers and names, two languages).
    pub measure: &'static str,
    /// The share of the smaller side's triples or anchors that the other side has as often,
    /// 0 to 1.
    pub shared: f64,
    /// How many triples or anchors the smaller side has, each counted as often as it occurs.
    pub basis: usize,
}

impl Kinship {
    /// One language: the word triples of each side's sentences.
    pub fn of_wording(sentences: Pair<&[&str]>) -> Self {
        let mut samples = sentences.map(triples);
        // Both sides are compared on the same slice of the hash space: the coarser one.
        let level = samples.official.level.max(samples.other.level);
        samples.official.narrow_to(level);
        samples.other.narrow_to(level);
        Kinship::of_counts(
            "word-triples",
            &samples.official.counts,
            &samples.other.counts,
        )
    }

    /// Two languages: numbers and names, as the aligner reads them.
    pub fn of_anchors<'a>(features: Pair<impl Iterator<Item = &'a Features>>) -> Self {
        let anchors = features.map(|side| {
            let mut counts = Counts::default();
            for &id in side.flat_map(|f| f.numbers().iter().chain(f.names())) {
                *counts.entry(u64::from(id)).or_default() += 1;
            }
            counts
        });
        Kinship::of_counts("anchors", &anchors.official, &anchors.other)
    }

    /// What the two sides have in common, each item counted as often as both have it.
    fn of_counts(measure: &'static str, a: &Counts, b: &Counts) -> Self {
        let total = |counts: &Counts| counts.values().map(|&n| n as usize).sum::<usize>();
        let (small, large) = if total(a) <= total(b) { (a, b) } else { (b, a) };
        let shared: usize = small
            .iter()
            .map(|(item, &n)| n.min(large.get(item).copied().unwrap_or(0)) as usize)
            .sum();
        let basis = total(small);
        Kinship {
            measure,
            shared: if basis == 0 {
                0.0
            } else {
                (shared as f64 / basis as f64 * 1000.0).round() / 1000.0
            },
            basis,
        }
    }

    /// Whether there is enough text to judge.
    fn judged(&self) -> bool {
        self.basis >= ENOUGH_TO_JUDGE
    }

    /// Whether one version revises the other's text, so that any change of wording matters.
    pub fn is_revision(&self) -> bool {
        self.measure == "word-triples" && self.shared >= REVISION_WORDING
    }

    /// A warning when the versions share too little to be of one event.
    pub fn warning(&self) -> Option<Warning> {
        let floor = if self.measure == "word-triples" {
            UNRELATED_WORDING
        } else {
            UNRELATED_ANCHORS
        };
        if !self.judged() || self.shared >= floor {
            return None;
        }
        let what = if self.measure == "word-triples" {
            "runs of three words"
        } else {
            "numbers and names"
        };
        Some(Warning {
            kind: "versions-unrelated",
            message: format!(
                "these may not be two versions of one event: they share only {:.0}% of their \
                 {what} (versions of one event share most of them)",
                self.shared * 100.0
            ),
        })
    }
}

/// The word triples of a text, lower-cased, hashed and counted (see [`Sample`]).
fn triples(texts: &[&str]) -> Sample {
    let mut sample = Sample::default();
    let mut previous: [Option<u64>; 2] = [None, None];
    for word in texts.iter().flat_map(|text| words(text)) {
        let mut hasher = Fnv::default();
        for c in word.chars() {
            // Most characters are ASCII, whose lower case is one character: no iterator.
            if c.is_ascii() {
                hasher.write_u32(u32::from(c.to_ascii_lowercase()));
            } else {
                for lower in c.to_lowercase() {
                    hasher.write_u32(u32::from(lower));
                }
            }
        }
        let current = hasher.finish();
        if let [Some(first), Some(second)] = previous {
            let triple = (first.rotate_left(21) ^ second.rotate_left(42) ^ current)
                .wrapping_mul(0x9E37_79B9_7F4A_7C15);
            sample.count(triple);
        }
        previous = [previous[1], Some(current)];
    }
    sample
}

/// The triples whose hash starts with `level` zero bits, each counted: every triple of a text
/// whose distinct triples are few enough, and a slice of the hash space (a half, a quarter…)
/// once they pass [`SAMPLE_CAP`]. Both sides keep the same triples of a slice, so the share
/// stays a fair estimate while a long pair keeps a bounded sample. The slice follows how many
/// distinct triples there are, not how many bytes: a text that repeats itself keeps all its
/// few distinct triples, where a slice set by its length kept a handful, whose chance decided
/// the share (a thousand repetitions of the bundled pair shared 18% of their triples, ten
/// thousand 58%, and were taken for a revision).
#[derive(Default)]
struct Sample {
    level: u32,
    counts: Counts,
}

impl Sample {
    fn count(&mut self, triple: u64) {
        if !Self::kept_at(triple, self.level) {
            return;
        }
        *self.counts.entry(triple).or_default() += 1;
        if self.counts.len() > SAMPLE_CAP {
            self.narrow_to(self.level + 1);
        }
    }

    /// Keeps only the triples of the slice of `level`, which is never finer than the sample's.
    fn narrow_to(&mut self, level: u32) {
        self.level = level;
        self.counts
            .retain(|&triple, _| Self::kept_at(triple, level));
    }

    /// The triple's hash is multiplicative, so its high bits are the well-mixed ones.
    fn kept_at(triple: u64, level: u32) -> bool {
        triple.leading_zeros() >= level
    }
}

/// How often each hash (or id) occurs, hashed again cheaply.
type Counts = HashMap<u64, u32, BuildHasherDefault<Fnv>>;

/// Distinct triples a side keeps at most before its sample narrows to half the hash space:
/// 400 KB of text has about this many, the counts take a megabyte or two, and the share a
/// sample this large gives strays from the whole's by about 0.002.
const SAMPLE_CAP: usize = 1 << 16;

/// Something about the pair as a whole that a reader must know before trusting its rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// `versions-unrelated`.
    pub kind: &'static str,
    pub message: String,
}

/// A field of the metadata that the two versions give differently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MetadataChange {
    /// `title`, `date`, `place` or `time`.
    pub field: &'static str,
    #[serde(flatten)]
    pub values: Pair<Option<String>>,
}

impl MetadataChange {
    /// `time: 12:57 P.M. CEST → 12:57 P.M. CET`.
    pub fn describe(&self) -> String {
        let value = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
        format!(
            "{}: {} → {}",
            self.field,
            value(&self.values.official),
            value(&self.values.other)
        )
    }
}

/// The metadata fields that differ. The date is compared in any pair; the title, the place and
/// the times printed in the header or footer (`12:57 P.M. CEST`) only where one version
/// revises the other's text, since two publishers or a translation word them differently
/// anyway. White space alone is not a difference.
pub fn metadata_changes(metadata: Pair<&Metadata>, revision: bool) -> Vec<MetadataChange> {
    let mut changes = Vec::new();
    let normal = |v: &Option<String>| {
        v.as_deref()
            .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    let mut compare = |field: &'static str, values: Pair<&Option<String>>| {
        let values = values.map(normal);
        if values.official != values.other {
            changes.push(MetadataChange { field, values });
        }
    };
    if revision {
        compare("title", metadata.map(|m| &m.title));
    }
    let dates = metadata.map(|m| &m.date);
    let days = dates.map(|date| date.as_deref().and_then(day));
    if days.official.is_none() || days.official != days.other {
        compare("date", dates);
    }
    if revision {
        compare("place", metadata.map(|m| &m.place));
        let times = |metadata: &Metadata| -> Vec<String> {
            metadata
                .notes
                .iter()
                .filter(|note| has_clock_time(note))
                .map(|note| note.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect()
        };
        let times = metadata.map(times);
        let only = |x: &[String], y: &[String]| -> Option<String> {
            let kept: Vec<&str> = x
                .iter()
                .filter(|n| !y.contains(n))
                .map(String::as_str)
                .collect();
            (!kept.is_empty()).then(|| kept.join("; "))
        };
        let only = Pair::new(
            only(&times.official, &times.other),
            only(&times.other, &times.official),
        );
        if only.official.is_some() || only.other.is_some() {
            changes.push(MetadataChange {
                field: "time",
                values: only,
            });
        }
    }
    changes
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The day a date names, as (year, month, day), whichever way it is written: `2022-03-10`,
/// `7 January 2025`, `January 7, 2025`, `2025.01.06 PM 01:48`, `2025년 1월 6일`. `None`
/// when it cannot be told (`01/06/2025` reads either way).
fn day(text: &str) -> Option<(u32, u32, u32)> {
    // Runs of digits and runs of letters: `2025년` is `2025` then `년`.
    let mut words: Vec<&str> = Vec::new();
    let mut start: Option<(usize, bool)> = None;
    for (offset, c) in text.char_indices().chain([(text.len(), ' ')]) {
        let class = c.is_ascii_digit();
        match start {
            Some((s, digits)) if !c.is_alphanumeric() || digits != class => {
                words.push(&text[s..offset]);
                start = c.is_alphanumeric().then_some((offset, class));
            }
            None if c.is_alphanumeric() => start = Some((offset, class)),
            _ => {}
        }
    }
    let year_at = words
        .iter()
        .position(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))?;
    let year: u32 = words[year_at].parse().ok()?;
    let number = |w: &str| -> Option<u32> {
        (w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit())).then(|| w.parse().ok())?
    };
    let named = words.iter().find_map(|w| {
        let lower = w.to_lowercase();
        MONTHS
            .iter()
            .position(|m| lower.len() >= 3 && lower.starts_with(m))
            .map(|m| m as u32 + 1)
    });
    match named {
        Some(month) => {
            let day = words.iter().find_map(|w| number(w))?;
            Some((year, month, day))
        }
        // Digits only: the year must come first (year, month, day), or the order is unknown.
        None if year_at == 0 => {
            let mut rest = words[1..].iter().filter_map(|w| number(w));
            Some((year, rest.next()?, rest.next()?))
        }
        None => None,
    }
}

/// `12:57`, `1:43 P.M.`: digits, a colon, digits.
fn has_clock_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_triples_of_the_smaller_side() {
        let a = ["we will stand with the people of Ukraine as long as it takes"];
        let b = ["we will stand with the people of Ukraine"];
        let kinship = Kinship::of_wording(Pair::new(&a, &b));
        assert_eq!(kinship.basis, 6);
        assert_eq!(kinship.shared, 1.0);
        assert!(kinship.warning().is_none(), "too little to judge");
    }

    #[test]
    fn a_text_said_many_times_with_slips_still_shares_what_it_says() {
        // Each copy of the other side has a slip of its own; the official side goes on longer.
        let said = "we will stand with the people of Ukraine as long as it takes";
        let more: Vec<String> = (0..150).map(|i| format!("word{i}")).collect();
        let official: Vec<String> = (0..50)
            .map(|_| format!("{said} {}", more.join(" ")))
            .collect();
        let other: Vec<String> = (0..50).map(|i| format!("{said} slip{i}")).collect();
        fn as_str(texts: &[String]) -> Vec<&str> {
            texts.iter().map(String::as_str).collect()
        }
        let kinship = Kinship::of_wording(Pair::new(&as_str(&official), &as_str(&other)));
        assert!(kinship.shared > 0.7, "{kinship:?}");
        assert!(kinship.warning().is_none());
        // Two texts that share nothing are still warned about, however often they repeat.
        let unrelated: Vec<String> = (0..50).map(|i| format!("{} {i}", more.join(" "))).collect();
        let kinship = Kinship::of_wording(Pair::new(&as_str(&unrelated), &as_str(&other)));
        assert!(kinship.warning().is_some(), "{kinship:?}");
    }

    #[test]
    fn a_pair_repeated_many_times_shares_what_one_copy_shares() {
        let passage: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "sentence {i} of the briefing says thing {} and {}",
                    i * 7,
                    i % 5
                )
            })
            .collect();
        let rendering: Vec<String> = passage
            .iter()
            .enumerate()
            .map(|(i, text)| {
                if i % 3 == 0 {
                    format!("rendered {i} otherwise")
                } else {
                    text.clone()
                }
            })
            .collect();
        fn repeated(texts: &[String], copies: usize) -> Vec<&str> {
            let once = texts.iter().map(String::as_str);
            once.cycle().take(texts.len() * copies).collect()
        }
        let share = |copies: usize| {
            let (official, other) = (repeated(&passage, copies), repeated(&rendering, copies));
            Kinship::of_wording(Pair::new(&official, &other)).shared
        };
        // Four megabytes a side: a sample set by length would have kept one triple in five,
        // about 150 distinct ones, whose share strays from the whole's by 0.03 or so. (The
        // triples across two copies make the shares differ a little.)
        let (few, many) = (share(100), share(1500));
        assert!((few - many).abs() <= 0.002, "{few} against {many}");
    }

    #[test]
    fn many_distinct_triples_narrow_the_sample() {
        let words: Vec<String> = (0..SAMPLE_CAP + 1000).map(|i| format!("w{i}")).collect();
        let text = words.join(" ");
        let sample = triples(&[text.as_str()]);
        assert!(sample.level >= 1);
        assert!(sample.counts.len() <= SAMPLE_CAP);
        assert!(
            sample.counts.len() > SAMPLE_CAP / 4,
            "{}",
            sample.counts.len()
        );
        // A short side is compared on the long side's slice of the hash space: all of its
        // triples are in the long side, and the share says so.
        let start = words[..2000].join(" ");
        let kinship = Kinship::of_wording(Pair::new(&[text.as_str()], &[start.as_str()]));
        assert!(kinship.shared > 0.99, "{kinship:?}");
    }

    #[test]
    fn changed_times_and_titles_are_reported() {
        let official = Metadata {
            title: Some("Remarks".into()),
            notes: vec!["12:57 P.M. CEST".into(), "END  1:43 P.M. CET".into()],
            ..Metadata::default()
        };
        let other = Metadata {
            title: Some("CORRECTED: Remarks".into()),
            notes: vec!["12:57 P.M. CET".into(), "END 1:43 P.M. CET".into()],
            ..Metadata::default()
        };
        let changes: Vec<String> = metadata_changes(Pair::new(&official, &other), true)
            .iter()
            .map(MetadataChange::describe)
            .collect();
        assert_eq!(
            changes,
            [
                "title: Remarks → CORRECTED: Remarks",
                "time: 12:57 P.M. CEST → 12:57 P.M. CET"
            ]
        );
        assert!(metadata_changes(Pair::new(&official, &other), false).is_empty());
    }

    #[test]
    fn a_date_is_a_day_however_written() {
        for written in [
            "2025-01-06",
            "6 January 2025",
            "January 6, 2025",
            "2025.01.06 PM 01:48",
            "2025년 1월 6일",
            "2025年1月6日",
        ] {
            assert_eq!(day(written), Some((2025, 1, 6)), "{written}");
        }
        assert_eq!(day("01/06/2025"), None);
    }
}
