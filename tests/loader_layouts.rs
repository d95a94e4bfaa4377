//! Transcripts as the web publishes them: each layout the loader reads, on a real file of
//! `../shared/corpus/` where there is one, else on a small file written in that layout.

mod common;

use common::load;
use tandem::load::{self as loader, LoadOptions};
use tandem::model::{AnnotationKind, Transcript};

fn read(text: &str) -> Transcript {
    loader::load_bytes(text.as_bytes(), "layout.txt", LoadOptions::default())
        .unwrap_or_else(|error| panic!("{error}"))
}

/// Each turn's shown label and its text.
fn turns(transcript: &Transcript) -> Vec<(String, String)> {
    transcript
        .turns
        .iter()
        .map(|t| (transcript.turn_label(t).to_string(), t.text()))
        .collect()
}

fn turn_counts(transcript: &Transcript) -> Vec<(&str, usize)> {
    transcript
        .speakers
        .iter()
        .map(|s| s.label.as_str())
        .zip(transcript.turn_counts())
        .collect()
}

const WH_SAMPLE: &str = "../shared/corpus/wh-sample/";

#[test]
fn white_house_questions_after_one_space_are_the_q_speaker() {
    if !common::shared_corpus("white_house_questions_after_one_space_are_the_q_speaker") {
        return;
    }
    // Every question of this briefing is `Q Thank you…`, `Q — the process…` with one space.
    let transcript = load(&format!(
        "{WH_SAMPLE}press-briefings__2023-02__2023-02-01-press-briefing-by-press-secretary-karine-jean-pierre-14.md"
    ));
    let counts = turn_counts(&transcript);
    assert!(counts.contains(&("Q", 75)), "{counts:?}");
    assert!(counts.contains(&("MS. JEAN-PIERRE", 72)), "{counts:?}");
}

#[test]
fn one_space_q_opens_a_question_but_not_prose() {
    let transcript = read(
        "MS. JEAN-PIERRE:  Go ahead.\n\nQ Thank you, Mr. President.\n\nMS. JEAN-PIERRE:  Sure.\n\
         Q and A sessions are on Fridays.\n\nQ — and the follow-up?\n",
    );
    assert_eq!(
        turns(&transcript),
        [
            ("MS. JEAN-PIERRE".into(), "Go ahead.".into()),
            ("Q".into(), "Thank you, Mr. President.".into()),
            (
                "MS. JEAN-PIERRE".into(),
                "Sure.\n\nQ and A sessions are on Fridays.".into()
            ),
            ("Q".into(), "— and the follow-up?".into()),
        ]
    );
}

#[test]
fn a_single_speaker_speech_with_clock_lines_is_labelled() {
    if !common::shared_corpus("a_single_speaker_speech_with_clock_lines_is_labelled") {
        return;
    }
    let transcript = load(&format!(
        "{WH_SAMPLE}speeches-remarks__2021-10__2021-10-08-remarks-by-president-biden-on-the-september-jobs-report.md"
    ));
    let metadata = &transcript.metadata;
    assert_eq!(metadata.origin.format, "labelled lines (SPEAKER: text)");
    assert_eq!(turn_counts(&transcript), [("THE PRESIDENT", 1)]);
    assert_eq!(metadata.notes, ["12:53 P.M. EDT", "1:06 P.M. EDT"]);
    assert_eq!(
        metadata.title.as_deref(),
        Some("Remarks by President Biden on the September Jobs Report")
    );
    let speaker = &transcript.speakers[0];
    assert_eq!(
        (speaker.name.as_deref(), speaker.role.as_deref()),
        (None, Some("President"))
    );
}

#[test]
fn changelog_bold_labels_are_speakers() {
    if !common::shared_corpus("changelog_bold_labels_are_speakers") {
        return;
    }
    let transcript = load("../shared/corpus/changelog-sample/afk__away-from-keyboard-1.md");
    assert_eq!(
        turn_counts(&transcript),
        [("Tim Smith", 11), ("Jason Snell", 11), ("Break", 1)]
    );
    let first = transcript.turns[0].text();
    assert!(
        first.starts_with("[01:46] Describing what Jason Snell does"),
        "{first}"
    );
    let revision = load("../shared/corpus/podcast-revisions/practical-ai-253.after-f3dfe446.md");
    assert_eq!(revision.turns.len(), 38);
}

#[test]
fn markdown_labels_in_their_forms() {
    let transcript = read(
        "**MODERATOR:**\nWelcome.\n\n**Amal Hussein:** Hello, everyone.\n\n\
         **Nick Nisi**: Hi.\n\n- MODERATOR: Next question.\n\n- Amal Hussein: Sure.\n",
    );
    assert_eq!(
        turns(&transcript),
        [
            ("MODERATOR".into(), "Welcome.".into()),
            ("Amal Hussein".into(), "Hello, everyone.".into()),
            ("Nick Nisi".into(), "Hi.".into()),
            ("MODERATOR".into(), "Next question.".into()),
            ("Amal Hussein".into(), "Sure.".into()),
        ]
    );
}

#[test]
fn a_prepared_speech_is_one_turn_by_the_speaker_in_its_title() {
    if !common::shared_corpus("a_prepared_speech_is_one_turn_by_the_speaker_in_its_title") {
        return;
    }
    let transcript = load(
        "../shared/corpus/speeches/2023-02-07-remarks-of-president-joe-biden-state-of-the-union-address-as-prepared-for-delivery.md",
    );
    assert_eq!(transcript.turns.len(), 1);
    let speaker = &transcript.speakers[0];
    assert_eq!(speaker.label, "President Joe Biden");
    assert_eq!(speaker.role.as_deref(), Some("President"));
    let metadata = &transcript.metadata;
    let note = metadata.origin.format_note.as_deref().unwrap_or("");
    assert!(note.contains("one turn by President Joe"), "{note}");
    // The title's YAML escapes are read: `\u2013` is an en dash.
    assert_eq!(
        metadata.title.as_deref(),
        Some(
            "Remarks of President Joe Biden \u{2013} State of the Union Address as Prepared for Delivery"
        )
    );
    assert!(
        transcript.turns[0]
            .text()
            .ends_with("May God protect our troops.")
    );
}

#[test]
fn prose_without_a_named_speaker_is_one_unnamed_turn() {
    let transcript = read("Just a paragraph of prose.\nNo speakers here.\n");
    assert_eq!(
        turns(&transcript),
        [(
            String::new(),
            "Just a paragraph of prose. No speakers here.".into()
        )]
    );
    assert_eq!(transcript.turns[0].speaker, None);
    let note = transcript.metadata.origin.format_note.unwrap_or_default();
    assert!(note.contains("unnamed speaker"), "{note}");
}

#[test]
fn rev_labels_carry_the_turn_times() {
    let transcript = load("tests/fixtures/rev-layout.txt");
    assert_eq!(
        turn_counts(&transcript),
        [("Speaker 1", 2), ("Speaker 2", 2)]
    );
    let times: Vec<(f64, Option<f64>)> = transcript
        .turns
        .iter()
        .map(|t| t.time.map(|time| (time.start, time.end)).unwrap())
        .collect();
    assert_eq!(
        times,
        [
            (1.0, Some(9.0)),
            (9.0, Some(12.0)),
            (12.0, Some(65.0)),
            (65.0, None)
        ]
    );
    assert_eq!(
        transcript.turns[2].text(),
        "Let us start with the moon.\n\nIt pulls the sea twice a day."
    );
}

#[test]
fn otter_names_with_times_stand_above_the_speech() {
    let transcript = load("tests/fixtures/otter-layout.txt");
    assert_eq!(
        turn_counts(&transcript),
        [("Jane Doe", 2), ("Omar Haddad", 2)]
    );
    assert_eq!(transcript.turns[3].time.map(|t| t.start), Some(75.0));
    assert_eq!(
        transcript.turns[0].text(),
        "Hello and welcome. This is the city council meeting."
    );
}

#[test]
fn numbered_speakers_are_labels() {
    let transcript = load("tests/fixtures/numbered-speakers.txt");
    assert_eq!(
        turn_counts(&transcript),
        [("SPEAKER NUMBER 00001", 2), ("SPEAKER NUMBER 00002", 1)]
    );
}

#[test]
fn a_label_in_a_code_block_is_quoted_text() {
    let transcript = read(
        "MS. SMITH: Here is the snippet.\n\n```\nMR. CODE: print(1)\n```\n\nMR. JONES: Thanks.\n",
    );
    assert_eq!(
        turn_counts(&transcript),
        [("MS. SMITH", 1), ("MR. JONES", 1)]
    );
    assert!(transcript.turns[0].text().contains("MR. CODE: print(1)"));
}

#[test]
fn a_title_at_a_line_end_does_not_end_the_paragraph() {
    let transcript = read(
        "PRIME MINISTER KISHIDA:  We are grateful for the hospitality and thank you, Mr.\n\
         President.  It is good to be in Washington again for these talks.\n",
    );
    assert_eq!(transcript.turns[0].paragraphs.len(), 1);
}

#[test]
fn full_width_notes_are_annotations_like_ascii_ones() {
    let transcript =
        read("司会：ただいまから始めます。（拍手）\n\n岸田総理：ありがとうございます。（笑い）\n");
    let reactions: Vec<&str> = transcript
        .turns
        .iter()
        .flat_map(|t| &t.annotations)
        .filter(|a| a.kind == AnnotationKind::Reaction)
        .map(|a| a.text.as_str())
        .collect();
    assert_eq!(reactions, ["（拍手）", "（笑い）"]);
}

#[test]
fn a_hundred_thousand_distinct_labels_load_in_linear_time() {
    let text: String = (0..100_000)
        .map(|n| format!("SPEAKER {}: Line {n}.\n", speaker_word(n)))
        .collect();
    let started = std::time::Instant::now();
    let transcript = read(&text);
    let elapsed = started.elapsed();
    assert_eq!(transcript.speakers.len(), 100_000);
    // Quadratic interning took minutes for this even in release; linear takes seconds in
    // debug, with room for a busy machine.
    assert!(elapsed.as_secs_f64() < 30.0, "{elapsed:?}");
}

/// A distinct upper-case word for each number (`BAAA`, `BAAB`…): labels without digits, so
/// that each is a speaker of its own.
fn speaker_word(mut n: usize) -> String {
    let mut word = String::from("B");
    for _ in 0..4 {
        word.push(char::from(b'A' + (n % 26) as u8));
        n /= 26;
    }
    word
}

#[test]
fn tandem_json_keeps_the_origin_of_its_source() {
    let transcript = common::official_seed();
    let json = serde_json::to_string(&transcript).unwrap();
    let again = loader::load_bytes(json.as_bytes(), "copy.json", LoadOptions::default()).unwrap();
    let origin = &again.metadata.origin;
    assert_eq!(origin.file, transcript.metadata.origin.file);
    assert_eq!(origin.format, transcript.metadata.origin.format);
    assert!(
        origin
            .format_note
            .as_deref()
            .is_some_and(|note| note.contains("copy.json")),
        "{origin:?}"
    );
}

#[test]
fn japanese_subtitles_without_full_stops_close_units_at_final_forms() {
    if !common::shared_corpus("japanese_subtitles_without_full_stops_close_units_at_final_forms") {
        return;
    }
    let transcript = load("../shared/corpus/subtitles/pepper-and-carrot-ep06/ja.srt");
    assert_eq!(
        transcript.speakers.len(),
        0,
        "これまでのあらすじ: is no speaker"
    );
    let sentences: Vec<_> = transcript
        .turns
        .iter()
        .flat_map(|t| t.sentences())
        .collect();
    // The opening credits, three cues, end with `…お送りします` and no punctuation.
    assert_eq!(
        sentences[0].text,
        "Morevna Projectが... ...\"Ethic Cinema\"との協賛で... ...お送りします"
    );
    let time = *sentences[0].time.as_deref().unwrap();
    assert_eq!((time.start, time.end), (1.03, Some(8.51)));
    assert!(
        sentences[1].text.starts_with("[あくび]"),
        "{}",
        sentences[1].text
    );
    // About as many units as the English cues give (65).
    assert!((60..=75).contains(&sentences.len()), "{}", sentences.len());
}

#[test]
fn a_markdown_table_above_the_first_label_is_notes_not_the_place() {
    let transcript = read(
        "---\ntitle: \"Remarks by the President\"\n---\n\n| Name | Role |\n|---|---|\n| Jane Doe | Host |\n\nTHE PRESIDENT:  Thank you all.\n\nQ  A question?\n",
    );
    assert_eq!(transcript.metadata.place, None);
    assert!(
        transcript
            .metadata
            .notes
            .iter()
            .any(|n| n == "| Jane Doe | Host |")
    );
    assert_eq!(transcript.turns.len(), 2);
}
