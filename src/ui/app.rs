//! The reader's state, and the one place it changes: [`App::update`].

use super::action::Action;
use super::keymap::Keymap;
use super::layout::{self, Layout, Screen};
use super::reader::{OFFICIAL, OTHER, Reader, Side};
use super::search::SearchIndex;
use super::view;
use crate::model::AnnotationKind;

/// A place in the document: a row (an index into the rows shown) and a line within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub index: usize,
    pub line: usize,
}

/// The speaker list being edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerList {
    pub query: String,
    pub cursor: usize,
    /// Per speaker entry, whether it is ticked.
    pub ticked: Vec<bool>,
}

impl SpeakerList {
    /// The entries matching the query, in order.
    pub fn shown(&self, reader: &Reader) -> Vec<usize> {
        let query = self.query.to_lowercase();
        reader
            .speakers
            .iter()
            .enumerate()
            .filter(|(_, entry)| entry.name().to_lowercase().contains(&query))
            .map(|(index, _)| index)
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Reading,
    /// Typing a search; `before` is where to go back to on Esc.
    Searching {
        before: Position,
    },
    Speakers(SpeakerList),
    Help,
    /// Typing where to go (see [`App::go_to_place`]).
    GoTo(String),
}

/// The search in effect: the query and the rows (indices into the rows shown) that match it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub rows: Vec<usize>,
    pub hits: usize,
}

pub struct App {
    pub reader: Reader,
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
    heights_for: [u16; 2],
    /// One cell per screen line of the minimap: 0 plain, 1 divergent, 2 unmatched rows.
    minimap: Vec<u8>,
    /// The filter generation and height the minimap was made for.
    minimap_for: (usize, usize),
    filter_generation: usize,
    /// Built at the first search.
    search_index: Option<SearchIndex>,
}

impl App {
    pub fn new(reader: Reader, size: (u16, u16)) -> Self {
        let visible = (0..reader.rows.len()).collect();
        let filter = vec![false; reader.speakers.len()];
        let heights = vec![0; reader.rows.len()];
        // The first screen says what the reader must know before trusting the rows.
        let message = (!reader.warnings.is_empty())
            .then(|| format!("warning: {}", reader.warnings.join("; ")));
        App {
            reader,
            mode: Mode::Reading,
            focus: OFFICIAL,
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
            heights_for: [0, 0],
            minimap: Vec::new(),
            minimap_for: (usize::MAX, 0),
            filter_generation: 0,
            search_index: None,
        }
        .settled()
    }

    /// The reader with the configuration's key bindings and layout.
    pub fn configured(mut self, keymap: Keymap, layout: Layout) -> Self {
        self.keymap = keymap;
        self.layout = layout;
        self
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
            let row = &self.reader.rows[id];
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
            self.reader.is_pair(),
            self.layout,
            self.focus,
        )
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
        self.settle_current();
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
            .map_or(0, |&id| usize::from(self.reader.rows[id].breaks_before))
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
            Mode::Reading => self.read(action),
            Mode::Searching { before } => self.type_search(action, before),
            Mode::Speakers(list) => self.edit_speakers(action, list),
            Mode::Help => self.read_help(action),
            Mode::GoTo(text) => self.type_place(action, text),
        }
    }

    fn read(&mut self, action: Action) {
        let page = self.body_height().saturating_sub(2).max(1);
        match action {
            Action::ScrollDown(lines) => self.scroll(lines as isize),
            Action::ScrollUp(lines) => self.scroll(-(lines as isize)),
            Action::PageDown => self.scroll(page as isize),
            Action::PageUp => self.scroll(-(page as isize)),
            Action::Top => self.top = Position::default(),
            Action::Bottom => self.top = self.bottom(),
            Action::NextTurn => {
                self.jump_forward(|app, id| app.reader.rows[id].starts_turn(app.focus))
            }
            Action::PreviousTurn => {
                self.jump_back(|app, id| app.reader.rows[id].starts_turn(app.focus))
            }
            Action::NextTurnBySpeaker | Action::PreviousTurnBySpeaker => {
                let speaker = self
                    .current_row()
                    .and_then(|id| self.reader.entry(&self.reader.rows[id], self.focus));
                let same = move |app: &App, id: usize| {
                    let row = &app.reader.rows[id];
                    row.starts_turn(app.focus)
                        && speaker.is_some()
                        && app.reader.entry(row, app.focus) == speaker
                };
                if action == Action::NextTurnBySpeaker {
                    self.jump_forward(same);
                } else {
                    self.jump_back(same);
                }
            }
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
            Action::StartGoTo => self.mode = Mode::GoTo(String::new()),
            Action::StartSearch => {
                self.mode = Mode::Searching { before: self.top };
                self.search = Search::default();
            }
            Action::SearchNext => self.next_hit(true),
            Action::SearchPrevious => self.next_hit(false),
            Action::NextDivergence => self.next_divergent_block(),
            Action::PreviousDivergence => self.previous_divergent_block(),
            Action::ToggleDiff => {
                if self.reader.is_pair() && self.reader.same_language {
                    self.differences = !self.differences;
                } else {
                    self.message =
                        Some("word differences need two versions in the same language".into());
                }
            }
            Action::SwitchFocus => {
                if self.reader.is_pair() {
                    self.focus = if self.focus == OFFICIAL {
                        OTHER
                    } else {
                        OFFICIAL
                    };
                }
            }
            Action::CopyRow => self.copy_row(),
            Action::Help => {
                self.mode = Mode::Help;
                self.help_scroll = 0;
            }
            Action::Back => {
                if !self.search.query.is_empty() {
                    self.search = Search::default();
                } else if self.filter.contains(&true) {
                    self.read(Action::ClearFilters);
                } else {
                    // One Esc too many must not end the session: quitting takes its own key.
                    let quit = self.keymap.first_key("quit").unwrap_or_else(|| "q".into());
                    self.message = Some(format!("nothing to close ({quit} quits)"));
                }
            }
            Action::Quit => self.quit = true,
            Action::Resize(..)
            | Action::Type(_)
            | Action::Erase
            | Action::ListUp
            | Action::ListDown
            | Action::ListToggle
            | Action::Confirm => {}
        }
        self.clamp();
    }

    /// The help takes the scrolling keys, and closes only on the keys its footer names
    /// (help, back, quit), so that a stray key does not close it unread.
    fn read_help(&mut self, action: Action) {
        let page = self.size.1.saturating_sub(6).max(1) as usize;
        let last = view::help_scroll_limit(&self.keymap, self.size);
        self.help_scroll = match action {
            Action::Back | Action::Help | Action::Quit => {
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

    fn type_place(&mut self, action: Action, mut text: String) {
        match action {
            Action::Type(c) => text.push(c),
            Action::Erase => {
                text.pop();
            }
            Action::Confirm => {
                self.mode = Mode::Reading;
                if let Err(problem) = self.go_to_place(&text) {
                    self.message = Some(problem);
                }
                self.clamp();
                return;
            }
            Action::Back | Action::Quit => {
                self.mode = Mode::Reading;
                return;
            }
            _ => {}
        }
        self.mode = Mode::GoTo(text);
    }

    /// Goes to a place written as vim's and less's users write it: `120` (the row number the
    /// status line and the exports give), `t12` (the focused version's twelfth turn) or `40%`.
    /// A row hidden by the speaker filter gives the next row shown.
    pub fn go_to_place(&mut self, text: &str) -> Result<(), String> {
        let text = text.trim();
        let number = |digits: &str| {
            digits
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|&n| n > 0 || text.ends_with('%'))
                .ok_or_else(|| {
                    format!("go to '{text}'? write a row (120), a turn (t12) or a percentage (40%)")
                })
        };
        let index = if let Some(percent) = text.strip_suffix('%') {
            let percent = number(percent)?.min(100);
            (self.visible.len() * percent / 100).min(self.visible.len().saturating_sub(1))
        } else if let Some(turn) = text.strip_prefix(['t', 'T']) {
            let turn = number(turn)? - 1;
            let turns = self.reader.panes[self.focus].transcript.turns.len();
            if turn >= turns {
                return Err(format!(
                    "there is no turn {} (the last is {turns})",
                    turn + 1
                ));
            }
            let reader = &self.reader;
            let focus = self.focus;
            self.visible
                .iter()
                .position(|&id| reader.rows[id].turn(focus).is_some_and(|t| t >= turn))
                .ok_or_else(|| format!("turn {} is hidden by the speaker filter", turn + 1))?
        } else {
            let row = number(text)?;
            if row > self.reader.rows.len() {
                return Err(format!(
                    "there is no row {row} (the last is {})",
                    self.reader.rows.len()
                ));
            }
            self.visible
                .partition_point(|&id| id + 1 < row)
                .min(self.visible.len().saturating_sub(1))
        };
        self.go_to(index);
        Ok(())
    }

    fn type_search(&mut self, action: Action, before: Position) {
        match action {
            Action::Type(c) => {
                self.search.query.push(c);
                self.find(before);
            }
            Action::Erase => {
                self.search.query.pop();
                self.find(before);
            }
            Action::Confirm => {
                self.mode = Mode::Reading;
                if self.search.query.is_empty() {
                    self.search = Search::default();
                }
            }
            Action::Back | Action::Quit => {
                self.mode = Mode::Reading;
                self.search = Search::default();
                self.top = before;
            }
            _ => {}
        }
        self.clamp();
    }

    fn edit_speakers(&mut self, action: Action, mut list: SpeakerList) {
        let shown = list.shown(&self.reader);
        match action {
            Action::Type(c) => {
                list.query.push(c);
                list.cursor = 0;
            }
            Action::Erase => {
                list.query.pop();
                list.cursor = 0;
            }
            Action::ListUp => list.cursor = list.cursor.saturating_sub(1),
            Action::ListDown => list.cursor = (list.cursor + 1).min(shown.len().saturating_sub(1)),
            Action::ListToggle => {
                if let Some(ticked) = shown
                    .get(list.cursor)
                    .and_then(|&entry| list.ticked.get_mut(entry))
                {
                    *ticked = !*ticked;
                }
            }
            Action::Confirm => {
                self.filter = list.ticked;
                self.mode = Mode::Reading;
                self.refilter();
                return;
            }
            Action::Back | Action::Quit => {
                self.mode = Mode::Reading;
                return;
            }
            _ => {}
        }
        self.mode = Mode::Speakers(list);
    }

    /// Shows the rows of the ticked speakers (all rows if none), staying near the current row.
    fn refilter(&mut self) {
        let current = self.current_row().unwrap_or(0);
        let any = self.filter.contains(&true);
        let reader = &self.reader;
        let filter = &self.filter;
        self.visible = (0..reader.rows.len())
            .filter(|&id| {
                !any || reader
                    .row_entries(&reader.rows[id])
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

    /// Incremental search: counts hits and moves to the first at or after where it began.
    fn find(&mut self, from: Position) {
        self.recount_hits();
        match self.search.rows.iter().find(|&&index| index >= from.index) {
            Some(&index) => self.go_to(index),
            None => {
                if let Some(&first) = self.search.rows.first() {
                    self.go_to(first);
                } else {
                    self.top = from;
                }
            }
        }
    }

    /// Builds the search index if it is not built yet. The event loop calls this once the
    /// first screen is up, so that a long document opens at once and searches without delay.
    pub fn prepare_search(&mut self) {
        if self.search_index.is_none() {
            self.search_index = Some(SearchIndex::new(&self.reader));
        }
    }

    fn recount_hits(&mut self) {
        self.prepare_search();
        let Some(index) = &self.search_index else {
            return;
        };
        let counts = index.counts(&self.search.query);
        let (mut rows, mut hits) = (Vec::new(), 0);
        for (index, &id) in self.visible.iter().enumerate() {
            if counts[id] > 0 {
                rows.push(index);
                hits += counts[id] as usize;
            }
        }
        self.search.rows = rows;
        self.search.hits = hits;
    }

    fn next_hit(&mut self, forward: bool) {
        if self.search.rows.is_empty() {
            self.message = Some(if self.search.query.is_empty() {
                "no search: press / to search".into()
            } else {
                "no hits".into()
            });
            return;
        }
        let current = self.current;
        let target = if forward {
            self.search
                .rows
                .iter()
                .find(|&&i| i > current)
                .or(self.search.rows.first())
        } else {
            self.search
                .rows
                .iter()
                .rev()
                .find(|&&i| i < current)
                .or(self.search.rows.last())
        };
        if let Some(&index) = target {
            self.go_to(index);
        }
    }

    /// How far into the document the top of the screen is. With one side of a pair shown
    /// alone, rows without that side are skipped, so turns of that side measure it better.
    pub fn percent(&self) -> usize {
        let one_side_shown =
            self.screen().is_some_and(|s| s.panes.len() == 1) && self.reader.is_pair();
        let turn = self
            .current_row()
            .and_then(|id| self.reader.rows[id].turn(self.focus));
        match turn {
            Some(turn) if one_side_shown => {
                let turns = self.reader.panes[self.focus].transcript.turns.len().max(1);
                turn * 100 / turns
            }
            _ => self.current * 100 / self.visible.len().max(1),
        }
    }

    /// Which hit the current row is, counted from 1, if it is one.
    pub fn hit_number(&self) -> Option<usize> {
        self.search
            .rows
            .iter()
            .position(|&i| i == self.current)
            .map(|n| n + 1)
    }

    /// The block the shown row at `index` belongs to: none (0) for a row without flags, then
    /// flagged rows with both sides (1), rows only the official version has (2), rows only
    /// the other version has (3). A block is a run of rows of one kind, so that a flagged
    /// row just before a long one-sided run is a stop of its own.
    fn block_at(&self, index: usize) -> u8 {
        let row = &self.reader.rows[self.visible[index]];
        if !row.is_divergent() {
            0
        } else if row.sides[OTHER].is_empty() {
            2
        } else if row.sides[OFFICIAL].is_empty() {
            3
        } else {
            1
        }
    }

    /// Moves to the first row of the next block of divergent or one-sided rows: past the
    /// block the top row is in, as vimdiff's `]c` moves past a change, so that a long run of
    /// rows one version lacks takes one press.
    fn next_divergent_block(&mut self) {
        let end = self.visible.len();
        let mut index = self.current;
        let current = if index < end { self.block_at(index) } else { 0 };
        while index < end && current != 0 && self.block_at(index) == current {
            index += 1;
        }
        while index < end && self.block_at(index) == 0 {
            index += 1;
        }
        if index < end {
            self.go_to(index);
        } else {
            self.message = Some("no more divergences below".into());
        }
    }

    /// Moves to the first row of the block before the top row (or of the block the top row
    /// is in, when it is inside one).
    fn previous_divergent_block(&mut self) {
        let mut index = self.current.min(self.visible.len());
        while index > 0 && self.block_at(index - 1) == 0 {
            index -= 1;
        }
        if index == 0 {
            self.message = Some("no more divergences above".into());
            return;
        }
        let block = self.block_at(index - 1);
        while index > 0 && self.block_at(index - 1) == block {
            index -= 1;
        }
        self.go_to(index);
    }

    fn jump_forward(&mut self, wanted: impl Fn(&App, usize) -> bool) {
        let found =
            (self.current + 1..self.visible.len()).find(|&index| wanted(self, self.visible[index]));
        match found {
            Some(index) => self.go_to(index),
            None => self.message = Some("no more".into()),
        }
    }

    fn jump_back(&mut self, wanted: impl Fn(&App, usize) -> bool) {
        let found = (0..self.current.min(self.visible.len()))
            .rev()
            .find(|&index| wanted(self, self.visible[index]));
        match found {
            Some(index) => self.go_to(index),
            None => self.message = Some("no more".into()),
        }
    }

    /// The height of a shown row, measured once per width.
    fn height(&mut self, index: usize) -> usize {
        let widths = self.screen().map_or([0, 0], |s| s.widths());
        if widths != self.heights_for {
            self.heights.iter_mut().for_each(|h| *h = 0);
            self.heights_for = widths;
        }
        let Some(&id) = self.visible.get(index) else {
            return 1;
        };
        if self.heights[id] == 0 {
            let height = layout::row_height(&self.reader, &self.reader.rows[id], widths);
            self.heights[id] = height as u32 + 1;
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
        let mut remaining = self.body_height();
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

    /// Copies the current row, both versions with speaker and turn and sentence numbers.
    fn copy_row(&mut self) {
        let Some(id) = self.current_row() else {
            return;
        };
        let row = &self.reader.rows[id];
        let mut quote = String::new();
        for (side, pane) in self.reader.panes.iter().enumerate() {
            let refs = &row.sides[side];
            let metadata = &pane.transcript.metadata;
            let version = metadata
                .source
                .clone()
                .or(metadata.title.clone())
                .unwrap_or_else(|| metadata.origin.file.clone());
            let Some(first) = refs.first() else {
                quote.push_str(&crate::sanitize::visible(&format!(
                    "[{version}] (no counterpart)"
                )));
                quote.push('\n');
                continue;
            };
            let last = refs.last().unwrap_or(first);
            let sentences = if first.sentence == last.sentence && first.turn == last.turn {
                format!("sentence {}", first.sentence + 1)
            } else if first.turn == last.turn {
                format!("sentences {}-{}", first.sentence + 1, last.sentence + 1)
            } else {
                format!(
                    "turn {} sentence {} to turn {} sentence {}",
                    first.turn + 1,
                    first.sentence + 1,
                    last.turn + 1,
                    last.sentence + 1
                )
            };
            // Pasted into a terminal, the quote must not carry a file's escape sequences.
            let quoted = format!(
                "[{version}] {}, turn {}, {sentences}: {}",
                pane.label(first.turn),
                first.turn + 1,
                quotation(&layout::segments(&self.reader, row, side))
            );
            quote.push_str(&crate::sanitize::visible(&quoted));
            quote.push('\n');
        }
        self.message = Some(format!("copied row {} to the clipboard", id + 1));
        self.clipboard = Some(quote);
    }
}

/// One side of a row as a quotation: the text as the reader shows it, the notes that stand
/// before a sentence (`[Via interpreter]`) included, and after it what the source marks inside
/// it (text marked unverified or struck), since a quote must carry what qualifies it.
fn quotation(segments: &[layout::Segment]) -> String {
    let text: Vec<&str> = segments.iter().map(|s| s.text.as_str()).collect();
    let mut quote = format!("“{}”", text.join(" "));
    for segment in segments {
        for (range, mark) in &segment.marks {
            if let layout::Mark::Note(
                kind @ (AnnotationKind::Unverified | AnnotationKind::Struck),
            ) = mark
            {
                let marked = segment.text.get(range.clone()).unwrap_or_default();
                quote.push_str(&format!(" ({} in the source: “{marked}”)", kind.name()));
            }
        }
    }
    quote
}
