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

#[test]
fn readme_configuration_example_is_valid() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let example = readme
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("README.md has a ```toml example");
    let file = std::env::temp_dir().join(format!("tandem-readme-{}.toml", std::process::id()));
    std::fs::write(&file, example).unwrap();
    let printed = std::process::Command::new(env!("CARGO_BIN_EXE_tandem"))
        .arg("--print-config")
        .env("TANDEM_CONFIG", &file)
        .output()
        .unwrap();
    std::fs::remove_file(&file).ok();
    let stderr = String::from_utf8_lossy(&printed.stderr);
    assert!(printed.status.success(), "{stderr}");
    let printed = String::from_utf8_lossy(&printed.stdout);
    assert!(printed.contains("theme = \"light\""), "{printed}");
    assert!(
        printed.contains("next-divergence = [\"n\", \"F3\"]"),
        "{printed}"
    );
}
