//! Speakers as evidence, not walls: how likely two speakers are one person before and after
//! the speaker matching (the priors the turn alignment weighs), which speakers' turns the
//! turn alignment pairs, whether a row's two sides are given to different people
//! (`speaker-differs`), and which speakers share rows.

use super::speakers::{LabelScores, SpeakerMatch};
use super::turns::{self, TurnLink};
use super::{Flag, Forced, Row, SpeakerRows, Version};
use crate::model::{Pair, SentenceRef, SpeakerId, Transcript};
use std::collections::BTreeMap;

/// The speakers a row's sentences are given to on each side, each once.
fn row_speakers(versions: Pair<&Version<'_>>, refs: Pair<&[SentenceRef]>) -> Pair<Vec<SpeakerId>> {
    versions.zip(refs).map(|(version, refs)| {
        let mut speakers: Vec<SpeakerId> = refs
            .iter()
            .filter_map(|r| version.features[r.turn].0)
            .collect();
        speakers.dedup();
        speakers
    })
}

/// Whether two speakers, one of each version, are the same person.
pub(super) struct SameSpeaker<'f> {
    pub(super) counterparts: Counterparts,
    pub(super) labels: LabelScores,
    pub(super) forced: &'f [Forced],
    pub(super) same_language: bool,
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

    /// Whether the speakers of a bead's two sides are judged different people.
    pub(super) fn rows_differ(
        &self,
        versions: Pair<&Version<'_>>,
        refs: Pair<&[SentenceRef]>,
    ) -> bool {
        self.judge_row(&row_speakers(versions, refs)) == Some(false)
    }

    /// For the speakers of a row's two sides: `Some(true)` when some pair is the same person,
    /// else `Some(false)` when some pair is judged different, else `None`.
    pub(super) fn judge_row(&self, speakers: &Pair<Vec<SpeakerId>>) -> Option<bool> {
        let mut verdict = None;
        for &x in &speakers.official {
            for &y in &speakers.other {
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
pub(super) fn flag_speaker_changes(
    rows: &mut [Row],
    same: &SameSpeaker<'_>,
    versions: Pair<&Version<'_>>,
) {
    for row in rows.iter_mut() {
        let speakers = row_speakers(versions, row.sentence_refs());
        if same.judge_row(&speakers) != Some(false) {
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
            labels: Box::new(
                versions
                    .zip(speakers)
                    .map(|(version, ids)| labels(version.transcript, &ids)),
            ),
        });
    }
}

/// Which speakers correspond, read off the rows: for each pair of speakers, the paired rows
/// they share, and that count's share of the official speaker's paired rows. One label may
/// correspond to several (`Q` to three reporters, a host to host and guest).
pub(super) fn speaker_rows(rows: &[Row], versions: Pair<&Version<'_>>) -> Vec<SpeakerRows> {
    let mut shared: BTreeMap<(SpeakerId, SpeakerId), usize> = BTreeMap::new();
    let mut of_official: BTreeMap<SpeakerId, usize> = BTreeMap::new();
    for row in rows.iter().filter(|r| r.is_paired()) {
        let speakers = row_speakers(versions, row.sentence_refs());
        for &x in &speakers.official {
            *of_official.entry(x).or_default() += 1;
            for &y in &speakers.other {
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
pub(super) fn prior_from_labels(
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
pub(super) struct Counterparts {
    of_official: Vec<Option<(SpeakerId, f64)>>,
    of_other: Vec<Option<SpeakerId>>,
}

impl Counterparts {
    fn of(&self, official: SpeakerId) -> Option<SpeakerId> {
        self.of_official[official.index()].map(|(other, _)| other)
    }

    pub(super) fn new(matching: &[SpeakerMatch], counts: Pair<usize>) -> Self {
        let mut counterparts = Counterparts {
            of_official: vec![None; counts.official],
            of_other: vec![None; counts.other],
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
pub(super) fn prior_from_matching(
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
pub(super) fn co_occurrence(
    links: &[TurnLink],
    profiles: &Pair<Vec<turns::Profile>>,
) -> BTreeMap<(SpeakerId, SpeakerId), f64> {
    let mut together = BTreeMap::new();
    for link in links {
        for x in &profiles.official[link.turns.official.clone()] {
            for y in &profiles.other[link.turns.other.clone()] {
                if let (Some(sx), Some(sy)) = (x.speaker, y.speaker) {
                    *together.entry((sx, sy)).or_insert(0.0) += link.score;
                }
            }
        }
    }
    together
}
