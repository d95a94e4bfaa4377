//! Screens of the reader, drawn into a test terminal and kept as snapshots: the first screen
//! of the bundled example, a speaker filter, a search, the help, a narrow terminal, Korean.

mod common;

use common::keys;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tandem::align;
use tandem::ui::keymap::{self, Keymap};
use tandem::ui::layout::Layout;
use tandem::ui::theme::ThemeName;
use tandem::ui::{Action, App, Contents, Theme, view};

fn bundled_app(width: u16, height: u16) -> App {
    let (official, ytn) = (common::official_seed(), common::ytn_seed());
    let alignment = align::align(&official, &ytn, &[]);
    App::new(Contents::pair(official, ytn, alignment), (width, height))
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal
        .draw(|frame| view::draw(frame, app, &Theme::default()))
        .unwrap();
    terminal
}

fn screen(app: &App) -> String {
    draw(app).backend().to_string()
}

/// The text of the cells drawn in `style`'s background, in reading order.
fn text_with_background(app: &App, background: ratatui::style::Color) -> String {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    buffer
        .content()
        .iter()
        .filter(|cell| cell.bg == background)
        .map(|cell| cell.symbol())
        .collect()
}

fn apply(app: &mut App, actions: &[Action]) {
    for action in actions {
        app.update(*action);
    }
}

fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::Type).collect()
}

#[test]
fn first_screen_of_the_bundled_example() {
    insta::assert_snapshot!(screen(&bundled_app(160, 45)));
}

#[test]
fn speaker_filter() {
    let mut app = bundled_app(160, 45);
    apply(&mut app, &[Action::OpenSpeakers]);
    apply(&mut app, &typed("blinken"));
    apply(&mut app, &[Action::ListToggle]);
    insta::assert_snapshot!("speaker_list", screen(&app));
    apply(&mut app, &[Action::Confirm]);
    insta::assert_snapshot!("speaker_filter_applied", screen(&app));
}

#[test]
fn search_with_hits() {
    let mut app = bundled_app(160, 45);
    apply(&mut app, &[Action::StartSearch]);
    apply(&mut app, &typed("new orleans"));
    apply(&mut app, &[Action::Confirm]);
    assert_eq!(app.search.hits, 2);
    let highlighted = text_with_background(&app, Theme::default().search_hit.bg.unwrap());
    assert_eq!(
        highlighted, "New OrleansNewOrleans",
        "both hits are highlighted (the second wraps)"
    );
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn help_overlay() {
    let mut app = bundled_app(160, 45);
    apply(&mut app, &[Action::Help]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn narrow_terminal_shows_one_pane_and_switches() {
    let mut app = bundled_app(80, 24);
    insta::assert_snapshot!("narrow_official", screen(&app));
    apply(&mut app, &[Action::SwitchFocus]);
    insta::assert_snapshot!("narrow_other", screen(&app));
    let small = bundled_app(30, 6);
    insta::assert_snapshot!("too_small", screen(&small));
}

#[test]
fn korean_text_pane() {
    let official = common::official_seed();
    let korean = common::load("tests/fixtures/seoul-ko.txt");
    let alignment = align::align(&official, &korean, &[]);
    let app = App::new(Contents::pair(official, korean, alignment), (120, 30));
    let text = screen(&app);
    assert!(text.contains("조태열 외교부 장관"));
    insta::assert_snapshot!(text);
}

#[test]
fn single_transcript() {
    if !common::shared_corpus("single_transcript") {
        return;
    }
    let transcript = common::load(
        "../shared/corpus/podcast/podcastindex_buzzsprout-trailer-episode_example.vtt",
    );
    let app = App::new(Contents::single(transcript), (100, 20));
    insta::assert_snapshot!(screen(&app));
}

fn draw_themed(app: &App, theme: &Theme) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal
        .draw(|frame| view::draw(frame, app, theme))
        .unwrap();
    terminal
}

/// The bundled example with a search hit, word differences and the help open: every kind
/// of highlight a theme has to show.
fn highlights(theme: &Theme) -> (Terminal<TestBackend>, Terminal<TestBackend>) {
    let mut app = bundled_app(160, 45);
    apply(&mut app, &[Action::StartSearch]);
    apply(&mut app, &typed("alliance"));
    apply(&mut app, &[Action::Confirm, Action::ToggleDiff]);
    let reading = draw_themed(&app, theme);
    apply(&mut app, &[Action::Help]);
    (reading, draw_themed(&app, theme))
}

#[test]
fn mono_theme_has_no_colour_but_still_marks_hits() {
    use ratatui::style::{Color, Modifier};
    let (reading, help) = highlights(&ThemeName::Mono.theme());
    for terminal in [&reading, &help] {
        let coloured = terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .filter(|cell| cell.fg != Color::Reset || cell.bg != Color::Reset)
            .count();
        assert_eq!(coloured, 0);
    }
    let reversed: String = reading
        .backend()
        .buffer()
        .content()
        .iter()
        .filter(|cell| cell.modifier.contains(Modifier::REVERSED))
        .map(|cell| cell.symbol())
        .collect();
    assert!(reversed.contains("alliance"), "{reversed}");
}

#[test]
fn ansi_theme_uses_only_the_sixteen_colours() {
    use ratatui::style::Color;
    let (reading, help) = highlights(&ThemeName::Ansi.theme());
    for terminal in [&reading, &help] {
        let cells = terminal.backend().buffer().content();
        assert!(cells.iter().all(
            |cell| !matches!(cell.fg, Color::Rgb(..) | Color::Indexed(_))
                && !matches!(cell.bg, Color::Rgb(..) | Color::Indexed(_))
        ));
        assert!(cells.iter().any(|cell| cell.bg != Color::Reset));
    }
}

#[test]
fn light_and_dark_themes_differ_and_keep_the_text() {
    let dark = highlights(&ThemeName::Dark.theme()).0;
    let light = highlights(&ThemeName::Light.theme()).0;
    assert_eq!(dark.backend().to_string(), light.backend().to_string());
    assert_ne!(dark.backend().buffer(), light.backend().buffer());
}

#[test]
fn layout_setting_decides_the_panes() {
    let single = bundled_app(160, 45).configured(Keymap::default(), Layout::Single);
    assert_eq!(single.screen().unwrap().panes.len(), 1);
    let forced = bundled_app(80, 30).configured(Keymap::default(), Layout::SideBySide);
    assert_eq!(forced.screen().unwrap().panes.len(), 2);
    let auto = bundled_app(80, 30);
    assert_eq!(auto.screen().unwrap().panes.len(), 1);
    insta::assert_snapshot!("single_layout_wide", screen(&single));
}

#[test]
fn rebound_keys_show_in_the_help_and_the_status_line() {
    let mut keymap = Keymap::default();
    keymap
        .rebind("quit", &[keymap::parse_key("x").unwrap()])
        .unwrap();
    let mut app = bundled_app(160, 45).configured(keymap, Layout::Auto);
    let status = screen(&app);
    assert!(status.contains("? help  x quit"), "{status}");
    apply(&mut app, &[Action::Help]);
    let help = screen(&app);
    assert!(help.contains("x                   quit"), "{help}");
}

#[test]
fn status_line_at_80_columns() {
    let mut app = bundled_app(80, 24);
    apply(&mut app, &[Action::StartSearch]);
    apply(&mut app, &typed("korea"));
    let typing = screen(&app);
    let last_line = |text: &str| text.lines().last().unwrap().to_string();
    assert!(last_line(&typing).contains("/korea▏ 144 hits"), "{typing}");
    apply(&mut app, &[Action::Confirm, Action::ToggleDiff]);
    let status = last_line(&screen(&app));
    // The row number, the focused pane's turn, the search count and the diff all fit;
    // what matters least (the percentage, the flags) gives way.
    for part in [
        "row 7/271",
        "turn 1/23",
        "/korea 5/97 rows, 144 hits",
        "diff",
        "q quit",
    ] {
        assert!(status.contains(part), "{part} in {status}");
    }
    insta::assert_snapshot!(status);
    apply(&mut app, &[Action::SwitchFocus]);
    let other = last_line(&screen(&app));
    assert!(other.contains("turn 2/4"), "the other pane's turn: {other}");
}

#[test]
fn help_fits_small_screens_scrolls_and_closes_only_on_its_keys() {
    let mut app = bundled_app(80, 24);
    apply(&mut app, &[Action::Help]);
    let first = screen(&app);
    insta::assert_snapshot!("help_overlay_80x24", first);
    assert!(first.contains("j/k scroll · Esc, ? or q closes this help"));
    // Keys that do not close it leave it open; the scrolling keys scroll it to the legend.
    keys::press(&mut app, "2dx/");
    assert_eq!(app.mode, tandem::ui::app::Mode::Help);
    assert!(
        !app.filter.contains(&true),
        "2 in the help is not a speaker"
    );
    keys::press(&mut app, "G");
    let last = screen(&app);
    for mark in ["▸", "●", "○", "▐", "the other version has nothing here"] {
        assert!(last.contains(mark), "{mark} in the legend:\n{last}");
    }
    keys::press(&mut app, "jjjjj");
    assert_eq!(screen(&app), last, "no scrolling past the end");
    for size in [(100, 30), (120, 35)] {
        let mut app = bundled_app(size.0, size.1);
        apply(&mut app, &[Action::Help]);
        let shown = screen(&app);
        // Every line of the box is whole: its right border is drawn on each.
        let box_lines = shown
            .lines()
            .filter(|l| l.contains('│') && l.contains("  "))
            .count();
        assert!(box_lines > 10, "{shown}");
        assert!(!shown.contains("Divergen│"), "{shown}");
        assert!(shown.contains("next turn"), "{shown}");
    }
    keys::press(&mut app, "q");
    assert_eq!(app.mode, tandem::ui::app::Mode::Reading);
    assert!(!app.quit, "q closes the help, it does not quit");
    for closing in ["?", "<Esc>"] {
        keys::press(&mut app, "?");
        assert_eq!(app.mode, tandem::ui::app::Mode::Help);
        keys::press(&mut app, closing);
        assert_eq!(app.mode, tandem::ui::app::Mode::Reading, "{closing}");
    }
}

#[test]
fn pane_headers_name_their_files() {
    if !common::shared_corpus("pane_headers_name_their_files") {
        return;
    }
    let folder = "../shared/corpus/whitehouse/wh_2022-03-10_harris-duda_joint-press-conference";
    let original = common::load(&format!("{folder}_ORIGINAL.md"));
    let corrected = common::load(&format!("{folder}_CORRECTED.md"));
    let alignment = align::align(&original, &corrected, &[]);
    let contents = Contents::pair(original, corrected, alignment);
    let mut app = App::new(contents, (160, 45));
    let header = |app: &App| screen(app).lines().nth(1).unwrap().to_string();
    let wide = header(&app);
    assert!(
        wide.contains("nference_ORIGINAL.md") && wide.contains("erence_CORRECTED.md"),
        "{wide}"
    );
    apply(&mut app, &[Action::Resize(80, 24)]);
    assert!(header(&app).contains("_ORIGINAL.md"), "{}", header(&app));
    apply(&mut app, &[Action::SwitchFocus]);
    assert!(header(&app).contains("_CORRECTED.md"), "{}", header(&app));
}

#[test]
fn go_to_prompt() {
    let mut app = bundled_app(80, 24);
    apply(&mut app, &[Action::StartGoTo]);
    apply(&mut app, &typed("t12"));
    let status = screen(&app).lines().last().unwrap().to_string();
    insta::assert_snapshot!(status);
    apply(&mut app, &[Action::Confirm]);
    assert!(
        screen(&app).contains("▸○ FOREIGN MINISTER CHO  turn 12"),
        "{}",
        screen(&app)
    );
}

/// The screen as plain lines, as a terminal shows it: a wide character's second cell is not
/// a character of its own, and trailing blanks are dropped.
fn plain_lines(app: &App) -> String {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    let width = usize::from(buffer.area.width);
    let mut text = String::new();
    for row in buffer.content().chunks(width) {
        let mut line = String::new();
        let mut skip = 0;
        for cell in row {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            line.push_str(cell.symbol());
            skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

/// The README's screen capture is this screen: the test fails when they differ, and writes
/// the README when `TANDEM_WRITE_README` is set.
#[test]
fn readme_capture_is_the_reader_as_drawn() {
    let mut app = bundled_app(120, 32);
    keys::press(&mut app, ":t2<Enter>");
    let capture = plain_lines(&app);
    insta::assert_snapshot!("readme_capture", capture);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let start = readme
        .find(CAPTURE_START)
        .expect("README has the capture's opening line")
        + CAPTURE_START.len();
    let end = start
        + readme[start..]
            .find("```")
            .expect("the capture's block closes");
    if std::env::var_os("TANDEM_WRITE_README").is_some() {
        let written = format!("{}{capture}{}", &readme[..start], &readme[end..]);
        std::fs::write(path, written).unwrap();
        return;
    }
    assert_eq!(
        &readme[start..end],
        capture.as_str(),
        "README.md's screen capture is out of date: run TANDEM_WRITE_README=1 cargo test --test reader_screens readme_capture"
    );
}

/// What opens the README's capture block.
const CAPTURE_START: &str = "<!-- capture: tests/reader_screens.rs readme_capture -->\n```\n";

#[test]
fn divergence_list_at_80_columns() {
    let mut app = bundled_app(80, 24);
    keys::press(&mut app, "c");
    let shown = screen(&app);
    assert!(shown.contains("Divergences"), "{shown}");
    insta::assert_snapshot!("divergence_list_80x24", shown);
}

#[test]
fn swapped_panes_and_the_focus_marker() {
    let mut app = bundled_app(160, 45);
    keys::press(&mut app, "x<Tab>>>");
    let shown = plain_lines(&app);
    let title = shown.lines().next().unwrap();
    assert!(
        title.starts_with(" ▶ [On-Site Video+]"),
        "the other version, focused, on the left: {title}"
    );
    insta::assert_snapshot!("swapped_panes_focused", shown);
}

#[test]
fn subtitle_rows_show_their_time_in_the_gutter() {
    if !common::shared_corpus("subtitle_rows_show_their_time_in_the_gutter") {
        return;
    }
    let corpus = "../shared/corpus/subtitles/morevna-ep03";
    let english = common::load(&format!("{corpus}/en.srt"));
    let korean = common::load(&format!("{corpus}/ko.srt"));
    let alignment = align::align(&english, &korean, &[]);
    let app = App::new(Contents::pair(english, korean, alignment), (160, 45));
    let shown = plain_lines(&app);
    assert!(shown.contains("      0:26 This is \"Hawk\"."), "{shown}");
    let repeated = shown
        .lines()
        .filter(|l| l.starts_with("      0:26"))
        .count();
    assert_eq!(repeated, 1, "a time the row before shows is not repeated");
    // Below 80 columns the text keeps the room; the status line still gives the time.
    let narrow = App::new(app.contents, (79, 24));
    let shown = plain_lines(&narrow);
    assert!(shown.lines().last().unwrap().contains("0:00"), "{shown}");
    assert!(!shown.contains("      0:"), "{shown}");
}
