//! Where things go on the screen: the layout setting, the split between the panes, and the
//! areas of one frame.

use crate::model::{Pair, Side};
use ratatui::layout::Rect;

/// Below this width two panes do not fit side by side: one is shown at a time.
pub const NARROW: u16 = 100;
/// Below this size the reader cannot be drawn.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 8;
const HEADER: u16 = 2;
const FOOTER: u16 = 1;
const GUTTER: u16 = 3;
/// The gutter's room for a row's time (`1:02:03` and a space) when a version has times.
pub const TIME_COLUMN: u16 = 8;
const MINIMAP: u16 = 1;

/// How the two panes of a pair are arranged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Side by side when the terminal is at least [`NARROW`] columns wide, else one at a time.
    #[default]
    Auto,
    /// Always side by side.
    SideBySide,
    /// One pane at a time; Tab shows the other.
    Single,
}

impl Layout {
    pub const ALL: [Layout; 3] = [Layout::Auto, Layout::SideBySide, Layout::Single];

    pub fn name(self) -> &'static str {
        match self {
            Layout::Auto => "auto",
            Layout::SideBySide => "side-by-side",
            Layout::Single => "single",
        }
    }

    fn side_by_side(self, width: u16) -> bool {
        match self {
            Layout::Auto => width >= NARROW,
            Layout::SideBySide => true,
            Layout::Single => false,
        }
    }
}

impl std::str::FromStr for Layout {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Layout::ALL
            .into_iter()
            .find(|layout| layout.name().eq_ignore_ascii_case(name))
            .ok_or_else(|| {
                format!("unknown layout '{name}' (expected auto, side-by-side or single)")
            })
    }
}

/// Columns the split between two panes moves per press of `<` or `>`, and how narrow a
/// pane may get.
const SPLIT_STEP: i16 = 4;
const NARROWEST_PANE: u16 = 20;

/// How the width is shared: where the split between two panes is moved to, whether the
/// other version is on the left, and whether the gutter holds each row's time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Split {
    /// Steps the split is moved right of the middle (left when negative).
    pub steps: i16,
    pub swapped: bool,
    pub times: bool,
}

impl Split {
    /// The width of the left pane out of `inner` columns (the separator included), kept so
    /// that neither pane gets narrower than [`NARROWEST_PANE`].
    fn left_width(self, inner: u16) -> u16 {
        let middle = (inner - 1) / 2;
        let lowest = NARROWEST_PANE.min(middle);
        let highest = (inner - 1).saturating_sub(lowest).max(lowest);
        (i32::from(middle) + i32::from(self.steps) * i32::from(SPLIT_STEP))
            .clamp(i32::from(lowest), i32::from(highest)) as u16
    }
}

/// The parts of the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screen {
    pub header: Rect,
    pub footer: Rect,
    pub gutter: Rect,
    /// The panes drawn, with the side each shows.
    pub panes: Vec<(Side, Rect)>,
    pub separator: Option<Rect>,
    pub minimap: Rect,
}

impl Screen {
    /// Lays out a `width` × `height` terminal; `None` when it is too small to use.
    pub fn new(
        width: u16,
        height: u16,
        pair: bool,
        (layout, split): (Layout, Split),
        focus: Side,
    ) -> Option<Screen> {
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return None;
        }
        let body_height = height - HEADER - FOOTER;
        let body_y = HEADER;
        let header = Rect::new(0, 0, width, HEADER);
        let footer = Rect::new(0, height - FOOTER, width, FOOTER);
        // Times take gutter room only where the text keeps most of the width.
        let gutter_width = if split.times && width >= 2 * MIN_WIDTH {
            GUTTER + TIME_COLUMN
        } else {
            GUTTER
        };
        let gutter = Rect::new(0, body_y, gutter_width, body_height);
        let minimap = Rect::new(width - MINIMAP, body_y, MINIMAP, body_height);
        let inner = width - gutter_width - MINIMAP;
        let (panes, separator) = if pair && layout.side_by_side(width) {
            let left = split.left_width(inner);
            let right = inner - 1 - left;
            let (first, second) = if split.swapped {
                (Side::Other, Side::Official)
            } else {
                (Side::Official, Side::Other)
            };
            (
                vec![
                    (first, Rect::new(gutter_width, body_y, left, body_height)),
                    (
                        second,
                        Rect::new(gutter_width + left + 1, body_y, right, body_height),
                    ),
                ],
                Some(Rect::new(gutter_width + left, body_y, 1, body_height)),
            )
        } else {
            let side = if pair { focus } else { Side::Official };
            (
                vec![(side, Rect::new(gutter_width, body_y, inner, body_height))],
                None,
            )
        };
        Some(Screen {
            header,
            footer,
            gutter,
            panes,
            separator,
            minimap,
        })
    }

    pub fn body_height(&self) -> usize {
        self.gutter.height as usize
    }

    /// The widths text wraps at, per side shown (0 for a side not shown).
    pub fn widths(&self) -> Pair<u16> {
        let mut widths = Pair::default();
        for (side, rect) in &self.panes {
            widths[*side] = rect.width;
        }
        widths
    }
}
