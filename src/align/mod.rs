//! The aligner: speakers, turns and sentences of an official transcript matched with another
//! version of the same event, and how far each matched pair diverges.
//!
//! The steps: sentence [`features`] for both versions → label scores for [`speakers`] → a
//! first [`turns`] alignment using them → speakers matched one to one with the turn evidence →
//! a second turn alignment with that matching → sentence [`beads`] inside each matched turn
//! pair → a second look across turns where text of both versions was left one-sided, or over
//! the whole document where both carry cue times across languages ([`regions`], with
//! [`anchors`] for long stretches) → turn links and speaker correspondences read off the rows
//! → [`divergence`] scores and flags per row (names compared in [`names`]). Turns and speakers
//! are evidence: the first pass pairs inside turns, the second look lets content decide.

mod anchors;
mod beads;
pub mod divergence;
mod dp;
mod features;
mod names;
mod negation;
mod numbers;
mod quantities;
mod regions;
mod roles;
mod romanize;
mod sketch;
pub mod speaker_map;
pub mod speakers;
mod turns;
mod versions;
mod word_lists;
mod wording;

pub use divergence::Flag;
pub use speaker_map::Forced;
pub use speakers::SpeakerMatch;
pub use turns::TurnLink;
pub use versions::{Kinship, MetadataChange, Warning};
pub use wording::{DiffPiece, word_diff};

use crate::model::{Pair, Sentence, SentenceIndex, SentenceRef, Side, SpeakerId, Transcript};
use features::{Features, Interner};
use serde::Serialize;
use speakers::LabelScores;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

/// One line of the alignment: sentences of the official version and their counterparts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The sentences of each version, in reading order; one side may be empty.
    pub sides: Pair<Vec<SentenceRef>>,
    /// 0 to 1: shared words (one language) or agreeing length and anchors (two languages).
    pub similarity: f64,
    pub flags: Vec<Flag>,
    /// Index of the turn link the row belongs to.
    pub link: usize,
}

impl Row {
    /// Rows a reader should look at: no counterpart, or any flag.
    pub fn is_divergent(&self) -> bool {
        !self.flags.is_empty()
    }

    /// Whether both versions have sentences in the row.
    pub fn is_paired(&self) -> bool {
        !self.sides.official.is_empty() && !self.sides.other.is_empty()
    }

    /// Rows with text that the other version lacks.
    pub fn is_unmatched(&self) -> bool {
        self.flags.contains(&Flag::NoCounterpart)
    }

    /// Whether a turn starts in this row on `side`.
    pub fn starts_turn(&self, side: Side) -> bool {
        self.sides[side].iter().any(|r| r.sentence == 0)
    }

    /// The turn of the row's first sentence on `side`.
    pub fn turn(&self, side: Side) -> Option<usize> {
        self.sides[side].first().map(|r| r.turn)
    }
}

/// Two speakers, one of each version, and the paired rows the alignment gives to both.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerRows {
    pub speakers: Pair<SpeakerId>,
    pub rows: usize,
    /// The share of the official speaker's paired rows, 0 to 1.
    pub share: f64,
}

/// The full alignment of two versions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alignment {
    pub same_language: bool,
    /// Characters of the other version per character of the official one, in matched turns.
    pub length_ratio: f64,
    pub speakers: Vec<SpeakerMatch>,
    /// Which speakers share rows, from the sentence alignment.
    pub speaker_rows: Vec<SpeakerRows>,
    pub turns: Vec<TurnLink>,
    /// In reading order; every sentence of both versions is in exactly one row.
    pub rows: Vec<Row>,
    /// How much the two versions share as wholes.
    pub kinship: Kinship,
    /// What a reader must know before trusting the rows (the versions look unrelated).
    pub warnings: Vec<Warning>,
    /// Title, date, place or time given differently by the two versions.
    pub metadata_changes: Vec<MetadataChange>,
}

/// The sentences of each turn, flattened across paragraphs.
pub fn turn_sentences(transcript: &Transcript) -> Vec<Vec<&Sentence>> {
    transcript
        .turns
        .iter()
        .map(|t| t.sentences().collect())
        .collect()
}

/// One version as the aligner reads it: the transcript, and each turn's speaker and sentence
/// features.
struct Version<'a> {
    transcript: &'a Transcript,
    index: SentenceIndex,
    features: Vec<(Option<SpeakerId>, Vec<Features>)>,
}

impl<'a> Version<'a> {
    fn new(transcript: &'a Transcript, features: Vec<Vec<Features>>) -> Self {
        Version {
            transcript,
            index: SentenceIndex::new(transcript),
            features: transcript
                .turns
                .iter()
                .map(|t| t.speaker)
                .zip(features)
                .collect(),
        }
    }

    fn sentence_count(&self, turns: &std::ops::Range<usize>) -> usize {
        self.features[turns.clone()]
            .iter()
            .map(|(_, f)| f.len())
            .sum()
    }

    fn features_of(&self, refs: &[SentenceRef]) -> Vec<&Features> {
        refs.iter()
            .map(|r| &self.features[r.turn].1[r.sentence])
            .collect()
    }

    /// The sentence `r` names: the aligner's references are made from the version's own turns.
    fn sentence(&self, r: SentenceRef) -> &'a Sentence {
        let located = self.index.locate(self.transcript, r);
        located
            .expect("an aligner reference names a sentence")
            .sentence
    }

    fn chars(&self, turns: std::ops::Range<usize>) -> f64 {
        self.features[turns]
            .iter()
            .flat_map(|(_, f)| f.iter())
            .map(|f| f.chars as f64)
            .sum()
    }
}

fn sentence_texts(transcript: &Transcript) -> Vec<Vec<&str>> {
    turn_sentences(transcript)
        .into_iter()
        .map(|turn| turn.into_iter().map(|s| s.text.as_str()).collect())
        .collect()
}

/// Aligns `official` with `other`. `forced` pairs come from a speaker map.
pub fn align(official: &Transcript, other: &Transcript, forced: &[Forced]) -> Alignment {
    align_reporting(official, other, forced, &|_| {})
}

/// How far the aligner has come, as it tells whoever waits for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Step<'a> {
    /// A stage starts, by name.
    Stage(&'a str),
    /// This share of the current stage, 0 to 1, is done.
    Within(f64),
}

/// [`align`], telling `report` what it is doing as it goes.
pub fn align_reporting(
    official: &Transcript,
    other: &Transcript,
    forced: &[Forced],
    report: &dyn Fn(Step),
) -> Alignment {
    let stage = |name| report(Step::Stage(name));
    stage("reading words, numbers and names");
    let mut interner = Interner::default();
    let mut all = sentence_texts(official);
    let official_turns = all.len();
    all.extend(sentence_texts(other));
    let mut features = features::of_turns(&all, &mut interner);
    let other_features = features.split_off(official_turns);
    let a = Version::new(official, features);
    let b = Version::new(other, other_features);
    let same_language = official.metadata.language == other.metadata.language;
    let kinship = kinship(all.split_at(official_turns), (&a, &b), same_language);
    // Every change of wording is flagged where one version revises the other's text.
    let revision = kinship.is_revision();

    stage("aligning turns");
    let (matching, links) = align_turns(official, other, (&a, &b), forced, same_language);

    stage("aligning sentences");
    let mut context = beads::Context {
        same_language,
        length_ratio: length_ratio(&links, &a, &b),
        revision,
    };
    let within = |done| report(Step::Within(done));
    let mut rows = rows(&links, (&a, &b), context, &mut interner, &within);
    if !same_language {
        // Across languages length decides, so calibrate it again on the sentences just
        // paired and align once more if it moved.
        let refined = sentence_length_ratio(&rows, &a, &b);
        if (refined / context.length_ratio - 1.0).abs() > 0.05 {
            context.length_ratio = refined;
            rows = self::rows(&links, (&a, &b), context, &mut interner, &|_| {});
        }
    }
    let same_speaker = SameSpeaker {
        counterparts: Counterparts::new(&matching, (official.speakers.len(), other.speakers.len())),
        labels: speakers::label_scores(official, other),
        forced,
        same_language,
    };
    let differ = |x: &[SentenceRef], y: &[SentenceRef]| {
        same_speaker.judge_row(&row_speakers(&a, x), &row_speakers(&b, y)) == Some(false)
    };
    stage("looking again across turns");
    let mut rows = look_again(rows, (&a, &b), &mut context, &differ, &mut interner);
    let links = links_from_rows(&mut rows, &links);
    flag_low_similarity(&mut rows, (&a, &b));
    if same_language && !revision {
        flag_omitted_names(
            &mut rows,
            (&a, &b),
            all.split_at(official_turns),
            &mut interner,
        );
    }
    flag_speaker_changes(&mut rows, &same_speaker, (official, other), (&a, &b));
    Alignment {
        same_language,
        length_ratio: (context.length_ratio * 1000.0).round() / 1000.0,
        speaker_rows: speaker_rows(&rows, (&a, &b)),
        speakers: matching,
        turns: links,
        rows,
        warnings: kinship.warning().into_iter().collect(),
        kinship,
        metadata_changes: versions::metadata_changes(&official.metadata, &other.metadata, revision),
    }
}

/// How much the two versions share as wholes: word triples in one language, anchors (numbers,
/// names) across languages.
fn kinship(
    (texts_a, texts_b): (&[Vec<&str>], &[Vec<&str>]),
    (a, b): (&Version<'_>, &Version<'_>),
    same_language: bool,
) -> Kinship {
    if same_language {
        let official_sentences: Vec<&str> = texts_a.iter().flatten().copied().collect();
        let other_sentences: Vec<&str> = texts_b.iter().flatten().copied().collect();
        Kinship::of_wording(&official_sentences, &other_sentences)
    } else {
        Kinship::of_anchors(
            a.features.iter().flat_map(|(_, f)| f.iter()),
            b.features.iter().flat_map(|(_, f)| f.iter()),
        )
    }
}

/// Matches the speakers and aligns the turns: once with the speakers' labels, then again with
/// the speaker matching that the first alignment suggests. The turn profiles, a good part of
/// the memory on long documents, are dropped once the turns are placed.
fn align_turns(
    official: &Transcript,
    other: &Transcript,
    (a, b): (&Version<'_>, &Version<'_>),
    forced: &[Forced],
    same_language: bool,
) -> (Vec<SpeakerMatch>, Vec<TurnLink>) {
    let (profiles_a, profiles_b) = (turns::profiles(&a.features), turns::profiles(&b.features));
    let labels = speakers::label_scores(official, other);
    let counts = (official.speakers.len(), other.speakers.len());
    let by_label =
        |x: Option<SpeakerId>, y: Option<SpeakerId>| prior_from_labels(&labels, forced, x, y);
    let turn_aligner = turns::TurnAligner::new(&profiles_a, &profiles_b, same_language);
    let first = turn_aligner.align(&by_label);
    let together = co_occurrence(&first, &profiles_a, &profiles_b);
    let matching = speakers::match_speakers(&labels, &together, forced, counts);
    let counterparts = Counterparts::new(&matching, counts);
    let by_matching = |x: Option<SpeakerId>, y: Option<SpeakerId>| {
        prior_from_matching(&counterparts, &labels, x, y)
    };
    let links = turn_aligner.align(&by_matching);
    (matching, links)
}

fn flag_low_similarity(rows: &mut [Row], (a, b): (&Version<'_>, &Version<'_>)) {
    let matched = |row: &&mut Row| row.is_paired();
    let low =
        divergence::LowSimilarity::of_pair(rows.iter_mut().filter(matched).map(|r| r.similarity));
    let words = |side: &Version<'_>, refs: &[SentenceRef]| -> usize {
        refs.iter()
            .map(|r| side.features[r.turn].1[r.sentence].stems.len())
            .sum()
    };
    for row in rows.iter_mut().filter(matched) {
        let fewest = words(a, &row.sides.official).min(words(b, &row.sides.other));
        if low.flags(row.similarity, fewest) {
            row.flags.push(Flag::LowSimilarity);
        }
    }
}

/// `names-differ` where one side of a paired row gives a name that the other version never
/// gives anywhere (the Mineral Security Partnership a rendering leaves out). A name the other
/// version gives elsewhere is not flagged: once a person is named, a rendering writes `he`.
/// Only between two renderings in one language: in a revision the word diff already shows
/// what went, and across languages a name is as often translated (`Hawk`, `매`) as spelled.
fn flag_omitted_names(
    rows: &mut [Row],
    (a, b): (&Version<'_>, &Version<'_>),
    (texts_a, texts_b): (&[Vec<&str>], &[Vec<&str>]),
    interner: &mut Interner,
) {
    let (in_a, in_b) = (
        names::VersionSpellings::new(texts_a.concat()),
        names::VersionSpellings::new(texts_b.concat()),
    );
    for row in rows.iter_mut().filter(|r| r.is_paired()) {
        if row
            .flags
            .iter()
            .any(|f| matches!(f, Flag::NamesDiffer { .. }))
        {
            continue;
        }
        let (ta, tb) = (texts(a, &row.sides.official), texts(b, &row.sides.other));
        let official = names::omitted_names(&ta, &tb, &in_b, interner);
        let other = names::omitted_names(&tb, &ta, &in_a, interner);
        if !official.is_empty() || !other.is_empty() {
            row.flags.push(Flag::NamesDiffer {
                evidence: Pair::new(official, other),
            });
        }
    }
}

/// The speakers a row's sentences are given to on one side, each once.
fn row_speakers(side: &Version<'_>, refs: &[SentenceRef]) -> Vec<SpeakerId> {
    let mut speakers: Vec<SpeakerId> = refs
        .iter()
        .filter_map(|r| side.features[r.turn].0)
        .collect();
    speakers.dedup();
    speakers
}

/// Whether two speakers, one of each version, are the same person.
struct SameSpeaker<'f> {
    counterparts: Counterparts,
    labels: LabelScores,
    forced: &'f [Forced],
    same_language: bool,
}

/// Labels that score this much share a name or a role.
const LABELS_AGREE: f64 = 0.5;

impl SameSpeaker<'_> {
    /// `Some(true)` when the evidence says they are, `Some(false)` when it says they are not,
    /// `None` when it cannot tell. In one language the labels decide: a corrected transcript
    /// that gives every line of one name to another has changed the speaker, however well
    /// the two correspond. Across languages labels are translated and respelled, so the
    /// speaker matching decides, and two unmatched speakers may be one person.
    fn judge(&self, x: SpeakerId, y: SpeakerId) -> Option<bool> {
        let forced = self
            .forced
            .iter()
            .find(|f| f.speakers.official == Some(x) || f.speakers.other == Some(y));
        if let Some(pair) = forced {
            return Some(pair.speakers.official == Some(x) && pair.speakers.other == Some(y));
        }
        if self.labels.score(x, y) >= LABELS_AGREE {
            return Some(true);
        }
        if self.same_language {
            return Some(false);
        }
        let (of_x, of_y) = (
            self.counterparts.of(x),
            self.counterparts.of_other[y.index()],
        );
        match (of_x, of_y) {
            (Some(c), _) if c == y => Some(true),
            (None, None) => None,
            _ => Some(false),
        }
    }

    /// For the speakers of a row's two sides: `Some(true)` when some pair is the same person,
    /// else `Some(false)` when some pair is judged different, else `None`.
    fn judge_row(&self, xs: &[SpeakerId], ys: &[SpeakerId]) -> Option<bool> {
        let mut verdict = None;
        for &x in xs {
            for &y in ys {
                match self.judge(x, y) {
                    Some(true) => return Some(true),
                    Some(false) => verdict = Some(false),
                    None => {}
                }
            }
        }
        verdict
    }
}

/// Flags the paired rows whose speakers are not the same person by the evidence (see
/// [`SameSpeaker::judge_row`]).
fn flag_speaker_changes(
    rows: &mut [Row],
    same: &SameSpeaker<'_>,
    (official, other): (&Transcript, &Transcript),
    (a, b): (&Version<'_>, &Version<'_>),
) {
    for row in rows.iter_mut() {
        let (xs, ys) = (
            row_speakers(a, &row.sides.official),
            row_speakers(b, &row.sides.other),
        );
        if same.judge_row(&xs, &ys) != Some(false) {
            continue;
        }
        let labels = |transcript: &Transcript, ids: &[SpeakerId]| -> String {
            ids.iter()
                .filter_map(|&id| transcript.speaker(id))
                .map(|s| s.label.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        row.flags.push(Flag::SpeakerDiffers {
            labels: Pair::new(labels(official, &xs), labels(other, &ys)),
        });
    }
}

/// Which speakers correspond, read off the rows: for each pair of speakers, the paired rows
/// they share, and that count's share of the official speaker's paired rows. One label may
/// correspond to several (`Q` to three reporters, a host to host and guest).
fn speaker_rows(rows: &[Row], (a, b): (&Version<'_>, &Version<'_>)) -> Vec<SpeakerRows> {
    let mut shared: BTreeMap<(SpeakerId, SpeakerId), usize> = BTreeMap::new();
    let mut of_official: BTreeMap<SpeakerId, usize> = BTreeMap::new();
    for row in rows.iter().filter(|r| r.is_paired()) {
        let (xs, ys) = (
            row_speakers(a, &row.sides.official),
            row_speakers(b, &row.sides.other),
        );
        for &x in &xs {
            *of_official.entry(x).or_default() += 1;
            for &y in &ys {
                *shared.entry((x, y)).or_default() += 1;
            }
        }
    }
    shared
        .into_iter()
        .map(|((official, other), rows)| SpeakerRows {
            speakers: Pair::new(official, other),
            rows,
            share: (rows as f64 / of_official[&official] as f64 * 1000.0).round() / 1000.0,
        })
        .collect()
}

/// Speaker compatibility before the matching is known: the label score, or the speaker map.
fn prior_from_labels(
    labels: &LabelScores,
    forced: &[Forced],
    x: Option<SpeakerId>,
    y: Option<SpeakerId>,
) -> f64 {
    let (Some(x), Some(y)) = (x, y) else {
        return 0.0;
    };
    for pair in forced {
        if pair.speakers.official == Some(x) || pair.speakers.other == Some(y) {
            return if pair.speakers.official == Some(x) && pair.speakers.other == Some(y) {
                1.0
            } else {
                0.0
            };
        }
    }
    labels.score(x, y)
}

/// Each speaker's counterpart in a matching, looked up by id: the turn alignment asks for
/// every pair of turns it weighs.
struct Counterparts {
    of_official: Vec<Option<(SpeakerId, f64)>>,
    of_other: Vec<Option<SpeakerId>>,
}

impl Counterparts {
    fn of(&self, official: SpeakerId) -> Option<SpeakerId> {
        self.of_official[official.index()].map(|(other, _)| other)
    }

    fn new(matching: &[SpeakerMatch], counts: (usize, usize)) -> Self {
        let mut counterparts = Counterparts {
            of_official: vec![None; counts.0],
            of_other: vec![None; counts.1],
        };
        for pair in matching {
            if let (Some(x), Some(y)) = (pair.speakers.official, pair.speakers.other) {
                counterparts.of_official[x.index()] = Some((y, pair.confidence));
                counterparts.of_other[y.index()] = Some(x);
            }
        }
        counterparts
    }
}

/// Speaker compatibility once speakers are matched: high for a matched pair, none when either
/// is matched to someone else, the label score otherwise.
fn prior_from_matching(
    counterparts: &Counterparts,
    labels: &LabelScores,
    x: Option<SpeakerId>,
    y: Option<SpeakerId>,
) -> f64 {
    let (Some(x), Some(y)) = (x, y) else {
        return 0.0;
    };
    let of_x = counterparts.of_official[x.index()];
    let of_y = counterparts.of_other[y.index()];
    match (of_x, of_y) {
        (Some((o, confidence)), _) if o == y => confidence.max(0.6),
        (Some(_), _) | (_, Some(_)) => 0.0,
        (None, None) => labels.score(x, y),
    }
}

/// Weight of paired turns per speaker pair, for the pairs that have any.
fn co_occurrence(
    links: &[TurnLink],
    a: &[turns::Profile],
    b: &[turns::Profile],
) -> BTreeMap<(SpeakerId, SpeakerId), f64> {
    let mut together = BTreeMap::new();
    for link in links {
        for x in &a[link.turns.official.clone()] {
            for y in &b[link.turns.other.clone()] {
                if let (Some(sx), Some(sy)) = (x.speaker, y.speaker) {
                    *together.entry((sx, sy)).or_insert(0.0) += link.score;
                }
            }
        }
    }
    together
}

/// The median ratio of lengths over matched turn pairs of comparable sentence counts (a turn
/// that one version cut short would skew it); over all matched pairs if there are none; 1 when
/// no turns are matched.
fn length_ratio(links: &[TurnLink], a: &Version<'_>, b: &Version<'_>) -> f64 {
    let sentences = |side: &Version<'_>, turns: &std::ops::Range<usize>| -> f64 {
        side.features[turns.clone()]
            .iter()
            .map(|(_, f)| f.len() as f64)
            .sum()
    };
    let matched: Vec<&TurnLink> = links
        .iter()
        .filter(|l| !l.turns.official.is_empty() && !l.turns.other.is_empty())
        .collect();
    let comparable: Vec<&TurnLink> = matched
        .iter()
        .copied()
        .filter(|l| {
            let r = sentences(b, &l.turns.other) / sentences(a, &l.turns.official).max(1.0);
            (0.6..=1.67).contains(&r)
        })
        .collect();
    let chosen = if comparable.is_empty() {
        &matched
    } else {
        &comparable
    };
    median(
        chosen
            .iter()
            .map(|l| b.chars(l.turns.other.clone()) / a.chars(l.turns.official.clone()).max(1.0)),
    )
}

/// The length ratio over one-to-one sentence rows, weighted by length.
fn sentence_length_ratio(rows: &[Row], a: &Version<'_>, b: &Version<'_>) -> f64 {
    let chars =
        |side: &Version<'_>, r: &SentenceRef| side.features[r.turn].1[r.sentence].chars as f64;
    let (mut total_a, mut total_b) = (0.0, 0.0);
    for row in rows
        .iter()
        .filter(|r| r.sides.official.len() == 1 && r.sides.other.len() == 1)
    {
        total_a += chars(a, &row.sides.official[0]);
        total_b += chars(b, &row.sides.other[0]);
    }
    if total_a > 0.0 && total_b > 0.0 {
        total_b / total_a
    } else {
        1.0
    }
}

fn median(values: impl Iterator<Item = f64>) -> f64 {
    let mut values: Vec<f64> = values.filter(|r| r.is_finite() && *r > 0.0).collect();
    if values.is_empty() {
        return 1.0;
    }
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn texts<'a>(side: &Version<'a>, refs: &[SentenceRef]) -> Vec<&'a str> {
    refs.iter()
        .map(|&r| side.sentence(r).text.as_str())
        .collect()
}

/// Sentence rows for every turn link, in reading order. The links are shared between two
/// threads, each with its own copy of the interner: ids the flags add stay private to a
/// thread, and the rows hold only text. The first half tells `done` how far it has come, which
/// stands for both: the halves weigh the same.
fn rows(
    links: &[TurnLink],
    (a, b): (&Version<'_>, &Version<'_>),
    context: beads::Context,
    interner: &mut Interner,
    done: &dyn Fn(f64),
) -> Vec<Row> {
    let sentences = |link: &TurnLink| {
        a.sentence_count(&link.turns.official) + b.sentence_count(&link.turns.other)
    };
    let middle = crate::parallel::middle(links, sentences);
    let first_half: usize = links[..middle].iter().map(sentences).sum();
    let mut seen = 0;
    let mut tell = |link: &TurnLink| {
        seen += sentences(link);
        done(seen as f64 / first_half.max(1) as f64);
    };
    let mut copy = interner.clone();
    let (mut rows, rest) = crate::parallel::join(
        || link_rows(links, 0..middle, (a, b), context, interner, &mut tell),
        || {
            link_rows(
                links,
                middle..links.len(),
                (a, b),
                context,
                &mut copy,
                &mut |_| {},
            )
        },
    );
    rows.extend(rest);
    rows
}

/// The rows of the links `range`, telling `done` of each link when its rows are made.
fn link_rows(
    links: &[TurnLink],
    range: std::ops::Range<usize>,
    (a, b): (&Version<'_>, &Version<'_>),
    context: beads::Context,
    interner: &mut Interner,
    done: &mut dyn FnMut(&TurnLink),
) -> Vec<Row> {
    let mut rows = Vec::new();
    for (index, link) in links.iter().enumerate().take(range.end).skip(range.start) {
        let refs = |side: &Version<'_>, turns: &std::ops::Range<usize>| -> Vec<SentenceRef> {
            turns
                .clone()
                .flat_map(|turn| {
                    (0..side.features[turn].1.len())
                        .map(move |sentence| SentenceRef { turn, sentence })
                })
                .collect()
        };
        let (ra, rb) = (refs(a, &link.turns.official), refs(b, &link.turns.other));
        let fa: Vec<&Features> = ra
            .iter()
            .map(|r| &a.features[r.turn].1[r.sentence])
            .collect();
        let fb: Vec<&Features> = rb
            .iter()
            .map(|r| &b.features[r.turn].1[r.sentence])
            .collect();
        let beads = if ra.is_empty() || rb.is_empty() {
            (0..ra.len())
                .map(|i| (i..i + 1, 0..0))
                .chain((0..rb.len()).map(|j| (0..0, j..j + 1)))
                .collect()
        } else {
            beads::align(&fa, &fb, context)
        };
        for (x, y) in beads {
            rows.push(row((a, b), (&ra[x], &rb[y]), index, context, interner));
        }
        done(link);
    }
    rows
}

/// A row of the given sentences, with its similarity and flags.
fn row(
    (a, b): (&Version<'_>, &Version<'_>),
    (ra, rb): (&[SentenceRef], &[SentenceRef]),
    link: usize,
    context: beads::Context,
    interner: &mut Interner,
) -> Row {
    let (fa, fb) = (a.features_of(ra), b.features_of(rb));
    let (ta, tb) = (texts(a, ra), texts(b, rb));
    Row {
        sides: Pair::new(ra.to_vec(), rb.to_vec()),
        similarity: divergence::similarity(&fa, &fb, context),
        flags: divergence::flags((&ta, &tb), (&fa, &fb), context.revision, interner),
        link,
    }
}

/// The second look at the first pass's rows, taken twice where it moves the length ratio: it
/// may pair much of a document the turns kept apart (subtitles paired by their cue times, a
/// prepared speech against its transcript cut into many turns), so length is calibrated again
/// on those pairs.
fn look_again(
    first_pass: Vec<Row>,
    (a, b): (&Version<'_>, &Version<'_>),
    context: &mut beads::Context,
    speakers_differ: &regions::SpeakersDiffer<'_>,
    interner: &mut Interner,
) -> Vec<Row> {
    let looked = second_look(&first_pass, (a, b), *context, speakers_differ, interner);
    let refined = sentence_length_ratio(looked.as_deref().unwrap_or(&first_pass), a, b);
    let looked = if (refined / context.length_ratio - 1.0).abs() > 0.05 {
        // Dropped first: three copies of every row would be much of a long pair's memory.
        drop(looked);
        context.length_ratio = refined;
        second_look(&first_pass, (a, b), *context, speakers_differ, interner)
    } else {
        looked
    };
    looked.unwrap_or(first_pass)
}

/// The rows with every stretch that [`regions`] aligns better replaced; `None` where there is
/// no stretch to look at again.
fn second_look(
    rows: &[Row],
    (a, b): (&Version<'_>, &Version<'_>),
    context: beads::Context,
    speakers_differ: &regions::SpeakersDiffer<'_>,
    interner: &mut Interner,
) -> Option<Vec<Row>> {
    // Across languages, where both versions carry cue times, the times weigh every row, not only
    // the one-sided ones: look at the whole document again.
    let timed = |side: &Version<'_>| {
        let mut sentences = side.transcript.turns.iter().flat_map(|t| t.sentences());
        sentences.all(|s| s.time.is_some())
    };
    let stretches = if !context.same_language && timed(a) && timed(b) && !rows.is_empty() {
        std::iter::once(0..rows.len()).collect()
    } else {
        regions::stretches(rows)
    };
    if stretches.is_empty() {
        return None;
    }
    let mut result = Vec::with_capacity(rows.len());
    let mut done = 0;
    for stretch in stretches {
        result.extend_from_slice(&rows[done..stretch.start]);
        let ends_the_documents = stretch.end == rows.len();
        let stretch_rows = &rows[stretch.clone()];
        let realigned = regions::realign(
            stretch_rows,
            (a, b),
            (context, speakers_differ),
            ends_the_documents,
        );
        match realigned {
            Some(beads) => {
                // Most rows of a stretch come back as they were: keep those, with their flags.
                // Rows are found by how many sentences came before them, which only grows.
                let mut old = stretch_rows.iter().peekable();
                let (mut old_before, mut new_before) = (0, 0);
                for (ra, rb) in beads {
                    while let Some(r) = old.next_if(|_| old_before < new_before) {
                        old_before += r.sides.official.len() + r.sides.other.len();
                    }
                    let same = old.next_if(|r| {
                        old_before == new_before && r.sides.official == ra && r.sides.other == rb
                    });
                    match same {
                        Some(same) => {
                            old_before += same.sides.official.len() + same.sides.other.len();
                            result.push(same.clone());
                        }
                        None => {
                            let link = stretch_rows[0].link;
                            result.push(row((a, b), (&ra, &rb), link, context, interner));
                        }
                    }
                    new_before += ra.len() + rb.len();
                }
            }
            None => result.extend_from_slice(stretch_rows),
        }
        done = stretch.end;
    }
    result.extend_from_slice(&rows[done..]);
    Some(result)
}

/// A link being built: its turns and its rows.
struct Building {
    turns: Pair<Option<Range<usize>>>,
    rows: Range<usize>,
}

/// The rows grouped into links: rows that share a turn of either version, and every row
/// between them, belong to one.
fn rows_by_shared_turns(rows: &[Row]) -> Vec<Building> {
    let span = |refs: &Vec<SentenceRef>| -> Option<Range<usize>> {
        Some(refs.first()?.turn..refs.last()?.turn + 1)
    };
    let union = |(x, y): (Option<Range<usize>>, Option<Range<usize>>)| match (x, y) {
        (Some(x), Some(y)) => Some(x.start.min(y.start)..x.end.max(y.end)),
        (x, y) => x.or(y),
    };
    let overlap = |x: &Option<Range<usize>>, y: &Option<Range<usize>>| match (x, y) {
        (Some(x), Some(y)) => x.start < y.end && y.start < x.end,
        _ => false,
    };
    let mut building: Vec<Building> = Vec::new();
    // Per version, where the links with its turns are in `building`: only the last of each
    // can share a turn with a new row.
    let mut with_turns: Pair<Vec<usize>> = Pair::default();
    for (index, row) in rows.iter().enumerate() {
        let mut link = Building {
            turns: row.sides.as_ref().map(span),
            rows: index..index + 1,
        };
        // A row that shares a turn with an earlier link takes in every link since.
        loop {
            let first = Side::BOTH
                .into_iter()
                .filter_map(|side| {
                    with_turns[side]
                        .last()
                        .filter(|&&k| overlap(&building[k].turns[side], &link.turns[side]))
                        .copied()
                })
                .min();
            let Some(first) = first else { break };
            for earlier in building.drain(first..).rev() {
                link = Building {
                    turns: earlier.turns.zip(link.turns).map(union),
                    rows: earlier.rows.start..link.rows.end,
                };
            }
            for stack in [&mut with_turns.official, &mut with_turns.other] {
                stack.truncate(stack.partition_point(|&k| k < first));
            }
        }
        for side in Side::BOTH {
            if link.turns[side].is_some() {
                with_turns[side].push(building.len());
            }
        }
        building.push(link);
    }
    building
}

/// Which turns correspond, read off the rows: rows that share a turn of either version belong
/// to one link, and so does every row between them. A link the turn alignment also found keeps
/// its score; another scores the mean similarity of its paired rows. Each row's `link` is set.
fn links_from_rows(rows: &mut [Row], turn_links: &[TurnLink]) -> Vec<TurnLink> {
    let building = rows_by_shared_turns(rows);
    let turn_scores: HashMap<(usize, usize, usize, usize), f64> = turn_links
        .iter()
        .map(|l| {
            let key = (
                l.turns.official.start,
                l.turns.official.end,
                l.turns.other.start,
                l.turns.other.end,
            );
            (key, l.score)
        })
        .collect();
    let (mut next_a, mut next_b) = (0, 0);
    let mut links = Vec::with_capacity(building.len());
    for (number, link) in building.into_iter().enumerate() {
        let official = link.turns.official.unwrap_or(next_a..next_a);
        let other = link.turns.other.unwrap_or(next_b..next_b);
        (next_a, next_b) = (official.end, other.end);
        let mut paired = Vec::new();
        for row in &mut rows[link.rows.clone()] {
            row.link = number;
            if row.is_paired() {
                paired.push(row.similarity);
            }
        }
        let key = (official.start, official.end, other.start, other.end);
        let score = match turn_scores.get(&key) {
            Some(&score) => score,
            None if paired.is_empty() => 0.0,
            None => (paired.iter().sum::<f64>() / paired.len() as f64 * 1000.0).round() / 1000.0,
        };
        links.push(TurnLink {
            turns: Pair::new(official, other),
            score,
        });
    }
    links
}
