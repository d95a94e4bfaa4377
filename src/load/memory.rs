//! How large a file tandem may read: the memory this process may still take, read from Linux
//! (`/proc/meminfo`) and from the container's control group, against what a file costs
//! ([`budget`]).

use super::{Problem, bounded, budget};
use std::path::Path;

/// Files larger than this are refused before reading: the model takes several times the file
/// size in memory, and a clear refusal beats being killed for running out of it.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// Memory that loading and aligning a pair take per byte of one of its files, if the other is
/// about as long (measured: 1.85 GB at most for two files of 58 and 56 MB). Files of many short
/// lines, turns or sentences take more, which [`budget`] counts once the file is read.
pub(super) const MEMORY_PER_FILE_BYTE: u64 = budget::PER_BYTE;

/// Files up to this size are read whatever the memory reading says: it can be wrong (a
/// container's usage counts the page cache), and a file this small cannot exhaust memory.
const ALWAYS_READ_BYTES: u64 = 16 * 1024 * 1024;

/// The largest file tandem reads, given the memory free to it (when known): a smaller machine
/// refuses smaller files.
pub fn size_limit(free_memory: Option<u64>) -> u64 {
    free_memory.map_or(MAX_FILE_BYTES, |free| {
        (free / MEMORY_PER_FILE_BYTE).clamp(ALWAYS_READ_BYTES, MAX_FILE_BYTES)
    })
}

/// Memory this process may still take: what Linux says is available and, in a container with
/// a memory limit (control groups v2 or v1), what is left of the limit. `None` where neither
/// can be read.
pub(super) fn free_memory() -> Option<u64> {
    // These files are a few lines long; anything longer is not what it should be.
    let read = |path: &str| bounded::read_text(Path::new(path), 64 * 1024).ok();
    let available = read("/proc/meminfo").and_then(|info| {
        info.lines()
            .find_map(|line| line.strip_prefix("MemAvailable:"))
            .and_then(|rest| rest.trim().strip_suffix("kB"))
            .and_then(|kb| kb.trim().parse::<u64>().ok())
            .map(|kb| kb * 1024)
    });
    let number = |path: &str| read(path)?.trim().parse::<u64>().ok();
    let left_in_container = [
        ("memory.max", "memory.current"),
        (
            "memory/memory.limit_in_bytes",
            "memory/memory.usage_in_bytes",
        ),
    ]
    .into_iter()
    .find_map(|(limit, usage)| {
        let limit = number(&format!("/sys/fs/cgroup/{limit}"))?;
        let usage = number(&format!("/sys/fs/cgroup/{usage}")).unwrap_or(0);
        Some(limit.saturating_sub(usage))
    });
    match (available, left_in_container) {
        (Some(available), Some(left)) => Some(available.min(left)),
        (available, left) => available.or(left),
    }
}

/// Files that need no more than a file of [`ALWAYS_READ_BYTES`] of ordinary text are always read.
pub(super) fn check_memory(
    counts: budget::Counts,
    free_memory: Option<u64>,
) -> Result<(), Problem> {
    let always = ALWAYS_READ_BYTES * MEMORY_PER_FILE_BYTE;
    match free_memory {
        Some(free) if !counts.fits(free_memory, always) => Err(Problem::TooDense {
            counts,
            free_memory: free,
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{LoadOptions, load_bytes};

    const GIB: u64 = 1 << 30;

    #[test]
    fn a_file_of_tiny_turns_is_refused_for_what_it_holds_not_its_size() {
        let text = "Q: y\n".repeat(1_000_000);
        let counts = budget::Counts::of_bytes(text.as_bytes());
        let transcript =
            load_bytes(text.as_bytes(), "tiny-turns.txt", LoadOptions::default()).unwrap();
        let counts = counts.with(&transcript);
        // 5 MB is within the size limit on any machine, but aligning a million turns is not.
        assert!(counts.bytes <= ALWAYS_READ_BYTES);
        assert!(check_memory(counts, None).is_ok());
        assert!(check_memory(counts, Some(64 * GIB)).is_ok());
        let problem = check_memory(counts, Some(GIB)).unwrap_err().to_string();
        assert!(
            problem.starts_with("it holds too much for the memory free here: 1000000 lines, 1000000 turns and 1000000 sentences take about"),
            "{problem}"
        );
    }

    #[test]
    fn the_size_limit_follows_free_memory_below_the_cap() {
        assert_eq!(size_limit(None), MAX_FILE_BYTES);
        assert_eq!(size_limit(Some(64 * GIB)), MAX_FILE_BYTES);
        assert_eq!(size_limit(Some(8 * GIB)), 256 * 1024 * 1024);
        assert_eq!(size_limit(Some(0)), ALWAYS_READ_BYTES);
    }

    #[test]
    fn a_refusal_for_lack_of_memory_says_so() {
        let problem = |free: u64| {
            let limit = size_limit(Some(free));
            Problem::TooLarge {
                size: Some(limit + 1),
                limit,
                free_memory: Some(free),
            }
            .to_string()
        };
        assert_eq!(
            problem(8 << 30),
            "the file is too large (268435457 bytes; tandem reads files up to 268435456 bytes \
             with the 8589 MB of memory free here, as aligning takes about 32 times a file's size)"
        );
        assert!(
            !problem(64 << 30).contains("memory"),
            "the cap, not memory, is the limit"
        );
    }
}
