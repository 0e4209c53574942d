//! A call's questions (SPEC §1), in order; and an application's answers to them.

use std::collections::HashMap;

use convene_domain::question::{Answers, Question, QuestionKind};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use crate::entities::call_question;
use crate::{stored, Result, StoreError};

/// A stored question as the rules see it; an unknown kind or bad choices is an error.
pub fn question(m: &call_question::Model) -> Result<Question> {
    let choices: Vec<String> = serde_json::from_str(&m.choices).map_err(|_| {
        StoreError::Corrupt(format!(
            "call_questions.choices holds {:?}, which is not a list of text",
            m.choices
        ))
    })?;
    Ok(Question {
        key: m.key.clone(),
        title: m.title.clone(),
        hint: m.hint.clone(),
        kind: stored::<QuestionKind>("call_questions.kind", &m.kind)?,
        word_limit: m.word_limit.and_then(|n| u32::try_from(n).ok()),
        choices,
        required: m.required,
    })
}

/// Replace a call's whole question set with `questions`, in their order. Whether it may
/// change (no application yet) is the caller's rule.
pub async fn replace_for_call(
    db: &impl ConnectionTrait,
    call_id: Uuid,
    questions: &[Question],
) -> Result<()> {
    call_question::Entity::delete_many()
        .filter(call_question::Column::CallId.eq(call_id))
        .exec(db)
        .await?;
    if questions.is_empty() {
        return Ok(());
    }
    let rows = questions
        .iter()
        .enumerate()
        .map(|(i, q)| call_question::ActiveModel {
            call_id: Set(call_id),
            position: Set(i as i32),
            key: Set(q.key.clone()),
            title: Set(q.title.clone()),
            hint: Set(q.hint.clone()),
            kind: Set(q.kind.as_str().to_string()),
            word_limit: Set(q.word_limit.map(|n| n as i32)),
            choices: Set(serde_json::to_string(&q.choices).expect("a list of text")),
            required: Set(q.required),
        });
    call_question::Entity::insert_many(rows).exec(db).await?;
    Ok(())
}

/// The questions of many calls in one statement, each call's in order.
pub async fn of_calls(
    db: &impl ConnectionTrait,
    call_ids: &[Uuid],
) -> Result<HashMap<Uuid, Vec<call_question::Model>>> {
    let mut out: HashMap<Uuid, Vec<call_question::Model>> =
        call_ids.iter().map(|id| (*id, Vec::new())).collect();
    if call_ids.is_empty() {
        return Ok(out);
    }
    let rows = call_question::Entity::find()
        .filter(call_question::Column::CallId.is_in(call_ids.iter().copied()))
        .order_by_asc(call_question::Column::CallId)
        .order_by_asc(call_question::Column::Position)
        .all(db)
        .await?;
    for r in rows {
        out.entry(r.call_id).or_default().push(r);
    }
    Ok(out)
}

/// One call's questions, in order, as the rules see them.
pub async fn of_call(db: &impl ConnectionTrait, call_id: Uuid) -> Result<Vec<Question>> {
    let rows = of_calls(db, &[call_id]).await?;
    rows.get(&call_id)
        .map(|qs| qs.iter().map(question).collect())
        .unwrap_or_else(|| Ok(Vec::new()))
}

/// An application's answers as kept in its `answers` column (a JSON object of text by key).
pub fn answers(json: &str) -> Result<Answers> {
    serde_json::from_str(json).map(Answers).map_err(|_| {
        StoreError::Corrupt(format!(
            "applications.answers holds {json:?}, which is not answers by key"
        ))
    })
}

/// The `answers` column's text for these answers.
pub fn answers_json(a: &Answers) -> String {
    serde_json::to_string(&a.0).expect("text by key")
}
