//! Role words: what a speaker label says about the speaker's part (host, questioner, minister
//! ...), in the languages of the corpus, so that `MODERATOR` and `사회자` can be matched.

/// Canonical role words, each with the words that mean it (any case, several languages).
const ROLE_WORDS: &[(&str, &[&str])] = &[
    (
        "host",
        &[
            "moderator",
            "host",
            "hoster",
            "mc",
            "presenter",
            "emcee",
            "사회자",
            "사회",
            "司会",
            "司会者",
            "主持人",
        ],
    ),
    (
        "question",
        &[
            "question",
            "questioner",
            "q",
            "reporter",
            "journalist",
            "correspondent",
            "기자",
            "질문",
            "記者",
            "记者",
        ],
    ),
    ("anchor", &["anchor", "앵커", "newscaster"]),
    (
        "interpreter",
        &[
            "interpreter",
            "translator",
            "통역",
            "통역사",
            "通訳",
            "翻译",
        ],
    ),
    (
        "president",
        &["president", "대통령", "大統領", "总统", "總統"],
    ),
    (
        "prime",
        &["prime", "총리", "首相", "総理", "総理大臣", "总理"],
    ),
    (
        "minister",
        &["minister", "장관", "大臣", "部长", "外相", "外長"],
    ),
    (
        "foreign",
        &[
            "foreign",
            "외교부",
            "외교",
            "外務",
            "外务",
            "外交",
            "外相",
            "外長",
            "affairs",
        ],
    ),
    (
        "secretary",
        &[
            "secretary",
            "secstate",
            "국무장관",
            "장관",
            "国務長官",
            "長官",
        ],
    ),
    (
        "state",
        &["state", "secstate", "국무장관", "국무", "国務", "国務長官"],
    ),
    (
        "spokesperson",
        &[
            "spokesperson",
            "spokesman",
            "spokeswoman",
            "대변인",
            "报道官",
            "发言人",
            "報道官",
        ],
    ),
    ("aide", &["aide", "staff", "보좌관"]),
    ("vice", &["vice", "부통령"]),
];

/// Words of a label that carry no identity.
pub(super) const FILLER: &[&str] = &[
    "of", "the", "and", "mr.", "ms.", "mrs.", "dr.", "mr", "ms", "mrs", "dr", "/", "-",
];

pub(super) fn role_words(text: &str) -> Vec<&'static str> {
    let mut words: Vec<&'static str> = Vec::new();
    for token in text
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|t| !t.is_empty())
    {
        let lower = token.to_lowercase();
        let lower = lower.trim_matches(|c: char| !c.is_alphanumeric());
        for (canonical, synonyms) in ROLE_WORDS {
            if synonyms.iter().any(|s| {
                *s == lower || (s.chars().count() >= 2 && !s.is_ascii() && lower.starts_with(s))
            }) {
                words.push(canonical);
            }
        }
    }
    words.sort_unstable();
    words.dedup();
    words
}
