//! The reader's state, and the one place it changes: [`App::update`].

mod jumps;
mod lists;
mod searching;
mod swap;

use super::action::Action;
use super::contents::Contents;
use super::keymap::{Context, Keymap};
use super::layout::{Layout, Screen, Split};
use super::search::{Matcher, SearchIndex};
use super::view;
use super::wrap::{self, Highlights, WrappedRow};
use crate::export::{self, Wording};
use crate::model::{Pair, Side};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

pub use lists::{DivergenceEntry, DivergenceList, SpeakerList};

/// A place in the document: a row (an index into the rows shown) and a line within it.
/// The top of the screen is held this way, not as a line offset found by binary search over
/// the rows' start lines: those starts would need every row wrapped first, and a long pair
/// (a quarter of a million rows) opens at once because a row is wrapped only when the screen
/// reaches it. Scrolling walks from this anchor, so it costs the rows passed, not the
/// document; both panes share it, so they cannot drift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Position {
    pub index: usize,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Reading,
    /// Typing a search; `before` is where to go back to on Esc, `history` the entry of the
    /// search history shown, if one is.
    Searching {
        before: Position,
        history: Option<usize>,
    },
    Speakers(SpeakerList),
    Divergences(DivergenceList),
    Help,
    /// Typing where to go (see [`App::go_to_place`]).
    GoTo(String),
    /// Waiting for a mark's letter: to set the mark (`m`) or to go to it (`'`).
    Mark {
        set: bool,
    },
}

impl Mode {
    /// Which bindings of the key table apply.
    pub fn context(&self) -> Context {
        match self {
            Mode::Reading => Context::Reading,
            Mode::Searching { .. } | Mode::GoTo(_) => Context::Prompt,
            Mode::Speakers(_) | Mode::Divergences(_) => Context::List,
            Mode::Help => Context::Help,
            Mode::Mark { .. } => Context::Mark,
        }
    }
}

/// The search in effect: the query, the side it looks in (both when none), and the rows
/// (indices into the rows shown) that match it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub scope: Option<Side>,
    pub rows: Vec<usize>,
    pub hits: usize,
}

/// Rows wrapped for the screen, kept for the widths and word-diff setting they were wrapped
/// with: the heights and the drawing use the same wrap, and a giant row is wrapped once.
#[derive(Default)]
struct WrapCache {
    made_for: (Pair<u16>, bool),
    rows: HashMap<usize, Arc<WrappedRow>>,
}

/// Rows kept wrapped at most: a few screens' worth.
const WRAPS_KEPT: usize = 1024;

pub struct App {
    pub contents: Contents,
    pub mode: Mode,
    pub focus: Side,
    pub top: Position,
    /// The current row (an index into the rows shown): the first row whose start is on
    /// screen, marked in the gutter; what `y`, the status line and the jumps start from.
    pub current: usize,
    /// Ids of the rows shown, in order (all rows unless speakers are filtered).
    pub visible: Vec<usize>,
    /// Per speaker entry, whether the filter shows it; none ticked shows everyone.
    pub filter: Vec<bool>,
    pub search: Search,
    pub differences: bool,
    pub size: (u16, u16),
    /// Text to put on the clipboard, taken by the event loop.
    pub clipboard: Option<String>,
    /// A one-off message for the status line.
    pub message: Option<String>,
    pub quit: bool,
    pub keymap: Keymap,
    pub layout: Layout,
    /// A row a jump went to, and the top of the screen it was shown with: near the end the
    /// row cannot come to the top, and stays current below it until the screen moves.
    pin: Option<(usize, Option<Position>)>,
    /// The first line of the help shown, when the help is taller than the screen.
    pub help_scroll: usize,
    /// Row heights plus one at `heights_for` widths; 0 is not yet measured.
    heights: Vec<u32>,
    heights_for: Pair<u16>,
    /// One cell per screen line of the minimap: 0 plain, 1 divergent, 2 unmatched rows.
    minimap: Vec<u8>,
    /// The filter generation and height the minimap was made for.
    minimap_for: (usize, usize),
    filter_generation: usize,
    /// Built at the first search.
    search_index: Option<SearchIndex>,
    /// The search in effect, compiled.
    matcher: Option<Matcher>,
    /// The search in effect when `/` was pressed, back if the new one is cancelled.
    previous_search: Option<Search>,
    /// Searches kept with Enter, oldest first.
    pub history: Vec<String>,
    /// Rows (ids) that jumps left, newest last: where `''` and Ctrl-o go back to.
    jumps: Vec<usize>,
    /// Rows (ids) marked with `m` and a letter.
    marks: HashMap<char, usize>,
    /// The blocks of divergent rows, listed while the divergence list is open.
    divergences: Vec<lists::Block>,
    /// Whether the reader takes the mouse (off: the terminal's own selection works).
    pub mouse: bool,
    pub split: Split,
    /// The top is at the end of the document (the percentage says 100).
    at_end: bool,
    wraps: RefCell<WrapCache>,
    /// While the rows shown are the start of a long pair, how far aligning the whole pair has
    /// come, 0 to 1.
    pub aligning: Option<f64>,
}

impl App {
    pub fn new(contents: Contents, size: (u16, u16)) -> Self {
        let visible = (0..contents.rows.len()).collect();
        let filter = vec![false; contents.speakers.len()];
        let heights = vec![0; contents.rows.len()];
        // The first screen says what the reader must know before trusting the rows.
        let split = Split {
            times: contents.has_times(),
            ..Split::default()
        };
        let message = (!contents.warnings.is_empty())
            .then(|| format!("warning: {}", contents.warnings.join("; ")));
        App {
            contents,
            mode: Mode::Reading,
            focus: Side::Official,
            top: Position::default(),
            current: 0,
            visible,
            filter,
            search: Search::default(),
            differences: false,
            size,
            clipboard: None,
            message,
            quit: false,
            keymap: Keymap::default(),
            layout: Layout::default(),
            pin: None,
            help_scroll: 0,
            heights,
            heights_for: Pair::default(),
            minimap: Vec::new(),
            minimap_for: (usize::MAX, 0),
            filter_generation: 0,
            search_index: None,
            matcher: None,
            previous_search: None,
            history: Vec::new(),
            jumps: Vec::new(),
            marks: HashMap::new(),
            divergences: Vec::new(),
            mouse: true,
            split,
            at_end: false,
            wraps: RefCell::default(),
            aligning: None,
        }
        .settled()
    }

    /// The reader with the configuration's key bindings and layout.
    pub fn configured(mut self, keymap: Keymap, layout: Layout) -> Self {
        self.keymap = keymap;
        self.layout = layout;
        self
    }

    /// The first key of the binding `name`, as messages name it: the configuration may have
    /// rebound or unbound it.
    pub fn key_name(&self, name: &str) -> String {
        self.keymap
            .first_key(name)
            .unwrap_or_else(|| "(no key)".into())
    }

    fn settled(mut self) -> Self {
        self.clamp();
        self.settle_current();
        self.refresh_minimap();
        self
    }

    /// The minimap cells, top to bottom.
    pub fn minimap(&self) -> &[u8] {
        &self.minimap
    }

    /// Recomputes the minimap when the rows shown or the screen height changed: each cell
    /// shows the most notable of the rows it covers.
    fn refresh_minimap(&mut self) {
        let height = self.body_height();
        if self.minimap_for == (self.filter_generation, height) {
            return;
        }
        let total = self.visible.len();
        let mut cells = vec![0u8; height];
        for (index, &id) in self.visible.iter().enumerate() {
            let row = &self.contents.rows[id];
            let level = if row.is_unmatched() {
                2
            } else {
                u8::from(row.is_divergent())
            };
            let cell = index * height / total.max(1);
            if let Some(slot) = cells.get_mut(cell) {
                *slot = (*slot).max(level);
            }
        }
        self.minimap = cells;
        self.minimap_for = (self.filter_generation, height);
    }

    pub fn screen(&self) -> Option<Screen> {
        Screen::new(
            self.size.0,
            self.size.1,
            self.contents.is_pair(),
            (self.layout, self.split),
            self.focus,
        )
    }

    /// A shown row wrapped at the screen's widths, with word differences marked when they
    /// are on; wrapped once and kept (search hits are marked as lines are drawn).
    pub fn wrapped(&self, id: usize) -> Arc<WrappedRow> {
        let widths = self.screen().map_or(Pair::default(), |s| s.widths());
        let made_for = (widths, self.differences);
        let mut cache = self.wraps.borrow_mut();
        if cache.made_for != made_for || cache.rows.len() >= WRAPS_KEPT {
            cache.rows.clear();
            cache.made_for = made_for;
        }
        let highlights = Highlights {
            differences: self.differences,
        };
        cache
            .rows
            .entry(id)
            .or_insert_with(|| Arc::new(wrap::wrap_row(&self.contents, id, widths, &highlights)))
            .clone()
    }

    /// The search in effect, compiled, if there is one.
    pub fn matcher(&self) -> Option<&Matcher> {
        self.matcher.as_ref()
    }

    fn body_height(&self) -> usize {
        self.screen().map_or(1, |s| s.body_height()).max(1)
    }

    /// The id of the current row.
    pub fn current_row(&self) -> Option<usize> {
        self.visible.get(self.current).copied()
    }

    pub fn update(&mut self, action: Action) {
        self.message = None;
        if let Action::Resize(width, height) = action {
            self.resize(width, height);
        } else {
            self.apply(action);
        }
        self.settle();
    }

    /// Works out what follows from the top of the screen: the current row, whether the end
    /// is shown, the minimap.
    fn settle(&mut self) {
        self.settle_current();
        let bottom = self.bottom();
        self.at_end = !self.visible.is_empty() && self.top >= bottom;
        self.refresh_minimap();
    }

    /// Keeps the current row at the top across a resize. Below the smallest size nothing is
    /// laid out, so the place is kept as it was until the terminal grows again.
    fn resize(&mut self, width: u16, height: u16) {
        let current = self.current;
        self.size = (width, height);
        if self.screen().is_some() {
            self.top = Position {
                index: current,
                line: 0,
            };
            self.clamp();
        }
    }

    /// How many lines of the shown row at `index` come before its first line of text (the
    /// blank line that separates paragraphs).
    fn lead(&self, index: usize) -> usize {
        self.visible
            .get(index)
            .map_or(0, |&id| usize::from(self.contents.breaks_before(id)))
    }

    /// Works out the current row from the top of the screen: the top row while its first
    /// line of text is on screen, else the next row that starts on screen (a row taller than
    /// the screen stays current while it fills it).
    fn settle_current(&mut self) {
        if self.screen().is_none() || self.visible.is_empty() {
            return;
        }
        let top = self.top;
        if let Some((index, shown_with)) = self.pin.take() {
            let shown_with = shown_with.unwrap_or(top);
            if shown_with == top && self.starts_on_screen(index) {
                self.pin = Some((index, Some(shown_with)));
                self.current = index;
                return;
            }
        }
        self.current = top.index;
        if top.line <= self.lead(top.index) {
            return;
        }
        let mut y = self.height(top.index).saturating_sub(top.line);
        let mut index = top.index + 1;
        while index < self.visible.len() && self.height(index) == 0 {
            index += 1;
        }
        if index < self.visible.len() {
            y += self.lead(index);
            if y < self.body_height() {
                self.current = index;
            }
        }
    }

    /// Whether the first line of text of the shown row at `index` is on screen.
    fn starts_on_screen(&mut self, index: usize) -> bool {
        let top = self.top;
        if index < top.index || index >= self.visible.len() {
            return false;
        }
        let above: usize = (top.index..index).map(|i| self.height(i)).sum();
        let start = above + self.lead(index);
        start >= top.line && start - top.line < self.body_height()
    }

    /// Brings the shown row at `index` to the top (or as near as the end allows) and makes
    /// it the current row.
    fn go_to(&mut self, index: usize) {
        self.top = Position { index, line: 0 };
        self.pin = Some((index, None));
    }

    fn apply(&mut self, action: Action) {
        match self.mode.clone() {
            Mode::Reading => self.apply_reading(action),
            Mode::Searching { before, history } => self.type_search(action, before, history),
            Mode::Speakers(list) => self.edit_speakers(action, list),
            Mode::Divergences(list) => self.pick_divergence(action, list),
            Mode::Help => self.read_help(action),
            Mode::GoTo(text) => self.type_place(action, text),
            Mode::Mark { set } => self.take_mark(action, set),
        }
    }

    /// An action while reading: a move through the document, else any other command.
    fn apply_reading(&mut self, action: Action) {
        if !self.navigate(action) {
            self.act(action);
        }
        self.clamp();
    }

    /// The actions that move through the document. False for any other action.
    fn navigate(&mut self, action: Action) -> bool {
        let page = self.body_height().saturating_sub(2).max(1) as isize;
        let half = (self.body_height() / 2).max(1) as isize;
        match action {
            Action::ScrollDown(lines) => self.scroll(lines as isize),
            Action::ScrollUp(lines) => self.scroll(-(lines as isize)),
            Action::HalfPageDown => self.scroll(half),
            Action::HalfPageUp => self.scroll(-half),
            Action::PageDown => self.scroll(page),
            Action::PageUp => self.scroll(-page),
            Action::Top => {
                self.leave_jump();
                self.top = Position::default();
            }
            Action::Bottom => {
                self.leave_jump();
                self.top = self.bottom();
            }
            Action::ScreenTop | Action::ScreenMiddle | Action::ScreenBottom => {
                self.pick_on_screen(action)
            }
            Action::StartMark => self.mode = Mode::Mark { set: true },
            Action::StartJumpToMark => self.mode = Mode::Mark { set: false },
            Action::JumpBack => self.jump_back_in_list(),
            Action::NextTurn => {
                self.jump_forward(|app, id| app.contents.rows[id].starts_turn(app.focus))
            }
            Action::PreviousTurn => {
                self.jump_back(|app, id| app.contents.rows[id].starts_turn(app.focus))
            }
            Action::NextTurnBySpeaker | Action::PreviousTurnBySpeaker => {
                self.turn_by_speaker(action == Action::NextTurnBySpeaker)
            }
            Action::SearchNext => self.next_hit(true),
            Action::SearchPrevious => self.next_hit(false),
            Action::NextDivergence => self.next_divergent_block(),
            Action::PreviousDivergence => self.previous_divergent_block(),
            Action::Click(x, y) => self.click(x, y),
            Action::StartGoTo => self.mode = Mode::GoTo(String::new()),
            _ => return false,
        }
        true
    }

    /// The actions that change what is shown or do something with it.
    fn act(&mut self, action: Action) {
        match action {
            Action::OpenSpeakers => {
                self.mode = Mode::Speakers(SpeakerList {
                    query: String::new(),
                    cursor: 0,
                    ticked: self.filter.clone(),
                });
            }
            Action::ToggleSpeaker(number) => {
                if let Some(ticked) = self.filter.get_mut(number - 1) {
                    *ticked = !*ticked;
                    self.refilter();
                } else {
                    self.message = Some(format!("there is no speaker {number}"));
                }
            }
            Action::ClearFilters => {
                self.filter.iter_mut().for_each(|t| *t = false);
                self.refilter();
            }
            Action::StartSearch => self.start_search(),
            Action::SearchWord => self.search_word(),
            Action::ListDivergences => self.open_divergences(),
            Action::ToggleDiff => {
                if self.contents.is_pair() && self.contents.same_language {
                    self.differences = !self.differences;
                } else {
                    self.message =
                        Some("word differences need two versions in the same language".into());
                }
            }
            Action::SwitchFocus | Action::NarrowLeft | Action::WidenLeft | Action::SwapPanes => {
                self.arrange_panes(action)
            }
            Action::ToggleMouse => {
                self.mouse = !self.mouse;
                self.message = Some(if self.mouse {
                    "mouse on: a click selects a row".into()
                } else {
                    "mouse off: the terminal selects text".into()
                });
            }
            Action::CopyRow => self.copy_row(),
            Action::Help => {
                self.mode = Mode::Help;
                self.help_scroll = 0;
            }
            Action::Back => self.back(),
            Action::Quit => self.quit = true,
            _ => {}
        }
    }

    /// Esc in the reading view: clears the search, then the speaker filter, never quits.
    fn back(&mut self) {
        if !self.search.query.is_empty() {
            self.search = Search::default();
            self.matcher = None;
        } else if self.filter.contains(&true) {
            self.act(Action::ClearFilters);
        } else {
            // One Esc too many must not end the session: quitting takes its own key.
            let quit = self.key_name("quit");
            self.message = Some(format!("nothing to close ({quit} quits)"));
        }
    }

    fn turn_by_speaker(&mut self, forward: bool) {
        let speaker = self
            .current_row()
            .and_then(|id| self.contents.entry(&self.contents.rows[id], self.focus));
        let same = move |app: &App, id: usize| {
            let row = &app.contents.rows[id];
            row.starts_turn(app.focus)
                && speaker.is_some()
                && app.contents.entry(row, app.focus) == speaker
        };
        if forward {
            self.jump_forward(same);
        } else {
            self.jump_back(same);
        }
    }

    /// Tab, `<`, `>` and `x`: which pane has the focus, where the split is, which side is
    /// on the left.
    fn arrange_panes(&mut self, action: Action) {
        if !self.contents.is_pair() {
            self.message = Some("one transcript: there is no other pane".into());
            return;
        }
        let side_by_side = self.screen().is_some_and(|s| s.panes.len() == 2);
        match action {
            Action::SwitchFocus => self.focus = self.focus.opposite(),
            Action::SwapPanes => self.split.swapped = !self.split.swapped,
            Action::NarrowLeft | Action::WidenLeft if side_by_side => {
                let step = if action == Action::WidenLeft { 1 } else { -1 };
                let before = self.screen().map(|s| s.widths());
                self.split.steps += step;
                if self.screen().map(|s| s.widths()) == before {
                    self.split.steps -= step;
                    self.message = Some("the split can go no further".into());
                }
            }
            _ => self.message = Some("one pane is shown: nothing to split".into()),
        }
        // The current row stays at the top while the rows wrap again.
        self.top = Position {
            index: self.current,
            line: 0,
        };
    }

    /// The help takes the scrolling keys, and closes only on the keys its footer names,
    /// so that a stray key does not close it unread.
    fn read_help(&mut self, action: Action) {
        let page = self.size.1.saturating_sub(6).max(1) as usize;
        let last = view::help_scroll_limit(&self.keymap, self.size);
        self.help_scroll = match action {
            Action::Back => {
                self.mode = Mode::Reading;
                0
            }
            Action::ScrollDown(lines) => self.help_scroll + lines,
            Action::ScrollUp(lines) => self.help_scroll.saturating_sub(lines),
            Action::PageDown => self.help_scroll + page,
            Action::PageUp => self.help_scroll.saturating_sub(page),
            Action::Top => 0,
            Action::Bottom => last,
            _ => self.help_scroll,
        }
        .min(last);
    }

    /// Shows the rows of the ticked speakers (all rows if none), staying near the current row.
    fn refilter(&mut self) {
        let current = self.current_row().unwrap_or(0);
        let any = self.filter.contains(&true);
        let contents = &self.contents;
        let filter = &self.filter;
        self.visible = (0..contents.rows.len())
            .filter(|&id| {
                !any || contents
                    .row_entries(&contents.rows[id])
                    .any(|entry| filter.get(entry).copied().unwrap_or(false))
            })
            .collect();
        self.filter_generation += 1;
        self.pin = None;
        self.top = Position {
            index: self.visible.partition_point(|&id| id < current),
            line: 0,
        };
        if !self.search.query.is_empty() {
            self.recount_hits();
        }
        self.clamp();
    }

    /// How far into the document the current row is: 100 at the end. With one side of a
    /// pair shown alone, rows without that side are skipped, so that side's sentences measure
    /// it better; within one row taller than the screen (a transcript that is one giant
    /// sentence), the lines scrolled past count.
    pub fn percent(&self) -> usize {
        if self.at_end {
            return 100;
        }
        let one_side_shown =
            self.screen().is_some_and(|s| s.panes.len() == 1) && self.contents.is_pair();
        let first = self
            .current_row()
            .and_then(|id| self.contents.rows[id].sides[self.focus].first().copied());
        if let Some(first) = first.filter(|_| one_side_shown) {
            let turns = &self.contents.pane_or_alone(self.focus).transcript.turns;
            let sentences = |turn: &crate::model::Turn| -> usize {
                turn.paragraphs.iter().map(|p| p.sentences.len()).sum()
            };
            let before: usize = turns[..first.turn].iter().map(sentences).sum();
            let total: usize = turns.iter().map(sentences).sum();
            return (before + first.sentence) * 100 / total.max(1);
        }
        let lines = self
            .visible
            .get(self.current)
            .and_then(|&id| self.heights.get(id))
            .map_or(1, |&h| (h as usize).saturating_sub(1).max(1));
        let within = if self.current == self.top.index {
            self.top.line.min(lines)
        } else {
            0
        };
        (self.current * lines + within) * 100 / (self.visible.len().max(1) * lines)
    }

    /// The height of a shown row, measured once per width.
    fn height(&mut self, index: usize) -> usize {
        let widths = self.screen().map_or(Pair::default(), |s| s.widths());
        if widths != self.heights_for {
            self.heights.iter_mut().for_each(|h| *h = 0);
            self.heights_for = widths;
        }
        let Some(&id) = self.visible.get(index) else {
            return 1;
        };
        if self.heights[id] == 0 {
            self.heights[id] = self.wrapped(id).height as u32 + 1;
        }
        self.heights[id] as usize - 1
    }

    /// Moves the top of the screen by `lines` (down when positive).
    fn scroll(&mut self, lines: isize) {
        let mut position = self.top;
        if lines >= 0 {
            position.line += lines as usize;
            while position.index + 1 < self.visible.len() {
                let height = self.height(position.index);
                if position.line < height {
                    break;
                }
                position.line -= height;
                position.index += 1;
            }
        } else {
            let mut back = lines.unsigned_abs();
            while back > position.line && position.index > 0 {
                back -= position.line + 1;
                position.index -= 1;
                while self.height(position.index) == 0 && position.index > 0 {
                    position.index -= 1;
                }
                position.line = self.height(position.index).saturating_sub(1);
            }
            position.line = position.line.saturating_sub(back);
        }
        self.top = position;
    }

    /// The top position that shows the end of the document at the bottom of the screen.
    fn bottom(&mut self) -> Position {
        // The line saying that the rest is being aligned comes after the last row.
        let mut remaining = self.body_height() - usize::from(self.aligning.is_some());
        let mut index = self.visible.len();
        while index > 0 {
            let height = self.height(index - 1);
            if height > 0 && height >= remaining {
                return Position {
                    index: index - 1,
                    line: height - remaining,
                };
            }
            remaining -= height;
            index -= 1;
        }
        Position::default()
    }

    /// Keeps the top within the document: never past the last screen.
    fn clamp(&mut self) {
        if self.screen().is_none() {
            return;
        }
        if self.visible.is_empty() {
            self.top = Position::default();
            return;
        }
        self.top.index = self.top.index.min(self.visible.len() - 1);
        // Rows with nothing on the sides shown (one pane in a narrow terminal) are skipped.
        while self.height(self.top.index) == 0 && self.top.index + 1 < self.visible.len() {
            self.top = Position {
                index: self.top.index + 1,
                line: 0,
            };
        }
        let bottom = self.bottom();
        if (self.top.index, self.top.line) > (bottom.index, bottom.line) {
            self.top = bottom;
        }
        let height = self.height(self.top.index);
        self.top.line = self.top.line.min(height.saturating_sub(1));
    }

    /// Copies the current row, both versions with speaker and turn and sentence numbers,
    /// each side quoted with what qualifies it as the text exports write it.
    fn copy_row(&mut self) {
        let Some(id) = self.current_row() else {
            return;
        };
        let row = &self.contents.rows[id];
        let mut quote = String::new();
        for (side, pane) in self.contents.panes() {
            let metadata = &pane.transcript.metadata;
            let version = metadata
                .source
                .clone()
                .or(metadata.title.clone())
                .unwrap_or_else(|| metadata.origin.file.clone());
            let sentences = export::sentences(&pane.transcript, &pane.index, &row.sides[side]);
            let quoted = match sentences.first() {
                None => format!("[{version}] (no counterpart)"),
                Some(first) => format!(
                    "[{version}] {}, {}: {}",
                    first.speaker,
                    export::position(&sentences, Wording::Long),
                    export::quote::quotation(&sentences)
                ),
            };
            // Pasted into a terminal, the quote must not carry a file's escape sequences.
            quote.push_str(&crate::sanitize::visible(&quoted));
            quote.push('\n');
        }
        self.message = Some(format!("copied row {} to the clipboard", id + 1));
        self.clipboard = Some(quote);
    }
}
