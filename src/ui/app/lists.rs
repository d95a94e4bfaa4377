//! The lists over the reading view: speakers to show, and every divergence to go to.

use super::{App, Mode};
use crate::model::Side;
use crate::ui::action::Action;
use crate::ui::contents::Contents;

/// Entries a page key moves through in a list.
const LIST_PAGE: usize = 10;

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
    pub fn shown(&self, contents: &Contents) -> Vec<usize> {
        let query = self.query.to_lowercase();
        contents
            .speakers
            .iter()
            .enumerate()
            .filter(|(_, entry)| entry.name().to_lowercase().contains(&query))
            .map(|(index, _)| index)
            .collect()
    }
}

/// The divergence list: a filter typed and the entry under the cursor.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DivergenceList {
    pub query: String,
    pub cursor: usize,
}

/// A block of divergent rows as `d` stops at it: where it starts among the rows shown and
/// how many rows it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub index: usize,
    pub rows: usize,
}

/// One entry of the divergence list as shown: where, what kind, and how it begins.
pub struct DivergenceEntry {
    pub place: String,
    pub kind: String,
    pub words: String,
}

/// Words of a row's text the list shows.
const FIRST_WORDS: usize = 8;

/// Moves a list cursor for a list key; false for any other action.
fn move_cursor(cursor: &mut usize, action: Action, entries: usize) -> bool {
    let last = entries.saturating_sub(1);
    *cursor = match action {
        Action::ListUp => cursor.saturating_sub(1),
        Action::ListDown => (*cursor + 1).min(last),
        Action::PageUp => cursor.saturating_sub(LIST_PAGE),
        Action::PageDown => (*cursor + LIST_PAGE).min(last),
        _ => return false,
    };
    true
}

/// Types into or erases from a list's filter; false for any other action.
fn edit_query(query: &mut String, cursor: &mut usize, action: Action) -> bool {
    match action {
        Action::Type(c) => query.push(c),
        Action::Erase => {
            query.pop();
        }
        _ => return false,
    }
    *cursor = 0;
    true
}

impl App {
    pub(super) fn edit_speakers(&mut self, action: Action, mut list: SpeakerList) {
        let shown = list.shown(&self.contents);
        if move_cursor(&mut list.cursor, action, shown.len())
            || edit_query(&mut list.query, &mut list.cursor, action)
        {
            self.mode = Mode::Speakers(list);
            return;
        }
        match action {
            Action::ListToggle => {
                if let Some(ticked) = shown
                    .get(list.cursor)
                    .and_then(|&entry| list.ticked.get_mut(entry))
                {
                    *ticked = !*ticked;
                }
                self.mode = Mode::Speakers(list);
            }
            Action::Confirm => {
                self.filter = list.ticked;
                self.mode = Mode::Reading;
                self.refilter();
            }
            Action::Back | Action::Quit => self.mode = Mode::Reading,
            _ => self.mode = Mode::Speakers(list),
        }
    }

    /// Opens the list of the blocks `d` stops at, the cursor on the first at or after the
    /// current row.
    pub(super) fn open_divergences(&mut self) {
        let mut blocks: Vec<Block> = Vec::new();
        let mut index = 0;
        while index < self.visible.len() {
            let kind = self.block_at(index);
            let start = index;
            while index < self.visible.len() && self.block_at(index) == kind {
                index += 1;
            }
            if kind != 0 {
                blocks.push(Block {
                    index: start,
                    rows: index - start,
                });
            }
        }
        if blocks.is_empty() {
            self.message = Some("no divergences among the rows shown".into());
            return;
        }
        let cursor = blocks
            .iter()
            .position(|b| b.index + b.rows > self.current)
            .unwrap_or(blocks.len() - 1);
        self.divergences = blocks;
        self.mode = Mode::Divergences(DivergenceList {
            query: String::new(),
            cursor,
        });
    }

    /// How many blocks the divergence list holds.
    pub fn divergences_count(&self) -> usize {
        self.divergences.len()
    }

    /// The blocks of the divergence list that match its filter, as indices.
    pub fn divergences_shown(&self, list: &DivergenceList) -> Vec<usize> {
        let query = list.query.to_lowercase();
        (0..self.divergences.len())
            .filter(|&at| {
                let entry = self.divergence_entry(at);
                query.is_empty()
                    || format!("{} {} {}", entry.place, entry.kind, entry.words)
                        .to_lowercase()
                        .contains(&query)
            })
            .collect()
    }

    /// How the list shows the block at `at`: its rows, its kind with the evidence of the
    /// first row's flags, and the first words of its first row.
    pub fn divergence_entry(&self, at: usize) -> DivergenceEntry {
        let block = self.divergences[at];
        let id = self.visible[block.index];
        let row = &self.contents.rows[id];
        let place = if block.rows == 1 {
            format!("row {}", id + 1)
        } else {
            format!(
                "rows {}-{}",
                id + 1,
                self.visible[block.index + block.rows - 1] + 1
            )
        };
        let kind = match self.block_at(block.index) {
            2 => "only in the official version".to_string(),
            3 => "only in the other version".to_string(),
            _ => row
                .flags
                .iter()
                .map(|flag| flag.describe())
                .collect::<Vec<_>>()
                .join("; "),
        };
        let side = if row.sides[Side::Official].is_empty() {
            Side::Other
        } else {
            Side::Official
        };
        let text = self.contents.side_text(row, side);
        let mut words: Vec<&str> = text.split_whitespace().take(FIRST_WORDS + 1).collect();
        let cut = words.len() > FIRST_WORDS;
        words.truncate(FIRST_WORDS);
        let words = format!("{}{}", words.join(" "), if cut { " …" } else { "" });
        DivergenceEntry { place, kind, words }
    }

    pub(super) fn pick_divergence(&mut self, action: Action, mut list: DivergenceList) {
        // Nothing is ticked here: the tick key types its space into the filter.
        let action = match action {
            Action::ListToggle => Action::Type(' '),
            other => other,
        };
        let shown = self.divergences_shown(&list);
        if move_cursor(&mut list.cursor, action, shown.len())
            || edit_query(&mut list.query, &mut list.cursor, action)
        {
            self.mode = Mode::Divergences(list);
            return;
        }
        match action {
            Action::Confirm => {
                self.mode = Mode::Reading;
                if let Some(&at) = shown.get(list.cursor) {
                    self.leave_jump();
                    self.go_to(self.divergences[at].index);
                }
            }
            Action::Back | Action::Quit => self.mode = Mode::Reading,
            _ => self.mode = Mode::Divergences(list),
        }
    }
}
