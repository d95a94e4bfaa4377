//! Reading a whole file of any kind without ever holding more than a limit: a regular file,
//! standard input, a pipe, a FIFO, `<(…)` or a device such as `/dev/zero`. Only a regular file
//! says its size in advance, so every other kind is read up to one byte past the limit and
//! refused there, and a regular file that grows while it is read is caught the same way.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read it: {0}")]
    Io(#[from] io::Error),
    #[error("it is a directory")]
    Directory,
    /// `size` is known for a regular file; a stream is only known to be longer than the limit.
    #[error("the file is too large ({}; the limit for this file is {limit} bytes)", describe_size(*.size, *.limit))]
    TooLarge { size: Option<u64>, limit: u64 },
    #[error("it is not UTF-8 text (line {line})")]
    NotUtf8 { line: usize },
}

/// "N bytes", or "more than LIMIT bytes" when the size is not known.
pub fn describe_size(size: Option<u64>, limit: u64) -> String {
    match size {
        Some(size) => format!("{size} bytes"),
        None => format!("more than {limit} bytes"),
    }
}

/// The bytes of the file at `path` (`-` is standard input), refused past `limit` bytes.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    if path.as_os_str() == "-" {
        return read_at_most(io::stdin().lock(), limit, 0);
    }
    let file = File::open(path)?;
    let metadata = file.metadata()?;
    if metadata.is_dir() {
        return Err(ReadError::Directory);
    }
    // Devices and pipes report a length of 0, which says nothing.
    let claimed = if metadata.is_file() {
        metadata.len()
    } else {
        0
    };
    if claimed > limit {
        return Err(ReadError::TooLarge {
            size: Some(claimed),
            limit,
        });
    }
    read_at_most(file, limit, claimed)
}

/// The text of the file at `path`, which must be UTF-8, refused past `limit` bytes.
pub fn read_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    String::from_utf8(read(path, limit)?).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        ReadError::NotUtf8 {
            line: memchr::memchr_iter(b'\n', valid).count() + 1,
        }
    })
}

fn read_at_most(source: impl Read, limit: u64, expected: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    source
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { size: None, limit });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_device_is_refused_at_the_limit() {
        let error = read(Path::new("/dev/zero"), 1000).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the file is too large (more than 1000 bytes; the limit for this file is 1000 bytes)"
        );
    }

    #[test]
    fn a_stream_at_the_limit_is_read_whole() {
        let bytes = read_at_most(&[7u8; 1000][..], 1000, 0).unwrap();
        assert_eq!(bytes.len(), 1000);
        assert!(read_at_most(&[7u8; 1001][..], 1000, 0).is_err());
    }

    #[test]
    fn text_that_is_not_utf8_names_its_line() {
        let dir = std::env::temp_dir().join(format!("tandem-bounded-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("latin1.txt");
        std::fs::write(&file, b"one\ntwo\nthr\xe9e\n").unwrap();
        let error = read_text(&file, 100).unwrap_err();
        assert_eq!(error.to_string(), "it is not UTF-8 text (line 3)");
        assert!(matches!(read(&dir, 100), Err(ReadError::Directory)));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
