//! The memory a file will take to load and align, from what it holds. Bytes alone do not say:
//! every line, turn and sentence costs a fixed amount whatever its length, so a file of a
//! million `Q: y` lines takes some 240 times the pair's size where real transcripts take 16.
//! The figures are per file, for a pair whose other file is about the same, as measured by
//! `tests/hostile_inputs.rs` (`memory_stays_within_the_estimate`, ignored: it runs the
//! release binary on the heavy shapes).

use crate::model::Transcript;

/// Memory per byte of text.
pub const PER_BYTE: u64 = 32;
/// Memory per line, on top of its bytes: the loader keeps several records of every line.
const PER_LINE: u64 = 240;
/// Memory per turn, on top of its lines and sentences: the model's turn, its features, its
/// profile and its cells in the turn alignment.
const PER_TURN: u64 = 1200;
/// Memory per sentence, on top of its turn.
const PER_SENTENCE: u64 = 1200;

/// What a file holds, as far as memory is concerned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub bytes: u64,
    pub lines: u64,
    pub turns: u64,
    pub sentences: u64,
}

impl Counts {
    /// What the bytes say before they are parsed: turns and sentences are not known yet.
    pub fn of_bytes(bytes: &[u8]) -> Self {
        Counts {
            bytes: bytes.len() as u64,
            lines: (memchr::memchr_iter(b'\n', bytes).count()
                + usize::from(bytes.last().is_some_and(|&b| b != b'\n'))) as u64,
            turns: 0,
            sentences: 0,
        }
    }

    /// The same with the turns and sentences of the parsed file.
    pub fn with(self, transcript: &Transcript) -> Self {
        Counts {
            turns: transcript.turns.len() as u64,
            sentences: transcript
                .turns
                .iter()
                .map(|t| t.sentence_count() as u64)
                .sum(),
            ..self
        }
    }

    /// Memory that loading and aligning this file with one like it takes, at most.
    pub fn memory(&self) -> u64 {
        self.bytes
            .saturating_mul(PER_BYTE)
            .saturating_add(self.lines.saturating_mul(PER_LINE))
            .saturating_add(self.turns.saturating_mul(PER_TURN))
            .saturating_add(self.sentences.saturating_mul(PER_SENTENCE))
    }

    /// Whether the file fits in `free` bytes of memory, when that is known. A file needing no
    /// more than `always` is read whatever the memory reading says, as it can be wrong.
    pub fn fits(&self, free: Option<u64>, always: u64) -> bool {
        let needed = self.memory();
        needed <= always || free.is_none_or(|free| needed <= free)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MB: u64 = 1_000_000;

    #[test]
    fn short_lines_and_turns_cost_more_than_their_bytes() {
        let real = Counts {
            bytes: 100 * MB,
            lines: MB,
            turns: 100_000,
            sentences: MB,
        };
        let tiny_turns = Counts {
            bytes: 100 * MB,
            lines: 20 * MB,
            turns: 20 * MB,
            sentences: 20 * MB,
        };
        assert!(real.memory() < 5 * 1000 * MB);
        assert!(tiny_turns.memory() > 10 * real.memory());
    }

    #[test]
    fn lines_are_counted_from_the_bytes() {
        let counts = Counts::of_bytes(b"Q: y\nA: y\n");
        assert_eq!((counts.bytes, counts.lines, counts.turns), (10, 2, 0));
        assert_eq!(Counts::of_bytes(b"Q: y").lines, 1);
    }

    #[test]
    fn a_file_fits_when_memory_is_unknown_or_it_needs_little() {
        let counts = Counts {
            bytes: MB,
            lines: MB,
            turns: MB,
            sentences: MB,
        };
        let needed = counts.memory();
        assert!(counts.fits(None, 0));
        assert!(counts.fits(Some(needed), 0));
        assert!(!counts.fits(Some(needed - 1), 0));
        assert!(counts.fits(Some(0), needed));
    }
}
