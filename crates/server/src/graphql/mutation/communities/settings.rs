//! Steering a community: its name, membership mode, listing and stage (its conveners, or the
//! programme team), and its coach (the programme team).

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::{require_role, require_signed_in};
use convene_domain::account::Role;
use convene_domain::Fields;
use convene_store::begin_write;
use convene_store::repo::{communities, people};

use super::super::audit;
use super::*;
use crate::graphql::error::ApiResult;
use crate::graphql::types::enums::{CommunityStage, MembershipMode};

/// Only the fields given change.
#[derive(InputObject)]
pub struct UpdateCommunityInput {
    pub community_id: ID,
    pub name: Option<String>,
    pub membership_mode: Option<MembershipMode>,
    pub listed: Option<bool>,
    /// forming → active → dormant → closed; a dormant community can become active again.
    pub stage: Option<CommunityStage>,
}
#[derive(SimpleObject)]
pub struct UpdateCommunityPayload {
    pub community: Community,
}

#[derive(InputObject)]
pub struct AssignCoachInput {
    pub community_id: ID,
    /// Someone with the COACH role; null to remove the coach.
    pub coach_id: Option<ID>,
}
#[derive(SimpleObject)]
pub struct AssignCoachPayload {
    pub community: Community,
}

#[derive(Default)]
pub struct CommunitySettingsMutations;

#[Object]
impl CommunitySettingsMutations {
    /// Change a community's name, membership mode, listing or stage (its conveners; the
    /// programme team).
    async fn update_community(
        &self,
        ctx: &Context<'_>,
        input: UpdateCommunityInput,
    ) -> ApiResult<UpdateCommunityPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let mut f = Fields::new();
        let name = input
            .name
            .as_deref()
            .and_then(|n| f.take(d::parse_name("name", n)));
        let now = now();
        let tx = begin_write(&st.db).await?;
        let before = community_for_change(&tx, &input.community_id).await?;
        d::check_can_steer(
            my_role(&tx, before.id, v.person.0).await?,
            v.is_programme_team(),
        )?;
        d::check_open(stage(&before))?;
        f.finish()?;
        let mut after = before.clone();
        if let Some(n) = name {
            after.name = n;
        }
        if let Some(m) = input.membership_mode {
            after.membership_mode = d::MembershipMode::from(m).as_str().to_string();
        }
        if let Some(l) = input.listed {
            after.listed = l;
        }
        if let Some(s) = input.stage {
            let to: d::Stage = s.into();
            if to != stage(&before) {
                d::check_stage_change(stage(&before), to)?;
                after.stage = to.as_str().to_string();
            }
        }
        let saved = communities::save_settings(&tx, after).await?;
        audit(
            &tx,
            Some(v.person.0),
            "Community",
            saved.id,
            "update_community",
            Some(&before),
            Some(&saved),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(UpdateCommunityPayload {
            community: Community(saved),
        })
    }

    /// Give a community its coach, or take the coach away (the programme team).
    async fn assign_coach(
        &self,
        ctx: &Context<'_>,
        input: AssignCoachInput,
    ) -> ApiResult<AssignCoachPayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let coach = input
            .coach_id
            .as_ref()
            .map(|c| ids::decode("coachId", "Person", c))
            .transpose()?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let before = community_for_change(&tx, &input.community_id).await?;
        d::check_open(stage(&before))?;
        if let Some(p) = coach {
            let roles = people::roles_of(&tx, &[p])
                .await?
                .remove(&p)
                .unwrap_or_default();
            d::check_coach(&roles)?;
        }
        let mut after = before.clone();
        after.coach_id = coach;
        let saved = communities::save_settings(&tx, after).await?;
        audit(
            &tx,
            Some(v.person.0),
            "Community",
            saved.id,
            "assign_coach",
            Some(&before),
            Some(&saved),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(AssignCoachPayload {
            community: Community(saved),
        })
    }
}
