//! A long pair opens on its start: rows from the start of both files, marked as not all
//! aligned, then the whole alignment in their place at the same sentence, with the marks and
//! the search kept.

mod common;

use common::Scratch;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::PathBuf;
use tandem::load::{self, Format, LoadOptions};
use tandem::model::Pair;
use tandem::ui::app::Mode;
use tandem::ui::{Action, App, Contents, Theme, provisional, view};
use tandem::{align, bundled, synth};

/// The bundled pair this many times over: long enough (about 1 MB) to open on its start.
const COPIES: usize = 20;

fn long_pair(scratch: &Scratch) -> (PathBuf, PathBuf) {
    let official = synth::repeat_official(&bundled::official().unwrap(), COPIES);
    let other = synth::repeat_perturbed(&bundled::other().unwrap(), COPIES, 7);
    (
        scratch.file("official.txt", synth::write(&official, Format::Labelled)),
        scratch.file("translation.txt", synth::write(&other, Format::Bracketed)),
    )
}

fn whole((a, b): (&PathBuf, &PathBuf)) -> Contents {
    let official = load::load_path(a, LoadOptions::default()).unwrap();
    let other = load::load_path(b, LoadOptions::default()).unwrap();
    let alignment = align::align(&official, &other, &[]);
    Contents::pair(official, other, alignment)
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal
        .draw(|frame| view::draw(frame, app, &Theme::default()))
        .unwrap();
    terminal.backend().to_string()
}

/// The first sentence of the focused side on screen.
fn top_sentence(app: &App) -> String {
    first_sentence_from(app, app.top.index)
}

/// The first sentence of the focused side from the current row on.
fn current_sentence(app: &App) -> String {
    first_sentence_from(app, app.current)
}

fn first_sentence_from(app: &App, index: usize) -> String {
    let id = app.visible[index..]
        .iter()
        .copied()
        .find(|&id| !app.contents.rows[id].sides[app.focus].is_empty())
        .unwrap();
    let first = app.contents.rows[id].sides[app.focus][0];
    app.contents
        .pane_or_alone(app.focus)
        .sentence(first)
        .unwrap()
        .text
        .clone()
}

#[test]
fn a_long_pair_shows_its_start_then_the_whole_alignment_at_the_same_sentence() {
    let scratch = Scratch::new("reader-start");
    let (a, b) = long_pair(&scratch);
    let start = provisional::start_of(Pair::new(&a, &b), LoadOptions::default(), |_, _| Vec::new())
        .expect("a long pair opens on its start");
    let whole = whole((&a, &b));
    assert!(!start.rows.is_empty());
    assert!(start.rows.len() * 4 < whole.rows.len(), "only the start");

    let mut app = App::new(start, (160, 45));
    app.report_progress(0.37);
    assert!(screen(&app).contains("aligning 37%"), "{}", screen(&app));
    app.update(Action::Bottom);
    assert!(
        screen(&app).contains("… aligning the rest: 37%"),
        "{}",
        screen(&app)
    );

    // Reading, marking and searching work on the start.
    app.update(Action::Top);
    app.update(Action::StartSearch);
    for c in "alliance".chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Confirm);
    let hits_in_start = app.search.hits;
    assert!(hits_in_start > 0);
    app.update(Action::ScrollDown(7));
    app.update(Action::StartMark);
    app.update(Action::Type('a'));
    let marked = current_sentence(&app);
    app.update(Action::ScrollDown(30));
    let reading = top_sentence(&app);

    app.replace_alignment(whole);
    assert_eq!(app.aligning, None);
    assert!(!screen(&app).contains("aligning"));
    assert_eq!(top_sentence(&app), reading, "the same sentence at the top");
    assert_eq!(app.search.query, "alliance");
    assert!(app.search.hits > hits_in_start, "hits counted in the whole");
    app.update(Action::StartJumpToMark);
    app.update(Action::Type('a'));
    assert_eq!(current_sentence(&app), marked, "the mark kept its sentence");
}

#[test]
fn a_search_being_typed_stays_open_across_the_swap() {
    let scratch = Scratch::new("reader-start-typing");
    let (a, b) = long_pair(&scratch);
    let start = provisional::start_of(Pair::new(&a, &b), LoadOptions::default(), |_, _| Vec::new())
        .unwrap();
    let mut app = App::new(start, (80, 24));
    app.update(Action::StartSearch);
    app.update(Action::Type('x'));
    app.replace_alignment(whole((&a, &b)));
    assert!(matches!(app.mode, Mode::Searching { .. }));
    app.update(Action::Back);
    assert_eq!(app.mode, Mode::Reading);
    assert!(app.search.query.is_empty());
}

#[test]
fn a_short_pair_and_standard_input_open_as_they_always_have() {
    let scratch = Scratch::new("reader-start-short");
    let official = scratch.file("a.txt", "A: One.\nB: Two.\n");
    let other = scratch.file("b.txt", "A: One.\nB: Two.\n");
    let opens = |a: &PathBuf, b: &PathBuf| {
        provisional::start_of(Pair::new(a, b), LoadOptions::default(), |_, _| Vec::new()).is_some()
    };
    assert!(!opens(&official, &other));
    let (a, b) = long_pair(&scratch);
    assert!(opens(&a, &b));
    assert!(!opens(&PathBuf::from("-"), &b));
}

#[test]
fn a_long_pair_in_json_opens_on_the_names_alone() {
    let scratch = Scratch::new("reader-start-json");
    let official = synth::repeat_official(&bundled::official().unwrap(), COPIES);
    let a = scratch.file("official.json", synth::write(&official, Format::Json));
    let (_, b) = long_pair(&scratch);
    let start = provisional::start_of(Pair::new(&a, &b), LoadOptions::default(), |_, _| Vec::new())
        .unwrap();
    assert!(start.rows.is_empty());
    let mut app = App::new(start, (100, 30));
    app.report_progress(0.05);
    let shown = screen(&app);
    assert!(shown.contains("official.json"), "{shown}");
    assert!(
        shown.contains("… loading and aligning both versions: 5%"),
        "{shown}"
    );
}
