//! The reader's behaviour without a terminal: build an App, apply actions, check the state.

mod common;

use common::keys;

use tandem::align;
use tandem::model::Side;
use tandem::ui::wrap::{self, Highlights};
use tandem::ui::{Action, App, Contents};

fn bundled(width: u16, height: u16) -> App {
    let (official, ytn) = (common::official_seed(), common::ytn_seed());
    let alignment = align::align(&official, &ytn, &[]);
    App::new(Contents::pair(official, ytn, alignment), (width, height))
}

fn current_turn(app: &App, side: Side) -> Option<usize> {
    app.current_row()
        .and_then(|id| app.contents.rows[id].turn(side))
}

#[test]
fn turn_navigation_follows_the_focused_pane() {
    let mut app = bundled(160, 45);
    app.update(Action::NextTurn);
    assert_eq!(
        current_turn(&app, Side::Official),
        Some(0),
        "first official turn"
    );
    app.update(Action::NextTurn);
    assert_eq!(current_turn(&app, Side::Official), Some(1));
    app.update(Action::NextTurnBySpeaker);
    assert_eq!(
        current_turn(&app, Side::Official),
        Some(6),
        "Cho's next turn is the 7th"
    );
    app.update(Action::PreviousTurnBySpeaker);
    assert_eq!(current_turn(&app, Side::Official), Some(1));
    app.update(Action::SwitchFocus);
    app.update(Action::Top);
    app.update(Action::NextTurn);
    assert_eq!(
        current_turn(&app, Side::Other),
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
        assert!(app.contents.rows[id].is_divergent());
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
    let blinken = &app.contents.speakers[2];
    assert_eq!(
        blinken.labels[Side::Official].as_deref(),
        Some("SECSTATE BLINKEN")
    );
    assert!(app.visible.len() < all);
    for &id in &app.visible {
        let row = &app.contents.rows[id];
        assert!(
            app.contents.row_entries(row).any(|e| e == 2),
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
    current_row_starts_on_screen(app);
    if app.current > app.top.index {
        let top_start = usize::from(app.contents.breaks_before(app.visible[app.top.index]));
        assert!(
            app.top.line > top_start,
            "the top row's start is scrolled off"
        );
    }
}

/// Checks that the current row's first line of text is on screen.
fn current_row_starts_on_screen(app: &App) {
    let widths = app.screen().unwrap().widths();
    let body = app.screen().unwrap().body_height();
    let height = |index: usize| wrap::row_height(&app.contents, app.visible[index], widths);
    assert!(app.current >= app.top.index);
    let mut y = 0;
    for index in app.top.index..app.current {
        y += height(index);
    }
    let lead = usize::from(app.contents.breaks_before(app.visible[app.current]));
    let start = (y + lead).saturating_sub(app.top.line);
    assert!(
        start < body || app.current == app.top.index,
        "the current row's first line ({start}) is on a screen of {body} lines"
    );
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
    for id in 0..app.contents.rows.len() {
        let wrapped = wrap::wrap_row(&app.contents, id, widths, &Highlights::default());
        let tallest = wrapped
            .sides
            .iter()
            .map(|(_, s)| s.lines.len())
            .max()
            .unwrap();
        assert_eq!(wrapped.height, tallest);
        for (_, side) in wrapped.sides.iter() {
            for line in &side.lines {
                if let wrap::LineKind::Text { segment, range } = line {
                    let text = &side.segments[*segment].text[range.clone()];
                    assert!(
                        unicode_width::UnicodeWidthStr::width(text)
                            <= widths.official.max(widths.other) as usize
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
    let mut app = App::new(Contents::pair(official, korean, alignment), (80, 24));
    app.update(Action::SwitchFocus);
    for turn in 1..4 {
        app.update(Action::NextTurn);
        assert_eq!(
            current_turn(&app, Side::Other),
            Some(turn),
            "each ] goes a turn on"
        );
        let row = &app.contents.rows[app.current_row().unwrap()];
        assert!(row.starts_turn(Side::Other));
    }
    assert!(
        app.current > app.top.index,
        "the last turn is current below the top"
    );
    app.update(Action::PreviousTurn);
    assert_eq!(current_turn(&app, Side::Other), Some(2));
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
    assert_eq!(current_turn(&app, Side::Official), Some(11));
    let row = &app.contents.rows[app.current_row().unwrap()];
    assert!(row.starts_turn(Side::Official), "the turn's first row");
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

#[test]
fn half_pages_screen_rows_and_relative_go_to() {
    let mut app = bundled(160, 45);
    keys::press(&mut app, "<C-d>");
    let half = app.top;
    assert!(half.index > 0 || half.line > 0, "Ctrl-d moved: {half:?}");
    keys::press(&mut app, "<C-d><C-u>");
    assert_eq!(app.top, half, "Ctrl-u undoes Ctrl-d");
    let top = app.top;
    keys::press(&mut app, "L");
    let last = app.current;
    keys::press(&mut app, "M");
    let middle = app.current;
    keys::press(&mut app, "H");
    assert_eq!(app.top, top, "H, M and L do not move the screen");
    assert!(
        app.current < middle && middle < last,
        "{} {middle} {last}",
        app.current
    );
    keys::press(&mut app, "L");
    current_row_starts_on_screen(&app);
    keys::press(&mut app, "y");
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .contains(&format!("row {}", app.visible[last] + 1)),
        "y copies the row L chose"
    );
    keys::press(&mut app, "g:+5<Enter>");
    assert_eq!(app.current, 5);
    keys::press(&mut app, ":-2<Enter>");
    assert_eq!(app.current, 3);
}

#[test]
fn marks_and_jumps_go_back() {
    let mut app = bundled(160, 45);
    keys::press(&mut app, ":120<Enter>ma");
    assert_eq!(app.message.as_deref(), Some("mark a: row 120"));
    keys::press(&mut app, "G'a");
    assert_eq!(app.current_row(), Some(119), "'a goes to the mark");
    let end = {
        keys::press(&mut app, "G");
        app.current_row()
    };
    keys::press(&mut app, "''");
    assert_eq!(app.current_row(), Some(119), "'' goes back before the jump");
    keys::press(&mut app, "''");
    assert_eq!(app.current_row(), end, "'' again returns");
    // Ctrl-o walks back through the jumps: G, d, / and : each leave one.
    let mut app = bundled(160, 45);
    keys::press(&mut app, "d");
    let divergence = app.current_row();
    keys::press(&mut app, "/carter<Enter>");
    let hit = app.current_row();
    assert_ne!(hit, divergence);
    keys::press(&mut app, ":200<Enter>");
    keys::press(&mut app, "<C-o>");
    assert_eq!(app.current_row(), hit);
    keys::press(&mut app, "<C-o>");
    assert_eq!(app.current_row(), divergence);
    keys::press(&mut app, "<C-o>");
    assert_eq!(app.current_row(), Some(0));
    keys::press(&mut app, "<C-o>");
    assert_eq!(app.message.as_deref(), Some("no jump to go back from"));
    keys::press(&mut app, "'z");
    assert_eq!(app.message.as_deref(), Some("no mark z (mz sets it)"));
    keys::press(&mut app, "m<Esc>");
    assert_eq!(app.mode, tandem::ui::app::Mode::Reading);
}

/// Hits of a plain, case-ignoring query in each version of the bundled pair.
fn hits_per_side(app: &App, query: &str) -> [usize; 2] {
    let count = |side: Side| {
        app.contents
            .rows
            .iter()
            .map(|row| {
                app.contents
                    .side_text(row, side)
                    .to_lowercase()
                    .matches(query)
                    .count()
            })
            .sum()
    };
    [count(Side::Official), count(Side::Other)]
}

#[test]
fn search_keeps_history_scope_regex_and_the_last_pattern() {
    let mut app = bundled(160, 45);
    let korea = hits_per_side(&app, "korea");
    keys::press(&mut app, "/korea<Enter>");
    assert_eq!(app.search.hits, korea[0] + korea[1]);
    keys::press(&mut app, "/kor<Esc>");
    assert_eq!(
        app.search.query, "korea",
        "a cancelled / keeps the last search"
    );
    assert_eq!(app.search.hits, korea[0] + korea[1]);
    keys::press(&mut app, "/carter<Enter>/<Up>");
    assert_eq!(app.search.query, "carter");
    keys::press(&mut app, "<Up>");
    assert_eq!(app.search.query, "korea");
    keys::press(&mut app, "<Down>");
    assert_eq!(app.search.query, "carter");
    keys::press(&mut app, "<Esc>");
    // One version only: Tab in the prompt.
    keys::press(&mut app, "/korea<Tab><Enter>");
    assert_eq!(app.search.scope, Some(Side::Official));
    assert_eq!(app.search.hits, korea[0]);
    // The scope stays for the next search, and the prompt says it.
    keys::press(&mut app, "/korea<Tab><Enter>");
    assert_eq!(
        (app.search.scope, app.search.hits),
        (Some(Side::Other), korea[1])
    );
    keys::press(&mut app, "/korea<Tab><Enter>");
    assert_eq!(app.search.scope, None);
    // A regular expression after \v.
    let carter = hits_per_side(&app, "carter");
    let orleans = hits_per_side(&app, "orleans");
    keys::press(&mut app, "/\\vcarter|orleans<Enter>");
    assert_eq!(
        app.search.hits,
        carter[0] + carter[1] + orleans[0] + orleans[1]
    );
    keys::press(&mut app, "/\\v(carter<Enter>");
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("is not a regular expression"), "{message}");
    assert_eq!(app.search.hits, 0);
}

#[test]
fn star_searches_the_first_word_of_the_current_row() {
    let mut app = bundled(160, 45);
    keys::press(&mut app, ":t2<Enter>");
    let id = app.current_row().unwrap();
    let text = app
        .contents
        .side_text(&app.contents.rows[id], Side::Official);
    let word: String = text
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap()
        .to_string();
    keys::press(&mut app, "*");
    assert_eq!(app.search.query, format!("\\v\\b{word}\\b"));
    assert!(app.search.hits >= 1);
    assert_ne!(app.current_row(), Some(id), "* goes on to the next hit");
    assert_eq!(app.history.last(), Some(&app.search.query));
}

#[test]
fn the_key_table_drives_every_mode() {
    let mut app = bundled(160, 45);
    // The speaker list: typed keys filter, arrows move, Esc closes without change.
    keys::press(&mut app, "sblinken <Enter>");
    assert!(app.filter.contains(&true));
    keys::press(&mut app, "0s<Down><Esc>");
    assert!(!app.filter.contains(&true));
    // The go-to prompt: digits type, not speakers.
    keys::press(&mut app, ":12<Enter>");
    assert_eq!(app.current_row(), Some(11));
    assert!(!app.filter.contains(&true));
    // The help closes only on its keys.
    keys::press(&mut app, "?jdn");
    assert_eq!(app.mode, tandem::ui::app::Mode::Help);
    keys::press(&mut app, "<Esc>");
    assert_eq!(app.mode, tandem::ui::app::Mode::Reading);
    assert!(!app.quit);
}

#[test]
fn the_divergence_list_names_every_stop_of_d_and_goes_there() {
    let mut app = bundled(160, 45);
    let mut stops = Vec::new();
    loop {
        keys::press(&mut app, "d");
        if app.message.is_some() {
            break;
        }
        stops.push(app.current_row().unwrap());
    }
    keys::press(&mut app, "gc");
    let tandem::ui::app::Mode::Divergences(list) = app.mode.clone() else {
        panic!("c opens the divergence list: {:?}", app.mode);
    };
    let shown = app.divergences_shown(&list);
    // One entry per stop of d, and the block the first row is in, which d starts from.
    assert_eq!(shown.len(), stops.len() + 1);
    let first = app.divergence_entry(shown[0]);
    assert_eq!(first.place, "rows 1-5");
    assert_eq!(first.kind, "only in the other version");
    assert!(first.words.starts_with("The Korea-U.S."), "{}", first.words);
    // Typing filters; Enter goes to the chosen block and leaves a jump.
    keys::press(&mut app, "names differ<Down><Enter>");
    let id = app.current_row().unwrap();
    assert!(
        app.contents.rows[id]
            .flags
            .iter()
            .any(|f| f.describe().starts_with("names differ"))
    );
    assert_eq!(
        Some(&id),
        stops
            .iter()
            .filter(|&&s| {
                app.contents.rows[s]
                    .flags
                    .iter()
                    .any(|f| f.describe().starts_with("names differ"))
            })
            .nth(1)
    );
    keys::press(&mut app, "<C-o>");
    assert_eq!(app.current_row(), Some(0));
    keys::press(&mut app, "c<Esc>");
    assert_eq!(app.mode, tandem::ui::app::Mode::Reading);
}

#[test]
fn panes_split_swap_and_clicks() {
    let mut app = bundled(160, 45);
    let widths = |app: &App| app.screen().unwrap().widths();
    let even = widths(&app);
    keys::press(&mut app, ">>");
    assert!(widths(&app).official > even.official && widths(&app).other < even.other);
    keys::press(&mut app, "<<<<");
    assert!(widths(&app).official < even.official);
    for _ in 0..40 {
        keys::press(&mut app, "<");
    }
    assert!(widths(&app).official >= 20, "a pane keeps 20 columns");
    assert_eq!(app.message.as_deref(), Some("the split can go no further"));
    keys::press(&mut app, "x");
    let panes = app.screen().unwrap().panes;
    assert_eq!(
        (panes[0].0, panes[1].0),
        (Side::Other, Side::Official),
        "the other version on the left"
    );
    // A click on a row makes it current; on the strip, it goes to that part.
    let mut app = bundled(160, 45);
    app.update(Action::Click(30, 30));
    assert!(app.current > 0, "the row under line 30");
    current_row_starts_on_screen(&app);
    let clicked = app.current;
    app.update(Action::Click(159, 43));
    assert!(
        app.current > clicked && app.percent() > 90,
        "{}",
        app.percent()
    );
    keys::press(&mut app, "<C-o>");
    assert_eq!(app.current, clicked, "a click on the strip is a jump");
    keys::press(&mut app, "\\");
    assert!(!app.mouse);
    let click = crossterm::event::Event::Mouse(crossterm::event::MouseEvent {
        kind: crossterm::event::MouseEventKind::Down(crossterm::event::MouseButton::Left),
        column: 10,
        row: 10,
        modifiers: crossterm::event::KeyModifiers::NONE,
    });
    assert_eq!(
        tandem::ui::action_for(&app, click.clone()),
        None,
        "mouse off"
    );
    keys::press(&mut app, "\\");
    assert_eq!(
        tandem::ui::action_for(&app, click),
        Some(Action::Click(10, 10))
    );
}

#[test]
fn subtitles_show_and_go_to_times() {
    if !common::shared_corpus("subtitles_show_and_go_to_times") {
        return;
    }
    let english = common::load("../shared/corpus/subtitles/morevna-ep03/en.srt");
    let korean = common::load("../shared/corpus/subtitles/morevna-ep03/ko.srt");
    let alignment = align::align(&english, &korean, &[]);
    let mut app = App::new(Contents::pair(english, korean, alignment), (160, 45));
    keys::press(&mut app, ":1:00<Enter>");
    let id = app.current_row().unwrap();
    let time = app.row_time(id, Side::Official).unwrap();
    assert!(time >= 60.0, "{time}");
    let earlier = (0..id)
        .filter_map(|row| app.row_time(row, Side::Official))
        .fold(0.0, f64::max);
    assert!(earlier < 60.0, "the first row at or after 1:00");
    keys::press(&mut app, ":99:00<Enter>");
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .starts_with("nothing starts at 1:39:00")
    );
    let mut app = bundled(160, 45);
    keys::press(&mut app, ":1:00<Enter>");
    assert!(app.message.as_deref().unwrap().contains("has no times"));
}

/// An SRT of `cues` cues none of which ends a sentence: the loader merges them into one
/// sentence, a row taller than any screen.
fn one_giant_sentence(cues: usize) -> App {
    let mut srt = String::new();
    for cue in 1..=cues {
        let clock = |s: usize| format!("{:02}:{:02}:{:02},000", s / 3600, s / 60 % 60, s % 60);
        srt.push_str(&format!(
            "{cue}\n{} --> {}\nword{} and the fox runs on\n\n",
            clock(cue),
            clock(cue + 1),
            cue % 97
        ));
    }
    let transcript =
        tandem::load::load_bytes(srt.as_bytes(), "giant.srt", Default::default()).unwrap();
    assert_eq!(transcript.turns[0].paragraphs[0].sentences.len(), 1);
    App::new(Contents::single(transcript), (160, 45))
}

#[test]
fn one_giant_sentence_searches_and_reports_its_position() {
    let mut app = one_giant_sentence(20_000);
    keys::press(&mut app, "/word13 <Enter>");
    assert_eq!(app.search.hits, 20_000 / 97 + 1);
    keys::press(&mut app, "G");
    assert_eq!(app.percent(), 100, "G shows the end");
    keys::press(&mut app, "<C-u>");
    let percent = app.percent();
    assert!((90..100).contains(&percent), "{percent}");
}

/// The case of issue 20: a million cues in one sentence. Run with `--ignored --nocapture`
/// to see what a key costs; it checks only what is drawn, not how fast.
#[test]
#[ignore = "builds a 40 MB sentence; a measurement, run by hand"]
fn a_million_cues_in_one_sentence() {
    let started = std::time::Instant::now();
    let mut app = one_giant_sentence(1_000_000);
    app.screen();
    println!("loaded and laid out in {:?}", started.elapsed());
    let draw = |app: &App| {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 45)).unwrap();
        terminal
            .draw(|frame| tandem::ui::view::draw(frame, app, &tandem::ui::Theme::default()))
            .unwrap();
    };
    draw(&app);
    println!("first screen at {:?}", started.elapsed());
    keys::press(&mut app, "/");
    for key in ["f", "o", "x"] {
        let key_started = std::time::Instant::now();
        keys::press(&mut app, key);
        draw(&app);
        println!(
            "typing {key}: {:?} ({} hits)",
            key_started.elapsed(),
            app.search.hits
        );
    }
    keys::press(&mut app, "<Enter>G");
    assert_eq!(app.percent(), 100);
}
