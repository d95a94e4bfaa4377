//! The bundled example, embedded in the binary so that `tandem` works from any directory:
//! the State Department's transcript of Blinken and Cho in Seoul (6 January 2025) and YTN's
//! English version of the same press conference. Provenance: `assets/seoul-2025-01-06/`.

use crate::load::{self, LoadError, LoadOptions};
use crate::model::Transcript;

pub const OFFICIAL_NAME: &str = "seoul-2025-01-06/official-state-dept.txt";
pub const OTHER_NAME: &str = "seoul-2025-01-06/translation-ytn.txt";

pub const OFFICIAL: &[u8] = include_bytes!("../assets/seoul-2025-01-06/official-state-dept.txt");
pub const OTHER: &[u8] = include_bytes!("../assets/seoul-2025-01-06/translation-ytn.txt");

/// The State Department transcript.
pub fn official() -> Result<Transcript, LoadError> {
    load::load_bytes(
        OFFICIAL,
        &format!("{OFFICIAL_NAME} (bundled)"),
        LoadOptions::default(),
    )
}

/// YTN's English version.
pub fn other() -> Result<Transcript, LoadError> {
    load::load_bytes(
        OTHER,
        &format!("{OTHER_NAME} (bundled)"),
        LoadOptions::default(),
    )
}
