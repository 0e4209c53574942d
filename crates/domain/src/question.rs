//! A call's questions (SPEC §1): the programme team sets them per call (text with a word limit,
//! a choice, yes/no; required or not); a call made without them gets the default seven.

use std::collections::BTreeMap;

use crate::text::{bounded, single_line};
use crate::{DomainError, Fields};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    /// Free text, at most `word_limit` words.
    Text,
    /// One of the question's `choices`.
    Choice,
    /// [`YES`] or [`NO`].
    YesNo,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 3] = [
        QuestionKind::Text,
        QuestionKind::Choice,
        QuestionKind::YesNo,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::Text => "TEXT",
            QuestionKind::Choice => "CHOICE",
            QuestionKind::YesNo => "YES_NO",
        }
    }
    pub fn from_str(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// The two answers to a yes/no question.
pub const YES: &str = "Yes";
pub const NO: &str = "No";

pub const MAX_QUESTIONS: usize = 30;
pub const MAX_CHOICES: usize = 20;
pub const MAX_WORD_LIMIT: i32 = 2_000;
/// Every answer, whatever its question, is at most this many characters.
pub const MAX_ANSWER_CHARS: usize = 10_000;

/// A question that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// How answers name it: `[a-z][A-Za-z0-9]*`, unique in its call.
    pub key: String,
    pub title: String,
    pub hint: String,
    pub kind: QuestionKind,
    /// For a text question: the most words an answer may have.
    pub word_limit: Option<u32>,
    /// For a choice: the answers one may pick, in order.
    pub choices: Vec<String>,
    pub required: bool,
}

/// A question as the programme team typed it, unparsed.
#[derive(Debug, Clone)]
pub struct QuestionDraft<'a> {
    pub key: &'a str,
    pub title: &'a str,
    pub hint: &'a str,
    pub kind: QuestionKind,
    pub word_limit: Option<i32>,
    pub choices: Vec<&'a str>,
    pub required: bool,
}

fn is_key(k: &str) -> bool {
    let mut c = k.chars();
    c.next().is_some_and(|f| f.is_ascii_lowercase())
        && c.all(|x| x.is_ascii_alphanumeric())
        && k.len() <= 40
}

/// A choice question's choices, trimmed: one line each, all different, at least two; one
/// problem at a time.
fn choices_of(given: &[&str], out: &mut Vec<String>) -> Result<(), String> {
    for c in given {
        let c = c.trim();
        if c.is_empty() || c.chars().count() > 200 || c.chars().any(char::is_control) {
            return Err("Each choice is one line of 1 to 200 characters".into());
        }
        if out.iter().any(|x| x == c) {
            return Err("Each choice must be different".into());
        }
        out.push(c.to_string());
    }
    if out.len() < 2 {
        return Err("A choice question needs at least two choices".into());
    }
    Ok(())
}

/// A call's question set: at least one question, keys unique and of the form
/// `[a-z][A-Za-z0-9]*`, titles non-empty, a text question with a positive word limit, a choice
/// with at least two different choices. Each problem is named as `questions.{i}.{field}`.
pub fn check_questions(drafts: &[QuestionDraft<'_>]) -> Result<Vec<Question>, DomainError> {
    let mut f = Fields::new();
    if drafts.is_empty() {
        f.add("questions", "Add at least one question");
    }
    if drafts.len() > MAX_QUESTIONS {
        f.add(
            "questions",
            format!("A call can have at most {MAX_QUESTIONS} questions"),
        );
    }
    let mut out: Vec<Question> = Vec::new();
    for (i, d) in drafts.iter().enumerate() {
        let at = |field: &str| format!("questions.{i}.{field}");
        let key = d.key.trim();
        if !is_key(key) {
            f.add(
                &at("key"),
                "A key starts with a small letter and has only letters and digits, like hopedForChange (at most 40)",
            );
        } else if drafts[..i].iter().any(|p| p.key.trim() == key) {
            f.add(&at("key"), "Each question needs a different key");
        }
        let title = f.take(single_line(&at("title"), "the question", d.title, 1, 300));
        let hint = f.take(bounded(&at("hint"), "the hint", d.hint, 0, 2_000));
        let word_limit = match (d.kind, d.word_limit) {
            (QuestionKind::Text, Some(n)) if (1..=MAX_WORD_LIMIT).contains(&n) => Some(n as u32),
            (QuestionKind::Text, _) => {
                f.add(
                    &at("wordLimit"),
                    format!("Give a text question a word limit from 1 to {MAX_WORD_LIMIT}"),
                );
                None
            }
            (_, Some(_)) => {
                f.add(&at("wordLimit"), "Only a text question has a word limit");
                None
            }
            (_, None) => None,
        };
        let mut choices: Vec<String> = Vec::new();
        match d.kind {
            QuestionKind::Choice => {
                let problem = if d.choices.len() > MAX_CHOICES {
                    Some(format!(
                        "A choice question can have at most {MAX_CHOICES} choices"
                    ))
                } else {
                    choices_of(&d.choices, &mut choices).err()
                };
                if let Some(p) = problem {
                    f.add(&at("choices"), p);
                }
            }
            _ if !d.choices.is_empty() => {
                f.add(&at("choices"), "Only a choice question has choices")
            }
            _ => {}
        }
        if let (Some(title), Some(hint)) = (title, hint) {
            out.push(Question {
                key: key.to_string(),
                title,
                hint,
                kind: d.kind,
                word_limit,
                choices,
                required: d.required,
            });
        }
    }
    f.finish()?;
    Ok(out)
}

/// The seven questions of SPEC §1, keyed as the application's named fields, all required.
pub const DEFAULT_QUESTIONS: [(&str, &str, &str); 7] = [
    (
        "motivation",
        "Why do you care about this domain?",
        "Tell us what draws you to this area of patient safety. Passion and energy matter more than job title.",
    ),
    (
        "domainSketch",
        "A first sketch of the domain",
        "What is the shared concern at the heart of the community? What is in and out of scope? It will change as the community forms.",
    ),
    (
        "memberMap",
        "Who would you invite first?",
        "The people you want and need, beyond your usual circle: who has an interest, who should have one, who brings resources, authority or expertise.",
    ),
    (
        "invitationDraft",
        "Your draft invitation",
        "A warm, peer-to-peer message inviting people to join. Joining is always optional.",
    ),
    (
        "firstMeeting",
        "The first meeting you have in mind",
        "When, where or how, who would come, and what you would talk about.",
    ),
    (
        "hopedForChange",
        "The change in patient safety you hope for",
        "What would be different for patients if the community succeeds?",
    ),
    (
        "supportWanted",
        "The support you want from the network",
        "For example, coaching on meeting design, help with an intranet page, or admin help.",
    ),
];

/// The default set's word limit for each of its answers.
pub const DEFAULT_WORD_LIMIT: u32 = 1_000;

/// The set a call gets when the programme team sets none.
pub fn default_questions() -> Vec<Question> {
    DEFAULT_QUESTIONS
        .iter()
        .map(|(key, title, hint)| Question {
            key: key.to_string(),
            title: title.to_string(),
            hint: hint.to_string(),
            kind: QuestionKind::Text,
            word_limit: Some(DEFAULT_WORD_LIMIT),
            choices: Vec::new(),
            required: true,
        })
        .collect()
}

/// Words as people count them: runs of non-space characters.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// An application's answers, by question key. Drafts may leave any of them empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers(pub BTreeMap<String, String>);

impl Answers {
    /// The answer to `key`, empty when there is none.
    pub fn get(&self, key: &str) -> &str {
        self.0.get(key).map(String::as_str).unwrap_or("")
    }

    /// Apply a patch of `(key, value)` (keys left out stay as they are): each key must be one of
    /// `questions` and each answer at most [`MAX_ANSWER_CHARS`] characters; a problem is named
    /// by the answer's key.
    pub fn patched(
        &self,
        questions: &[Question],
        patch: &[(String, String)],
    ) -> Result<Answers, DomainError> {
        let mut f = Fields::new();
        let mut next = self.clone();
        for (key, value) in patch {
            let Some(q) = questions.iter().find(|q| &q.key == key) else {
                f.add(key, "This call has no question with this key");
                continue;
            };
            let label = format!("the answer to “{}”", q.title);
            if let Some(v) = f.take(bounded(key, &label, value, 0, MAX_ANSWER_CHARS)) {
                if v.is_empty() {
                    next.0.remove(key);
                } else {
                    next.0.insert(key.clone(), v);
                }
            }
        }
        f.finish()?;
        Ok(next)
    }

    /// Every answer of a patch at most [`MAX_ANSWER_CHARS`] characters, named by its key,
    /// whatever the call's questions (for when the call itself is not known).
    pub fn check_lengths(patch: &[(String, String)]) -> Result<(), DomainError> {
        let mut f = Fields::new();
        for (key, value) in patch {
            f.take(bounded(key, "the answer", value, 0, MAX_ANSWER_CHARS));
        }
        f.finish()
    }

    /// For submission: every required question answered, text within its word limit, a
    /// choice one of its choices; each problem named by the question's key.
    pub fn check_complete(&self, questions: &[Question], f: &mut Fields) {
        for q in questions {
            let a = self.get(&q.key).trim();
            if a.is_empty() {
                if q.required {
                    f.add(&q.key, format!("Answer “{}”", q.title));
                }
                continue;
            }
            match q.kind {
                QuestionKind::Text => {
                    let n = word_count(a);
                    if let Some(limit) = q.word_limit.filter(|l| n > *l as usize) {
                        f.add(
                            &q.key,
                            format!(
                                "Your answer to “{}” must be {limit} words or fewer; it has {n}",
                                q.title
                            ),
                        );
                    }
                }
                QuestionKind::Choice if !q.choices.iter().any(|c| c == a) => f.add(
                    &q.key,
                    format!("Choose one of the answers to “{}”", q.title),
                ),
                QuestionKind::YesNo if a != YES && a != NO => {
                    f.add(&q.key, format!("Answer “{}” with Yes or No", q.title))
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(key: &'static str) -> QuestionDraft<'static> {
        QuestionDraft {
            key,
            title: "Why?",
            hint: "",
            kind: QuestionKind::Text,
            word_limit: Some(10),
            choices: vec![],
            required: true,
        }
    }

    fn names(e: &DomainError) -> Vec<&str> {
        e.fields.iter().map(|f| f.field.as_str()).collect()
    }

    #[test]
    fn a_good_set_parses_in_order() {
        let mut choice = text("region");
        choice.kind = QuestionKind::Choice;
        choice.word_limit = None;
        choice.choices = vec![" North ", "South"];
        let mut yes_no = text("hasSponsor");
        yes_no.kind = QuestionKind::YesNo;
        yes_no.word_limit = None;
        yes_no.required = false;
        let qs = check_questions(&[text("why"), choice, yes_no]).unwrap();
        let keys: Vec<_> = qs.iter().map(|q| q.key.as_str()).collect();
        assert_eq!(keys, ["why", "region", "hasSponsor"]);
        assert_eq!(qs[1].choices, ["North", "South"]);
        assert_eq!(qs[0].word_limit, Some(10));
        assert!(!qs[2].required);
    }

    #[test]
    fn keys_must_be_well_formed_and_unique() {
        for bad in ["", "Why", "1why", "why-not", "why not", "über"] {
            let e = check_questions(&[text(bad)]).unwrap_err();
            assert_eq!(names(&e), ["questions.0.key"], "{bad:?}");
        }
        let e = check_questions(&[text("why"), text("how"), text("why")]).unwrap_err();
        assert_eq!(names(&e), ["questions.2.key"]);
    }

    #[test]
    fn every_bad_field_is_named() {
        let mut no_title = text("a");
        no_title.title = "  ";
        let mut no_limit = text("b");
        no_limit.word_limit = Some(0);
        let mut one_choice = text("c");
        one_choice.kind = QuestionKind::Choice;
        one_choice.word_limit = None;
        one_choice.choices = vec!["Only"];
        let mut same_choices = one_choice.clone();
        same_choices.key = "d";
        same_choices.choices = vec!["A", "A"];
        let mut yes_no_limit = text("e");
        yes_no_limit.kind = QuestionKind::YesNo;
        let e = check_questions(&[no_title, no_limit, one_choice, same_choices, yes_no_limit])
            .unwrap_err();
        assert_eq!(
            names(&e),
            [
                "questions.0.title",
                "questions.1.wordLimit",
                "questions.2.choices",
                "questions.3.choices",
                "questions.4.wordLimit"
            ]
        );
        assert_eq!(names(&check_questions(&[]).unwrap_err()), ["questions"]);
        let mut none = text("f");
        none.word_limit = None;
        assert_eq!(
            names(&check_questions(&[none]).unwrap_err()),
            ["questions.0.wordLimit"]
        );
    }

    #[test]
    fn the_default_set_is_the_seven_of_the_spec_and_passes_its_own_rules() {
        let d = default_questions();
        let keys: Vec<_> = d.iter().map(|q| q.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "motivation",
                "domainSketch",
                "memberMap",
                "invitationDraft",
                "firstMeeting",
                "hopedForChange",
                "supportWanted"
            ]
        );
        let drafts: Vec<_> = d
            .iter()
            .map(|q| QuestionDraft {
                key: &q.key,
                title: &q.title,
                hint: &q.hint,
                kind: q.kind,
                word_limit: q.word_limit.map(|n| n as i32),
                choices: vec![],
                required: q.required,
            })
            .collect();
        assert_eq!(check_questions(&drafts).unwrap(), d);
    }

    fn set() -> Vec<Question> {
        let mut choice = text("region");
        choice.kind = QuestionKind::Choice;
        choice.word_limit = None;
        choice.choices = vec!["North", "South"];
        let mut yes_no = text("agree");
        yes_no.kind = QuestionKind::YesNo;
        yes_no.word_limit = None;
        let mut optional = text("extra");
        optional.required = false;
        check_questions(&[text("why"), choice, yes_no, optional]).unwrap()
    }

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn patches_name_unknown_keys_and_long_answers() {
        let a = Answers::default()
            .patched(&set(), &pairs(&[("why", " because "), ("region", "North")]))
            .unwrap();
        assert_eq!(a.get("why"), "because");
        assert_eq!(a.get("agree"), "");
        let long = "x".repeat(MAX_ANSWER_CHARS + 1);
        let e = a
            .patched(&set(), &pairs(&[("nope", "x"), ("why", &long)]))
            .unwrap_err();
        assert_eq!(names(&e), ["nope", "why"]);
        let e = Answers::check_lengths(&pairs(&[("nope", "x"), ("why", &long)])).unwrap_err();
        assert_eq!(names(&e), ["why"]);
        let cleared = a.patched(&set(), &pairs(&[("why", "  ")])).unwrap();
        assert_eq!(cleared.get("why"), "");
        assert_eq!(cleared.get("region"), "North");
    }

    #[test]
    fn completeness_names_missing_over_long_and_wrong_answers_by_key() {
        let qs = set();
        let mut f = Fields::new();
        Answers::default().check_complete(&qs, &mut f);
        let e = f.finish().unwrap_err();
        assert_eq!(names(&e), ["why", "region", "agree"]);

        let a = Answers::default()
            .patched(
                &qs,
                &pairs(&[
                    (
                        "why",
                        "one two three four five six seven eight nine ten eleven",
                    ),
                    ("region", "East"),
                    ("agree", "maybe"),
                ]),
            )
            .unwrap();
        let mut f = Fields::new();
        a.check_complete(&qs, &mut f);
        let e = f.finish().unwrap_err();
        assert_eq!(names(&e), ["why", "region", "agree"]);
        assert!(e.fields[0].message.contains("10 words or fewer"));

        let ok = a
            .patched(
                &qs,
                &pairs(&[
                    ("why", "one two three four five six seven eight nine ten"),
                    ("region", "South"),
                    ("agree", NO),
                ]),
            )
            .unwrap();
        let mut f = Fields::new();
        ok.check_complete(&qs, &mut f);
        assert!(f.finish().is_ok());
    }

    #[test]
    fn words_are_runs_of_non_space() {
        assert_eq!(word_count("  one\ttwo\nthree  "), 3);
        assert_eq!(word_count(""), 0);
    }
}
