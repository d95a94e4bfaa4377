//! Matching the speakers of two versions one to one, with a confidence and the evidence.
//!
//! Evidence comes from the labels (names compared by romanization skeleton, roles compared
//! through a small multilingual table of role words) and from the turns: speakers whose
//! turns the turn alignment paired up are likely the same person. A speaker map file can
//! overrule both.

use super::romanize::{romanize_hangul, skeleton};
use crate::model::{Speaker, SpeakerId, Transcript};
use serde::Serialize;
use std::path::Path;

/// One entry of the matching: a pair, or a speaker of either version with no counterpart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerMatch {
    pub official: Option<SpeakerId>,
    pub other: Option<SpeakerId>,
    /// 0 to 1; 1 for a pair given in a speaker map.
    pub confidence: f64,
    pub evidence: Vec<String>,
}

/// Canonical role words, each with the words that mean it (any case, several languages).
const ROLE_WORDS: &[(&str, &[&str])] = &[
    (
        "host",
        &[
            "moderator",
            "host",
            "hoster",
            "mc",
            "presenter",
            "emcee",
            "사회자",
            "사회",
            "司会",
            "司会者",
            "主持人",
        ],
    ),
    (
        "question",
        &[
            "question",
            "questioner",
            "q",
            "reporter",
            "journalist",
            "correspondent",
            "기자",
            "질문",
            "記者",
            "记者",
        ],
    ),
    ("anchor", &["anchor", "앵커", "newscaster"]),
    (
        "interpreter",
        &[
            "interpreter",
            "translator",
            "통역",
            "통역사",
            "通訳",
            "翻译",
        ],
    ),
    (
        "president",
        &["president", "대통령", "大統領", "总统", "總統"],
    ),
    (
        "prime",
        &["prime", "총리", "首相", "総理", "総理大臣", "总理"],
    ),
    (
        "minister",
        &["minister", "장관", "大臣", "部长", "外相", "外長"],
    ),
    (
        "foreign",
        &[
            "foreign",
            "외교부",
            "외교",
            "外務",
            "外务",
            "外交",
            "外相",
            "外長",
            "affairs",
        ],
    ),
    (
        "secretary",
        &[
            "secretary",
            "secstate",
            "국무장관",
            "장관",
            "国務長官",
            "長官",
        ],
    ),
    (
        "state",
        &["state", "secstate", "국무장관", "국무", "国務", "国務長官"],
    ),
    (
        "spokesperson",
        &[
            "spokesperson",
            "spokesman",
            "spokeswoman",
            "대변인",
            "报道官",
            "发言人",
            "報道官",
        ],
    ),
    ("aide", &["aide", "staff", "보좌관"]),
    ("vice", &["vice", "부통령"]),
];

/// Words of a label that carry no identity.
const FILLER: &[&str] = &[
    "of", "the", "and", "mr.", "ms.", "mrs.", "dr.", "mr", "ms", "mrs", "dr", "/", "-",
];

fn role_words(text: &str) -> Vec<&'static str> {
    let mut words: Vec<&'static str> = Vec::new();
    for token in text
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|t| !t.is_empty())
    {
        let lower = token.to_lowercase();
        let lower = lower.trim_matches(|c: char| !c.is_alphanumeric());
        for (canonical, synonyms) in ROLE_WORDS {
            if synonyms.iter().any(|s| {
                *s == lower || (s.chars().count() >= 2 && !s.is_ascii() && lower.starts_with(s))
            }) {
                words.push(canonical);
            }
        }
    }
    words.sort_unstable();
    words.dedup();
    words
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
    score_words(a, &LabelWords::of(a), b, &LabelWords::of(b))
}

fn score_words(
    a: &Speaker,
    words_a: &LabelWords,
    b: &Speaker,
    words_b: &LabelWords,
) -> (f64, Vec<String>) {
    let mut evidence = Vec::new();
    let mut name_score: f64 = 0.0;
    'outer: for (lower_x, kx, x) in &words_a.names {
        for (lower_y, ky, y) in &words_b.names {
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
    let (roles_a, roles_b) = (&words_a.roles, &words_b.roles);
    let shared = roles_a.iter().filter(|r| roles_b.contains(r)).count();
    let union = roles_a.len() + roles_b.len() - shared;
    let role_score = if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    };
    if shared > 0 {
        let shared_words: Vec<&str> = roles_a
            .iter()
            .copied()
            .filter(|r| roles_b.contains(r))
            .collect();
        evidence.push(format!(
            "role: {} (shared: {})",
            describe_roles(a, b),
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

/// Label scores for every pair, indexed `[official][other]`.
pub fn label_scores(official: &Transcript, other: &Transcript) -> Vec<Vec<(f64, Vec<String>)>> {
    let words_b: Vec<LabelWords> = other.speakers.iter().map(LabelWords::of).collect();
    official
        .speakers
        .iter()
        .map(|a| {
            let words_a = LabelWords::of(a);
            other
                .speakers
                .iter()
                .zip(&words_b)
                .map(|(b, words_b)| score_words(a, &words_a, b, words_b))
                .collect()
        })
        .collect()
}

/// A pair fixed by the user, or a speaker the user says has no counterpart.
#[derive(Debug, Clone, PartialEq)]
pub struct Forced {
    pub official: Option<SpeakerId>,
    pub other: Option<SpeakerId>,
    pub line: usize,
}

/// Reads a speaker map: lines `OFFICIAL = OTHER`, where each side is a label, key or name as
/// `inspect` shows it, and `-` means no counterpart. `#` starts a comment.
pub fn read_speaker_map(
    path: &Path,
    official: &Transcript,
    other: &Transcript,
) -> Result<Vec<Forced>, String> {
    let file = path.display();
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{file}: cannot read the speaker map: {e}"))?;
    parse_speaker_map(&text, official, other).map_err(|e| format!("{file}: {e}"))
}

pub fn parse_speaker_map(
    text: &str,
    official: &Transcript,
    other: &Transcript,
) -> Result<Vec<Forced>, String> {
    let mut forced = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let Some((left, right)) = line.split_once('=') else {
            return Err(format!(
                "line {number}: expected 'OFFICIAL = OTHER', found '{line}'"
            ));
        };
        let find = |transcript: &Transcript,
                    side: &str,
                    which: &str|
         -> Result<Option<SpeakerId>, String> {
            let side = side.trim();
            if side == "-" {
                return Ok(None);
            }
            find_speaker(transcript, side).map(Some).ok_or_else(|| {
                format!(
                    "line {number}: no {which} speaker '{side}' (known: {})",
                    known(transcript)
                )
            })
        };
        let (a, b) = (
            find(official, left, "official")?,
            find(other, right, "other")?,
        );
        if a.is_none() && b.is_none() {
            return Err(format!("line {number}: both sides are '-'"));
        }
        forced.push(Forced {
            official: a,
            other: b,
            line: number,
        });
    }
    Ok(forced)
}

fn find_speaker(transcript: &Transcript, wanted: &str) -> Option<SpeakerId> {
    let wanted = wanted.to_lowercase();
    transcript
        .speakers
        .iter()
        .find(|s| {
            s.label.to_lowercase() == wanted
                || s.key == wanted
                || s.name.as_ref().is_some_and(|n| n.to_lowercase() == wanted)
        })
        .map(|s| s.id)
}

fn known(transcript: &Transcript) -> String {
    transcript
        .speakers
        .iter()
        .map(|s| format!("'{}'", s.label))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Pairs speakers one to one: forced pairs first, then greedily by combined score. `turns`
/// holds, per pair, the weight of turns the turn alignment paired (indexed like `labels`).
pub fn match_speakers(
    labels: &[Vec<(f64, Vec<String>)>],
    turns: &[Vec<f64>],
    forced: &[Forced],
    counts: (usize, usize),
) -> Vec<SpeakerMatch> {
    const THRESHOLD: f64 = 0.35;
    let (n, m) = counts;
    let mut taken_a = vec![false; n];
    let mut taken_b = vec![false; m];
    let mut matches = Vec::new();
    for pair in forced {
        if let Some(a) = pair.official {
            taken_a[a.index()] = true;
        }
        if let Some(b) = pair.other {
            taken_b[b.index()] = true;
        }
        matches.push(SpeakerMatch {
            official: pair.official,
            other: pair.other,
            confidence: 1.0,
            evidence: vec![format!("speaker map, line {}", pair.line)],
        });
    }
    let row_total: Vec<f64> = turns.iter().map(|row| row.iter().sum()).collect();
    let column_total: Vec<f64> = (0..m)
        .map(|b| turns.iter().map(|row| row[b]).sum())
        .collect();
    let mut candidates = Vec::new();
    for a in 0..n {
        for b in 0..m {
            let label = labels[a][b].0;
            let together = turns[a][b];
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
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    for (score, a, b, share) in candidates {
        if taken_a[a] || taken_b[b] {
            continue;
        }
        taken_a[a] = true;
        taken_b[b] = true;
        // Built only for the pairs taken: cloned for every candidate, the evidence of a
        // thousand speakers a side took hundreds of megabytes.
        let mut evidence = labels[a][b].1.clone();
        if share > 0.0 {
            evidence.push(format!(
                "turns: {:.0}% of their aligned turns are with each other",
                share * 100.0
            ));
        }
        matches.push(SpeakerMatch {
            official: Some(SpeakerId(a as u32)),
            other: Some(SpeakerId(b as u32)),
            confidence: (score * 100.0).round() / 100.0,
            evidence,
        });
    }
    let unmatched = |id: Option<SpeakerId>, other: Option<SpeakerId>| SpeakerMatch {
        official: id,
        other,
        confidence: 0.0,
        evidence: vec!["no counterpart found".into()],
    };
    matches.extend(
        (0..n)
            .filter(|&a| !taken_a[a])
            .map(|a| unmatched(Some(SpeakerId(a as u32)), None)),
    );
    matches.extend(
        (0..m)
            .filter(|&b| !taken_b[b])
            .map(|b| unmatched(None, Some(SpeakerId(b as u32)))),
    );
    matches.sort_by_key(|m| {
        (
            m.official.map_or(u32::MAX, |s| s.0),
            m.other.map_or(u32::MAX, |s| s.0),
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
