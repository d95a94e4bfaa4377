//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod input;
pub mod keys;

use std::collections::BTreeMap;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use tandem::load::{self, LoadOptions};
use tandem::model::{Pair, SentenceRef, Transcript};

/// A folder of its own per test, removed afterwards; it derefs to its path.
pub struct Scratch(PathBuf);

impl Scratch {
    /// `name` must be unique among the tests of the binary.
    pub fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("tandem-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    pub fn file(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

impl Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Set by `.ci/run`: a check that would skip for want of `../shared` or an outside program fails
/// instead, so CI runs every check.
const REQUIRE_ALL: &str = "TANDEM_REQUIRE_ALL_CHECKS";

/// The third-party corpus is read where it is kept, `../shared/corpus/` beside the checkout
/// (CI has it there). Returns false, saying so on stderr, when it is absent.
pub fn shared_corpus(test: &str) -> bool {
    if data("../shared/corpus").is_dir() {
        return true;
    }
    skip(
        test,
        "../shared/corpus is absent (CI has it beside the checkout)",
    );
    false
}

/// Whether `program` is on the PATH; when not, says on stderr that `test` skipped and why.
pub fn has_program(test: &str, program: &str, install: &str) -> bool {
    let found = std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()));
    if !found {
        skip(
            test,
            &format!("{program} is not installed ({install}; .ci/run does)"),
        );
    }
    found
}

fn skip(test: &str, why: &str) {
    if std::env::var_os(REQUIRE_ALL).is_some() {
        panic!("{test}: {why}, and {REQUIRE_ALL} is set");
    }
    eprintln!("skipped {test}: {why}");
}

pub fn data(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Loads a file of the repository, named by its relative path (so that snapshots and
/// messages do not depend on where the repository is).
pub fn load(relative: &str) -> Transcript {
    let bytes = std::fs::read(data(relative)).unwrap_or_else(|error| panic!("{relative}: {error}"));
    load::load_bytes(&bytes, relative, LoadOptions::default())
        .unwrap_or_else(|error| panic!("{error}"))
}

pub fn official_seed() -> Transcript {
    load("assets/seoul-2025-01-06/official-state-dept.txt")
}

pub fn ytn_seed() -> Transcript {
    load("assets/seoul-2025-01-06/translation-ytn.txt")
}

/// Words made of letters and digits, in order.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Counts of each word.
pub fn bag(words: impl IntoIterator<Item = String>) -> BTreeMap<String, i64> {
    let mut bag = BTreeMap::new();
    for word in words {
        *bag.entry(word).or_insert(0) += 1;
    }
    bag
}

/// The words where two bags differ: positive when `a` has more.
pub fn difference(a: &BTreeMap<String, i64>, b: &BTreeMap<String, i64>) -> Vec<(String, i64)> {
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|k| {
            let d = a.get(k).copied().unwrap_or(0) - b.get(k).copied().unwrap_or(0);
            (d != 0).then(|| (k.clone(), d))
        })
        .collect()
}

/// A sentence link between the official version and the other: (turn, sentence) on each side,
/// all 0-based.
pub type Link = ((usize, usize), (usize, usize));

/// The sentence links of an alignment's rows (every pair inside a bead).
pub fn predicted_links(alignment: &tandem::align::Alignment) -> Vec<Link> {
    let mut links = Vec::new();
    for row in &alignment.rows {
        for a in &row.sides.official {
            for b in &row.sides.other {
                links.push(((a.turn, a.sentence), (b.turn, b.sentence)));
            }
        }
    }
    links
}

/// A sentence's turn and its place in the turn, 0-based.
pub type Position = (usize, usize);

/// The text of the sentence `r` points to.
pub fn sentence_text(transcript: &Transcript, r: &SentenceRef) -> String {
    let sentence = transcript.turns[r.turn].sentences().nth(r.sentence);
    sentence
        .expect("the reference is in the transcript")
        .text
        .clone()
}

/// Per version, the sentences its rows hold in row order beside every sentence of the transcript
/// in reading order: the two are equal when every sentence is in exactly one row and the rows
/// keep reading order (the alignment is monotone).
pub fn row_coverage(
    versions: Pair<&Transcript>,
    alignment: &tandem::align::Alignment,
) -> Pair<(Vec<Position>, Vec<Position>)> {
    Pair::from_fn(|side| {
        let seen = alignment
            .rows
            .iter()
            .flat_map(|row| &row.sides[side])
            .map(|s| (s.turn, s.sentence))
            .collect();
        let all = tandem::export::all_sentence_refs(versions[side])
            .iter()
            .map(|s| (s.turn, s.sentence))
            .collect();
        (seen, all)
    })
}

/// Precision, recall and F1 of `predicted` against `gold`, counting only predicted links that
/// touch a sentence the gold covers.
pub fn scores(
    predicted: &[Link],
    gold: &[Link],
    covered_official: &[(usize, usize)],
    covered_other: &[(usize, usize)],
) -> (f64, f64, f64) {
    let in_scope: Vec<&Link> = predicted
        .iter()
        .filter(|(a, b)| covered_official.contains(a) || covered_other.contains(b))
        .collect();
    let correct = in_scope.iter().filter(|l| gold.contains(l)).count() as f64;
    let precision = if in_scope.is_empty() {
        1.0
    } else {
        correct / in_scope.len() as f64
    };
    let recall = if gold.is_empty() {
        1.0
    } else {
        correct / gold.len() as f64
    };
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    (precision, recall, f1)
}

/// A hand-made gold alignment: links and the sentences it covers.
pub struct Gold {
    pub links: Vec<Link>,
    pub official: Vec<(usize, usize)>,
    pub other: Vec<(usize, usize)>,
}

impl Gold {
    /// A bead of the gold: every sentence of one side linked with every sentence of the other.
    fn add_bead(&mut self, a: Vec<(usize, usize)>, b: Vec<(usize, usize)>) {
        for x in &a {
            for y in &b {
                self.links.push((*x, *y));
            }
        }
        self.official.extend(a);
        self.other.extend(b);
    }
}

/// Reads a gold file whose lines are `TURN_A<TAB>SENTENCES_A<TAB>TURN_B<TAB>SENTENCES_B<TAB>note`
/// with 1-based numbers, `-` for none, `#` comments.
pub fn read_gold(relative: &str) -> Gold {
    let text = std::fs::read_to_string(data(relative)).unwrap();
    let mut gold = Gold {
        links: Vec::new(),
        official: Vec::new(),
        other: Vec::new(),
    };
    let numbers = |field: &str| -> Vec<usize> {
        if field.trim() == "-" {
            return Vec::new();
        }
        field
            .split(',')
            .map(|n| n.trim().parse::<usize>().unwrap() - 1)
            .collect()
    };
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let fields: Vec<&str> = line.split('\t').collect();
        let (turn_a, turn_b) = (
            fields[0].trim().parse::<usize>().unwrap() - 1,
            fields[2].trim().parse::<usize>().unwrap() - 1,
        );
        let a: Vec<(usize, usize)> = numbers(fields[1])
            .into_iter()
            .map(|s| (turn_a, s))
            .collect();
        let b: Vec<(usize, usize)> = numbers(fields[3])
            .into_iter()
            .map(|s| (turn_b, s))
            .collect();
        gold.add_bead(a, b);
    }
    gold
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every sentence of a transcript with its (turn, sentence) position, in reading order, its
/// white space squeezed to single spaces.
pub fn sentence_texts(transcript: &Transcript) -> Vec<((usize, usize), String)> {
    tandem::align::turn_sentences(transcript)
        .iter()
        .enumerate()
        .flat_map(|(turn, sentences)| {
            sentences
                .iter()
                .enumerate()
                .map(move |(index, s)| ((turn, index), squeeze(&s.text)))
        })
        .collect()
}

/// Reads a gold alignment written as sentence texts, so that it holds however the versions are
/// cut into turns: lines `OFFICIAL<TAB>OTHER<TAB>note`, each side its sentences joined by ` || `
/// (as `tandem inspect --json` splits them) or `-` for none, `#` comments. Sentences are found
/// in reading order, each after the one before on its side; white space is compared loosely.
pub fn read_text_gold(relative: &str, official: &Transcript, other: &Transcript) -> Gold {
    let text = std::fs::read_to_string(data(relative)).unwrap();
    let (all_a, all_b) = (sentence_texts(official), sentence_texts(other));
    let (mut cursor_a, mut cursor_b) = (0, 0);
    let find = |field: &str, all: &[((usize, usize), String)], cursor: &mut usize| {
        if field.trim() == "-" {
            return Vec::new();
        }
        field
            .split(" || ")
            .map(|wanted| {
                let wanted = squeeze(wanted);
                let at = all[*cursor..]
                    .iter()
                    .position(|(_, text)| *text == wanted)
                    .unwrap_or_else(|| panic!("{relative}: sentence not found in order: {wanted}"));
                *cursor += at + 1;
                all[*cursor - 1].0
            })
            .collect::<Vec<_>>()
    };
    let mut gold = Gold {
        links: Vec::new(),
        official: Vec::new(),
        other: Vec::new(),
    };
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let fields: Vec<&str> = line.split('\t').collect();
        let a = find(fields[0], &all_a, &mut cursor_a);
        let b = find(fields[1], &all_b, &mut cursor_b);
        gold.add_bead(a, b);
    }
    gold
}
