//! Names across scripts: Hangul romanized, and any romanization reduced to a consonant
//! skeleton, so that `블링컨` meets `Blinken` and `Tae-yul` meets `Tae-yeol`.
//!
//! Romanizations of one name disagree mostly in vowels (`yul`/`yeol`), in voicing (`k`/`g`,
//! `t`/`d`, `ch`/`j`), in `l`/`r`, and in an English `r` that Korean does not pronounce
//! (`Carter`/`카터`). The skeleton keeps the consonants, merges those pairs, and drops the rest.

const INITIALS: [&str; 19] = [
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h",
];
const MEDIALS: [&str; 21] = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i",
];
const FINALS: [&str; 28] = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "p", "t", "t", "p", "l", "m", "p", "p",
    "t", "t", "ng", "t", "t", "k", "t", "p", "t",
];

/// Revised Romanization of Hangul syllables, letter by letter; other characters pass through.
pub fn romanize_hangul(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let code = c as u32;
        if (0xAC00..=0xD7A3).contains(&code) {
            let index = (code - 0xAC00) as usize;
            out.push_str(INITIALS[index / (21 * 28)]);
            out.push_str(MEDIALS[index / 28 % 21]);
            out.push_str(FINALS[index % 28]);
        } else {
            out.push(c);
        }
    }
    out
}

/// Katakana syllables in Hepburn romanization, from ァ (U+30A1) to ヶ (U+30F6).
const KATAKANA: [&str; 86] = [
    "a", "a", "i", "i", "u", "u", "e", "e", "o", "o", "ka", "ga", "ki", "gi", "ku", "gu", "ke",
    "ge", "ko", "go", "sa", "za", "shi", "ji", "su", "zu", "se", "ze", "so", "zo", "ta", "da",
    "chi", "ji", "", "tsu", "zu", "te", "de", "to", "do", "na", "ni", "nu", "ne", "no", "ha", "ba",
    "pa", "hi", "bi", "pi", "fu", "bu", "pu", "he", "be", "pe", "ho", "bo", "po", "ma", "mi", "mu",
    "me", "mo", "ya", "ya", "yu", "yu", "yo", "yo", "ra", "ri", "ru", "re", "ro", "wa", "wa", "i",
    "e", "o", "n", "vu", "ka", "ke",
];

/// Hepburn romanization of kana (katakana and hiragana); other characters pass through.
/// Small `ッ` (a doubled consonant) is dropped: skeletons collapse doubles anyway.
pub fn romanize_kana(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        let code = c as u32;
        let katakana = match code {
            0x3041..=0x3096 => code + 0x60,
            _ => code,
        };
        match katakana {
            0x30A1..=0x30F6 => out.push_str(KATAKANA[(katakana - 0x30A1) as usize]),
            0x30FC | 0x30FB => {}
            _ => out.push(c),
        }
    }
    out
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// The consonant skeleton of a romanized name: `Blinken` and `beullingkeon` are both `blngn`.
pub fn skeleton(word: &str) -> String {
    let letters: Vec<u8> = word
        .chars()
        .filter_map(|c| {
            let c = c.to_ascii_lowercase();
            c.is_ascii_lowercase().then_some(c as u8)
        })
        .collect();
    let mut out: Vec<u8> = Vec::with_capacity(letters.len());
    let mut i = 0;
    while i < letters.len() {
        let c = letters[i];
        let next = letters.get(i + 1).copied();
        let previous = i.checked_sub(1).map(|p| letters[p]);
        let (class, width) = match (c, next) {
            (b'c', Some(b'h')) | (b't', Some(b's')) => (Some(b'j'), 2),
            (b's', Some(b'h')) => (Some(b's'), 2),
            (b'p', Some(b'h')) => (Some(b'b'), 2),
            (b't', Some(b'h')) => (Some(b'd'), 2),
            (b'c', Some(b'k')) => (Some(b'g'), 2),
            (b'c', Some(b'e' | b'i' | b'y')) => (Some(b's'), 1),
            // An English r after a vowel and before a consonant or the end is silent.
            (b'r', next) if previous.is_some_and(is_vowel) && !next.is_some_and(is_vowel) => {
                (None, 1)
            }
            (b'c' | b'k' | b'g' | b'q', _) => (Some(b'g'), 1),
            (b't' | b'd', _) => (Some(b'd'), 1),
            (b'p' | b'b' | b'f' | b'v', _) => (Some(b'b'), 1),
            (b's' | b'z' | b'x', _) => (Some(b's'), 1),
            (b'j', _) => (Some(b'j'), 1),
            (b'l' | b'r', _) => (Some(b'l'), 1),
            (b'm' | b'n', _) => (Some(c), 1),
            _ => (None, 1),
        };
        if let Some(class) = class
            && out.last() != Some(&class)
        {
            out.push(class);
        }
        i += width;
    }
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hangul_romanizes() {
        assert_eq!(romanize_hangul("조태열"), "jotaeyeol");
        assert_eq!(romanize_hangul("블링컨"), "beulringkeon");
    }

    #[test]
    fn kana_romanizes() {
        assert_eq!(romanize_kana("ブリンケン"), "burinken");
        assert_eq!(skeleton(&romanize_kana("ブリンケン")), skeleton("Blinken"));
        assert_eq!(skeleton(&romanize_kana("カーター")), skeleton("Carter"));
        assert_eq!(
            skeleton(&romanize_kana("ニューオーリンズ")),
            skeleton("New Orleans")
        );
    }

    #[test]
    fn romanizations_of_one_name_share_a_skeleton() {
        let same = |a: &str, b: &str| assert_eq!(skeleton(a), skeleton(b), "{a} / {b}");
        same("Blinken", &romanize_hangul("블링컨"));
        same("Cho Tae-yul", "Cho Tae-yeol");
        same("Cho Tae-yul", &romanize_hangul("조태열"));
        same("Carter", &romanize_hangul("카터"));
        same("New Orleans", &romanize_hangul("뉴올리언스"));
        same("Choi Sang-mok", &romanize_hangul("최상목"));
        assert_ne!(skeleton("Blinken"), skeleton("Biden"));
    }
}
