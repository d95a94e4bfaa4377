//! tandem beside a peer aligner, hunalign (Varga et al. 2005), on the hand-made golds of
//! `tests/gold`: link precision, recall and F1 of each, scored by the tests' own code.
//!
//! hunalign is not packaged; build it from its repository (`make` in `src/hunalign`) and run
//! `HUNALIGN=/path/to/hunalign cargo bench --bench peer`. It gets the sentences as tandem splits
//! them, one per line, tokenized (punctuation set apart), with an empty dictionary: its
//! length-based first pass and the dictionary it learns from the text, as a user without a
//! bilingual dictionary would run it.

#[path = "../tests/common/mod.rs"]
mod gold;

use gold::{Gold, Link, predicted_links, read_gold, read_text_gold, scores};
use std::path::Path;
use std::process::Command;
use tandem::align;
use tandem::model::Transcript;

/// A gold and the two files it covers (paths from the repository's root).
struct Case {
    name: &'static str,
    gold: &'static str,
    official: &'static str,
    other: &'static str,
    /// Written as sentence texts (`read_text_gold`) rather than turn and sentence numbers.
    by_text: bool,
}

const SEED: &str = "assets/seoul-2025-01-06/official-state-dept.txt";
const SUBTITLES: &str = "../shared/corpus/subtitles";

const CASES: &[Case] = &[
    Case {
        name: "Seoul, Cho's statement (en, YTN)",
        gold: "tests/gold/seoul-cho-opening.tsv",
        official: SEED,
        other: "assets/seoul-2025-01-06/translation-ytn.txt",
        by_text: false,
    },
    Case {
        name: "Seoul statements (en-ko)",
        gold: "tests/gold/seoul-ko.tsv",
        official: SEED,
        other: "tests/fixtures/seoul-ko.txt",
        by_text: false,
    },
    Case {
        name: "Seoul Q&A (en-ko)",
        gold: "tests/gold/seoul-ko-qa.tsv",
        official: SEED,
        other: "tests/fixtures/seoul-ko-qa.txt",
        by_text: false,
    },
    Case {
        name: "Seoul Q&A (en-ja)",
        gold: "tests/gold/seoul-ja-qa.tsv",
        official: SEED,
        other: "tests/fixtures/seoul-ja-qa.txt",
        by_text: false,
    },
    Case {
        name: "State of the Union, prepared vs delivered",
        gold: "tests/gold/sotu-2023-prepared-delivered.tsv",
        official: "../shared/corpus/speeches/2023-02-07-remarks-of-president-joe-biden-state-of-the-union-address-as-prepared-for-delivery.md",
        other: "../shared/corpus/speeches/2023-02-07-remarks-by-president-biden-in-state-of-the-union-address-2.md",
        by_text: true,
    },
    Case {
        name: "Ship It 84, speakers relabelled",
        gold: "tests/gold/ship-it-84-relabelled.tsv",
        official: "../shared/corpus/podcast-revisions/ship-it-84.before-22250ef9.md",
        other: "../shared/corpus/podcast-revisions/ship-it-84.after-ca05c5a4.md",
        by_text: true,
    },
    Case {
        name: "Pepper&Carrot 6 subtitles (en-ru)",
        gold: "tests/gold/pepper-carrot-en-ru.tsv",
        official: "../shared/corpus/subtitles/pepper-and-carrot-ep06/en.srt",
        other: "../shared/corpus/subtitles/pepper-and-carrot-ep06/ru.srt",
        by_text: true,
    },
    Case {
        name: "Pepper&Carrot 6 subtitles (en-ja)",
        gold: "tests/gold/pepper-carrot-en-ja.tsv",
        official: "../shared/corpus/subtitles/pepper-and-carrot-ep06/en.srt",
        other: "../shared/corpus/subtitles/pepper-and-carrot-ep06/ja.srt",
        by_text: true,
    },
    Case {
        name: "Morevna 3 subtitles (en-ko)",
        gold: "tests/gold/morevna-ep03-en-ko.tsv",
        official: "../shared/corpus/subtitles/morevna-ep03/en.srt",
        other: "../shared/corpus/subtitles/morevna-ep03/ko.srt",
        by_text: true,
    },
];

fn main() {
    let Some(hunalign) = std::env::var_os("HUNALIGN") else {
        eprintln!(
            "peer: skipped, HUNALIGN is not set (build hunalign and set it to the binary's path)"
        );
        return;
    };
    if !Path::new(SUBTITLES).is_dir() {
        eprintln!("peer: skipped, ../shared/corpus is absent (the golds read it)");
        return;
    }
    let work = gold::Scratch::new("peer");
    let dictionary = work.file("empty.dic", "");
    println!("| gold | links | tandem P / R / F1 | hunalign P / R / F1 |");
    println!("|---|---|---|---|");
    for case in CASES {
        let (official, other) = (gold::load(case.official), gold::load(case.other));
        let gold = if case.by_text {
            read_text_gold(case.gold, &official, &other)
        } else {
            read_gold(case.gold)
        };
        let ours = score(
            &gold,
            &predicted_links(&align::align(&official, &other, &[])),
        );
        let stem = case.gold.replace('/', "_");
        let files = [("a", &official), ("b", &other)]
            .map(|(side, t)| work.file(&format!("{stem}-{side}.txt"), lines(t)));
        // hunalign leaves a `translate.txt` in its working folder: the scratch folder, not ours.
        let output = Command::new(&hunalign)
            .current_dir(&*work)
            .arg(&dictionary)
            .args(&files)
            .output()
            .expect("hunalign runs");
        assert!(output.status.success(), "hunalign failed on {}", case.name);
        let ladder = String::from_utf8_lossy(&output.stdout);
        // hunalign gives no ladder, and says why on stderr, for files of very different sizes.
        let theirs = if ladder.trim().is_empty() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            format!("no result: {}", stderr.lines().last().unwrap_or("").trim())
        } else {
            score(&gold, &ladder_links(&ladder, &official, &other))
        };
        println!(
            "| {} | {} | {} | {} |",
            case.name,
            gold.links.len(),
            ours,
            theirs
        );
    }
}

fn score(gold: &Gold, links: &[Link]) -> String {
    let (p, r, f1) = scores(links, &gold.links, &gold.official, &gold.other);
    format!("{p:.3} / {r:.3} / **{f1:.3}**")
}

/// Every sentence of the transcript on its own line, with punctuation set apart from words,
/// as hunalign expects tokenized text.
fn lines(transcript: &Transcript) -> String {
    let mut text = String::new();
    for sentence in gold::sentence_texts(transcript)
        .iter()
        .map(|(_, text)| text)
    {
        for c in sentence.chars() {
            match c {
                c if c.is_alphanumeric() || c.is_whitespace() => text.push(c),
                c => {
                    text.push(' ');
                    text.push(c);
                    text.push(' ');
                }
            }
        }
        text.push('\n');
    }
    text
}

/// The links of hunalign's ladder output: each line `i<TAB>j<TAB>score` starts a bead at
/// sentence i of the first file and j of the second, which runs to the next rung.
fn ladder_links(ladder: &str, official: &Transcript, other: &Transcript) -> Vec<Link> {
    let (a, b) = (gold::sentence_texts(official), gold::sentence_texts(other));
    let rungs: Vec<(usize, usize)> = ladder
        .lines()
        .filter_map(|line| {
            let mut fields = line.split('\t');
            Some((fields.next()?.parse().ok()?, fields.next()?.parse().ok()?))
        })
        .collect();
    let mut links = Vec::new();
    for pair in rungs.windows(2) {
        let ((i0, j0), (i1, j1)) = (pair[0], pair[1]);
        for x in &a[i0.min(a.len())..i1.min(a.len())] {
            for y in &b[j0.min(b.len())..j1.min(b.len())] {
                links.push((x.0, y.0));
            }
        }
    }
    links
}
