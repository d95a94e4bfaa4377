//! The README stays true: its key table is the one the reader uses.

#[test]
fn readme_key_table_is_the_keymap() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = tandem::ui::keymap::markdown_table();
    assert!(
        readme.contains(&table),
        "README.md must contain this key table:\n\n{table}"
    );
}

#[test]
fn readme_shows_the_two_set_up_commands() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(readme.contains("cargo run --release"));
    assert!(readme.contains("cargo test"));
}
