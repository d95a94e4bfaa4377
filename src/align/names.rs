//! `names-differ`: the names one side gives where the other gives different ones, compared by
//! romanized spelling, with the country and demonym forms a reader accepts as one
//! (Japan/Japanese, Korea/Korean/ROK) and acronyms with or without stops (U.S./US).

use super::interner::{FastMap, FastSet, Interner};
use super::romanize::{romanize_hangul, skeleton};
use super::wording;
use crate::model::{Pair, Side};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashSet;
use std::sync::LazyLock;

/// How a word is spelled for comparing names: its romanized consonant skeleton (see
/// `Interner::spelling`), with the first letter too when the skeleton is two consonants or
/// fewer, since so few let unrelated words meet (`Indo` and `United` are both `nd`).
fn spelling(interner: &mut Interner, word: &str) -> u32 {
    if let Some(id) = interner.known_name_spelling(word) {
        return id;
    }
    let id = work_out_spelling(interner, word);
    interner.remember_name_spelling(word, id);
    id
}

fn work_out_spelling(interner: &mut Interner, word: &str) -> u32 {
    const FEW: usize = 2;
    let key = interner.spelling(word);
    let skeleton = interner.text(key);
    match skeleton.strip_prefix('%') {
        Some(consonants) if consonants.len() <= FEW => {
            let first = romanize_hangul(word)
                .chars()
                .next()
                .map_or(' ', |c| c.to_ascii_lowercase());
            let keyed = format!("%{first}{consonants}");
            interner.id(&keyed)
        }
        _ => key,
    }
}

/// Capitalised words that are titles and offices, not names.
const TITLE_WORDS: &[&str] = &[
    "Minister",
    "Foreign",
    "Affairs",
    "Secretary",
    "State",
    "President",
    "Vice",
    "Prime",
    "Government",
    "Republic",
    "Alliance",
    "Administration",
    "Summit",
    "Council",
    "Assembly",
    "National",
    "Acting",
    "Deputy",
    "Chairman",
    "Speaker",
    "Members",
    "Member",
    "Parliament",
    "General",
    "Ambassador",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "Madam",
    "Sir",
    "Department",
    "Ministry",
    "Office",
    "Act",
    "Dialogue",
    "Group",
    "Declaration",
    "Treaty",
    "Defense",
    "Defence",
];

/// Acronyms and the names they stand for, so that `ROK` meets `Korea`.
const ALIASES: &[(&str, &[&str])] = &[
    ("ROK", &["Korea", "South Korea", "한국", "대한민국"]),
    ("DPRK", &["North Korea", "Pyongyang", "북한"]),
    ("US", &["United States", "America", "미국"]),
    ("USA", &["United States", "America", "미국"]),
    ("United", &["America", "U.S.", "미국"]),
    ("States", &["America", "U.S.", "미국"]),
    ("UN", &["United Nations", "유엔"]),
    (
        "UNSC",
        &["UN Security Council", "Security Council", "안보리"],
    ),
    ("PRC", &["China", "중국"]),
    ("UK", &["Britain", "United Kingdom", "영국"]),
    ("EU", &["European Union", "유럽연합"]),
];

/// Latin-script names: capitalised words after the first of a sentence, and acronyms, except
/// titles, pronouns and single letters (the `U` of `U.S.`). Possessives are dropped.
fn names(text: &str) -> Vec<&str> {
    // Most words are not capitalised: that is asked first.
    let pronoun = |word: &str| word == "I" || word.starts_with("I’") || word.starts_with("I'");
    super::tokens::words(text)
        .into_iter()
        .enumerate()
        .map(|(index, word)| (index, without_possessive(word)))
        .filter(|&(index, word)| {
            word.starts_with(|c: char| c.is_ascii_uppercase())
                && (index > 0 || is_acronym(word))
                && word.chars().nth(1).is_some()
                && !pronoun(word)
                && !is_title(word)
        })
        .map(|(_, word)| word)
        .collect()
}

fn is_title(word: &str) -> bool {
    static TITLES: LazyLock<FastSet<&str>> =
        LazyLock::new(|| TITLE_WORDS.iter().copied().collect());
    TITLES.contains(word)
}

fn without_possessive(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
}

fn is_acronym(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(|c| c.is_ascii_uppercase())
}

/// The key an acronym is compared by: its letters, lower-cased.
fn initials_key(letters: &str, interner: &mut Interner) -> u32 {
    interner.id(&format!("{INITIALS_MARK}{}", letters.to_lowercase()))
}

/// Starts initials keys, so that they never meet a word's key.
const INITIALS_MARK: char = '^';

/// Whether a set of [`spellings`] is asked for acronyms, which are looked up by their
/// letters: only then does it need the initials of every run of words, most of its cost.
#[derive(Clone, Copy, PartialEq)]
enum Asked {
    NamesOnly,
    AcronymsToo,
}

impl Asked {
    fn of<'n>(mut names: impl Iterator<Item = &'n str>) -> Self {
        if names.any(is_acronym) {
            Asked::AcronymsToo
        } else {
            Asked::NamesOnly
        }
    }
}

/// Keys of every word of a side (names or not, any script), of pairs of words (`Woo Won`),
/// of the initials of word runs (`Nuclear Consultative Group` gives `NCG`) and of acronyms
/// for names the side spells out, so that a name is only missing when nothing on the other
/// side spells it. Initials only when acronyms are `asked`.
fn spellings(texts: &[&str], asked: Asked, interner: &mut Interner) -> FastSet<u32> {
    const LONGEST_ACRONYM: usize = 6;
    let mut keys: FastSet<u32> = FastSet::default();
    // Reused for every key, since a long row has thousands of them.
    let (mut pair, mut initials) = (String::new(), String::new());
    for text in texts {
        let words: Vec<&str> = super::tokens::words(text)
            .into_iter()
            .map(without_possessive)
            .collect();
        for (index, word) in words.iter().enumerate() {
            // A lower-case English word does not spell a name (`and` is not `Indo`, though
            // their consonants agree); it still counts in the initials of a run.
            if can_spell_a_name(word) {
                keys.insert(spelling(interner, word));
                keys.insert(spelling(interner, country_of(word)));
            }
            if asked == Asked::AcronymsToo && is_acronym(word) {
                keys.insert(initials_key(word, interner));
            }
            if let Some(next) = words.get(index + 1).filter(|_| can_spell_a_name(word)) {
                pair.clear();
                pair.push_str(word);
                pair.push_str(next);
                keys.insert(spelling(interner, &pair));
            }
            if asked == Asked::AcronymsToo {
                initials.clear();
                initials.push(INITIALS_MARK);
                for (length, run_word) in words[index..].iter().take(LONGEST_ACRONYM).enumerate() {
                    if let Some(first) = run_word.chars().next() {
                        for letter in first.to_lowercase() {
                            initials.push(letter);
                        }
                    }
                    if length > 0 {
                        keys.insert(interner.id(&initials));
                    }
                }
            }
        }
        for (acronym, expansions) in ALIASES {
            if expansions.iter().any(|e| text.contains(e)) {
                keys.insert(spelling(interner, acronym));
                if asked == Asked::AcronymsToo {
                    keys.insert(initials_key(acronym, interner));
                }
            }
            // The other way round: `UNSC` spells `UN Security Council`.
            if words.contains(acronym) {
                for word in expansions.iter().flat_map(|e| e.split_whitespace()) {
                    keys.insert(spelling(interner, word));
                }
            }
        }
    }
    keys
}

/// A capitalised word, or a word in a script without capitals (Hangul, kana, Han): what a
/// name can be written as.
fn can_spell_a_name(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
}

/// Peoples and languages named after their country, and acronyms of countries: a reader takes
/// `the Japanese people` and `the people of Japan` to name the same thing.
const COUNTRY_FORMS: &[(&str, &[&str])] = &[
    ("Japan", &["Japanese"]),
    ("Korea", &["Korean", "Koreans", "ROK"]),
    ("China", &["Chinese", "PRC"]),
    ("America", &["American", "Americans"]),
    ("Poland", &["Polish", "Pole", "Poles"]),
    ("Ukraine", &["Ukrainian", "Ukrainians"]),
    ("Russia", &["Russian", "Russians"]),
    ("Britain", &["British", "Briton", "Britons"]),
    ("France", &["French"]),
    ("Germany", &["German", "Germans"]),
    ("India", &["Indian", "Indians"]),
    ("Vietnam", &["Vietnamese"]),
    ("Philippines", &["Filipino", "Filipinos", "Philippine"]),
    ("Taiwan", &["Taiwanese"]),
    ("Israel", &["Israeli", "Israelis"]),
    ("Iran", &["Iranian", "Iranians"]),
    ("Europe", &["European", "Europeans"]),
    ("Australia", &["Australian", "Australians"]),
    ("Canada", &["Canadian", "Canadians"]),
    ("Mexico", &["Mexican", "Mexicans"]),
    ("Italy", &["Italian", "Italians"]),
    ("Spain", &["Spanish"]),
    ("Netherlands", &["Dutch"]),
    ("Mongolia", &["Mongolian", "Mongolians"]),
    ("Indonesia", &["Indonesian", "Indonesians"]),
    ("Thailand", &["Thai"]),
];

/// The country a people, language or acronym is named after, or the word itself.
fn country_of(word: &str) -> &str {
    static COUNTRIES: LazyLock<FastMap<&str, &str>> = LazyLock::new(|| {
        let mut countries = FastMap::default();
        for &(country, forms) in COUNTRY_FORMS {
            countries.extend(forms.iter().map(|&form| (form, country)));
        }
        countries
    });
    COUNTRIES.get(word).copied().unwrap_or(word)
}

/// What two short names a romanization could spell either way (`Wu` and `Woo`, `Yun` and
/// `Yoon`) have in common: the first letter and the consonants. Longer names are compared by
/// their skeleton alone.
fn short_name_key(name: &str) -> Option<(char, String)> {
    const SHORT: usize = 4;
    let first = name.chars().next()?.to_ascii_lowercase();
    (name.chars().count() <= SHORT).then(|| (first, skeleton(name)))
}

/// `U.S.` as `US`, `D.C.` as `DC`: two or more capitals each followed by a full stop are an
/// acronym, which the word splitter would cut into single letters and so lose.
fn undotted(text: &str) -> Cow<'_, str> {
    // Most texts have no acronym with stops: they are found out by their full stops alone.
    if !has_dotted_capital(text) {
        return Cow::Borrowed(text);
    }
    // Read by bytes: an acronym's letters and stops are ASCII. The text between acronyms is
    // copied as it stands.
    let bytes = text.as_bytes();
    let letter_and_stop =
        |at: usize| bytes[at].is_ascii_uppercase() && bytes.get(at + 1) == Some(&b'.');
    let mut out = String::new();
    let (mut copied, mut i) = (0, 0);
    while i < bytes.len() {
        if letter_and_stop(i) {
            let mut end = i;
            while end + 1 < bytes.len() && letter_and_stop(end) {
                end += 2;
            }
            let starts_word = text[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let ends_word = text[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if starts_word && (end - i) / 2 >= 2 && ends_word {
                out.push_str(&text[copied..i]);
                out.extend((i..end).step_by(2).map(|at| char::from(bytes[at])));
                (copied, i) = (end, end);
                continue;
            }
        }
        i += 1;
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// Whether `text` has a capital followed by a full stop, as every acronym [`undotted`] undots.
fn has_dotted_capital(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'.', bytes).any(|at| at > 0 && bytes[at - 1].is_ascii_uppercase())
}

/// A hyphenated name whose every part is capitalised (`Indo-Pacific`, `US-ROK`), as its parts.
fn compound_parts(token: &str) -> Option<Vec<&str>> {
    if !token.contains('-') {
        return None;
    }
    let token = without_possessive(token.trim_matches(|c: char| !c.is_alphanumeric()));
    let parts: Vec<&str> = token.split('-').collect();
    let capitalised = |part: &&str| part.chars().next().is_some_and(|c| c.is_uppercase());
    (parts.len() >= 2 && parts.iter().all(capitalised)).then_some(parts)
}

/// `US` as `U.S.`
fn with_stops(acronym: &str) -> String {
    acronym.chars().flat_map(|c| [c, '.']).collect()
}

/// A hyphenated name as the text writes it, for evidence: `U.S.-ROK` keeps its full stops,
/// while the punctuation around it goes (`(Indo-Pacific).` gives `Indo-Pacific`).
fn as_written(token: &str) -> String {
    let kept = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
    let kept = kept.trim_start_matches('.');
    // A full stop ends the sentence unless it closes an acronym's last letter (`U.S.`).
    let closes_acronym =
        kept.ends_with('.') && kept.len() >= 3 && kept.as_bytes()[kept.len() - 3] == b'.';
    let kept = if closes_acronym {
        kept
    } else {
        kept.trim_end_matches('.')
    };
    without_possessive(kept).to_string()
}

/// The names of one side of a row, with hyphenated names kept whole: `Asia-Pacific` names a
/// region that `Asia` and `Pacific` elsewhere in the row do not, so that it does not pass for
/// `Indo-Pacific` on the other side.
struct SideNames {
    /// The side's sentences with acronyms undotted.
    texts: Vec<String>,
    /// The same with each hyphenated name blanked out (letters as `x`, so word positions hold).
    apart: Vec<String>,
    /// Each hyphenated name as written, with its parts.
    compounds: Vec<(String, Vec<String>)>,
    /// The acronyms the side writes with full stops (`U.S.`), so that evidence shows them so.
    dotted: HashSet<String>,
}

impl SideNames {
    fn new(texts: &[&str]) -> Self {
        let mut compounds = Vec::new();
        let mut dotted = HashSet::new();
        let (mut undotted_texts, mut apart) = (
            Vec::with_capacity(texts.len()),
            Vec::with_capacity(texts.len()),
        );
        for text in texts {
            // Most texts have neither an acronym with stops nor a hyphen: nothing to do.
            if !text.contains('-') && !has_dotted_capital(text) {
                undotted_texts.push(text.to_string());
                apart.push(text.to_string());
                continue;
            }
            // Undotting only shortens a text: neither string grows token by token.
            let (mut plain, mut blanked) = (
                String::with_capacity(text.len()),
                String::with_capacity(text.len()),
            );
            // Token by token (each with the white space after it), so that a row of many
            // hyphenated names stays linear.
            for piece in text.split_inclusive(char::is_whitespace) {
                let token = undotted(piece);
                if token != piece {
                    dotted.extend(
                        super::tokens::words(&token)
                            .into_iter()
                            .filter(|word| is_acronym(word) && piece.contains(&with_stops(word)))
                            .map(str::to_string),
                    );
                }
                plain.push_str(&token);
                match compound_parts(token.trim_end()) {
                    Some(parts) => {
                        let whole = parts.join("-");
                        let blank: String = whole
                            .chars()
                            .map(|c| if c == '-' { c } else { 'x' })
                            .collect();
                        blanked.push_str(&token.replacen(&whole, &blank, 1));
                        let parts = parts.iter().map(|p| p.to_string()).collect();
                        compounds.push((as_written(piece), parts));
                    }
                    None => blanked.push_str(&token),
                }
            }
            undotted_texts.push(plain);
            apart.push(blanked);
        }
        SideNames {
            texts: undotted_texts,
            apart,
            compounds,
            dotted,
        }
    }

    /// A name as the side writes it: `U.S.` rather than `US`.
    fn as_written(&self, name: &str) -> String {
        if self.dotted.contains(name) {
            with_stops(name)
        } else {
            name.to_string()
        }
    }

    fn names(texts: &[String]) -> Vec<&str> {
        texts.iter().flat_map(|t| names(t)).collect()
    }

    fn strs(texts: &[String]) -> Vec<&str> {
        texts.iter().map(String::as_str).collect()
    }
}

/// The names of a side's sentences, and of them with hyphenated names blanked out: one list
/// when the side has no hyphenated name (the texts are then the same), read once either way.
struct NameLists<'s> {
    all: Vec<&'s str>,
    apart: Option<Vec<&'s str>>,
}

impl<'s> NameLists<'s> {
    fn of(side: &'s SideNames) -> Self {
        NameLists {
            all: SideNames::names(&side.texts),
            apart: (!side.compounds.is_empty()).then(|| SideNames::names(&side.apart)),
        }
    }

    fn apart(&self) -> &[&'s str] {
        self.apart.as_deref().unwrap_or(&self.all)
    }
}

/// A side's names as others are looked up among them: by romanization skeleton after
/// [`country_of`] (so `Korea` meets `Korean`), and short names also by first letter and
/// consonants (`Wu`, `Woo`).
struct NameKeys {
    spellings: FastSet<u32>,
    short: FastSet<(char, String)>,
}

impl NameKeys {
    fn new(names: &[&str], interner: &mut Interner) -> Self {
        NameKeys {
            spellings: names
                .iter()
                .map(|n| spelling(interner, country_of(n)))
                .collect(),
            short: names.iter().filter_map(|n| short_name_key(n)).collect(),
        }
    }

    fn meet(&self, name: &str, interner: &mut Interner) -> bool {
        self.spellings
            .contains(&spelling(interner, country_of(name)))
            || short_name_key(name).is_some_and(|key| self.short.contains(&key))
    }
}

/// Whether anything in a side's `spelled` keys (see [`spellings`]) spells `name`.
fn spelled(name: &str, spelled: &FastSet<u32>, interner: &mut Interner) -> bool {
    (is_acronym(name) && spelled.contains(&initials_key(name, interner)))
        || spelled.contains(&spelling(interner, country_of(name)))
}

/// How one side's names are looked up by the other side: every name, the names standing apart
/// (the same when the side has no hyphenated name), and each hyphenated name by its parts.
struct SideKeys {
    all: NameKeys,
    apart: Option<NameKeys>,
    compounds: FastSet<Vec<u32>>,
}

impl SideKeys {
    fn new(side: &SideNames, lists: &NameLists<'_>, interner: &mut Interner) -> Self {
        let all = NameKeys::new(&lists.all, interner);
        let apart = lists
            .apart
            .as_ref()
            .map(|apart| NameKeys::new(apart, interner));
        let compounds = side
            .compounds
            .iter()
            .map(|(_, parts)| part_keys(parts, interner))
            .collect();
        SideKeys {
            all,
            apart,
            compounds,
        }
    }

    fn apart(&self) -> &NameKeys {
        self.apart.as_ref().unwrap_or(&self.all)
    }
}

/// The keys of a hyphenated name's parts, in order of key, so `U.S.-ROK` meets `ROK-U.S.`
fn part_keys(parts: &[String], interner: &mut Interner) -> Vec<u32> {
    let mut keys: Vec<u32> = parts
        .iter()
        .map(|p| spelling(interner, country_of(p)))
        .collect();
    keys.sort_unstable();
    keys
}

/// The names of a side that the other side's names do not meet: names standing apart, then
/// hyphenated names. A name standing apart is met by the same name anywhere on the other side;
/// a hyphenated name by one of the same parts, or by each of its parts standing apart (`the
/// U.S.-ROK alliance`, `Korea and the U.S.`).
struct Unmet<'s> {
    standing: Vec<&'s str>,
    hyphenated: Vec<&'s (String, Vec<String>)>,
}

impl<'s> Unmet<'s> {
    fn new(
        side: &'s SideNames,
        apart: &[&'s str],
        other: &SideKeys,
        interner: &mut Interner,
    ) -> Self {
        let standing = apart
            .iter()
            .copied()
            .filter(|name| !other.all.meet(name, interner))
            .collect();
        let hyphenated = side
            .compounds
            .iter()
            .filter(|(_, parts)| {
                !other.compounds.contains(&part_keys(parts, interner))
                    && !parts.iter().all(|p| other.apart().meet(p, interner))
            })
            .collect();
        Unmet {
            standing,
            hyphenated,
        }
    }

    fn is_empty(&self) -> bool {
        self.standing.is_empty() && self.hyphenated.is_empty()
    }

    /// Keeps only what nothing in `other` spells either (see [`spellings`]): the full check,
    /// run only for the few names that did not simply meet.
    fn not_spelled_in(&mut self, other: &SideNames, interner: &mut Interner) {
        if !self.standing.is_empty() {
            let asked = Asked::of(self.standing.iter().copied());
            let keys = spellings(&SideNames::strs(&other.texts), asked, interner);
            self.retain_standing(&keys, interner);
        }
        if !self.hyphenated.is_empty() {
            let parts = self.hyphenated.iter().flat_map(|(_, parts)| parts);
            let asked = Asked::of(parts.map(String::as_str));
            let keys = spellings(&SideNames::strs(&other.apart), asked, interner);
            self.hyphenated
                .retain(|(_, parts)| !parts.iter().all(|p| spelled(p, &keys, interner)));
        }
    }

    /// Keeps the names standing apart that nothing in `keys` spells.
    fn retain_standing(&mut self, keys: &FastSet<u32>, interner: &mut Interner) {
        self.standing.retain(|name| !spelled(name, keys, interner));
    }

    /// The unmet names of `side` as evidence, each once, as the side writes them.
    fn evidence(&self, side: &SideNames) -> Vec<String> {
        let mut seen: HashSet<&str> = HashSet::new();
        let names: Vec<String> = self
            .standing
            .iter()
            .copied()
            .chain(self.hyphenated.iter().map(|(whole, _)| whole.as_str()))
            .filter(|name| seen.insert(name))
            .map(|name| side.as_written(name))
            .collect();
        wording::evidence(names)
    }
}

/// Whether any text has a capital Latin letter after its first character: without one it
/// names no one (see [`names`]: a name is a capitalised word after the first, or an acronym
/// of two capitals or more), and a sentence's first letter is a capital anyway.
fn has_capitals(texts: &[&str]) -> bool {
    texts
        .iter()
        .any(|t| t.bytes().skip(1).any(|b| b.is_ascii_uppercase()))
}

/// Everything a whole version spells (see [`spellings`]), so that a name a row leaves out can
/// be told from a name the version never gives. Spelled out when first asked: most pairs have
/// no row with an unmet name.
#[derive(Clone)]
pub(super) struct VersionSpellings<'t> {
    texts: Vec<&'t str>,
    keys: OnceCell<FastSet<u32>>,
}

impl<'t> VersionSpellings<'t> {
    pub(super) fn new(texts: impl Iterator<Item = &'t str>) -> Self {
        // The keys are a set: a sentence said again (`Thank you.`, a repeated block) adds
        // nothing, and spelling out a whole long version is the costly part.
        let mut seen: FastSet<&str> = FastSet::default();
        let texts = texts.filter(|text| seen.insert(text)).collect();
        VersionSpellings {
            texts,
            keys: OnceCell::new(),
        }
    }

    fn keys(&self, interner: &mut Interner) -> &FastSet<u32> {
        // Acronyms are never asked: a rendering spells them out (see [`omitted_names`]).
        self.keys
            .get_or_init(|| spellings(&self.texts, Asked::NamesOnly, interner))
    }
}

/// The names of one side of a row that the other side leaves out and the whole other version
/// never gives: a name it gives elsewhere is not omitted, only written `he` or `the
/// partnership` here (`Secretary Blinken`, named once, is often `he` after). Only names of
/// two or more capitalised words (`Mineral Security Partnership`, `Speaker Wu`) none of whose
/// words, titles included, the other side gives, since a capital alone is often a common noun (`Biden’s
/// Cabinet` as `the Biden administration`) or a garble beside a name (`Camp David
/// Psychiatry`); and not acronyms, which a rendering spells out in words (`CET`, `critical and
/// emerging technologies`).
pub(super) fn omitted_names(
    side: &[&str],
    counterpart: &[&str],
    other_version: &VersionSpellings<'_>,
    interner: &mut Interner,
) -> Vec<String> {
    if !has_capitals(side) {
        return Vec::new();
    }
    // Only a run of capitalised words can be such a name, and one the counterpart gives a
    // word of is not: most rows are settled before either side's names are read.
    let texts: Vec<Cow<'_, str>> = side.iter().map(|text| undotted(text)).collect();
    let runs: Vec<Vec<&str>> = texts.iter().flat_map(|t| name_runs(t)).collect();
    if runs
        .iter()
        .all(|run| run.iter().any(|word| given(word, counterpart)))
    {
        return Vec::new();
    }
    let names = SideNames::new(side);
    let counterpart = SideNames::new(counterpart);
    let (lists, counterpart_lists) = (NameLists::of(&names), NameLists::of(&counterpart));
    let counterpart_keys = SideKeys::new(&counterpart, &counterpart_lists, interner);
    let mut unmet = Unmet::new(&names, lists.apart(), &counterpart_keys, interner);
    unmet.hyphenated.clear();
    unmet.standing.retain(|name| !is_acronym(name));
    if unmet.is_empty() {
        return Vec::new();
    }
    let asked = Asked::of(runs.iter().flatten().copied());
    let given = spellings(&SideNames::strs(&counterpart.texts), asked, interner);
    unmet.standing.retain(|name| {
        runs.iter().any(|run| {
            run.contains(name)
                && !run.iter().any(|word| {
                    counterpart_keys.all.meet(word, interner) || spelled(word, &given, interner)
                })
        })
    });
    if unmet.is_empty() {
        return Vec::new();
    }
    unmet.retain_standing(other_version.keys(interner), interner);
    // The evidence is the whole name, as a reader knows it: `Mineral Security Partnership`,
    // though `Security` alone stands elsewhere in the other version.
    let whole_names = runs
        .iter()
        .filter(|run| unmet.standing.iter().any(|name| run.contains(name)))
        .map(|run| {
            let words: Vec<String> = run.iter().map(|word| names.as_written(word)).collect();
            words.join(" ")
        });
    let mut seen: HashSet<String> = HashSet::new();
    wording::evidence(whole_names.filter(|name| seen.insert(name.clone())))
}

/// Whether `texts` give `word` as a word of its own, possessive or not (`Blinken’s`): a name
/// given so is spelled there, and needs no closer look. Only words longer than one letter,
/// which undotting (`U.S.` as `US`) leaves as they are. Found by searching the text rather
/// than splitting it into words; where a word's edge is in doubt, it is not given.
fn given(word: &str, texts: &[&str]) -> bool {
    word.len() >= 2 && can_spell_a_name(word) && texts.iter().any(|text| gives(text, word))
}

fn gives(text: &str, word: &str) -> bool {
    let joins = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    text.match_indices(word).any(|(at, _)| {
        let starts = text[..at].chars().next_back().is_none_or(|c| !joins(c));
        let rest = &text[at + word.len()..];
        let after = rest
            .strip_prefix("’s")
            .or_else(|| rest.strip_prefix("'s"))
            .unwrap_or(rest);
        let mut next = after.chars();
        let ends = match next.next() {
            None => true,
            // A comma or full stop before a digit joins a number (`1,000`).
            Some(',' | '.') => !next.next().is_some_and(|c| c.is_ascii_digit()),
            Some(c) => !joins(c),
        };
        starts && ends
    })
}

/// The words of each run of two or more capitalised words that no punctuation parts
/// (`Mineral Security Partnership`, `Secretary Blinken`), possessives dropped.
fn name_runs(text: &str) -> Vec<Vec<&str>> {
    let mut runs = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let mut parted = true;
    for token in text.split_whitespace() {
        let capitalised = token
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .starts_with(|c: char| c.is_uppercase());
        if !capitalised || parted {
            if run.len() >= 2 {
                runs.push(std::mem::take(&mut run));
            }
            run.clear();
        }
        if capitalised {
            // Most tokens are one word with punctuation around it, split without a list.
            let core = token.trim_matches(|c: char| !c.is_alphanumeric());
            if core.chars().all(char::is_alphanumeric) {
                run.push(core);
            } else {
                let words = super::tokens::words(token).into_iter();
                run.extend(words.map(without_possessive));
            }
        }
        parted = token.ends_with(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'');
    }
    if run.len() >= 2 {
        runs.push(run);
    }
    runs
}

/// Whether `counterpart` gives every name of `side` as it stands (see [`given`]), and
/// `side` has no hyphenated name, which is met by its parts (see [`Unmet`]).
fn all_given(side: &[&str], counterpart: &[&str]) -> bool {
    let texts: Vec<Cow<'_, str>> = side.iter().map(|text| undotted(text)).collect();
    let hyphenated = texts
        .iter()
        .flat_map(|text| text.split_whitespace())
        .any(|token| compound_parts(token).is_some());
    if hyphenated {
        return false;
    }
    texts
        .iter()
        .all(|text| names(text).iter().all(|name| given(name, counterpart)))
}

/// Names on each side that nothing on the other side spells. Both lists non-empty means one
/// name stands where another does.
pub(super) fn substituted_names(
    texts: Pair<&[&str]>,
    interner: &mut Interner,
) -> Pair<Vec<String>> {
    // A side without a capital Latin letter names no one (see [`names`]), and two sides with
    // the same text meet in every name: most rows are settled without reading their names.
    if !has_capitals(texts.official) || !has_capitals(texts.other) || texts.official == texts.other
    {
        return Pair::default();
    }
    // Nor does a side whose every name the other side gives as it stands.
    for side in Side::BOTH {
        if all_given(texts[side], texts[side.opposite()]) {
            return Pair::default();
        }
    }
    let sides = texts.map(SideNames::new);
    let lists = Pair::new(NameLists::of(&sides.official), NameLists::of(&sides.other));
    let keys = Pair::new(
        SideKeys::new(&sides.official, &lists.official, interner),
        SideKeys::new(&sides.other, &lists.other, interner),
    );
    if keys.official.all.spellings.is_empty() || keys.other.all.spellings.is_empty() {
        return Pair::default();
    }
    let mut unmet = Pair::new(
        Unmet::new(
            &sides.official,
            lists.official.apart(),
            &keys.other,
            interner,
        ),
        Unmet::new(&sides.other, lists.other.apart(), &keys.official, interner),
    );
    if unmet.official.is_empty() || unmet.other.is_empty() {
        return Pair::default();
    }
    for side in Side::BOTH {
        unmet[side].not_spelled_in(&sides[side.opposite()], interner);
        if unmet[side].is_empty() {
            return Pair::default();
        }
    }
    Pair::new(
        unmet.official.evidence(&sides.official),
        unmet.other.evidence(&sides.other),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names `side` gives that `counterpart` leaves out and `other_version` never gives.
    fn omitted(side: &str, counterpart: &str, other_version: &[&str]) -> Vec<String> {
        let mut interner = Interner::default();
        let whole = VersionSpellings::new(other_version.iter().copied());
        omitted_names(&[side], &[counterpart], &whole, &mut interner)
    }

    #[test]
    fn a_name_the_other_version_never_gives_is_omitted() {
        let official = "Together, we chaired the Mineral Security Partnership in Seoul.";
        let other = "Together, we led a security partnership in Seoul.";
        assert_eq!(
            omitted(official, other, &[other, "The UN Security Council met."]),
            ["Mineral Security Partnership"]
        );
    }

    #[test]
    fn a_name_given_elsewhere_a_title_a_garble_or_an_acronym_is_not() {
        let welcome = "We welcome Secretary Blinken to Seoul.";
        let other = "We welcome him to Seoul.";
        assert!(omitted(welcome, other, &[other, "Blinken arrived today."]).is_empty());
        assert!(
            omitted(
                "We met Chairman Woo Won-sik today.",
                "We met Speaker Wu today.",
                &["We met Speaker Wu today."]
            )
            .is_empty()
        );
        assert!(
            omitted(
                "Based on the Camp David Psychiatry, we met.",
                "Based on the spirit of Camp David, we met.",
                &[]
            )
            .is_empty()
        );
        assert!(omitted("We held the CET Dialogue.", "We held a dialogue.", &[]).is_empty());
        assert!(
            omitted(
                "It was a first for President Biden’s Cabinet.",
                "It was a first for the Biden administration.",
                &[]
            )
            .is_empty()
        );
    }

    #[test]
    fn acronyms_lose_their_stops_only_as_words_of_their_own() {
        assert_eq!(undotted("the U.S. and D.C."), "the US and DC");
        assert_eq!(undotted("U.S.-ROK, Kim.U.S."), "US-ROK, Kim.US");
        for kept in ["xU.S.", "éU.S.", "U.S.A", "A. Lincoln", "no stops"] {
            assert_eq!(undotted(kept), kept);
        }
    }

    #[test]
    fn name_runs_are_capitalised_words_that_no_punctuation_parts() {
        assert_eq!(
            name_runs("the “Mineral Security Partnership,” said Secretary Blinken’s aide"),
            [
                vec!["Mineral", "Security", "Partnership"],
                vec!["Secretary", "Blinken"]
            ]
        );
        assert_eq!(
            name_runs("Foreign Minister Cho Tae-yul"),
            [vec!["Foreign", "Minister", "Cho", "Tae", "yul"]]
        );
        assert!(name_runs("Thank you. Good afternoon").is_empty());
    }

    #[test]
    fn a_word_is_given_only_as_a_word_of_its_own() {
        let given_in = |word, text| given(word, &[text]);
        assert!(given_in("Blinken", "Thank you, Blinken."));
        assert!(given_in("Blinken", "(Blinken’s remarks)"));
        assert!(given_in("Blinken", "Blinken's"));
        assert!(!given_in("Kim", "We ate Kimchi."));
        assert!(!given_in("Kim", "McKim said so."));
        assert!(!given_in("Brien", "O’Brien said so."));
        assert!(!given_in("G7", "the G7.5 plan"));
        // One letter is left to the full check: undotting may join it to an acronym (`U.S.`).
        assert!(!given_in("U", "U.S."));
        assert!(!given_in("and", "and so on"));
    }
}
