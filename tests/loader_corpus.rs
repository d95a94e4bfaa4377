//! The loader on every real transcript we have: speakers, turn counts, metadata, and the rule
//! that no word of the input is lost or invented.

mod common;

use common::input::{has_labels_in_text, input_text};
use common::{bag, difference, load, words};
use tandem::model::{AnnotationKind, Transcript};

/// Speaker order of the State Department transcript's 23 turns.
const OFFICIAL_ORDER: &[&str] = &[
    "MODERATOR",
    "FOREIGN MINISTER CHO",
    "MODERATOR",
    "SECSTATE BLINKEN",
    "MODERATOR",
    "QUESTION",
    "FOREIGN MINISTER CHO",
    "SECSTATE BLINKEN",
    "MODERATOR",
    "QUESTION",
    "SECSTATE BLINKEN",
    "FOREIGN MINISTER CHO",
    "QUESTION",
    "FOREIGN MINISTER CHO",
    "MODERATOR",
    "QUESTION",
    "SECSTATE BLINKEN",
    "MODERATOR",
    "QUESTION",
    "SECSTATE BLINKEN",
    "QUESTION",
    "SECSTATE BLINKEN",
    "MODERATOR",
];

fn labels(transcript: &Transcript) -> Vec<&str> {
    transcript
        .turns
        .iter()
        .map(|t| transcript.turn_label(t))
        .collect()
}

#[test]
fn official_seed_turns_speakers_and_metadata() {
    let transcript = common::official_seed();
    assert_eq!(labels(&transcript), OFFICIAL_ORDER);
    assert_eq!(transcript.speakers.len(), 4);
    let metadata = &transcript.metadata;
    assert_eq!(
        metadata.title.as_deref(),
        Some("Joint Press Remarks with Republic of Korea Foreign Minister Cho Tae-yulh")
    );
    assert_eq!(metadata.date.as_deref(), Some("7 January 2025"));
    assert_eq!(metadata.place.as_deref(), Some("Seoul, Republic of Korea"));
    assert_eq!(metadata.source.as_deref(), Some("State.gov"));
    assert_eq!(metadata.language.as_deref(), Some("en"));
    assert!(metadata.notes.iter().any(|n| n.contains("red asterisks")));
    assert!(metadata.footer.iter().any(|l| l.contains("Copyright")));
}

#[test]
fn official_seed_annotations() {
    let transcript = common::official_seed();
    let kinds = |kind: AnnotationKind| {
        transcript
            .turns
            .iter()
            .flat_map(|t| &t.annotations)
            .filter(|a| a.kind == kind)
            .map(|a| a.text.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(kinds(AnnotationKind::Interpretation).len(), 12);
    assert_eq!(kinds(AnnotationKind::Language), ["[In English]"]);
    assert_eq!(kinds(AnnotationKind::Inaudible).len(), 4);
    assert_eq!(kinds(AnnotationKind::Editorial), ["[\"We go together\"]"]);
    let unverified = kinds(AnnotationKind::Unverified).join(" ");
    assert_eq!(
        unverified,
        "we will open up the floor for questions. In the interest of time, we will take questions \
         from two journalists each from the two sides. First, we will take the question from the \
         Korean media. From Korea"
    );
    let all_text: String = transcript.turns.iter().map(|t| t.text()).collect();
    assert!(!all_text.contains('*'), "red asterisks are marks, not text");
}

#[test]
fn official_seed_sentences_are_split_where_a_reader_would() {
    let transcript = common::official_seed();
    let sentences: Vec<&str> = transcript
        .turns
        .iter()
        .flat_map(|t| t.sentences())
        .map(|s| s.text.as_str())
        .collect();
    let has = |needle: &str| sentences.contains(&needle);
    assert!(has(
        "I’m wondering -- you and Mr. Biden both hailed President Yoon as a champion of democracy, and you allowed him to hold the third Summit for Democracy here in Korea."
    ));
    assert!(
        sentences
            .iter()
            .any(|s| s.starts_with("Now. we have reason to believe"))
    );
    assert!(has("Katchi kapshida [\"We go together\"]."));
    assert!(has("Thank you."));
    assert!(
        sentences
            .iter()
            .any(|s| s.contains("the ROK-U.S. 2+2 foreign and defense ministers’ meeting"))
    );
    assert!(sentences.iter().any(|s| {
        s.contains("wearing a traditional Korean hanbok -- and the first Korean American")
    }));
    assert!(
        sentences.iter().all(|s| !s.starts_with(char::is_lowercase)),
        "no sentence starts mid-sentence"
    );
}

#[test]
fn ytn_seed_turns_roles_and_no_footer_speakers() {
    let transcript = common::ytn_seed();
    let names: Vec<(Option<&str>, Option<&str>)> = transcript
        .speakers
        .iter()
        .map(|s| (s.name.as_deref(), s.role.as_deref()))
        .collect();
    assert_eq!(
        names,
        [
            (None, Some("Anchor")),
            (None, Some("Hoster")),
            (Some("Cho Tae-yeol"), Some("Minister of Foreign Affairs")),
            (Some("Tony Blinken"), Some("Secretary of State")),
        ]
    );
    assert_eq!(transcript.turns.len(), 4);
    let metadata = &transcript.metadata;
    assert!(
        metadata
            .title
            .as_deref()
            .is_some_and(|t| t.starts_with("[On-Site Video+]"))
    );
    assert_eq!(metadata.date.as_deref(), Some("2025.01.06 PM 01:48"));
    assert!(metadata.notes.iter().any(|n| n == "[Phone] 02-398-8585"));
    let last_turn = transcript.turns[3].text();
    assert!(last_turn.ends_with("development initiatives in the Mekong region."));
}

/// (file, turns, speakers) for every transcript in the corpus.
const CORPUS: &[(&str, usize, usize)] = &[
    (
        "../shared/corpus/whitehouse/wh_2022-03-10_harris-duda_joint-press-conference_CORRECTED.md",
        30,
        5,
    ),
    (
        "../shared/corpus/whitehouse/wh_2022-03-10_harris-duda_joint-press-conference_ORIGINAL.md",
        30,
        5,
    ),
    (
        "../shared/corpus/whitehouse/wh_2022-05-23_biden-kishida_tokyo_joint-press-conference_EN.md",
        34,
        4,
    ),
    (
        "../shared/corpus/whitehouse/wh_2023-04-26_biden-yoon_joint-press-conference_EN.md",
        34,
        5,
    ),
    (
        "../shared/corpus/whitehouse/wh_2023-12-04_press-briefing_jean-pierre-sullivan_QA.md",
        146,
        3,
    ),
    ("../shared/corpus/podcast/bookbytes-006.txt", 32, 4),
    ("../shared/corpus/podcast/bookbytes-006.json", 32, 4),
    (
        "../shared/corpus/podcast/bookbytes-033_v2_4405e25.txt",
        357,
        7,
    ),
    (
        "../shared/corpus/podcast/bookbytes-033_v3_c43f201_timestamps-shifted.txt",
        357,
        7,
    ),
    (
        "../shared/corpus/podcast/podcastindex_buzzsprout-10-things_example.html",
        10,
        3,
    ),
    (
        "../shared/corpus/podcast/podcastindex_buzzsprout-10-things_example.srt",
        10,
        3,
    ),
    (
        "../shared/corpus/podcast/podcastindex_buzzsprout-trailer-episode_example.vtt",
        2,
        2,
    ),
    (
        "../shared/corpus/podcast/podcastindex_darth-vader_example.json",
        2,
        2,
    ),
    ("assets/seoul-2025-01-06/official-state-dept.txt", 23, 4),
    ("assets/seoul-2025-01-06/translation-ytn.txt", 4, 4),
];

/// The corpus entries that can be read here: the bundled seeds always, the shared corpus when
/// it is beside the checkout.
fn corpus(test: &str) -> impl Iterator<Item = &'static (&'static str, usize, usize)> {
    let shared = common::shared_corpus(test);
    CORPUS
        .iter()
        .filter(move |(file, _, _)| shared || !file.starts_with("../shared/"))
}

#[test]
fn every_corpus_file_has_the_right_speakers_and_turns() {
    for &(file, turns, speakers) in corpus("every_corpus_file_has_the_right_speakers_and_turns") {
        let transcript = load(file);
        assert_eq!(transcript.turns.len(), turns, "{file}: turns");
        assert_eq!(transcript.speakers.len(), speakers, "{file}: speakers");
        assert!(
            transcript
                .turns
                .iter()
                .all(|t| t.lines.first <= t.lines.last),
            "{file}: line ranges"
        );
    }
}

#[test]
fn white_house_speakers_by_file() {
    if !common::shared_corpus("white_house_speakers_by_file") {
        return;
    }
    let transcript = load(CORPUS[3].0);
    let counts: Vec<(&str, usize)> = transcript
        .speakers
        .iter()
        .map(|s| s.label.as_str())
        .zip(transcript.turn_counts())
        .collect();
    assert_eq!(
        counts,
        [
            ("PRESIDENT BIDEN", 12),
            ("PRESIDENT YOON", 5),
            ("Q", 14),
            ("INTERPRETER", 2),
            ("MS. JEAN-PIERRE", 1)
        ]
    );
    assert_eq!(transcript.metadata.place.as_deref(), Some("Rose Garden"));
    assert_eq!(transcript.metadata.date.as_deref(), Some("2023-04-26"));
}

#[test]
fn no_text_is_lost_or_invented_in_any_corpus_file() {
    for &(file, _, _) in corpus("no_text_is_lost_or_invented_in_any_corpus_file") {
        if file.ends_with(".json") {
            continue;
        }
        let transcript = load(file);
        let with_labels = has_labels_in_text(file);
        let input = bag(words(&input_text(file)));
        let model = bag(words(&transcript.text(with_labels)));
        let differences = difference(&input, &model);
        assert!(
            differences.is_empty(),
            "{file}: words lost (+) or invented (-): {differences:?}"
        );
    }
}

/// Also checks the order: the words of each turn appear in the file in the same sequence.
#[test]
fn words_keep_their_order() {
    for &(file, _, _) in corpus("words_keep_their_order").filter(|(f, _, _)| !f.ends_with(".json"))
    {
        let transcript = load(file);
        let input = words(&input_text(file));
        let model = words(&transcript.text(has_labels_in_text(file)));
        let first_difference = input.iter().zip(&model).position(|(a, b)| a != b);
        if let Some(at) = first_difference
            .or((input.len() != model.len()).then_some(input.len().min(model.len())))
        {
            let around = |w: &[String]| w[at.saturating_sub(8)..(at + 8).min(w.len())].join(" ");
            panic!(
                "{file}: word {at} differs\n input: {}\n model: {}",
                around(&input),
                around(&model)
            );
        }
    }
}

#[test]
fn json_transcripts_keep_every_text_value() {
    if !common::shared_corpus("json_transcripts_keep_every_text_value") {
        return;
    }
    for file in [
        "../shared/corpus/podcast/bookbytes-006.json",
        "../shared/corpus/podcast/podcastindex_darth-vader_example.json",
    ] {
        let raw = std::fs::read_to_string(common::data(file)).unwrap();
        let value: serde_json::Value = serde_json::from_str(&raw).unwrap();
        let list = value
            .get("transcript")
            .or_else(|| value.get("segments"))
            .unwrap();
        let texts: Vec<String> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                e.get("text")
                    .or_else(|| e.get("body"))
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        let transcript = load(file);
        let model: Vec<String> = transcript
            .turns
            .iter()
            .flat_map(|t| t.sentences())
            .map(|s| s.text.clone())
            .collect();
        assert_eq!(words(&texts.join(" ")), words(&model.join(" ")), "{file}");
    }
}

#[test]
fn json_and_text_versions_of_one_episode_agree() {
    if !common::shared_corpus("json_and_text_versions_of_one_episode_agree") {
        return;
    }
    let text = load("../shared/corpus/podcast/bookbytes-006.txt");
    let json = load("../shared/corpus/podcast/bookbytes-006.json");
    let sentences = |t: &Transcript| {
        t.turns
            .iter()
            .map(|turn| (turn.label.clone(), turn.text()))
            .collect::<Vec<_>>()
    };
    assert_eq!(sentences(&text), sentences(&json));
}
