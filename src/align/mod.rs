//! The aligner: speakers, turns and sentences of an official transcript matched with another
//! version of the same event, and how far each matched pair diverges.
//!
//! The steps: sentence [`features`] for both versions (words split in [`tokens`], strings
//! shared through one [`interner`]) → label scores for [`speakers`] → a first [`turns`]
//! alignment using them → speakers matched one to one with the turn evidence
//! ([`speaker_evidence`]) → a second turn alignment with that matching → sentence [`beads`]
//! inside each matched turn pair → a [`second_look`] across turns where text of both versions
//! was left one-sided, or over the whole document where both carry cue times across languages
//! ([`regions`], with [`anchors`] for long stretches) → turn links and speaker
//! correspondences read off the rows → [`divergence`] flags for each final row (names
//! compared in [`names`]), scored as it was made. Turns and speakers are evidence: the first
//! pass pairs inside turns, the second look lets content decide.

mod anchors;
mod beads;
pub mod divergence;
mod dp;
mod features;
mod interner;
mod names;
mod negation;
mod numbers;
mod quantities;
mod regions;
mod roles;
mod romanize;
mod second_look;
mod sketch;
mod speaker_evidence;
pub mod speaker_map;
pub mod speakers;
mod tokens;
mod turns;
mod versions;
mod word_lists;
mod wording;

pub use divergence::Flag;
pub use speaker_map::Forced;
pub use speakers::SpeakerMatch;
pub use turns::TurnLink;
pub use versions::{Kinship, MetadataChange, Warning};
pub use wording::{DiffPiece, DiffWords, most_equal_chars, word_diff, word_diff_of};

use crate::model::{Pair, Sentence, SentenceIndex, SentenceRef, Side, SpeakerId, Transcript};
use crate::parallel::Blocks;
use features::Features;
use interner::Interner;
use serde::Serialize;
use smallvec::SmallVec;
use speaker_evidence::{Counterparts, SameSpeaker};
use std::collections::HashMap;
use std::ops::Range;

/// The sentences of one side of a row, in reading order. Nearly always one, which is held in
/// place: no heap block per row side.
pub type RowSentences = SmallVec<[SentenceRef; 1]>;

/// The flags of a row. Most rows have none or one (`no-counterpart`), which is held in place.
pub type Flags = SmallVec<[Flag; 1]>;

/// One line of the alignment: sentences of the official version and their counterparts.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The sentences of each version; one side may be empty.
    pub sides: Pair<RowSentences>,
    /// 0 to 1: shared words (one language) or agreeing length and anchors (two languages).
    pub similarity: f64,
    pub flags: Flags,
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

    /// Whether the row pairs one sentence with one.
    fn is_one_to_one(&self) -> bool {
        self.sides.official.len() == 1 && self.sides.other.len() == 1
    }

    /// Rows with text that the other version lacks.
    pub fn is_unmatched(&self) -> bool {
        self.flags.contains(&Flag::NoCounterpart)
    }

    /// Whether a turn starts in this row on `side`.
    pub fn starts_turn(&self, side: Side) -> bool {
        self.sides[side].iter().any(|r| r.sentence == 0)
    }

    /// The sentences of each side, as slices.
    pub fn sentence_refs(&self) -> Pair<&[SentenceRef]> {
        self.sides.as_ref().map(|side| side.as_slice())
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
#[derive(Debug, Clone, PartialEq)]
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

fn texts_by_turn(transcript: &Transcript) -> Vec<Vec<&str>> {
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
    let within = |done| report(Step::Within(done));
    let transcripts = Pair::new(official, other);
    let same_language = official.metadata.language == other.metadata.language;
    stage("reading words, numbers and names");
    let mut interner = Interner::default();
    let (read, texts) = read_versions(transcripts, &mut interner, &within);
    let versions = read.as_ref();

    crate::memory::give_back_free_pages();
    stage("aligning turns");
    // How much the versions share as wholes is worked out beside the turns, which do not
    // need it. The turns take longer, so they are aligned on this thread and tell how far
    // they have come.
    let ((matching, links), kinship) = crate::parallel::join(
        || align_turns(versions, forced, same_language, &within),
        || kinship(texts.as_ref(), versions, same_language),
    );
    drop(texts);
    // Every change of wording is flagged where one version revises the other's text.
    let revision = kinship.is_revision();

    crate::memory::give_back_free_pages();
    stage("aligning sentences");
    let mut context = beads::Context {
        same_language,
        length_ratio: length_ratio(&links, versions),
        revision,
    };
    let rows = sentence_rows(&links, versions, &mut context, &within);

    stage("looking again across turns");
    let same_speaker = SameSpeaker {
        counterparts: Counterparts::new(&matching, transcripts.map(|t| t.speakers.len())),
        labels: speakers::label_scores(official, other),
        forced,
        same_language,
    };
    let differ =
        |x: &[SentenceRef], y: &[SentenceRef]| same_speaker.rows_differ(versions, Pair::new(x, y));
    let looking = Looking {
        speakers_differ: &differ,
        done: &within,
    };
    let mut rows = second_look::look_again(rows, versions, &mut context, looking);
    let links = links_from_rows(&mut rows, &links);
    stage("flagging differences");
    let flagging = Flagging {
        revision,
        omitted_names: same_language && !revision,
        low_similarity: low_similarity(&rows),
    };
    flag_rows(&mut rows, versions, flagging, interner, &within);
    speaker_evidence::flag_speaker_changes(&mut rows, &same_speaker, versions);
    Alignment {
        same_language,
        length_ratio: (context.length_ratio * 1000.0).round() / 1000.0,
        speaker_rows: speaker_evidence::speaker_rows(&rows, versions),
        speakers: matching,
        turns: links,
        rows,
        warnings: kinship.warning().into_iter().collect(),
        kinship,
        metadata_changes: versions::metadata_changes(transcripts.map(|t| &t.metadata), revision),
    }
}

/// Each version's sentence features, read with one interner so that both share its ids, and
/// the texts of each version's sentences, turn by turn.
fn read_versions<'a>(
    transcripts: Pair<&'a Transcript>,
    interner: &mut Interner,
    done: &dyn Fn(f64),
) -> (Pair<Version<'a>>, Pair<Vec<Vec<&'a str>>>) {
    let mut all = texts_by_turn(transcripts.official);
    let official_turns = all.len();
    all.extend(texts_by_turn(transcripts.other));
    let mut features = features::of_turns(&all, interner, done);
    let other_features = features.split_off(official_turns);
    let versions = Pair::new(
        Version::new(transcripts.official, features),
        Version::new(transcripts.other, other_features),
    );
    let other_texts = all.split_off(official_turns);
    (versions, Pair::new(all, other_texts))
}

/// One-to-one rows the first pass needs before, in one language, its sentences' length ratio
/// replaces the turns'.
const PAIRS_TO_CALIBRATE: usize = 20;

/// The first pass: sentence rows inside each turn link. The length ratio is calibrated again
/// on the sentences just paired; across languages, where length decides, the rows are made
/// once more if it moved.
fn sentence_rows(
    links: &[TurnLink],
    versions: Pair<&Version<'_>>,
    context: &mut beads::Context,
    done: &dyn Fn(f64),
) -> Vec<Row> {
    let mut rows = rows(links, versions, *context, done);
    let refined = sentence_length_ratio(&rows, versions);
    if (refined / context.length_ratio - 1.0).abs() <= 0.05 {
        return rows;
    }
    if context.same_language {
        // In one language shared stems choose the beads and length only breaks ties: the rows
        // stand, scored with the ratio they show, and the second look starts from it (from
        // the turns' ratio it looked twice: the 100× bundled pair's turns give 0.75, half of
        // them cut short by the other version, and its sentences 0.93). A few pairs are no
        // evidence: a speech against a copy that lost its layout paired one sentence, by chance.
        let pairs = rows.iter().filter(|row| row.is_one_to_one()).count();
        if pairs >= PAIRS_TO_CALIBRATE {
            context.length_ratio = refined;
            score_again(&mut rows, versions, *context);
        }
        return rows;
    }
    context.length_ratio = refined;
    drop(rows);
    self::rows(links, versions, *context, &|_| {})
}

/// The rows scored again with a length ratio calibrated since they were made, which can be far
/// off (a prepared speech in one turn against its transcript in many): identical sentences
/// then read as 0.8 similar.
fn score_again(rows: &mut [Row], versions: Pair<&Version<'_>>, context: beads::Context) {
    for row in rows {
        let features = versions
            .zip(row.sentence_refs())
            .map(|(version, refs)| version.features_of(refs));
        row.similarity = divergence::similarity(&features.official, &features.other, context);
    }
}

/// How much the two versions share as wholes: word triples in one language, anchors (numbers,
/// names) across languages.
fn kinship(
    texts: Pair<&Vec<Vec<&str>>>,
    versions: Pair<&Version<'_>>,
    same_language: bool,
) -> Kinship {
    if same_language {
        let sentences: Pair<Vec<&str>> =
            texts.map(|turns| turns.iter().flatten().copied().collect());
        Kinship::of_wording(sentences.as_ref().map(Vec::as_slice))
    } else {
        let features = versions.map(|v| v.features.iter().flat_map(|(_, f)| f.iter()));
        Kinship::of_anchors(features)
    }
}

/// Matches the speakers and aligns the turns: once with the speakers' labels, then again with
/// the speaker matching that the first alignment suggests. The turn profiles, a good part of
/// the memory on long documents, are dropped once the turns are placed. `done` hears of each
/// step at the share of the time it ended at for the bundled pair ×1000 (3 December 2026),
/// and of the table of turn contents, which took the most, as it is filled.
fn align_turns(
    versions: Pair<&Version<'_>>,
    forced: &[Forced],
    same_language: bool,
    done: &dyn Fn(f64),
) -> (Vec<SpeakerMatch>, Vec<TurnLink>) {
    let profiles = versions.map(|v| turns::profiles(&v.features));
    done(0.15);
    let labels = speakers::label_scores(versions.official.transcript, versions.other.transcript);
    let counts = versions.map(|v| v.transcript.speakers.len());
    let by_label = |x: Option<SpeakerId>, y: Option<SpeakerId>| {
        speaker_evidence::prior_from_labels(&labels, forced, x, y)
    };
    let filling = |filled| done(0.15 + 0.65 * filled);
    let turn_aligner =
        turns::TurnAligner::new(&profiles.official, &profiles.other, same_language, &filling);
    let first = turn_aligner.align(&by_label);
    done(0.9);
    let together = speaker_evidence::co_occurrence(&first, &profiles);
    let matching = speakers::match_speakers(&labels, &together, forced, counts);
    let counterparts = Counterparts::new(&matching, counts);
    let by_matching = |x: Option<SpeakerId>, y: Option<SpeakerId>| {
        speaker_evidence::prior_from_matching(&counterparts, &labels, x, y)
    };
    let links = turn_aligner.align(&by_matching);
    done(1.0);
    (matching, links)
}

/// How the last pass flags each row: its own differences (see [`divergence::flags`]), read
/// word by word where one version revises the other, then low similarity and omitted names.
#[derive(Clone, Copy)]
struct Flagging {
    /// One version revises the other's text (see [`Kinship::is_revision`]).
    revision: bool,
    /// Whether to flag, as `names-differ`, a name one side of a paired row gives and the other
    /// version never gives anywhere (see [`names::omitted_names`]). Only between two
    /// renderings in one language: in a revision the word diff already shows what went, and
    /// across languages a name is as often translated (`Hawk`, `매`) as spelled.
    omitted_names: bool,
    low_similarity: divergence::LowSimilarity,
}

/// How low a paired row's similarity must be to stand out in this pair.
fn low_similarity(rows: &[Row]) -> divergence::LowSimilarity {
    let paired = rows.iter().filter(|row| row.is_paired());
    divergence::LowSimilarity::of_pair(paired.map(|row| row.similarity))
}

/// Every row's flags, worked out once the rows are final: a row the second look replaces is
/// never flagged. Two threads, each with its own copy of the interner: ids the flags add stay
/// private to a thread, and no flag depends on them. The first half tells `done` how far it
/// has come, which stands for both.
fn flag_rows(
    rows: &mut [Row],
    versions: Pair<&Version<'_>>,
    flagging: Flagging,
    mut interner: Interner,
    done: &dyn Fn(f64),
) {
    let whole = flagging.omitted_names.then(|| {
        versions.map(|version| names::VersionSpellings::new(version.transcript.sentence_texts()))
    });
    let middle = rows.len() / 2;
    let (first, second) = rows.split_at_mut(middle);
    let (mut copy, whole_copy) = (interner.clone(), whole.clone());
    let mut tell = crate::parallel::share_teller(first, |_| 1, done);
    crate::parallel::join(
        || {
            for row in first.iter_mut() {
                flag_row(row, versions, flagging, whole.as_ref(), &mut interner);
                tell(row);
            }
        },
        move || {
            for row in second {
                flag_row(row, versions, flagging, whole_copy.as_ref(), &mut copy);
            }
        },
    );
}

fn flag_row(
    row: &mut Row,
    versions: Pair<&Version<'_>>,
    flagging: Flagging,
    whole: Option<&Pair<names::VersionSpellings<'_>>>,
    interner: &mut Interner,
) {
    let refs = row.sentence_refs();
    let texts = versions
        .zip(refs)
        .map(|(version, refs)| texts(version, refs));
    let features = versions
        .zip(refs)
        .map(|(version, refs)| version.features_of(refs));
    let mut flags = divergence::flags(
        texts.as_ref().map(Vec::as_slice),
        features.as_ref().map(Vec::as_slice),
        flagging.revision,
        interner,
    );
    if row.is_paired() {
        let words =
            |features: &[&Features]| -> usize { features.iter().map(|f| f.stems().len()).sum() };
        let fewest = words(&features.official).min(words(&features.other));
        if flagging.low_similarity.flags(row.similarity, fewest) {
            flags.push(Flag::LowSimilarity);
        }
        let named = flags.iter().any(|f| matches!(f, Flag::NamesDiffer { .. }));
        if let Some(whole) = whole.filter(|_| !named) {
            let omitted = Pair::new(
                names::omitted_names(&texts.official, &texts.other, &whole.other, interner),
                names::omitted_names(&texts.other, &texts.official, &whole.official, interner),
            );
            if !omitted.official.is_empty() || !omitted.other.is_empty() {
                flags.push(Flag::NamesDiffer {
                    evidence: Box::new(omitted),
                });
            }
        }
    }
    // Every row keeps its flags to the end: the room a list grows by would stand idle.
    flags.shrink_to_fit();
    row.flags = flags;
}

/// The median ratio of lengths over matched turn pairs of comparable sentence counts (a turn
/// that one version cut short would skew it); over all matched pairs if there are none; 1 when
/// no turns are matched.
fn length_ratio(links: &[TurnLink], versions: Pair<&Version<'_>>) -> f64 {
    let Pair { official, other } = versions;
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
            let r =
                sentences(other, &l.turns.other) / sentences(official, &l.turns.official).max(1.0);
            (0.6..=1.67).contains(&r)
        })
        .collect();
    let chosen = if comparable.is_empty() {
        &matched
    } else {
        &comparable
    };
    median(chosen.iter().map(|l| {
        other.chars(l.turns.other.clone()) / official.chars(l.turns.official.clone()).max(1.0)
    }))
}

/// The length ratio over one-to-one sentence rows, weighted by length.
fn sentence_length_ratio(rows: &[Row], versions: Pair<&Version<'_>>) -> f64 {
    length_ratio_of(rows.iter().map(Row::sentence_refs), versions)
}

/// [`sentence_length_ratio`] over the sides of rows.
fn length_ratio_of<'r>(
    sides: impl Iterator<Item = Pair<&'r [SentenceRef]>>,
    versions: Pair<&Version<'_>>,
) -> f64 {
    let chars =
        |side: &Version<'_>, r: &SentenceRef| side.features[r.turn].1[r.sentence].chars as f64;
    let mut total = Pair::new(0.0, 0.0);
    for refs in sides.filter(|refs| refs.official.len() == 1 && refs.other.len() == 1) {
        for side in Side::BOTH {
            total[side] += chars(versions[side], &refs[side][0]);
        }
    }
    if total.official > 0.0 && total.other > 0.0 {
        total.other / total.official
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

/// Sentence rows for every turn link, in reading order, not yet flagged. The links are shared
/// between two threads. The first half tells `done` how far it has come, which stands for
/// both: the halves weigh the same.
fn rows(
    links: &[TurnLink],
    versions: Pair<&Version<'_>>,
    context: beads::Context,
    done: &dyn Fn(f64),
) -> Vec<Row> {
    let sentences = |link: &TurnLink| {
        versions.official.sentence_count(&link.turns.official)
            + versions.other.sentence_count(&link.turns.other)
    };
    let middle = crate::parallel::middle(links, sentences);
    let mut tell = crate::parallel::share_teller(&links[..middle], sentences, done);
    let (first, rest) = crate::parallel::join(
        || link_rows(links, 0..middle, versions, context, &mut tell),
        || link_rows(links, middle..links.len(), versions, context, &mut |_| {}),
    );
    // Exactly as many as there are: the rows live through the second look.
    first.joined(rest)
}

/// The rows of the links `range`, telling `done` of each link when its rows are made.
fn link_rows(
    links: &[TurnLink],
    range: std::ops::Range<usize>,
    versions: Pair<&Version<'_>>,
    context: beads::Context,
    done: &mut dyn FnMut(&TurnLink),
) -> Blocks<Row> {
    let mut rows = Blocks::new();
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
        let refs = versions
            .zip(link.turns.as_ref())
            .map(|(version, turns)| refs(version, turns));
        let features = versions
            .zip(refs.as_ref())
            .map(|(version, refs)| version.features_of(refs));
        let beads = if refs.official.is_empty() || refs.other.is_empty() {
            (0..refs.official.len())
                .map(|i| (i..i + 1, 0..0))
                .chain((0..refs.other.len()).map(|j| (0..0, j..j + 1)))
                .collect()
        } else {
            beads::align(&features.official, &features.other, context)
        };
        for (x, y) in beads {
            let bead = Pair::new(&refs.official[x], &refs.other[y]);
            rows.push(row(versions, bead, index, context));
        }
        done(link);
    }
    rows
}

/// A row of the given sentences, with its similarity; flagged once the rows are final (see
/// [`flag_rows`]).
fn row(
    versions: Pair<&Version<'_>>,
    refs: Pair<&[SentenceRef]>,
    link: usize,
    context: beads::Context,
) -> Row {
    let features = versions
        .zip(refs)
        .map(|(version, refs)| version.features_of(refs));
    Row {
        sides: refs.map(RowSentences::from_slice),
        similarity: divergence::similarity(&features.official, &features.other, context),
        flags: Flags::new(),
        link,
    }
}

/// What the second look needs besides the rows: whether two rows' speakers differ, and whom to
/// tell how far it has come (0 to 1).
#[derive(Clone, Copy)]
struct Looking<'a> {
    speakers_differ: &'a regions::SpeakersDiffer<'a>,
    done: &'a dyn Fn(f64),
}

/// A link being built: its turns and its rows.
struct Building {
    turns: Pair<Option<Range<usize>>>,
    rows: Range<usize>,
}

/// The rows grouped into links: rows that share a turn of either version, and every row
/// between them, belong to one.
fn rows_by_shared_turns(rows: &[Row]) -> Vec<Building> {
    let span = |refs: &RowSentences| -> Option<Range<usize>> {
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
    let mut next = Pair::new(0, 0);
    let mut links = Vec::with_capacity(building.len());
    for (number, link) in building.into_iter().enumerate() {
        let turns = link
            .turns
            .zip(next)
            .map(|(turns, next)| turns.unwrap_or(next..next));
        next = turns.as_ref().map(|turns| turns.end);
        let mut paired = Vec::new();
        for row in &mut rows[link.rows.clone()] {
            row.link = number;
            if row.is_paired() {
                paired.push(row.similarity);
            }
        }
        let key = (
            turns.official.start,
            turns.official.end,
            turns.other.start,
            turns.other.end,
        );
        let score = match turn_scores.get(&key) {
            Some(&score) => score,
            None if paired.is_empty() => 0.0,
            None => (paired.iter().sum::<f64>() / paired.len() as f64 * 1000.0).round() / 1000.0,
        };
        links.push(TurnLink { turns, score });
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row holds its one sentence per side and its one flag in the room a vector's pointer,
    /// length and capacity would take: holding them in place costs no row any size.
    #[test]
    fn in_place_lists_are_no_larger_than_vectors() {
        assert_eq!(size_of::<RowSentences>(), size_of::<Vec<SentenceRef>>());
        assert_eq!(size_of::<Flags>(), size_of::<Vec<Flag>>());
        let one: Flags = smallvec::smallvec![Flag::NoCounterpart];
        assert!(!one.spilled());
    }
}
