//! The flags measured against divergence marked by hand (`tests/gold/divergence.tsv`):
//! precision and recall per flag kind, printed (`cargo test --release --test divergence_gold
//! -- --nocapture`), and for rows overall (divergent or not) and per pair; floors asserted.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use tandem::align::{self, Alignment};
use tandem::export::Aligned;
use tandem::model::{Pair, Transcript};

struct Label {
    pair: String,
    official_side: bool,
    key: String,
    /// Empty when the two sides agree; otherwise the kinds a correct flagger may give.
    kinds: Vec<String>,
}

fn labels() -> Vec<Label> {
    let text = std::fs::read_to_string(common::data("tests/gold/divergence.tsv")).unwrap();
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .skip(1)
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert!(fields.len() >= 4, "bad gold line: {line}");
            Label {
                pair: fields[0].to_string(),
                official_side: fields[1] == "official",
                key: normal(fields[2]),
                kinds: match fields[3] {
                    "none" => Vec::new(),
                    kinds => kinds.split('|').map(str::to_string).collect(),
                },
            }
        })
        .collect()
}

/// White space of any kind as one space, so that a key matches across line breaks.
fn normal(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A row as the labels are checked against it: its official text, its other text, its flags.
type AlignedRow = (String, String, BTreeSet<String>);

/// Each row's text on both sides, and its flag names.
fn rows(official: &Transcript, other: &Transcript, alignment: &Alignment) -> Vec<AlignedRow> {
    let pair = Aligned::new(Pair::new(official, other), alignment);
    alignment
        .rows
        .iter()
        .map(|row| {
            let Pair {
                official: a,
                other: b,
            } = pair.sentences(row);
            let join = |side: &[tandem::export::SentenceView<'_>]| {
                normal(&side.iter().map(|s| s.text).collect::<Vec<_>>().join(" "))
            };
            let flags = row.flags.iter().map(|f| f.name().to_string()).collect();
            (join(&a), join(&b), flags)
        })
        .collect()
}

/// The labelled pairs of two separate renderings; the others are a text and its revision.
const RENDERINGS: &[&str] = &["bundled", "morevna-ko", "pepper-ja"];

#[derive(Default, Debug)]
struct Counts {
    true_positive: usize,
    false_positive: usize,
    false_negative: usize,
}

impl Counts {
    fn count(&mut self, divergent: bool, flagged: bool) {
        match (divergent, flagged) {
            (true, true) => self.true_positive += 1,
            (false, true) => self.false_positive += 1,
            (true, false) => self.false_negative += 1,
            (false, false) => {}
        }
    }
    fn precision(&self) -> f64 {
        self.true_positive as f64 / (self.true_positive + self.false_positive).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.true_positive as f64 / (self.true_positive + self.false_negative).max(1) as f64
    }
}

#[test]
fn flags_agree_with_divergence_marked_by_hand() {
    if !common::shared_corpus("flags_agree_with_divergence_marked_by_hand") {
        return;
    }
    let whitehouse = "../shared/corpus/whitehouse/wh_2022-03-10_harris-duda_joint-press-conference";
    let mut pairs: BTreeMap<&str, (Transcript, Transcript)> = BTreeMap::new();
    pairs.insert("bundled", (common::official_seed(), common::ytn_seed()));
    pairs.insert(
        "harris-duda",
        (
            common::load(&format!("{whitehouse}_ORIGINAL.md")),
            common::load(&format!("{whitehouse}_CORRECTED.md")),
        ),
    );
    for (name, film, language) in [
        ("morevna-ko", "morevna-ep03", "ko"),
        ("pepper-ja", "pepper-and-carrot-ep06", "ja"),
    ] {
        let subtitles = format!("../shared/corpus/subtitles/{film}");
        pairs.insert(
            name,
            (
                common::load(&format!("{subtitles}/en.srt")),
                common::load(&format!("{subtitles}/{language}.srt")),
            ),
        );
    }
    pairs.insert(
        "sotu",
        (
            common::load("../shared/corpus/speeches/2023-02-07-remarks-of-president-joe-biden-state-of-the-union-address-as-prepared-for-delivery.md"),
            common::load("../shared/corpus/speeches/2023-02-07-remarks-by-president-biden-in-state-of-the-union-address-2.md"),
        ),
    );
    let podcast = "../shared/corpus/podcast-revisions/ship-it-84";
    pairs.insert(
        "ship-it-84",
        (
            common::load(&format!("{podcast}.before-22250ef9.md")),
            common::load(&format!("{podcast}.after-ca05c5a4.md")),
        ),
    );
    let aligned: BTreeMap<&str, Vec<AlignedRow>> = pairs
        .iter()
        .map(|(name, (a, b))| (*name, rows(a, b, &align::align(a, b, &[]))))
        .collect();

    let labels = labels();
    assert!(labels.len() >= 150, "{} labelled rows", labels.len());
    // Labels are gathered per row: where the aligner puts two labelled sentences in one row,
    // the row diverges if either does.
    // Each label is looked for from the row of the pair's label before it on, wrapping round:
    // a unique key names the same row wherever it is looked for from, and a sentence said
    // many times (`(Applause.)`) names the next row that holds it.
    let mut marked: BTreeMap<(&str, usize), Vec<&str>> = BTreeMap::new();
    let mut from: BTreeMap<&str, usize> = BTreeMap::new();
    for label in &labels {
        let rows = &aligned[label.pair.as_str()];
        let start = from.entry(label.pair.as_str()).or_default();
        let index = (*start..rows.len())
            .chain(0..*start)
            .find(|&index| {
                let (a, b, _) = &rows[index];
                let side = if label.official_side { a } else { b };
                side.contains(&label.key)
            })
            .unwrap_or_else(|| panic!("no row of {} holds “{}”", label.pair, label.key));
        *start = index;
        marked
            .entry((label.pair.as_str(), index))
            .or_default()
            .extend(label.kinds.iter().map(String::as_str));
    }
    let mut overall = Counts::default();
    let mut by_pair: BTreeMap<&str, Counts> = BTreeMap::new();
    // The same over the rows whose divergence a flag kind names: `content` alone (a detail a
    // free translation adds or drops) is beyond what any flag claims to find.
    let mut named = Counts::default();
    let mut by_kind: BTreeMap<String, Counts> = BTreeMap::new();
    let mut misses: Vec<String> = Vec::new();
    for ((pair, index), kinds) in &marked {
        let (official, _, flags) = &aligned[pair][*index];
        let (divergent, flagged) = (!kinds.is_empty(), !flags.is_empty());
        overall.count(divergent, flagged);
        by_pair.entry(pair).or_default().count(divergent, flagged);
        if kinds.iter().any(|k| *k != "content") || !divergent {
            named.count(divergent, flagged);
        }
        if divergent != flagged {
            let opening: String = official.chars().take(60).collect();
            misses.push(format!(
                "{pair} row {}: “{opening}” marked {kinds:?}, flagged {flags:?}",
                index + 1
            ));
        }
        // The kind the row is counted under: the one the flags give, else the first listed.
        let gold = kinds.iter().find(|k| flags.contains(**k)).or(kinds.first());
        if let Some(kind) = gold {
            let counts = by_kind.entry(kind.to_string()).or_default();
            if flags.contains(*kind) {
                counts.true_positive += 1;
            } else {
                counts.false_negative += 1;
            }
        }
        for flag in flags {
            if !kinds.contains(&flag.as_str()) {
                by_kind.entry(flag.clone()).or_default().false_positive += 1;
            }
        }
    }
    println!("kind                 precision  recall  (tp fp fn)");
    for (kind, counts) in &by_kind {
        println!(
            "{kind:<20} {:>9.3} {:>7.3}  ({} {} {})",
            counts.precision(),
            counts.recall(),
            counts.true_positive,
            counts.false_positive,
            counts.false_negative
        );
    }
    println!(
        "rows overall         {:>9.3} {:>7.3}  ({} {} {}) of {} rows ({} labels)",
        overall.precision(),
        overall.recall(),
        overall.true_positive,
        overall.false_positive,
        overall.false_negative,
        marked.len(),
        labels.len()
    );
    println!(
        "rows a kind names    {:>9.3} {:>7.3}  ({} {} {})",
        named.precision(),
        named.recall(),
        named.true_positive,
        named.false_positive,
        named.false_negative
    );
    // Two renderings of one event (a second interpreter, subtitles translated) against one
    // text and its revision (a corrected reprint, a speech as delivered, a relabelled podcast).
    let mut renderings = Counts::default();
    for (pair, counts) in &by_pair {
        println!(
            "{pair:<20} {:>9.3} {:>7.3}  ({} {} {})",
            counts.precision(),
            counts.recall(),
            counts.true_positive,
            counts.false_positive,
            counts.false_negative
        );
        if RENDERINGS.contains(pair) {
            renderings.true_positive += counts.true_positive;
            renderings.false_positive += counts.false_positive;
            renderings.false_negative += counts.false_negative;
        }
    }
    println!(
        "renderings           {:>9.3} {:>7.3}  ({} {} {})",
        renderings.precision(),
        renderings.recall(),
        renderings.true_positive,
        renderings.false_positive,
        renderings.false_negative
    );
    for miss in &misses {
        println!("disagrees: {miss}");
    }
    assert!(
        overall.precision() >= 0.9 && overall.recall() >= 0.9,
        "precision {:.3}, recall {:.3}",
        overall.precision(),
        overall.recall()
    );
    assert!(
        named.recall() >= 0.95,
        "recall of divergences a kind names {:.3}",
        named.recall()
    );
    // The misses are all between renderings: details a free translation changes that no flag
    // names (see the README's Quality): 21 of 25 found. This floor fails at one more miss.
    assert!(
        renderings.recall() >= 0.83,
        "recall between renderings {:.3}",
        renderings.recall()
    );
    // A kind with enough labelled rows to say something keeps 0.9 on both.
    for (kind, counts) in &by_kind {
        if counts.true_positive + counts.false_negative >= 10 {
            assert!(
                counts.precision() >= 0.9 && counts.recall() >= 0.9,
                "{kind}: {counts:?}"
            );
        }
    }
}
