//! The whole pair's alignment taking the place of the one shown while it was made (the start
//! of both files): the reader stays at the same sentence, and keeps its marks, jumps, search,
//! speaker filter and settings. Row numbers change between the two, sentences do not.

use super::{App, Mode, Position};
use crate::model::Side;
use crate::ui::contents::Contents;
use std::collections::HashMap;

/// A sentence that stands for a row in any alignment of the pair: its side, turn and place in
/// the turn.
type Anchor = (Side, usize, usize);

impl App {
    /// How far the alignment being made has come, 0 to 1, while the rows shown are provisional.
    pub fn report_progress(&mut self, fraction: f64) {
        self.aligning = Some(fraction);
    }

    /// Shows `contents`, the whole alignment, in place of the provisional one.
    pub fn replace_alignment(&mut self, contents: Contents) {
        let top = self.top_anchor();
        let marks: Vec<(char, Anchor)> = (self.marks.iter())
            .filter_map(|(&letter, &id)| Some((letter, self.anchor(id)?)))
            .collect();
        let jumps: Vec<Anchor> = self
            .jumps
            .iter()
            .filter_map(|&id| self.anchor(id))
            .collect();
        let before = match self.mode {
            Mode::Searching { before, .. } => self.visible.get(before.index).copied(),
            _ => None,
        }
        .and_then(|id| self.anchor(id));
        let wanted = top
            .iter()
            .map(|(a, _)| a)
            .chain(&jumps)
            .chain(before.iter());
        let rows = rows_of(
            &contents,
            wanted.chain(marks.iter().map(|(_, a)| a)).copied(),
        );
        let size = self.size;
        let old = std::mem::replace(self, App::new(contents, size));
        self.carry_settings(&old);
        self.carry_filter(&old);
        self.marks = (marks.iter())
            .filter_map(|(letter, anchor)| Some((*letter, *rows.get(anchor)?)))
            .collect();
        self.jumps = jumps.iter().filter_map(|a| rows.get(a).copied()).collect();
        self.mode = match old.mode {
            Mode::Searching { history, .. } => Mode::Searching {
                before: self.position_of(before.and_then(|a| rows.get(&a).copied()), 0),
                history,
            },
            // The lists hold places in the old rows: they are opened again in a keystroke.
            Mode::Speakers(_) | Mode::Divergences(_) => Mode::Reading,
            mode => mode,
        };
        self.carry_search(old.search, old.previous_search);
        self.top = top.map_or_else(Position::default, |(anchor, line)| {
            self.position_of(rows.get(&anchor).copied(), line)
        });
        self.clamp();
        self.settle();
    }

    /// The sentence the screen stays at, with the lines of its row above the screen: the
    /// first of the focused side on screen, else the top row's first on the other side.
    fn top_anchor(&self) -> Option<(Anchor, usize)> {
        let on_screen = self.visible.get(self.top.index..).unwrap_or_default();
        let focused =
            (on_screen.iter().take(self.body_height()).enumerate()).find_map(|(n, &id)| {
                let first = self.contents.rows[id].sides[self.focus].first()?;
                let line = if n == 0 { self.top.line } else { 0 };
                Some(((self.focus, first.turn, first.sentence), line))
            });
        focused.or_else(|| Some((self.anchor(*on_screen.first()?)?, self.top.line)))
    }

    /// The sentence that stands for the row `id`: its first on the focused side, else on the
    /// other side.
    fn anchor(&self, id: usize) -> Option<Anchor> {
        let row = self.contents.rows.get(id)?;
        [self.focus, self.focus.opposite()]
            .into_iter()
            .find_map(|side| {
                let first = row.sides[side].first()?;
                Some((side, first.turn, first.sentence))
            })
    }

    /// Where the row `id` is shown (the next row shown when the filter hides it), `line` lines
    /// into it; the top when the row is not known.
    fn position_of(&self, id: Option<usize>, line: usize) -> Position {
        id.map_or_else(Position::default, |id| Position {
            index: self.visible.partition_point(|&shown| shown < id),
            line,
        })
    }

    fn carry_settings(&mut self, old: &App) {
        self.keymap = old.keymap.clone();
        self.layout = old.layout;
        self.focus = old.focus;
        self.differences = old.differences;
        self.split = super::Split {
            times: self.split.times,
            ..old.split
        };
        self.mouse = old.mouse;
        self.history = old.history.clone();
        self.help_scroll = old.help_scroll;
        if self.message.is_none() {
            self.message = old.message.clone();
        }
    }

    /// The speakers ticked in the filter, found again by their labels.
    fn carry_filter(&mut self, old: &App) {
        let ticked: Vec<_> = (old.contents.speakers.iter().zip(&old.filter))
            .filter(|(_, ticked)| **ticked)
            .map(|(entry, _)| &entry.labels)
            .collect();
        if ticked.is_empty() {
            return;
        }
        for (entry, slot) in self.contents.speakers.iter().zip(&mut self.filter) {
            *slot = ticked.contains(&&entry.labels);
        }
        self.refilter();
    }

    /// The search in effect, and the one a search being typed would go back to, counted again
    /// over the new rows.
    fn carry_search(&mut self, search: super::Search, previous: Option<super::Search>) {
        if let Some(previous) = previous {
            self.search = previous;
            self.count_search();
            self.previous_search = Some(std::mem::take(&mut self.search));
        }
        self.search = search;
        self.count_search();
    }

    fn count_search(&mut self) {
        if self.search.query.is_empty() {
            self.matcher = None;
            self.search.rows.clear();
            self.search.hits = 0;
        } else {
            self.compile();
            self.recount_hits();
        }
    }
}

/// The rows of `reader` that hold each of the `anchors`.
fn rows_of(contents: &Contents, anchors: impl Iterator<Item = Anchor>) -> HashMap<Anchor, usize> {
    let mut rows: HashMap<Anchor, Option<usize>> = anchors.map(|a| (a, None)).collect();
    for (id, row) in contents.rows.iter().enumerate() {
        for (side, refs) in row.sides.iter() {
            for r in refs {
                if let Some(slot) = rows.get_mut(&(side, r.turn, r.sentence)) {
                    *slot = Some(id);
                }
            }
        }
    }
    rows.into_iter()
        .filter_map(|(anchor, id)| Some((anchor, id?)))
        .collect()
}
