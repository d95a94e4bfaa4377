//! The search: typed at the `/` prompt (incremental), with a history, a scope (both versions
//! or one), regular expressions after `\v`, `*` for the current row's first word, and `n`/`N`.

use super::{App, Mode, Position, Search};
use crate::model::Side;
use crate::ui::action::Action;
use crate::ui::search::{Matcher, REGEX_PREFIX, SearchIndex};

/// Searches kept in the history.
const HISTORY: usize = 100;

/// Beyond this many bytes of text the search waits for Enter instead of searching at every
/// key: a scan of a few hundred megabytes would make typing lag.
pub const INCREMENTAL_LIMIT: usize = 32 << 20;

impl App {
    /// `/`: an empty prompt; the search in effect stays until the new one is kept.
    pub(super) fn start_search(&mut self) {
        self.previous_search = Some(self.search.clone());
        self.mode = Mode::Searching {
            before: self.top,
            history: None,
        };
        self.search.query.clear();
        self.search.rows.clear();
        self.search.hits = 0;
    }

    pub(super) fn type_search(&mut self, action: Action, before: Position, history: Option<usize>) {
        let mut history = history;
        match action {
            Action::Type(c) => self.search.query.push(c),
            Action::Erase => {
                self.search.query.pop();
            }
            Action::ListUp | Action::ListDown => {
                history = self.recall(history, action == Action::ListUp);
            }
            Action::CycleScope => {
                self.search.scope = match self.search.scope {
                    None if self.contents.is_pair() => Some(Side::Official),
                    Some(Side::Official) => Some(Side::Other),
                    _ => None,
                };
            }
            Action::Confirm => return self.keep_search(before),
            Action::Back | Action::Quit => {
                self.mode = Mode::Reading;
                self.search = self.previous_search.take().unwrap_or_default();
                self.compile();
                self.top = before;
                return;
            }
            _ => return,
        }
        self.mode = Mode::Searching { before, history };
        if self.incremental() {
            self.find(before);
        }
        self.clamp();
    }

    /// Enter at the `/` prompt: the search is kept, remembered in the history and left as a
    /// jump (`''` goes back to where it started).
    fn keep_search(&mut self, before: Position) {
        self.mode = Mode::Reading;
        self.previous_search = None;
        let query = self.search.query.clone();
        if query.is_empty() {
            self.search = Search::default();
            self.matcher = None;
            return;
        }
        self.history.retain(|q| *q != query);
        self.history.push(query);
        if self.history.len() > HISTORY {
            self.history.remove(0);
        }
        if self.incremental() {
            // Said again: the message of the last key is gone.
            self.compile();
        } else {
            self.find(before);
        }
        if let Some(&id) = self.visible.get(before.index)
            && Some(id) != self.current_row()
        {
            self.remember(id);
        }
        self.clamp();
    }

    /// Whether the text is small enough to search at every key.
    pub fn incremental(&self) -> bool {
        self.text_size() <= INCREMENTAL_LIMIT
    }

    /// The bytes of text of the whole document, both versions.
    fn text_size(&self) -> usize {
        self.contents
            .panes()
            .flat_map(|(_, pane)| pane.transcript.turns.iter())
            .flat_map(|turn| turn.paragraphs.iter())
            .flat_map(|paragraph| paragraph.sentences.iter())
            .map(|sentence| sentence.text.len())
            .sum()
    }

    /// The history entry before (`older`) or after the one shown; past the newest, an empty
    /// query.
    fn recall(&mut self, shown: Option<usize>, older: bool) -> Option<usize> {
        let last = self.history.len().checked_sub(1)?;
        let entry = match (shown, older) {
            (None, true) => Some(last),
            (None, false) => None,
            (Some(at), true) => Some(at.saturating_sub(1)),
            (Some(at), false) => (at < last).then_some(at + 1),
        };
        self.search.query = entry.map_or_else(String::new, |at| self.history[at].clone());
        entry
    }

    /// `*`: searches the first word of the current row in the focused pane as a whole word,
    /// as vim's `*` searches the word under the cursor (the current row's start).
    pub(super) fn search_word(&mut self) {
        let Some(id) = self.current_row() else {
            return;
        };
        let side = self.contents.side_or_alone(self.focus);
        let text = self.contents.side_text(&self.contents.rows[id], side);
        let Some(word) = text
            .split(|c: char| !c.is_alphanumeric())
            .find(|word| !word.is_empty())
        else {
            self.message = Some("no word in the current row".into());
            return;
        };
        let before = self.top;
        self.search = Search {
            query: format!("{REGEX_PREFIX}\\b{}\\b", regex::escape(word)),
            scope: None,
            ..Search::default()
        };
        self.find(before);
        // The row it started from is a hit itself: `*` goes on to the next, as vim's does.
        self.next_hit(true);
        self.history.retain(|q| *q != self.search.query);
        self.history.push(self.search.query.clone());
    }

    /// Compiles the query; an invalid regular expression is said on the status line and
    /// matches nothing.
    pub(super) fn compile(&mut self) {
        self.matcher = match Matcher::new(&self.search.query) {
            Ok(matcher) => matcher,
            Err(problem) => {
                self.message = Some(problem);
                None
            }
        };
    }

    /// Counts hits and moves to the first at or after where the search began.
    fn find(&mut self, from: Position) {
        self.compile();
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
            self.search_index = Some(SearchIndex::new(&self.contents));
        }
    }

    pub(super) fn recount_hits(&mut self) {
        self.search.rows.clear();
        self.search.hits = 0;
        let Some(matcher) = &self.matcher else {
            return;
        };
        if self.search_index.is_none() {
            self.search_index = Some(SearchIndex::new(&self.contents));
        }
        let Some(index) = &self.search_index else {
            return;
        };
        let counts = index.counts(matcher, self.search.scope);
        for (index, &id) in self.visible.iter().enumerate() {
            if counts[id] > 0 {
                self.search.rows.push(index);
                self.search.hits += counts[id] as usize;
            }
        }
    }

    pub(super) fn next_hit(&mut self, forward: bool) {
        if self.search.rows.is_empty() {
            self.message = Some(if self.search.query.is_empty() {
                match self.keymap.first_key("search") {
                    Some(key) => format!("no search: press {key} to search"),
                    None => "no search".into(),
                }
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
            self.leave_jump();
            self.go_to(index);
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
}
