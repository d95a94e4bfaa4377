//! The reader's behaviour without a terminal: build an App, apply actions, check the state.

mod common;

use tandem::align;
use tandem::ui::layout::{self, Highlights};
use tandem::ui::{Action, App, Reader};

fn bundled(width: u16, height: u16) -> App {
    let (official, ytn) = (common::official_seed(), common::ytn_seed());
    let alignment = align::align(&official, &ytn, &[]);
    App::new(Reader::pair(official, ytn, alignment), (width, height))
}

fn current_turn(app: &App, side: usize) -> Option<usize> {
    app.current_row()
        .and_then(|id| app.reader.rows[id].turn(side))
}

#[test]
fn turn_navigation_follows_the_focused_pane() {
    let mut app = bundled(160, 45);
    app.update(Action::NextTurn);
    assert_eq!(current_turn(&app, 0), Some(0), "first official turn");
    app.update(Action::NextTurn);
    assert_eq!(current_turn(&app, 0), Some(1));
    app.update(Action::NextTurnBySpeaker);
    assert_eq!(current_turn(&app, 0), Some(6), "Cho's next turn is the 7th");
    app.update(Action::PreviousTurnBySpeaker);
    assert_eq!(current_turn(&app, 0), Some(1));
    app.update(Action::SwitchFocus);
    app.update(Action::Top);
    app.update(Action::NextTurn);
    assert_eq!(
        current_turn(&app, 1),
        Some(1),
        "YTN's Hoster, its second turn"
    );
}

#[test]
fn divergence_jumps_land_on_flagged_rows() {
    let mut app = bundled(160, 45);
    for _ in 0..5 {
        app.update(Action::NextDivergence);
        let id = app.current_row().unwrap();
        assert!(app.reader.rows[id].is_divergent());
    }
    let before = app.top;
    app.update(Action::PreviousDivergence);
    assert!(app.top.index < before.index);
}

#[test]
fn digits_filter_speakers_and_zero_clears() {
    let mut app = bundled(160, 45);
    let all = app.visible.len();
    app.update(Action::ToggleSpeaker(3));
    let blinken = &app.reader.speakers[2];
    assert_eq!(blinken.labels[0].as_deref(), Some("SECSTATE BLINKEN"));
    assert!(app.visible.len() < all);
    for &id in &app.visible {
        let row = &app.reader.rows[id];
        assert!(
            app.reader.row_entries(row).any(|e| e == 2),
            "only Blinken's rows"
        );
    }
    app.update(Action::ClearFilters);
    assert_eq!(app.visible.len(), all);
    app.update(Action::ToggleSpeaker(9));
    assert_eq!(app.message.as_deref(), Some("there is no speaker 9"));
}

#[test]
fn escape_clears_search_then_filter_then_quits() {
    let mut app = bundled(160, 45);
    app.update(Action::StartSearch);
    for c in "korea".chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Confirm);
    assert!(app.search.hits > 10);
    let all_hits = app.search.hits;
    app.update(Action::ToggleSpeaker(1));
    assert!(
        app.search.hits < all_hits,
        "hits are counted in the rows shown"
    );
    app.update(Action::Back);
    assert!(app.search.query.is_empty());
    app.update(Action::Back);
    assert!(!app.filter.contains(&true));
    assert!(!app.quit);
    app.update(Action::Back);
    assert!(!app.quit, "one Esc too many does not quit");
    assert_eq!(app.message.as_deref(), Some("nothing to close (q quits)"));
    app.update(Action::Quit);
    assert!(app.quit);
}

/// Checks that the current row starts on screen, and that it is the top row unless the top
/// row's start is scrolled off.
fn current_row_is_on_screen(app: &App) {
    let widths = app.screen().unwrap().widths();
    let body = app.screen().unwrap().body_height();
    let height = |index: usize| {
        layout::row_height(&app.reader, &app.reader.rows[app.visible[index]], widths)
    };
    assert!(app.current >= app.top.index);
    let mut y = 0;
    for index in app.top.index..app.current {
        y += height(index);
    }
    let lead = usize::from(app.reader.rows[app.visible[app.current]].breaks_before);
    let start = (y + lead).saturating_sub(app.top.line);
    assert!(
        start < body || app.current == app.top.index,
        "the current row's first line ({start}) is on a screen of {body} lines"
    );
    if app.current > app.top.index {
        let top_start = usize::from(app.reader.rows[app.visible[app.top.index]].breaks_before);
        assert!(
            app.top.line > top_start,
            "the top row's start is scrolled off"
        );
    }
}

#[test]
fn the_current_row_is_always_the_first_that_starts_on_screen() {
    for (width, height) in [(80, 24), (160, 45)] {
        let mut app = bundled(width, height);
        app.update(Action::Bottom);
        current_row_is_on_screen(&app);
        app.update(Action::CopyRow);
        let id = app.current_row().unwrap();
        assert_eq!(
            app.message.as_deref(),
            Some(format!("copied row {} to the clipboard", id + 1).as_str()),
            "y copies the marked row"
        );
        app.update(Action::Top);
        for _ in 0..200 {
            app.update(Action::ScrollDown(1));
            current_row_is_on_screen(&app);
        }
    }
}

#[test]
fn jumps_start_from_the_current_row() {
    let mut app = bundled(160, 45);
    app.update(Action::NextTurn);
    app.update(Action::NextTurn);
    let second = app.current;
    // Scrolled so that the turn's first line is off screen: the next row is current, and
    // going back a turn lands on the turn it belongs to, not further.
    app.update(Action::ScrollDown(1));
    app.update(Action::ScrollDown(1));
    assert!(app.current > second);
    app.update(Action::PreviousTurn);
    assert_eq!(app.current, second);
}

#[test]
fn shrinking_below_the_smallest_size_keeps_the_place() {
    let mut app = bundled(80, 24);
    for _ in 0..6 {
        app.update(Action::NextTurn);
    }
    let row = app.current_row();
    app.update(Action::Resize(30, 6));
    app.update(Action::Resize(80, 24));
    assert_eq!(app.current_row(), row);
    assert_eq!(app.top.line, 0, "the row is at the top");
    app.update(Action::Resize(39, 24));
    app.update(Action::Resize(160, 45));
    assert_eq!(app.current_row(), row);
}

#[test]
fn search_is_incremental_and_escape_returns() {
    let mut app = bundled(160, 45);
    app.update(Action::PageDown);
    let before = app.top;
    app.update(Action::StartSearch);
    for c in "orleans".chars() {
        app.update(Action::Type(c));
    }
    assert_eq!(app.search.hits, 2);
    app.update(Action::Back);
    assert_eq!(app.top, before);
    assert_eq!(app.search.hits, 0);
}

#[test]
fn copy_gives_a_citable_quote_pair() {
    let mut app = bundled(160, 45);
    app.update(Action::NextTurn);
    app.update(Action::CopyRow);
    let quote = app.clipboard.clone().unwrap();
    let lines: Vec<&str> = quote.lines().collect();
    // The moderator's greeting has no counterpart (YTN's host opens with the announcement).
    assert_eq!(
        lines,
        [
            "[State.gov] MODERATOR, turn 1, sentence 1: “[Via interpreter] Good afternoon.”",
            "[ytn.co.kr] (no counterpart)"
        ]
    );
    let greeting = app.current_row();
    while app.current_row() == greeting {
        app.update(Action::ScrollDown(1));
    }
    app.update(Action::CopyRow);
    let quote = app.clipboard.clone().unwrap();
    let lines: Vec<&str> = quote.lines().collect();
    assert_eq!(
        lines[0],
        "[State.gov] MODERATOR, turn 1, sentence 2: “Let us now begin the joint press availability of the ROK-U.S. foreign ministers’ meeting, beginning with opening statements.”"
    );
    assert!(
        lines[1].starts_with("[ytn.co.kr] Hoster, turn 2, sentences 1-2: “From now on"),
        "{quote}"
    );
}

#[test]
fn scrolling_never_passes_the_end_and_returns_to_the_start() {
    let mut app = bundled(120, 30);
    app.update(Action::Bottom);
    let bottom = app.top;
    app.update(Action::ScrollDown(50));
    assert_eq!(app.top, bottom, "no scrolling past the last screen");
    app.update(Action::PageDown);
    assert_eq!(app.top, bottom);
    for _ in 0..2000 {
        app.update(Action::ScrollUp(1));
    }
    assert_eq!((app.top.index, app.top.line), (0, 0));
    // Line by line down to the end and back visits the same positions.
    let mut down = vec![app.top];
    while app.top != bottom {
        app.update(Action::ScrollDown(1));
        down.push(app.top);
    }
    let mut up = vec![app.top];
    while app.top.index > 0 || app.top.line > 0 {
        app.update(Action::ScrollUp(1));
        up.push(app.top);
    }
    up.reverse();
    assert_eq!(down, up);
}

#[test]
fn wrapped_rows_pad_both_sides_to_one_height() {
    let app = bundled(160, 45);
    let widths = app.screen().unwrap().widths();
    for row in &app.reader.rows {
        let wrapped = layout::wrap_row(&app.reader, row, widths, &Highlights::default());
        let tallest = wrapped.sides.iter().map(|s| s.lines.len()).max().unwrap();
        assert_eq!(wrapped.height, tallest);
        for side in &wrapped.sides {
            for line in &side.lines {
                if let layout::LineKind::Text { segment, range } = line {
                    let text = &side.segments[*segment].text[range.clone()];
                    assert!(
                        unicode_width::UnicodeWidthStr::width(text)
                            <= widths[0].max(widths[1]) as usize
                    );
                }
            }
        }
    }
}

#[test]
fn resizing_keeps_the_place() {
    let mut app = bundled(160, 45);
    for _ in 0..4 {
        app.update(Action::NextTurn);
    }
    let row = app.current_row();
    app.update(Action::Resize(90, 30));
    assert_eq!(app.current_row(), row);
    app.update(Action::Resize(200, 60));
    assert_eq!(app.current_row(), row);
    app.update(Action::ScrollDown(3));
    let row = app.current_row();
    app.update(Action::Resize(80, 24));
    assert_eq!(app.current_row(), row);
}

#[test]
fn a_jump_near_the_end_makes_its_row_current_below_the_top() {
    // The Korean version has four turns; the rows after them are the official version's
    // alone, so with the Korean pane shown the last turns cannot come to the top.
    let official = common::official_seed();
    let korean = common::load("tests/fixtures/seoul-ko.txt");
    let alignment = align::align(&official, &korean, &[]);
    let mut app = App::new(Reader::pair(official, korean, alignment), (80, 24));
    app.update(Action::SwitchFocus);
    for turn in 1..4 {
        app.update(Action::NextTurn);
        assert_eq!(current_turn(&app, 1), Some(turn), "each ] goes a turn on");
        let row = &app.reader.rows[app.current_row().unwrap()];
        assert!(row.starts_turn(1));
    }
    assert!(
        app.current > app.top.index,
        "the last turn is current below the top"
    );
    app.update(Action::PreviousTurn);
    assert_eq!(current_turn(&app, 1), Some(2));
    app.update(Action::ScrollUp(1));
    current_row_is_on_screen(&app);
}

#[test]
fn go_to_a_row_a_turn_or_a_percentage() {
    let mut app = bundled(160, 45);
    let go = |app: &mut App, text: &str| {
        app.update(Action::StartGoTo);
        for c in text.chars() {
            app.update(Action::Type(c));
        }
        app.update(Action::Confirm);
    };
    go(&mut app, "120");
    assert_eq!(app.current_row(), Some(119), "row numbers count from 1");
    go(&mut app, "t12");
    assert_eq!(current_turn(&app, 0), Some(11));
    let row = &app.reader.rows[app.current_row().unwrap()];
    assert!(row.starts_turn(0), "the turn's first row");
    go(&mut app, "50%");
    assert_eq!(app.current, app.visible.len() / 2);
    go(&mut app, "t99");
    assert_eq!(
        app.message.as_deref(),
        Some("there is no turn 99 (the last is 23)")
    );
    go(&mut app, "9999");
    assert_eq!(
        app.message.as_deref(),
        Some("there is no row 9999 (the last is 271)")
    );
    go(&mut app, "x");
    assert!(app.message.as_deref().unwrap().starts_with("go to 'x'?"));
    go(&mut app, "1");
    assert_eq!(app.current, 0);
    // Esc leaves the prompt without moving.
    app.update(Action::StartGoTo);
    app.update(Action::Type('9'));
    app.update(Action::Back);
    assert_eq!(app.current, 0);
    assert_eq!(app.mode, tandem::ui::app::Mode::Reading);
}

#[test]
fn a_copied_quote_carries_what_qualifies_it() {
    let mut app = bundled(160, 45);
    app.update(Action::StartGoTo);
    for c in "103".chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Confirm);
    app.update(Action::CopyRow);
    let quote = app.clipboard.clone().unwrap();
    let official = quote.lines().next().unwrap();
    // The State Department marks this passage with red asterisks: absent from the recording.
    assert!(
        official.contains("open up the floor for questions"),
        "{quote}"
    );
    assert!(
        official.contains("(unverified in the source: “"),
        "the unverified marking travels with the quote: {quote}"
    );
}
