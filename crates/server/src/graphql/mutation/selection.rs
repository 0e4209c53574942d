//! Selection (SPEC §2): the panel, conflicts, assignment, reviews, the decision and outcomes.

use std::collections::HashMap;

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::{require_role, require_signed_in};
use convene_domain::account::Role;
use convene_domain::application::ApplicationStatus;
use convene_domain::call::{long_date, CallStatus};
use convene_domain::ids::{ApplicationId, CriterionId, PersonId};
use convene_domain::money::Pence;
use convene_domain::selection as rules;
use convene_store::begin_write;
use convene_store::repo::{applications as apps, calls, domains, people, selection as repo};
use uuid::Uuid;

use super::audit;
use crate::graphql::context::{now, state, viewer, AppState};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use crate::graphql::types::call::Call;
use crate::graphql::types::selection::{Conflict, Decision, PanelMember, Review, ReviewAssignment};
use crate::mail::{self, templates};
use crate::services::selection::CallSelection;
use crate::usecases::selection as usecase;

#[derive(Default)]
pub struct SelectionMutations;

#[derive(InputObject)]
pub struct AddPanelMemberInput {
    pub call_id: ID,
    pub person_id: ID,
    /// Make this member the chair (standing down any other).
    #[graphql(default = false)]
    pub chair: bool,
}
#[derive(SimpleObject)]
pub struct AddPanelMemberPayload {
    pub panel_member: PanelMember,
    pub call: Call,
}

#[derive(InputObject)]
pub struct RemovePanelMemberInput {
    pub call_id: ID,
    pub person_id: ID,
}
#[derive(SimpleObject)]
pub struct RemovePanelMemberPayload {
    pub call: Call,
}

#[derive(InputObject)]
pub struct DeclareConflictInput {
    pub application_id: ID,
    pub reason: String,
}
#[derive(SimpleObject)]
pub struct DeclareConflictPayload {
    pub conflict: Conflict,
}

#[derive(InputObject)]
pub struct AssignReviewersInput {
    pub call_id: ID,
}
#[derive(SimpleObject)]
pub struct AssignReviewersPayload {
    /// Every assignment of the call, the new ones included.
    pub assignments: Vec<ReviewAssignment>,
    pub call: Call,
}

#[derive(InputObject)]
pub struct AddReviewAssignmentInput {
    pub application_id: ID,
    pub reviewer_id: ID,
}
#[derive(SimpleObject)]
pub struct AddReviewAssignmentPayload {
    pub assignment: ReviewAssignment,
}

#[derive(InputObject)]
pub struct RemoveReviewAssignmentInput {
    pub application_id: ID,
    pub reviewer_id: ID,
}
#[derive(SimpleObject)]
pub struct RemoveReviewAssignmentPayload {
    pub removed: bool,
}

#[derive(InputObject)]
pub struct ScoreInput {
    pub criterion_id: ID,
    /// 1 to 5.
    pub score: i32,
    pub comment: String,
}

#[derive(InputObject)]
pub struct SubmitReviewInput {
    pub application_id: ID,
    pub scores: Vec<ScoreInput>,
}
#[derive(SimpleObject)]
pub struct SubmitReviewPayload {
    pub review: Review,
}

#[derive(InputObject)]
pub struct SendReviewRemindersInput {
    pub call_id: ID,
}
#[derive(SimpleObject)]
pub struct SendReviewRemindersPayload {
    /// How many reviewers were reminded.
    pub reminded: i32,
}

#[derive(InputObject)]
pub struct RecordDecisionInput {
    pub call_id: ID,
    pub funded_application_ids: Vec<ID>,
    pub rationale: String,
}
#[derive(SimpleObject)]
pub struct RecordDecisionPayload {
    pub decision: Decision,
    pub call: Call,
}

#[derive(InputObject)]
pub struct SendOutcomesInput {
    pub call_id: ID,
}
#[derive(SimpleObject)]
pub struct SendOutcomesPayload {
    /// How many people were told now.
    pub told: i32,
    pub call: Call,
}

fn call_id(id: &ID) -> ApiResult<Uuid> {
    ids::decode("callId", "Call", id)
}

fn assignment_view(
    sel: &CallSelection,
    a: convene_store::entities::review_assignment::Model,
) -> ReviewAssignment {
    ReviewAssignment {
        submitted: sel.review_of(a.application_id, a.reviewer_id).is_some(),
        model: a,
    }
}

fn link(st: &AppState, path: &str) -> String {
    format!("{}{}", st.config.public_url.trim_end_matches('/'), path)
}

fn status_now(sel: &CallSelection) -> CallStatus {
    calls::window(&sel.call).status_at(now())
}

#[Object]
impl SelectionMutations {
    /// Add someone to a call's panel (programme team only); they are given the PANEL role.
    async fn add_panel_member(
        &self,
        ctx: &Context<'_>,
        input: AddPanelMemberInput,
    ) -> ApiResult<AddPanelMemberPayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let cid = call_id(&input.call_id)?;
        let pid = ids::decode("personId", "Person", &input.person_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let call = calls::lock(&tx, cid)
            .await?
            .ok_or_else(|| ApiError::field("callId", "There is no such call"))?;
        if matches!(
            calls::status(&call),
            CallStatus::Decided | CallStatus::Archived
        ) {
            return Err(ApiError::new(
                convene_domain::ErrorCode::InvalidState,
                "The decision has been made: the panel can no longer change",
            ));
        }
        people::get(&tx, pid)
            .await?
            .ok_or_else(|| ApiError::field("personId", "There is no such person"))?;
        let member = repo::upsert_member(&tx, cid, pid, input.chair, v.person.0, now).await?;
        let roles_before = people::roles_of(&tx, &[pid]).await?.remove(&pid);
        if people::grant_role(&tx, pid, Role::Panel, Some(v.person.0), now).await? {
            // a role grant like any other: in the person's audit trail
            let roles_after = people::roles_of(&tx, &[pid]).await?.remove(&pid);
            let names = |r: Option<Vec<Role>>| {
                r.unwrap_or_default()
                    .iter()
                    .map(|x| x.as_str())
                    .collect::<Vec<_>>()
            };
            audit(
                &tx,
                Some(v.person.0),
                "Person",
                pid,
                "grant_role",
                Some(&names(roles_before)),
                Some(&names(roles_after)),
                now,
            )
            .await?;
        }
        audit(
            &tx,
            Some(v.person.0),
            "Call",
            cid,
            "add_panel_member",
            None,
            Some(&member),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(AddPanelMemberPayload {
            panel_member: PanelMember(member),
            call: Call(call),
        })
    }

    /// Take someone off a call's panel (programme team only), with their open assignments.
    async fn remove_panel_member(
        &self,
        ctx: &Context<'_>,
        input: RemovePanelMemberInput,
    ) -> ApiResult<RemovePanelMemberPayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let cid = call_id(&input.call_id)?;
        let pid = ids::decode("personId", "Person", &input.person_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let sel = CallSelection::load_for_change(&tx, cid).await?;
        if sel.member(pid).is_none() {
            return Err(ApiError::field(
                "personId",
                "This person is not on the panel",
            ));
        }
        if sel.is_chair(pid) {
            return Err(ApiError::new(
                convene_domain::ErrorCode::InvalidState,
                "This is the panel's chair: appoint another chair first",
            ));
        }
        if sel.reviews.iter().any(|(r, _)| r.reviewer_id == pid) {
            return Err(ApiError::new(
                convene_domain::ErrorCode::InvalidState,
                "This panel member has submitted reviews, so they stay on the panel",
            ));
        }
        for a in sel.assignments.iter().filter(|a| a.reviewer_id == pid) {
            repo::unassign(&tx, a.application_id, pid).await?;
        }
        repo::remove_member(&tx, cid, pid).await?;
        audit(
            &tx,
            Some(v.person.0),
            "Call",
            cid,
            "remove_panel_member",
            Some(&serde_json::json!({ "personId": pid })),
            None,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(RemovePanelMemberPayload {
            call: Call(sel.call),
        })
    }

    /// Declare a conflict of interest on an application (a panel member of its call). You are
    /// taken off its review and left out of its decision.
    async fn declare_conflict(
        &self,
        ctx: &Context<'_>,
        input: DeclareConflictInput,
    ) -> ApiResult<DeclareConflictPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let aid = ids::decode("applicationId", "Application", &input.application_id)?;
        let reason = rules::parse_conflict_reason(&input.reason)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let app = apps::get(&tx, aid)
            .await?
            .ok_or_else(|| ApiError::field("applicationId", "There is no such application"))?;
        let sel = CallSelection::load_for_change(&tx, app.call_id).await?;
        if sel.member(v.person.0).is_none() {
            return Err(ApiError::new(
                convene_domain::ErrorCode::Forbidden,
                "Only members of this call's panel declare conflicts on its applications",
            ));
        }
        let declared =
            repo::declare_conflict(&tx, app.call_id, aid, v.person.0, &reason, now).await?;
        repo::unassign(&tx, aid, v.person.0).await?;
        audit(
            &tx,
            Some(v.person.0),
            "Application",
            aid,
            "declare_conflict",
            None,
            Some(&declared),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(DeclareConflictPayload {
            conflict: Conflict(crate::services::selection::Conflict {
                application: aid,
                person: v.person.0,
                reason,
                declared: true,
            }),
        })
    }

    /// Give every submitted application the call's number of reviewers, never a conflicted one,
    /// balancing the load (programme team only). Moves the call into review.
    async fn assign_reviewers(
        &self,
        ctx: &Context<'_>,
        input: AssignReviewersInput,
    ) -> ApiResult<AssignReviewersPayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let cid = call_id(&input.call_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let sel = CallSelection::load_for_change(&tx, cid).await?;
        rules::check_assignable(status_now(&sel))?;
        let submitted: Vec<ApplicationId> = sel
            .apps
            .iter()
            .filter(|a| apps::status(a) == ApplicationStatus::Submitted)
            .map(|a| ApplicationId(a.id))
            .collect();
        let panel: Vec<PersonId> = sel.panel.iter().map(|m| PersonId(m.person_id)).collect();
        let existing: Vec<(ApplicationId, PersonId)> = sel
            .assignments
            .iter()
            .map(|a| (ApplicationId(a.application_id), PersonId(a.reviewer_id)))
            .collect();
        let per = sel.call.reviewers_per_application.max(1) as usize;
        let new = match rules::assign(&submitted, &panel, per, &sel.conflicted_pairs(), &existing) {
            Ok(n) => n,
            Err(lacking) => {
                let apps_: Vec<&convene_store::entities::application::Model> = lacking
                    .iter()
                    .filter_map(|(a, _)| sel.application(a.0))
                    .collect();
                let leads = convene_store::by_ids::<convene_store::entities::person::Entity>(
                    &tx,
                    &apps_.iter().map(|a| a.lead_id).collect::<Vec<_>>(),
                )
                .await?;
                let doms = convene_store::by_ids::<convene_store::entities::domain::Entity>(
                    &tx,
                    &apps_.iter().map(|a| a.domain_id).collect::<Vec<_>>(),
                )
                .await?;
                let names: Vec<String> = lacking
                    .iter()
                    .filter_map(|(a, n)| {
                        let app = sel.application(a.0)?;
                        let lead = leads
                            .iter()
                            .find(|p| p.id == app.lead_id)
                            .map(|p| p.name.as_str())
                            .unwrap_or("?");
                        let domain = doms
                            .iter()
                            .find(|d| d.id == app.domain_id)
                            .map(|d| d.name.as_str())
                            .unwrap_or("?");
                        Some(format!("{domain}, led by {lead} ({n} more needed)"))
                    })
                    .collect();
                return Err(ApiError::field(
                    "callId",
                    format!(
                        "{} application{} cannot get {per} reviewers without a conflict of interest: {}. Add panel members and try again.",
                        lacking.len(),
                        if lacking.len() == 1 { "" } else { "s" },
                        names.join("; ")
                    ),
                ));
            }
        };
        let pairs: Vec<(Uuid, Uuid)> = new.iter().map(|(a, p)| (a.0, p.0)).collect();
        repo::assign(&tx, cid, &pairs, false, v.person.0, now).await?;
        let mut per_reviewer: HashMap<Uuid, usize> = HashMap::new();
        for (_, r) in &pairs {
            *per_reviewer.entry(*r).or_default() += 1;
        }
        for (reviewer, n) in per_reviewer {
            crate::notify::add(
                &tx,
                reviewer,
                crate::notify::Kind::ReviewAssigned,
                &format!(
                    "{n} application{} to review in {}",
                    if n == 1 { "" } else { "s" },
                    sel.call.title
                ),
                &format!("/calls/{}/reviews", ids::encode("Call", cid).0),
                now,
            )
            .await?;
        }
        let call = if calls::status(&sel.call) != CallStatus::InReview {
            let before = sel.call.clone();
            let after = calls::set_status(&tx, sel.call.clone(), CallStatus::InReview, now).await?;
            audit(
                &tx,
                Some(v.person.0),
                "Call",
                cid,
                "start_review",
                Some(&before),
                Some(&after),
                now,
            )
            .await?;
            after
        } else {
            sel.call.clone()
        };
        audit(
            &tx,
            Some(v.person.0),
            "Call",
            cid,
            "assign_reviewers",
            None,
            Some(&serde_json::json!({ "assigned": pairs.len() })),
            now,
        )
        .await?;
        let sel = CallSelection::load_for_change(&tx, cid).await?;
        tx.commit().await?;
        Ok(AssignReviewersPayload {
            assignments: sel
                .assignments
                .clone()
                .into_iter()
                .map(|a| assignment_view(&sel, a))
                .collect(),
            call: Call(call),
        })
    }

    /// Assign a reviewer by hand (programme team only).
    async fn add_review_assignment(
        &self,
        ctx: &Context<'_>,
        input: AddReviewAssignmentInput,
    ) -> ApiResult<AddReviewAssignmentPayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let aid = ids::decode("applicationId", "Application", &input.application_id)?;
        let rid = ids::decode("reviewerId", "Person", &input.reviewer_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let app = apps::get(&tx, aid)
            .await?
            .ok_or_else(|| ApiError::field("applicationId", "There is no such application"))?;
        let sel = CallSelection::load_for_change(&tx, app.call_id).await?;
        rules::check_assignable(status_now(&sel))?;
        if apps::status(&app) != ApplicationStatus::Submitted {
            return Err(ApiError::field(
                "applicationId",
                "Only submitted applications are reviewed",
            ));
        }
        if sel.member(rid).is_none() {
            return Err(ApiError::field(
                "reviewerId",
                "This person is not on the call's panel",
            ));
        }
        if sel.conflict(aid, rid).is_some() {
            return Err(ApiError::field(
                "reviewerId",
                "This panel member has a conflict of interest on this application",
            ));
        }
        let made = repo::assign(&tx, app.call_id, &[(aid, rid)], true, v.person.0, now).await?;
        crate::notify::add(
            &tx,
            rid,
            crate::notify::Kind::ReviewAssigned,
            &format!("1 application to review in {}", sel.call.title),
            &format!("/calls/{}/reviews", ids::encode("Call", app.call_id).0),
            now,
        )
        .await?;
        if calls::status(&sel.call) == CallStatus::Closed {
            // reviewing starts with the first assignment, by hand or not
            let after = calls::set_status(&tx, sel.call.clone(), CallStatus::InReview, now).await?;
            audit(
                &tx,
                Some(v.person.0),
                "Call",
                sel.call.id,
                "start_review",
                Some(&sel.call),
                Some(&after),
                now,
            )
            .await?;
        }
        audit(
            &tx,
            Some(v.person.0),
            "Application",
            aid,
            "add_review_assignment",
            None,
            Some(&made[0]),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(AddReviewAssignmentPayload {
            assignment: ReviewAssignment {
                model: made[0].clone(),
                submitted: false,
            },
        })
    }

    /// Remove an assignment whose review is not in yet (programme team only).
    async fn remove_review_assignment(
        &self,
        ctx: &Context<'_>,
        input: RemoveReviewAssignmentInput,
    ) -> ApiResult<RemoveReviewAssignmentPayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let aid = ids::decode("applicationId", "Application", &input.application_id)?;
        let rid = ids::decode("reviewerId", "Person", &input.reviewer_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let app = apps::get(&tx, aid)
            .await?
            .ok_or_else(|| ApiError::field("applicationId", "There is no such application"))?;
        let sel = CallSelection::load_for_change(&tx, app.call_id).await?;
        rules::check_assignable(status_now(&sel))?;
        if sel.review_of(aid, rid).is_some() {
            return Err(ApiError::new(
                convene_domain::ErrorCode::InvalidState,
                "This reviewer has submitted their review; the assignment stays",
            ));
        }
        if !repo::unassign(&tx, aid, rid).await? {
            return Err(ApiError::field(
                "reviewerId",
                "This reviewer is not assigned to this application",
            ));
        }
        audit(
            &tx,
            Some(v.person.0),
            "Application",
            aid,
            "remove_review_assignment",
            Some(&serde_json::json!({ "reviewerId": rid })),
            None,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(RemoveReviewAssignmentPayload { removed: true })
    }

    /// Score an application you are assigned to, each criterion 1–5 with a comment. You can
    /// change your review until the decision.
    async fn submit_review(
        &self,
        ctx: &Context<'_>,
        input: SubmitReviewInput,
    ) -> ApiResult<SubmitReviewPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let aid = ids::decode("applicationId", "Application", &input.application_id)?;
        let mut f = convene_domain::Fields::new();
        let mut scores = Vec::new();
        for (i, s) in input.scores.iter().enumerate() {
            match ids::decode(
                &format!("scores.{i}.criterionId"),
                "Criterion",
                &s.criterion_id,
            ) {
                Ok(c) => scores.push((CriterionId(c), s.score, s.comment.as_str())),
                Err(e) => f.absorb(super::accounts::api_to_domain(e)),
            }
        }
        f.finish()?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let app = apps::get(&tx, aid)
            .await?
            .ok_or_else(|| ApiError::field("applicationId", "There is no such application"))?;
        let sel = CallSelection::load_for_change(&tx, app.call_id).await?;
        rules::check_can_review(
            status_now(&sel),
            sel.is_assigned(aid, v.person.0),
            sel.conflict(aid, v.person.0).is_some(),
        )?;
        rules::check_reviewable_application(apps::status(&app))?;
        let rubric: Vec<CriterionId> = sel.criteria.iter().map(|c| CriterionId(c.id)).collect();
        let checked = rules::check_review(&rubric, &scores)?;
        let rows: Vec<(Uuid, i32, String)> = checked
            .iter()
            .map(|(c, s, t)| (c.0, s.get() as i32, t.clone()))
            .collect();
        let before = sel.review_of(aid, v.person.0).map(|(_, s)| {
            s.iter()
                .map(|x| (x.criterion_id, x.score, x.comment.clone()))
                .collect::<Vec<_>>()
        });
        let review = repo::save_review(&tx, app.call_id, aid, v.person.0, &rows, now).await?;
        audit(
            &tx,
            Some(v.person.0),
            "Application",
            aid,
            if before.is_some() {
                "update_review"
            } else {
                "submit_review"
            },
            before.as_ref(),
            Some(&rows),
            now,
        )
        .await?;
        let saved = repo::reviews_of_applications(&tx, &[aid])
            .await?
            .remove(&aid)
            .unwrap_or_default();
        tx.commit().await?;
        let (model, scores) = saved
            .into_iter()
            .find(|(r, _)| r.id == review.id)
            .ok_or_else(|| ApiError::internal("saved review missing"))?;
        let weights: HashMap<Uuid, u32> = sel
            .criteria
            .iter()
            .map(|c| (c.id, c.weight as u32))
            .collect();
        let ws: Vec<(u32, rules::Score)> = scores
            .iter()
            .filter_map(|s| {
                Some((
                    *weights.get(&s.criterion_id)?,
                    rules::Score::parse("s", s.score).ok()?,
                ))
            })
            .collect();
        Ok(SubmitReviewPayload {
            review: Review {
                weighted_score: rules::weighted(&ws),
                model,
                scores,
            },
        })
    }

    /// E-mail every reviewer who has reviews outstanding (programme team only).
    async fn send_review_reminders(
        &self,
        ctx: &Context<'_>,
        input: SendReviewRemindersInput,
    ) -> ApiResult<SendReviewRemindersPayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let cid = call_id(&input.call_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let sel = CallSelection::load_for_change(&tx, cid).await?;
        let mut outstanding: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
        let in_running = |id: Uuid| {
            sel.application(id)
                .is_some_and(|a| apps::status(a) == ApplicationStatus::Submitted)
        };
        for a in &sel.assignments {
            if in_running(a.application_id)
                && sel.review_of(a.application_id, a.reviewer_id).is_none()
            {
                outstanding.entry(a.reviewer_id).or_default().push(a.id);
            }
        }
        let reviewers: Vec<Uuid> = outstanding.keys().copied().collect();
        let found =
            convene_store::by_ids::<convene_store::entities::person::Entity>(&tx, &reviewers)
                .await?;
        for p in &found {
            let ids_ = &outstanding[&p.id];
            mail::enqueue(
                &tx,
                &templates::review_reminder(
                    &p.email,
                    &sel.call.title,
                    ids_.len(),
                    &link(st, "/reviews"),
                ),
                now,
            )
            .await?;
            repo::mark_reminded(&tx, ids_, now).await?;
        }
        audit(
            &tx,
            Some(v.person.0),
            "Call",
            cid,
            "send_review_reminders",
            None,
            Some(&serde_json::json!({ "reminded": found.len() })),
            now,
        )
        .await?;
        tx.commit().await?;
        st.outbox_wake.notify_one();
        Ok(SendReviewRemindersPayload {
            reminded: found.len() as i32,
        })
    }

    /// Record the decision (the chair only, once): at most the call's places, at most one per
    /// domain, with a rationale. Every submitted application becomes FUNDED or NOT_FUNDED and
    /// each funded one's honorarium is split into proposed payments.
    async fn record_decision(
        &self,
        ctx: &Context<'_>,
        input: RecordDecisionInput,
    ) -> ApiResult<RecordDecisionPayload> {
        let chair = require_signed_in(viewer(ctx))?;
        let cmd = usecase::RecordDecision {
            call: ids::typed("callId", &input.call_id)?,
            funded: crate::ids::decode_all("fundedApplicationIds", &input.funded_application_ids)?,
            rationale: input.rationale,
        };
        let done = usecase::record_decision(state(ctx), chair, cmd).await?;
        Ok(RecordDecisionPayload {
            decision: Decision(done.decision),
            call: Call(done.call),
        })
    }

    /// Tell every applicant and co-lead their outcome by e-mail, once each (programme team only).
    async fn send_outcomes(
        &self,
        ctx: &Context<'_>,
        input: SendOutcomesInput,
    ) -> ApiResult<SendOutcomesPayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let cid = call_id(&input.call_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let call = calls::lock(&tx, cid)
            .await?
            .ok_or_else(|| ApiError::field("callId", "There is no such call"))?;
        rules::check_outcomes_sendable(calls::status(&call))?;
        let pending = crate::services::outcomes::pending(&tx, cid).await?;
        let mut domain_names: HashMap<Uuid, String> = HashMap::new();
        for p in &pending {
            if !domain_names.contains_key(&p.application.domain_id) {
                let name = domains::get(&tx, p.application.domain_id)
                    .await?
                    .map(|d| d.name)
                    .unwrap_or_default();
                domain_names.insert(p.application.domain_id, name);
            }
            let domain = &domain_names[&p.application.domain_id];
            let path = format!(
                "/applications/{}",
                ids::encode("Application", p.application.id).0
            );
            let m = if p.outcome == ApplicationStatus::Funded {
                templates::outcome_funded(
                    &p.participant.email,
                    &call.title,
                    domain,
                    &Pence::parse("h", call.honorarium_pence)
                        .map(|x| x.to_string())
                        .unwrap_or_default(),
                    &link(st, &path),
                )
            } else {
                templates::outcome_not_funded(
                    &p.participant.email,
                    &call.title,
                    domain,
                    &link(st, &path),
                )
            };
            mail::enqueue(&tx, &m, now).await?;
            if let Some(person) = p.participant.person_id {
                crate::notify::add(
                    &tx,
                    person,
                    crate::notify::Kind::OutcomeSent,
                    &format!("The outcome of your application in {domain} is ready"),
                    &path,
                    now,
                )
                .await?;
            }
            repo::record_notice(
                &tx,
                cid,
                p.application.id,
                p.participant.person_id,
                &p.participant.email,
                p.outcome.as_str(),
                now,
            )
            .await?;
        }
        audit(&tx, Some(v.person.0), "Call", cid, "send_outcomes", None, Some(&serde_json::json!({ "told": pending.len(), "decisionDueOn": long_date(call.decision_due_on) })), now).await?;
        if !pending.is_empty() {
            let mut told: Vec<String> = pending
                .iter()
                .map(|p| ids::encode("Application", p.application.id).0)
                .collect();
            told.sort();
            told.dedup();
            let data = serde_json::json!({ "callId": ids::encode("Call", cid).0, "callTitle": call.title, "applicationIds": told, "told": pending.len(), "sentAt": now });
            crate::webhooks::emit(&tx, "outcome.sent", data, now).await?;
        }
        tx.commit().await?;
        st.outbox_wake.notify_one();
        Ok(SendOutcomesPayload {
            told: pending.len() as i32,
            call: Call(call),
        })
    }
}
