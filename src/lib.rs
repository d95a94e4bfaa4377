//! tandem reads two versions of a spoken event side by side.
//!
//! The data path, and the module for each step:
//! - [`load`]: a file's bytes → decoded text → detected format → [`model::Transcript`]
//! - [`align`]: two transcripts → speaker matching, turn links, sentence rows, divergence
//! - [`model`]: transcripts, speakers, turns, paragraphs, sentences, annotations; the two
//!   versions' sides ([`model::Side`], [`model::Pair`]) and sentences found by reference
//! - [`export`]: an alignment as JSON, TSV, Markdown, TMX or an HTML report
//! - [`inspect`]: a plain-text report of how a file was read
//! - [`bundled`]: the example pair embedded in the binary
//! - [`sanitize`]: file text made safe for a terminal
//! - [`ui`]: the terminal reader (the only module that uses ratatui and crossterm)
//! - [`synth`]: large perturbed pairs for benchmarks, written by the `tandem-synth` binary
//!   (`src/bin/tandem-synth.rs`, built with the `synth` feature)
//! - [`parallel`]: work split over two threads
//! - [`memory`]: how the allocator is asked to hold memory on long documents
//! - [`progress`]: a progress bar for long loads, alignments and exports
//!
//! The binary (`main.rs`) adds the command line (`cli.rs`) and the configuration file
//! (`config.rs`), which set up every layer, the reader included.

pub mod align;
pub mod bundled;
pub mod export;
pub mod inspect;
pub mod load;
pub mod memory;
pub mod model;
pub mod parallel;
pub mod progress;
pub mod sanitize;
pub mod synth;
pub mod ui;
