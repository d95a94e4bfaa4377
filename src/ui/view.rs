//! Drawing the reader. Takes the state read-only: only the rows on screen are wrapped and
//! drawn, so a frame costs the same however long the transcripts are.

use super::app::DivergenceList;
use super::app::{App, Mode};
use super::background;
use super::keymap::Keymap;
use super::layout::{self, Screen};
use super::segments::Mark;
use super::theme::Theme;
use super::wrap::{LineKind, WrappedSide};
use crate::align::MetadataChange;
use crate::model::AnnotationKind;
use crate::model::Side;
use crate::sanitize::visible;
use ratatui::Frame;
use ratatui::layout::{Alignment as TextAlignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame<'_>, app: &App, theme: &Theme) {
    let area = frame.area();
    let Some(screen) = app.screen() else {
        let message = format!(
            "terminal too small: {}×{} (tandem needs at least {}×{})",
            area.width,
            area.height,
            layout::MIN_WIDTH,
            layout::MIN_HEIGHT
        );
        let y = area.height / 2;
        frame.render_widget(
            Paragraph::new(message)
                .wrap(Wrap { trim: true })
                .alignment(TextAlignment::Center),
            Rect::new(
                0,
                y.saturating_sub(1),
                area.width,
                area.height - y.saturating_sub(1),
            ),
        );
        return;
    };
    draw_header(frame, app, theme, &screen);
    draw_body(frame, app, theme, &screen);
    draw_minimap(frame, app, theme, &screen);
    draw_status(frame, app, theme, &screen);
    match &app.mode {
        Mode::Help => draw_help(frame, app, theme),
        Mode::Speakers(_) => draw_speakers(frame, app, theme),
        Mode::Divergences(list) => draw_divergences(frame, app, theme, list),
        Mode::Reading | Mode::Searching { .. } | Mode::GoTo(_) | Mode::Mark { .. } => {}
    }
}

/// Cuts `text` to `width` display columns, marking the cut with `…`.
fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Cuts the middle out of `text` to fit `width` columns: the start and the end of a file
/// name (`…_ORIGINAL.md`) tell files apart best.
fn cut_middle(text: &str, width: usize) -> String {
    if text.width() <= width || width < 9 {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let keep = |from_end: bool, room: usize| {
        let mut kept = String::new();
        let mut used = 0;
        let ordered: Box<dyn Iterator<Item = &char>> = if from_end {
            Box::new(chars.iter().rev())
        } else {
            Box::new(chars.iter())
        };
        for &c in ordered {
            used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used > room {
                break;
            }
            kept.push(c);
        }
        if from_end {
            kept.chars().rev().collect()
        } else {
            kept
        }
    };
    let room = width - 1;
    format!("{}…{}", keep(false, room / 2), keep(true, room - room / 2))
}

fn draw_header(frame: &mut Frame<'_>, app: &App, theme: &Theme, screen: &Screen) {
    let narrow = app.contents.is_pair() && screen.panes.len() == 1;
    for (side, rect) in &screen.panes {
        let pane = app.contents.pane_or_alone(*side);
        let metadata = &pane.transcript.metadata;
        let (x, width) = if rect.x == screen.gutter.right() || screen.panes.len() == 1 {
            (0, rect.x + rect.width)
        } else {
            (rect.x, rect.width + screen.minimap.width)
        };
        let width = width as usize;
        let title = metadata
            .title
            .clone()
            .unwrap_or_else(|| metadata.origin.file.clone());
        let details = header_details(app, *side, narrow, width);
        // The focused pane is told by a marker as well as by colour, for terminals and eyes
        // that do not tell the colours apart.
        let focused = app.contents.is_pair() && !narrow && app.focus == *side;
        let (marker, title_style) = if focused {
            (
                "▶ ",
                theme
                    .title
                    .patch(theme.focus_border)
                    .add_modifier(Modifier::BOLD),
            )
        } else {
            ("", theme.title)
        };
        let lines = vec![
            Line::from(Span::styled(
                fit(
                    &format!("{marker}{}", visible(&title)),
                    width.saturating_sub(1),
                ),
                title_style,
            )),
            Line::from(Span::styled(
                fit(&visible(&details), width.saturating_sub(1)),
                theme.subtitle,
            )),
        ];
        frame.render_widget(
            Paragraph::new(lines),
            Rect::new(
                x + u16::from(x == 0),
                0,
                width as u16 - u16::from(x == 0),
                2,
            ),
        );
    }
}

/// The second line of a pane's header: the file's name (its middle cut when short of
/// room), source, language and folder; what the other version changed; in a narrow terminal,
/// which version this is.
fn header_details(app: &App, side: Side, narrow: bool, width: usize) -> String {
    let metadata = &app.contents.pane_or_alone(side).transcript.metadata;
    // The file name first: two versions from one site share their title and source.
    let path = std::path::Path::new(&metadata.origin.file);
    let name = path.file_name().map_or_else(
        || metadata.origin.file.clone(),
        |name| name.to_string_lossy().into_owned(),
    );
    let mut details: Vec<String> = vec![name.clone()];
    details.extend(metadata.source.clone());
    details.extend(metadata.language.clone());
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        details.push(format!("in {}", folder.display()));
    }
    if side == Side::Other && !app.contents.metadata_changes.is_empty() {
        details.insert(1, changed_metadata(&app.contents.metadata_changes));
    }
    if narrow {
        details.insert(
            0,
            format!(
                "{} version{}",
                side.name(),
                app.keymap
                    .first_key("switch-focus")
                    .map_or(String::new(), |key| format!(" ({key}: the other)"))
            ),
        );
    }
    if details.join(" · ").width() >= width
        && let Some(entry) = details.iter_mut().find(|d| **d == name)
    {
        *entry = cut_middle(&name, width / 2);
    }
    details.join(" · ")
}

/// `changed: title; time 12:57 P.M. CEST → 12:57 P.M. CET`: what the other version's
/// header gives differently. A title is named, not quoted: it is on the line above.
fn changed_metadata(changes: &[MetadataChange]) -> String {
    let parts: Vec<String> = changes
        .iter()
        .map(|change| {
            if change.field == "title" {
                change.field.to_string()
            } else {
                change.describe().replacen(':', "", 1)
            }
        })
        .collect();
    format!("changed: {}", parts.join("; "))
}

fn draw_body(frame: &mut Frame<'_>, app: &App, theme: &Theme, screen: &Screen) {
    let height = screen.body_height();
    let buffer = frame.buffer_mut();
    let mut y = 0;
    let mut index = app.top.index;
    let mut skip = app.top.line;
    while y < height && index < app.visible.len() {
        let row = &app.contents.rows[app.visible[index]];
        let wrapped = app.wrapped(app.visible[index]);
        let first_text = (0..wrapped.height).find(|&line| {
            wrapped.sides.iter().any(|(_, s)| {
                matches!(
                    s.lines.get(line),
                    Some(LineKind::Text { .. } | LineKind::Label { .. } | LineKind::Placeholder)
                )
            })
        });
        let first_drawn = skip;
        for line in 0..wrapped.height {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            if y >= height {
                break;
            }
            let screen_y = screen.gutter.y + y as u16;
            for (side, rect) in &screen.panes {
                let spans = side_line(app, theme, &wrapped.sides[*side], line, *side);
                buffer.set_line(rect.x, screen_y, &Line::from(spans), rect.width);
            }
            if Some(line) == first_text {
                let (mark, style) = if row.is_unmatched() {
                    ("○", theme.gutter_unmatched)
                } else if row.is_divergent() {
                    ("●", theme.gutter_divergent)
                } else {
                    (" ", theme.text)
                };
                buffer.set_string(screen.gutter.x + 1, screen_y, mark, style);
                if screen.gutter.width > 3
                    && let Some(time) = gutter_time(app, index)
                {
                    let time = crate::model::clock(time);
                    let x = screen.gutter.right().saturating_sub(time.len() as u16 + 1);
                    buffer.set_string(x, screen_y, time, theme.subtitle);
                }
            }
            // The current row is marked where its text starts, or on the first line shown
            // when its start is scrolled off (a row taller than the screen).
            if index == app.current && line == first_text.unwrap_or(0).max(first_drawn) {
                buffer.set_string(screen.gutter.x, screen_y, "▸", theme.current_row);
            }
            if let Some(separator) = screen.separator {
                buffer.set_string(separator.x, screen_y, "│", theme.border);
            }
            y += 1;
        }
        index += 1;
    }
    if let Some(fraction) = app.aligning
        && y < height
        && index >= app.visible.len()
    {
        draw_aligning(buffer, app, theme, screen, (y, fraction));
    }
    if let Some(separator) = screen.separator {
        for rest in y..height {
            buffer.set_string(
                separator.x,
                screen.gutter.y + rest as u16,
                "│",
                theme.border,
            );
        }
    }
}

/// Below the rows from the start of a long pair: the rest is not aligned yet.
fn draw_aligning(
    buffer: &mut ratatui::buffer::Buffer,
    app: &App,
    theme: &Theme,
    screen: &Screen,
    (y, fraction): (usize, f64),
) {
    let what = if app.contents.rows.is_empty() {
        "loading and aligning both versions"
    } else {
        "aligning the rest"
    };
    let text = format!("… {what}: {}", background::percent(fraction));
    if let Some((_, rect)) = screen.panes.iter().min_by_key(|(_, rect)| rect.x) {
        let y = screen.gutter.y + y as u16;
        buffer.set_string(
            rect.x,
            y,
            fit(&text, rect.width as usize),
            theme.placeholder,
        );
    }
}

/// The time the gutter shows for the shown row at `index`: the focused version's, else the
/// other's; none when it repeats the row before (sentences of one stamped turn).
fn gutter_time(app: &App, index: usize) -> Option<f64> {
    let other = app.focus.opposite();
    let stamp = |index: usize| {
        let id = *app.visible.get(index)?;
        app.row_stamp(id, app.focus)
            .or_else(|| app.row_stamp(id, other).filter(|_| app.contents.is_pair()))
    };
    let time = stamp(index)?;
    let before = index.checked_sub(1).and_then(stamp);
    (before.map(crate::model::clock) != Some(crate::model::clock(time))).then_some(time)
}

/// The spans of one screen line of one side of a row.
fn side_line(
    app: &App,
    theme: &Theme,
    side: &WrappedSide,
    line: usize,
    which: Side,
) -> Vec<Span<'static>> {
    match side.lines.get(line) {
        None | Some(LineKind::Blank) => Vec::new(),
        Some(LineKind::Placeholder) => vec![Span::styled("·", theme.placeholder)],
        Some(LineKind::Label { turn }) => {
            let pane = app.contents.pane_or_alone(which);
            let entry = pane.entry(*turn);
            vec![
                Span::styled(
                    visible(pane.label(*turn)).into_owned(),
                    theme.speaker(entry),
                ),
                Span::styled(format!("  turn {}", turn + 1), theme.subtitle),
                // The turn's time, where the gutter has no room for times.
                Span::styled(
                    pane.turn_time(*turn)
                        .filter(|_| app.screen().is_some_and(|s| s.gutter.width <= 3))
                        .map_or(String::new(), |t| format!(" · {}", crate::model::clock(t))),
                    theme.subtitle,
                ),
            ]
        }
        Some(LineKind::Text { segment, range }) => {
            let segment = &side.segments[*segment];
            let searched = app.search.scope.is_none_or(|scope| scope == which);
            let hits = app
                .matcher()
                .filter(|_| searched)
                .map(|m| m.find_within(&segment.text, range.clone()))
                .unwrap_or_default();
            if hits.is_empty() {
                return styled_spans(&segment.text, range.clone(), &segment.marks, theme, which);
            }
            let mut marks = segment.marks.clone();
            marks.extend(hits.into_iter().map(|hit| (hit, Mark::SearchHit)));
            styled_spans(&segment.text, range.clone(), &marks, theme, which)
        }
    }
}

fn mark_style(mark: Mark, theme: &Theme, side: Side) -> Style {
    match mark {
        Mark::Note(AnnotationKind::Unverified) => theme.unverified,
        Mark::Note(AnnotationKind::Struck) => theme.struck,
        Mark::Note(_) => theme.annotation,
        Mark::DiffChanged if side == Side::Official => theme.diff_removed,
        Mark::DiffChanged => theme.diff_added,
        Mark::SearchHit => theme.search_hit,
    }
}

/// Splits `text[range]` where marks begin and end, styling each piece.
fn styled_spans(
    text: &str,
    range: std::ops::Range<usize>,
    marks: &[(std::ops::Range<usize>, Mark)],
    theme: &Theme,
    side: Side,
) -> Vec<Span<'static>> {
    let mut cuts = vec![range.start, range.end];
    for (mark_range, _) in marks {
        for cut in [mark_range.start, mark_range.end] {
            if cut > range.start && cut < range.end && text.is_char_boundary(cut) {
                cuts.push(cut);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let priority = |mark: &Mark| match mark {
        Mark::Note(_) => 0,
        Mark::DiffChanged => 1,
        Mark::SearchHit => 2,
    };
    cuts.windows(2)
        .map(|piece| {
            let (start, end) = (piece[0], piece[1]);
            let mut covering: Vec<&Mark> = marks
                .iter()
                .filter(|(r, _)| r.start <= start && end <= r.end)
                .map(|(_, m)| m)
                .collect();
            covering.sort_by_key(|m| priority(m));
            let style = covering.iter().fold(theme.text, |style, mark| {
                style.patch(mark_style(**mark, theme, side))
            });
            Span::styled(text[start..end].to_string(), style)
        })
        .collect()
}

fn draw_minimap(frame: &mut Frame<'_>, app: &App, theme: &Theme, screen: &Screen) {
    let cells = app.minimap();
    let height = screen.minimap.height as usize;
    let total = app.visible.len().max(1);
    let last_shown = app.top.index + screen.body_height();
    let buffer = frame.buffer_mut();
    for (y, cell) in cells.iter().enumerate().take(height) {
        let (symbol, mut style) = match cell {
            2 => ("▐", theme.minimap_unmatched),
            1 => ("▐", theme.minimap_divergent),
            _ => ("│", theme.minimap),
        };
        let (from, to) = (
            y * total / height,
            ((y + 1) * total / height).max(y * total / height + 1),
        );
        if to > app.top.index && from < last_shown {
            style = style.patch(theme.minimap_viewport);
        }
        buffer.set_string(screen.minimap.x, screen.minimap.y + y as u16, symbol, style);
    }
}

/// ` in the official version`, when the search looks in one version only.
fn scope_name(app: &App) -> &'static str {
    match app.search.scope {
        Some(Side::Official) => " in the official version",
        Some(_) => " in the other version",
        None => "",
    }
}

/// `1 hit`, `2 hits`.
fn count(number: usize, what: &str) -> String {
    if number == 1 {
        format!("1 {what}")
    } else {
        format!("{number} {what}s")
    }
}

/// The status line's parts, in the order shown, each with how much it matters: when the
/// line is too narrow the least important go first.
fn status_parts(app: &App) -> Vec<(u8, String)> {
    let mut parts: Vec<(u8, String)> = Vec::new();
    if let Some(id) = app.current_row() {
        let row = &app.contents.rows[id];
        // The row number the exports give this row.
        parts.push((9, format!("row {}/{}", id + 1, app.contents.rows.len())));
        // The focused pane's turn: the pane shown alone, or the one Tab has chosen.
        if let (Some(turn), Some(pane)) = (row.turn(app.focus), app.contents.pane(app.focus)) {
            let turns = pane.transcript.turns.len();
            parts.push((7, format!("turn {}/{}", turn + 1, turns)));
            let label = visible(pane.label(turn)).into_owned();
            if !label.trim().is_empty() {
                parts.push((4, label));
            }
        }
        // How far into the document is not known until the whole is aligned.
        if app.aligning.is_none() {
            parts.push((3, format!("{}%", app.percent())));
        }
        // Subtitles and timestamped transcripts: when the row is said.
        let side = app.contents.side_or_alone(app.focus);
        if let Some(time) = app.row_time(id, side) {
            parts.push((6, crate::model::clock(time)));
        }
    } else if app.aligning.is_none() {
        parts.push((9, "nothing to show".into()));
    }
    if let Some(fraction) = app.aligning {
        parts.push((8, format!("aligning {}", background::percent(fraction))));
    }
    let selected: Vec<String> = app
        .filter
        .iter()
        .enumerate()
        .filter(|(_, on)| **on)
        .map(|(index, _)| {
            // The focused pane's name for the speaker is enough, and leaves room.
            let speaker = &app.contents.speakers[index];
            let name = speaker.labels[app.focus]
                .clone()
                .unwrap_or_else(|| speaker.name());
            visible(&name).into_owned()
        })
        .collect();
    if !selected.is_empty() {
        parts.push((6, format!("only: {}", selected.join(", "))));
    }
    parts.extend(prompt_part(app));
    if app.differences {
        parts.push((5, "word diff on".into()));
    }
    if let Some(message) = &app.message {
        parts.push((10, visible(message).into_owned()));
    }
    // What the current row's flags say, with their evidence: why its gutter is marked.
    if let Some(id) = app.current_row() {
        let flags: Vec<String> = app.contents.rows[id]
            .flags
            .iter()
            .map(|flag| flag.describe())
            .collect();
        if !flags.is_empty() {
            // Above the speaker and the percentage: on a narrow screen, why the row is marked
            // matters more than what the headers and the strip already show.
            parts.push((5, visible(&flags.join("; ")).into_owned()));
        }
    }
    parts
}

/// What the status line says about a prompt being typed, or the search in effect.
fn prompt_part(app: &App) -> Option<(u8, String)> {
    match &app.mode {
        Mode::GoTo(text) => Some((
            10,
            format!(":{}▏ row, t turn, %, time or +n, enter", visible(text)),
        )),
        Mode::Searching { .. } => Some((
            10,
            format!(
                "/{}▏ {}{}",
                visible(&app.search.query),
                if app.incremental() {
                    count(app.search.hits, "hit")
                } else {
                    format!("long text: {} searches", app.key_name("prompt-enter"))
                },
                scope_name(app)
            ),
        )),
        Mode::Mark { set: true } => Some((
            10,
            format!("{}▏ a letter names the mark", app.key_name("set-mark")),
        )),
        Mode::Mark { set: false } => {
            let key = app.key_name("go-to-mark");
            Some((
                10,
                format!("{key}▏ a mark's letter, or {key} for where the last jump left"),
            ))
        }
        _ if !app.search.query.is_empty() => {
            let number = app.hit_number().map_or("-".to_string(), |n| n.to_string());
            Some((
                8,
                format!(
                    "/{} {number}/{}, {}{}",
                    visible(&app.search.query),
                    count(app.search.rows.len(), "row"),
                    count(app.search.hits, "hit"),
                    scope_name(app)
                ),
            ))
        }
        _ => None,
    }
}

/// Parts of the status line said more briefly when it is short of room.
const SHORT_FORMS: &[(&str, &str)] = &[("word diff on", "diff")];

/// Joins the parts within `width` columns: with wide separators if they fit, else narrow
/// ones and short forms, dropping the least important parts until the rest fit; the last part left may be
/// cut short.
fn fit_parts(mut parts: Vec<(u8, String)>, width: usize) -> String {
    let joined = |parts: &[(u8, String)], separator: &str| {
        parts
            .iter()
            .map(|(_, text)| text.as_str())
            .collect::<Vec<_>>()
            .join(separator)
    };
    let wide = joined(&parts, "  ·  ");
    if wide.width() <= width {
        return wide;
    }
    for (_, text) in &mut parts {
        if let Some(short) = SHORT_FORMS.iter().find(|(long, _)| long == text) {
            *text = short.1.to_string();
        }
    }
    loop {
        let line = joined(&parts, " · ");
        if line.width() <= width || parts.len() <= 1 {
            return fit(&line, width);
        }
        // Cut the last part rather than drop it when it is the least important and enough
        // of it would still show.
        let least = parts
            .iter()
            .enumerate()
            .min_by_key(|(at, (priority, _))| (*priority, std::cmp::Reverse(*at)))
            .map_or(0, |(at, _)| at);
        let room = width.saturating_sub(line.width() - parts[least].1.width());
        if least == parts.len() - 1 && room >= 16 {
            return fit(&line, width);
        }
        parts.remove(least);
    }
}

fn draw_status(frame: &mut Frame<'_>, app: &App, theme: &Theme, screen: &Screen) {
    let width = screen.footer.width as usize;
    let hint: String = [("help", "help"), ("quit", "quit")]
        .iter()
        .filter_map(|(name, what)| Some(format!(" {} {what} ", app.keymap.first_key(name)?)))
        .collect();
    let hint = hint.as_str();
    let text = format!(
        " {}",
        fit_parts(status_parts(app), width.saturating_sub(hint.width() + 1))
    );
    let padding = width.saturating_sub(text.width() + hint.width());
    let line = Line::from(vec![
        Span::styled(text, theme.status),
        Span::styled(" ".repeat(padding), theme.status),
        Span::styled(hint, theme.status_key),
    ]);
    frame.render_widget(Paragraph::new(line), screen.footer);
}

/// A box in the middle of the screen.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width.saturating_sub(2));
    let height = height.min(area.height.saturating_sub(2));
    Rect::new(
        (area.width - width) / 2,
        (area.height - height) / 2,
        width,
        height,
    )
}

/// The width of a column of the help.
const HELP_COLUMN: u16 = 68;

/// What the marks on the screen mean, for the help.
const LEGEND: &[(&str, &str)] = &[
    ("●", "the versions differ here (status line: how)"),
    ("○", "no counterpart in the other version"),
    ("·", "the other version has nothing here"),
    ("▐", "the strip: where ● and ○ rows are in the"),
    ("", "document; bright: the part on screen"),
    ("underlined", "unverified: not in the recording"),
    ("struck through", "struck from the record"),
    ("italic", "a note: [Via interpreter], (Applause.)"),
];

/// The help's sections: the key table, then the legend of the marks.
fn help_sections(keymap: &Keymap, theme: &Theme) -> Vec<Vec<Line<'static>>> {
    let key_style = theme.status_key.bg(theme.overlay.bg.unwrap_or_default());
    let entry = |keys: &str, help: &str| {
        Line::from(vec![
            Span::styled(format!("  {keys:<19} "), key_style),
            Span::raw(help.to_string()),
        ])
    };
    let heading = |name: &str| Line::from(Span::styled(name.to_string(), theme.title));
    let mut sections: Vec<Vec<Line<'static>>> = Vec::new();
    let mut section = "";
    for row in keymap.help_rows() {
        if row.section != section || sections.is_empty() {
            section = row.section;
            sections.push(vec![heading(section)]);
        }
        if let Some(lines) = sections.last_mut() {
            lines.push(entry(&row.keys, row.help));
        }
    }
    let mut legend = vec![heading("On the screen")];
    let key = |name: &str| keymap.first_key(name).unwrap_or_else(|| "no key".into());
    let current = format!("the current row: {} copies it", key("copy-row"));
    let focused = format!(
        "the focused pane ({}), before its title",
        key("switch-focus")
    );
    legend.push(entry("▸", &current));
    legend.push(entry("▶", &focused));
    legend.extend(LEGEND.iter().map(|(mark, meaning)| entry(mark, meaning)));
    sections.push(legend);
    sections
}

/// The help's sections placed in columns (two when one would not fit the height and the
/// screen is wide enough), and the number of lines the box has room for.
fn help_columns(
    sections: Vec<Vec<Line<'static>>>,
    size: (u16, u16),
) -> (Vec<Vec<Line<'static>>>, usize) {
    // A margin of one line above and below, the borders and the footer.
    let room = usize::from(size.1).saturating_sub(5).max(1);
    let total: usize = sections.iter().map(|s| s.len() + 1).sum::<usize>() - 1;
    let columns = if total > room && size.0 >= 2 * HELP_COLUMN + 4 {
        2
    } else {
        1
    };
    let per_column = total.div_ceil(columns);
    let mut placed: Vec<Vec<Line<'static>>> = vec![Vec::new(); columns];
    for section in sections {
        let column = placed
            .iter()
            .position(|c| c.len() + section.len() <= per_column + 2)
            .unwrap_or(columns - 1);
        if !placed[column].is_empty() {
            placed[column].push(Line::from(""));
        }
        placed[column].extend(section);
    }
    (placed, room)
}

/// How far the help can scroll on a screen of `size`: 0 when it fits.
pub fn help_scroll_limit(keymap: &Keymap, size: (u16, u16)) -> usize {
    let (columns, room) = help_columns(help_sections(keymap, &Theme::default()), size);
    let tallest = columns.iter().map(Vec::len).max().unwrap_or(0);
    tallest.saturating_sub(room)
}

/// The key table and the legend, in two columns on a wide screen, scrolling when it does
/// not fit.
fn draw_help(frame: &mut Frame<'_>, app: &App, theme: &Theme) {
    let area = frame.area();
    let (columns, room) =
        help_columns(help_sections(&app.keymap, theme), (area.width, area.height));
    let tallest = columns.iter().map(Vec::len).max().unwrap_or(0);
    let shown = tallest.min(room);
    let scroll = app.help_scroll.min(tallest - shown);
    let box_area = centered(
        area,
        HELP_COLUMN * columns.len() as u16 + 2,
        shown as u16 + 3,
    );
    frame.render_widget(Clear, box_area);
    let title = if tallest > shown {
        format!(" Keys {}-{} of {} ", scroll + 1, scroll + shown, tallest)
    } else {
        " Keys ".to_string()
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title)
        .style(theme.overlay);
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    for (index, lines) in columns.into_iter().enumerate() {
        let x = inner.x + index as u16 * HELP_COLUMN;
        let width = HELP_COLUMN.min(inner.right().saturating_sub(x));
        frame.render_widget(
            Paragraph::new(lines)
                .style(theme.overlay)
                .scroll((scroll as u16, 0)),
            Rect::new(x, inner.y, width, inner.height.saturating_sub(1)),
        );
    }
    let key = |name: &str| app.keymap.first_key(name).unwrap_or_default();
    let mut closing = format!(
        "{} closes this help",
        or_list(&app.keymap.keys_of("help-close"))
    );
    if tallest > shown {
        closing = format!("{}/{} scroll · {closing}", key("help-down"), key("help-up"));
    }
    let footer = Rect::new(inner.x, inner.bottom().saturating_sub(1), inner.width, 1);
    frame.render_widget(
        Paragraph::new(Span::styled(closing, theme.subtitle)).style(theme.overlay),
        footer,
    );
}

/// `Esc, ? or q`.
fn or_list(keys: &[String]) -> String {
    match keys {
        [] => "(no key)".into(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

fn draw_speakers(frame: &mut Frame<'_>, app: &App, theme: &Theme) {
    let Mode::Speakers(list) = &app.mode else {
        return;
    };
    let shown = list.shown(&app.contents);
    let mut lines = vec![
        Line::from(vec![
            Span::raw("filter: "),
            Span::styled(format!("{}▏", visible(&list.query)), theme.title),
        ]),
        Line::from(""),
    ];
    for (position, &entry) in shown.iter().enumerate() {
        let speaker = &app.contents.speakers[entry];
        let tick = if list.ticked.get(entry).copied().unwrap_or(false) {
            "[x]"
        } else {
            "[ ]"
        };
        let turns = if app.contents.is_pair() {
            format!(
                "{} / {} turns",
                speaker.turns[Side::Official],
                speaker.turns[Side::Other]
            )
        } else {
            format!("{} turns", speaker.turns[Side::Official])
        };
        let number = if entry < 9 {
            format!("{}", entry + 1)
        } else {
            " ".into()
        };
        let style = if position == list.cursor {
            theme.overlay_selected
        } else {
            theme.overlay
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{tick} {number} "), style),
            Span::styled(
                visible(&speaker.name()).into_owned(),
                style
                    .patch(theme.speaker(Some(entry)))
                    .bg(style.bg.unwrap_or_default()),
            ),
            Span::styled(format!("  {turns}"), style),
        ]));
    }
    let list = ListBox {
        title: " Speakers ",
        width: 96,
        nothing: shown.is_empty().then_some("no speaker matches"),
        keys: &[
            ("list-up", "move"),
            ("list-tick", "tick"),
            ("list-choose", "show ticked"),
            ("list-close", "cancel"),
        ],
    };
    list.draw(frame, app, theme, lines);
}

/// What an overlay list draws around its lines: a title, a width, a line for an empty list and
/// a footer of keys.
struct ListBox<'k> {
    title: &'static str,
    width: u16,
    nothing: Option<&'static str>,
    keys: &'k [(&'k str, &'k str)],
}

impl ListBox<'_> {
    fn draw(&self, frame: &mut Frame<'_>, app: &App, theme: &Theme, mut lines: Vec<Line<'_>>) {
        if let Some(nothing) = self.nothing {
            lines.push(Line::from(Span::styled(nothing, theme.subtitle)));
        }
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            list_footer(app, self.keys),
            theme.subtitle,
        )));
        let area = centered(frame.area(), self.width, lines.len() as u16 + 2);
        frame.render_widget(Clear, area);
        frame.render_widget(
            Paragraph::new(lines).style(theme.overlay).block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(self.title)
                    .style(theme.overlay),
            ),
            area,
        );
    }
}

/// A list's footer from the key table: `↑ move · space tick · Enter show ticked`.
fn list_footer(app: &App, keys: &[(&str, &str)]) -> String {
    keys.iter()
        .filter_map(|(name, what)| Some(format!("{} {what}", app.keymap.first_key(name)?)))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The divergence list: one line per block `d` stops at, the cursor's line kept in view.
fn draw_divergences(frame: &mut Frame<'_>, app: &App, theme: &Theme, list: &DivergenceList) {
    let area = centered(frame.area(), 110, frame.area().height.saturating_sub(4));
    let room = usize::from(area.height.saturating_sub(6)).max(1);
    let shown = app.divergences_shown(list);
    let first = list.cursor.saturating_sub(room - 1);
    let width = usize::from(area.width.saturating_sub(2));
    let mut lines = vec![
        Line::from(vec![
            Span::raw("filter: "),
            Span::styled(format!("{}▏", visible(&list.query)), theme.title),
            Span::styled(
                format!(
                    "  {} of {}",
                    shown.len(),
                    count(app.divergences_count(), "block")
                ),
                theme.subtitle,
            ),
        ]),
        Line::from(""),
    ];
    for (position, &at) in shown.iter().enumerate().skip(first).take(room) {
        let entry = app.divergence_entry(at);
        let style = if position == list.cursor {
            theme.overlay_selected
        } else {
            theme.overlay
        };
        let text = format!("{:<13} {} · “{}”", entry.place, entry.kind, entry.words);
        lines.push(Line::from(Span::styled(fit(&visible(&text), width), style)));
    }
    let list = ListBox {
        title: " Divergences ",
        width: 110,
        nothing: shown.is_empty().then_some("no divergence matches"),
        keys: &[
            ("list-up", "up"),
            ("list-down", "down"),
            ("list-choose", "go there"),
            ("list-close", "close"),
        ],
    };
    list.draw(frame, app, theme, lines);
}
