//! Negation judged on the clause, for the `negation-flips` flag: the words that negate, less
//! the set phrases that only look negative (`not only … but`, `뿐만 아니라`, `끊임없이`,
//! `不仅`), and, in one language, only where the word diff shows the negation itself added or
//! removed inside a sentence both sides keep.

use super::tokens::words;
use super::wording::DiffPiece;
use crate::model::Pair;

/// English words that negate the clause they stand in.
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "none", "nothing", "neither", "nor", "cannot", "nobody",
];

/// Russian words that negate: `не` (not), `нет` (no), `ни` (nor) and the negative pronouns
/// and adverbs (`никогда` never, `ничего` nothing, `нельзя` must not).
const RUSSIAN_NEGATIONS: &[&str] = &[
    "не",
    "нет",
    "ни",
    "никогда",
    "ничего",
    "ничто",
    "никто",
    "никого",
    "нигде",
    "никуда",
    "нельзя",
];

/// Words after which `not` or `no` (`не`) does not negate: `not only`, `no doubt`, `не только`.
const NOT_NEGATING_AFTER: &[(&str, &[&str])] = &[
    ("not", &["only", "just", "merely", "simply", "least"]),
    ("no", &["doubt", "matter"]),
    ("не", &["только"]),
];

/// Negation marks written inside words (Korean, Japanese, Chinese): in Korean the long
/// negation (`않`), `못`, `없`, `아니` in its contracted forms (`아닌`, `아냐`), the prohibition
/// `-지 말-` (don't) and `모르-` (not know); in Japanese `ない` and its forms and `だめ` (no,
/// don't).
const MARKS: &[&str] = &[
    "않",
    "못",
    "없",
    "아니",
    "아닌",
    "아냐",
    "아님",
    "아닙",
    "지 말",
    "지말",
    "지 마",
    "지마",
    "모르",
    "모를",
    "몰라",
    "몰랐",
    "だめ",
    "ダメ",
    "駄目",
    "ない",
    "なかっ",
    "ならず",
    "ません",
    "不",
    "没",
];

/// Phrases holding a mark that do not negate: `not only … but` (`뿐만 아니라`, `だけでなく`,
/// `不仅`), adverbs and verbs built on `없` (`끊임없이` constantly, `없애다` remove), `잘못`
/// (a mistake), `못지않게` (no less than), `少ない` (few), `不断` (constantly), `不同`
/// and `不一样` (different), `不少` (many), `不过` (but), `不得不` (must), `かけがえのない`
/// (irreplaceable).
const NOT_NEGATING_PHRASES: &[&str] = &[
    "뿐만 아니라",
    "뿐 아니라",
    "뿐만아니라",
    "끊임없",
    "틀림없",
    "어김없",
    "관계없",
    "상관없",
    "빠짐없",
    "다름없",
    "아낌없",
    "없애",
    "잘못",
    "못지않",
    "だけでなく",
    "のみならず",
    "少ない",
    "危ない",
    "間違いない",
    "かけがえのない",
    "不仅",
    "不但",
    "不断",
    "不同",
    "不一样",
    "不太一样",
    "不少",
    "不过",
    "不久",
    "不得不",
];

/// The negating words of `text`, in order (`not`, `don't`, `않`).
pub fn cues(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let words = words(text);
    for (index, word) in words.iter().enumerate() {
        let negating = match negation_word(word) {
            Some(lower) => !NOT_NEGATING_AFTER.iter().any(|(first, seconds)| {
                *first == lower
                    && words
                        .get(index + 1)
                        .is_some_and(|next| seconds.contains(&next.to_lowercase().as_str()))
            }),
            None => false,
        };
        if negating || is_short_korean_negation(word) {
            found.push(word.to_string());
        }
    }
    if super::tokens::may_hold_east_asian(text) {
        let mut cleaned = text.to_string();
        for phrase in NOT_NEGATING_PHRASES {
            if cleaned.contains(phrase) {
                cleaned = cleaned.replace(phrase, " ");
            }
        }
        for mark in MARKS {
            found.extend(cleaned.matches(mark).map(str::to_string));
        }
    }
    found
}

/// The word lower-cased (curly apostrophe made straight) when it negates (`not`, `don't`):
/// asked of every word of many rows, so an ASCII word is compared in place, without a copy.
fn negation_word(word: &str) -> Option<std::borrow::Cow<'_, str>> {
    if word.is_ascii() {
        let ends_in_nt = word.len() >= 3 && word[word.len() - 3..].eq_ignore_ascii_case("n't");
        let listed = NEGATIONS.iter().any(|n| word.eq_ignore_ascii_case(n));
        return (listed || ends_in_nt).then(|| word.to_ascii_lowercase().into());
    }
    let lower = word.to_lowercase().replace('’', "'");
    let listed = NEGATIONS.contains(&lower.as_str()) || RUSSIAN_NEGATIONS.contains(&lower.as_str());
    (listed || lower.ends_with("n't")).then_some(lower.into())
}

/// Korean short negation: `안` standing before its verb (`안 돌아올거야`, won't come back),
/// or joined to `되다` (`안돼`, no!). Words that merely begin with `안` (`안쪽` inside, `안녕`
/// hello, `안보` security) do not negate.
fn is_short_korean_negation(word: &str) -> bool {
    const JOINED: &[&str] = &["안돼", "안되", "안된", "안됐", "안됩"];
    word == "안" || JOINED.iter().any(|joined| word.starts_with(joined))
}

/// The longest changed piece, in words, in which an added or removed negation counts as a
/// flip: a negation inside a longer change (a whole sentence one side lacks) changes what is
/// said, not whether it is denied.
const LONGEST_FLIP: usize = 6;

/// In one language: the negations added or removed by short edits, official then other.
pub fn flipped_in_diff(pieces: &[DiffPiece]) -> Pair<Vec<String>> {
    let side = |op: &str| -> Vec<String> {
        pieces
            .iter()
            .filter(|piece| piece.op == op && words(&piece.text).len() <= LONGEST_FLIP)
            .flat_map(|piece| cues(&piece.text))
            .collect()
    };
    Pair::new(side("delete"), side("insert"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::wording::word_diff;

    #[test]
    fn every_mark_is_east_asian_and_so_searched_for() {
        for mark in MARKS {
            assert!(crate::align::tokens::may_hold_east_asian(mark), "{mark}");
        }
    }

    #[test]
    fn set_phrases_do_not_negate() {
        assert!(cues("This is not only about security but about values.").is_empty());
        assert!(cues("한미동맹은 안보뿐만 아니라 경제 협력도 강화합니다.").is_empty());
        assert!(cues("끊임없이 노력하겠습니다.").is_empty());
        assert_eq!(cues("We don’t ignore them."), ["don’t"]);
        assert_eq!(cues("우리는 무시하지 않습니다."), ["않"]);
        assert_eq!(cues("強くなかったのはなぜですか"), ["なかっ"]);
        assert!(cues("かけがえのない資産です").is_empty());
        assert_eq!(cues("There is no doubt. We will not stop."), ["not"]);
    }

    #[test]
    fn korean_negation_in_its_short_and_contracted_forms() {
        assert_eq!(cues("내일까지 안 돌아올거야."), ["안"]);
        assert_eq!(cues("으악, 안돼..."), ["안돼"]);
        assert_eq!(cues("우리가 뭐 부자도 아닌데"), ["아닌"]);
        assert_eq!(cues("이 열쇠는 건드리지말고"), ["지말"]);
        assert_eq!(cues("모를 일이네..."), ["모를"]);
        // Words that begin with 안, and 말고 after 고 (알고 말고: of course I know).
        assert!(cues("안쪽으로... 안녕하세요, 안보 협력").is_empty());
        assert!(cues("알어, 알고 말고...").is_empty());
    }

    #[test]
    fn russian_negation_and_chinese_difference() {
        assert_eq!(cues("до завтра не вернусь."), ["не"]);
        assert_eq!(cues("О, нет..."), ["нет"]);
        assert!(cues("Это не только безопасность.").is_empty());
        assert!(cues("你的 Synfig 可能被配置的不太一样。").is_empty());
    }

    #[test]
    fn a_flip_is_a_short_edit() {
        let flips = |a: &str, b: &str| flipped_in_diff(&word_diff(a, b));
        assert_eq!(
            flips("We will support them.", "We will not support them."),
            Pair::new(vec![], vec!["not".to_string()])
        );
        // A sentence the other side lacks is not a flip, whatever it says.
        let removed = "We will support them. We have never wavered in our commitment to \
                       the people of Ukraine and we will not waver now.";
        assert_eq!(flips(removed, "We will support them."), Pair::default());
    }
}
