//! Matching the speakers of two versions one to one, with a confidence and the evidence.
//!
//! Evidence comes from the labels (names compared by romanization skeleton, roles compared
//! through a small multilingual table of role words) and from the turns: speakers whose
//! turns the turn alignment paired up are likely the same person. A speaker map
//! ([`super::speaker_map`]) can overrule both.

use super::roles::{FILLER, role_words};
use super::romanize::{romanize_hangul, skeleton};
use super::speaker_map::Forced;
use crate::model::{Pair, Speaker, SpeakerId, Transcript};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// One entry of the matching: a pair, or a speaker of either version with no counterpart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerMatch {
    pub speakers: Pair<Option<SpeakerId>>,
    /// 0 to 1; 1 for a pair given in a speaker map.
    pub confidence: f64,
    pub evidence: Vec<String>,
}

/// Tokens of a label that might be names: not role words, not filler.
fn name_tokens(speaker: &Speaker) -> Vec<String> {
    let source = speaker
        .name
        .clone()
        .unwrap_or_else(|| speaker.label.clone());
    source
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|t| !t.is_empty() && !FILLER.contains(&t.to_lowercase().as_str()))
        .filter(|t| role_words(t).is_empty())
        .map(|t| t.to_string())
        .collect()
}

fn name_key(token: &str) -> String {
    let romanized = romanize_hangul(token);
    skeleton(&romanized)
}

/// What a label says, worked out once per speaker: every pair of speakers is compared, so
/// with a thousand speakers a side the per-label work (case, romanization, the role table)
/// done per pair took seconds.
struct LabelWords {
    /// Name tokens: as written, lower-cased, and their romanized skeleton.
    names: Vec<(String, String, String)>,
    roles: Vec<&'static str>,
}

impl LabelWords {
    /// The words two labels must share to score above 0 without a name prefix: names as
    /// written and as skeletons, and role words.
    fn keys(&self) -> impl Iterator<Item = &str> {
        let names = self.names.iter().flat_map(|(lower, key, _)| {
            [lower.as_str(), key.as_str()]
                .into_iter()
                .filter(|key| !key.is_empty())
        });
        names.chain(self.roles.iter().copied())
    }

    fn of(speaker: &Speaker) -> Self {
        let names = name_tokens(speaker)
            .into_iter()
            .map(|token| (token.to_lowercase(), name_key(&token), token))
            .collect();
        let role = speaker.role.clone().unwrap_or_default();
        LabelWords {
            names,
            roles: role_words(&format!("{} {role}", speaker.label)),
        }
    }
}

/// How well two labels name the same speaker, and why.
pub fn label_score(a: &Speaker, b: &Speaker) -> (f64, Vec<String>) {
    let speakers = Pair::new(a, b);
    score_words(speakers, speakers.map(LabelWords::of).as_ref())
}

fn score_words(speakers: Pair<&Speaker>, words: Pair<&LabelWords>) -> (f64, Vec<String>) {
    let mut evidence = Vec::new();
    let mut name_score: f64 = 0.0;
    'outer: for (lower_x, kx, x) in &words.official.names {
        for (lower_y, ky, y) in &words.other.names {
            let exact = lower_x == lower_y;
            let similar = kx.len() >= 2 && kx == ky;
            if exact || similar {
                name_score = 1.0;
                evidence.push(format!("name: {x} ≈ {y}"));
                break 'outer;
            }
            // A Korean name in one token (`조태열`) starts with the surname the other gives.
            let prefix =
                !kx.is_empty() && !ky.is_empty() && (kx.starts_with(ky) || ky.starts_with(kx));
            if prefix && name_score < 0.5 {
                name_score = 0.5;
                evidence.push(format!("name: {x} ~ {y}"));
            }
        }
    }
    let roles = words.map(|words| &words.roles);
    let shared = roles
        .official
        .iter()
        .filter(|r| roles.other.contains(r))
        .count();
    let union = roles.official.len() + roles.other.len() - shared;
    let role_score = if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    };
    if shared > 0 {
        let shared_words: Vec<&str> = roles
            .official
            .iter()
            .copied()
            .filter(|r| roles.other.contains(r))
            .collect();
        evidence.push(format!(
            "role: {} (shared: {})",
            describe_roles(speakers.official, speakers.other),
            shared_words.join(", ")
        ));
    }
    let score = 1.0 - (1.0 - name_score) * (1.0 - 0.8 * role_score);
    (score, evidence)
}

fn describe_roles(a: &Speaker, b: &Speaker) -> String {
    let role = |s: &Speaker| s.role.clone().unwrap_or_else(|| s.label.clone());
    format!("{} ≈ {}", role(a), role(b))
}

/// The label scores of speaker pairs, and why. With few speakers every pair is scored; with
/// many, only pairs that share a name or role word few speakers have, so that neither time nor
/// memory grows with the product of the counts (ten thousand speakers a side would be a
/// hundred million pairs).
#[derive(Debug, Default)]
pub struct LabelScores {
    /// Per official speaker, the other speakers it scores above 0 with, by id.
    rows: Vec<Vec<(u32, f64)>>,
    evidence: HashMap<(u32, u32), Vec<String>>,
}

/// Up to this many pairs, every pair is scored.
const ALL_PAIRS: usize = 250_000;
/// A word that more speakers than this share does not tell them apart.
const DISTINCTIVE: usize = 32;

impl LabelScores {
    pub fn score(&self, official: SpeakerId, other: SpeakerId) -> f64 {
        let row = &self.rows[official.index()];
        row.binary_search_by_key(&other.0, |&(b, _)| b)
            .map_or(0.0, |at| row[at].1)
    }

    pub fn evidence(&self, official: SpeakerId, other: SpeakerId) -> &[String] {
        self.evidence
            .get(&(official.0, other.0))
            .map_or(&[], Vec::as_slice)
    }

    /// The scored pairs, as (official, other, score).
    fn pairs(&self) -> impl Iterator<Item = (usize, usize, f64)> + '_ {
        self.rows
            .iter()
            .enumerate()
            .flat_map(|(a, row)| row.iter().map(move |&(b, score)| (a, b as usize, score)))
    }
}

/// Scores the pairs of speakers worth scoring (see [`LabelScores`]).
pub fn label_scores(official: &Transcript, other: &Transcript) -> LabelScores {
    let speakers = Pair::new(&official.speakers, &other.speakers);
    let words: Pair<Vec<LabelWords>> =
        speakers.map(|speakers| speakers.iter().map(LabelWords::of).collect());
    let mut scores = LabelScores {
        rows: vec![Vec::new(); words.official.len()],
        evidence: HashMap::new(),
    };
    for (a, b) in candidate_pairs(&words) {
        let (score, evidence) = score_words(
            Pair::new(&speakers.official[a], &speakers.other[b]),
            Pair::new(&words.official[a], &words.other[b]),
        );
        if score > 0.0 {
            scores.rows[a].push((b as u32, score));
            scores.evidence.insert((a as u32, b as u32), evidence);
        }
    }
    scores
}

/// The pairs to score, each official speaker's in the order of the other's ids.
fn candidate_pairs(words: &Pair<Vec<LabelWords>>) -> Vec<(usize, usize)> {
    let (n, m) = (words.official.len(), words.other.len());
    if n.saturating_mul(m) <= ALL_PAIRS {
        return (0..n).flat_map(|a| (0..m).map(move |b| (a, b))).collect();
    }
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (b, other_words) in words.other.iter().enumerate() {
        for key in other_words.keys() {
            let speakers = index.entry(key).or_default();
            if speakers.last() != Some(&b) {
                speakers.push(b);
            }
        }
    }
    let mut pairs = Vec::new();
    for (a, official_words) in words.official.iter().enumerate() {
        let mut found: Vec<usize> = official_words
            .keys()
            .filter_map(|key| index.get(key))
            .filter(|speakers| speakers.len() <= DISTINCTIVE)
            .flatten()
            .copied()
            .collect();
        found.sort_unstable();
        found.dedup();
        pairs.extend(found.into_iter().map(|b| (a, b)));
    }
    pairs
}

/// A pair of speakers must score this much, by labels and shared turns, to be matched.
const THRESHOLD: f64 = 0.35;

/// The speaker pairs worth matching, best first: score from labels and from the share of their
/// turns the turn alignment paired with each other, and that share.
fn candidates(
    labels: &LabelScores,
    turns: &BTreeMap<(SpeakerId, SpeakerId), f64>,
    counts: Pair<usize>,
) -> Vec<(f64, usize, usize, f64)> {
    let (n, m) = (counts.official, counts.other);
    let (mut row_total, mut column_total) = (vec![0.0; n], vec![0.0; m]);
    for (&(a, b), weight) in turns {
        row_total[a.index()] += weight;
        column_total[b.index()] += weight;
    }
    let mut pairs: Vec<(usize, usize)> = labels
        .pairs()
        .map(|(a, b, _)| (a, b))
        .chain(turns.keys().map(|(a, b)| (a.index(), b.index())))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    let mut candidates = Vec::new();
    for (a, b) in pairs {
        let (x, y) = (SpeakerId(a as u32), SpeakerId(b as u32));
        let label = labels.score(x, y);
        let together = turns.get(&(x, y)).copied().unwrap_or(0.0);
        let share = if together > 0.0 {
            together / row_total[a].max(column_total[b])
        } else {
            0.0
        };
        let score = 1.0 - (1.0 - label) * (1.0 - 0.7 * share);
        if score >= THRESHOLD {
            candidates.push((score, a, b, share));
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    candidates
}

/// Pairs speakers one to one: forced pairs first, then greedily by combined score. `turns`
/// holds the weight of turns the turn alignment paired, per speaker pair.
pub fn match_speakers(
    labels: &LabelScores,
    turns: &BTreeMap<(SpeakerId, SpeakerId), f64>,
    forced: &[Forced],
    counts: Pair<usize>,
) -> Vec<SpeakerMatch> {
    let (n, m) = (counts.official, counts.other);
    let mut taken = Pair::new(vec![false; n], vec![false; m]);
    let mut matches = Vec::new();
    for pair in forced {
        if let Some(a) = pair.speakers.official {
            taken.official[a.index()] = true;
        }
        if let Some(b) = pair.speakers.other {
            taken.other[b.index()] = true;
        }
        matches.push(SpeakerMatch {
            speakers: pair.speakers,
            confidence: 1.0,
            evidence: vec![format!("speaker map, line {}", pair.line)],
        });
    }
    for (score, a, b, share) in candidates(labels, turns, counts) {
        if taken.official[a] || taken.other[b] {
            continue;
        }
        taken.official[a] = true;
        taken.other[b] = true;
        let (x, y) = (SpeakerId(a as u32), SpeakerId(b as u32));
        let mut evidence = labels.evidence(x, y).to_vec();
        if share > 0.0 {
            evidence.push(format!(
                "turns: {:.0}% of their aligned turns are with each other",
                share * 100.0
            ));
        }
        matches.push(SpeakerMatch {
            speakers: Pair::new(Some(x), Some(y)),
            confidence: (score * 100.0).round() / 100.0,
            evidence,
        });
    }
    let unmatched = |id: Option<SpeakerId>, other: Option<SpeakerId>| SpeakerMatch {
        speakers: Pair::new(id, other),
        confidence: 0.0,
        evidence: vec!["no counterpart found".into()],
    };
    matches.extend(
        (0..n)
            .filter(|&a| !taken.official[a])
            .map(|a| unmatched(Some(SpeakerId(a as u32)), None)),
    );
    matches.extend(
        (0..m)
            .filter(|&b| !taken.other[b])
            .map(|b| unmatched(None, Some(SpeakerId(b as u32)))),
    );
    matches.sort_by_key(|m| {
        (
            m.speakers.official.map_or(u32::MAX, |s| s.0),
            m.speakers.other.map_or(u32::MAX, |s| s.0),
        )
    });
    matches
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speaker(label: &str) -> Speaker {
        let (name, role) = crate::load::parse_label(label);
        Speaker {
            id: SpeakerId(0),
            key: String::new(),
            label: label.into(),
            name,
            role,
        }
    }

    #[test]
    fn labels_of_one_speaker_score_high() {
        let pairs = [
            ("SECSTATE BLINKEN", "Tony Blinken / Secretary of State"),
            (
                "FOREIGN MINISTER CHO",
                "Cho Tae-yeol / Minister of Foreign Affairs",
            ),
            ("MODERATOR", "Hoster"),
            ("FOREIGN MINISTER CHO", "조태열 외교부 장관"),
            ("MODERATOR", "사회자"),
            ("SECSTATE BLINKEN", "블링컨 국무장관"),
        ];
        for (a, b) in pairs {
            let (score, evidence) = label_score(&speaker(a), &speaker(b));
            assert!(score >= 0.5, "{a} / {b}: {score} {evidence:?}");
        }
        let (score, _) = label_score(&speaker("MODERATOR"), &speaker("Anchor"));
        assert!(score < 0.2, "{score}");
        let (score, _) = label_score(
            &speaker("QUESTION"),
            &speaker("Cho Tae-yeol / Minister of Foreign Affairs"),
        );
        assert!(score < 0.2, "{score}");
    }
}
