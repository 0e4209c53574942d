//! Communities (SPEC §4): for now, starting one from a decided application (FAQ 8).

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::{relation, require_signed_in, ApplicationRelation};
use convene_domain::application::CoLeadState;
use convene_domain::community::origin_from_application;
use convene_store::begin_write;
use convene_store::repo::{applications as apps, communities, domains};

use super::audit;
use crate::graphql::context::{now, state, viewer};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use crate::graphql::types::community::{
    Community, CommunityInvitation, CommunityMember, DomainDefinitionVersion, JoinRequest,
};
use crate::graphql::types::enums::{MemberRole, MembershipMode, StartupStep};
use crate::mail::{self, templates};
use convene_domain::community as d;

#[derive(Default)]
pub struct CommunityMutations;

#[derive(InputObject)]
pub struct StartCommunityFromApplicationInput {
    pub application_id: ID,
}
#[derive(SimpleObject)]
pub struct StartCommunityFromApplicationPayload {
    pub community: Community,
}

#[derive(InputObject)]
pub struct CreateCommunityInput {
    pub name: String,
    pub domain_id: ID,
    pub membership_mode: MembershipMode,
    /// In the public directory (default true).
    #[graphql(default = true)]
    pub listed: bool,
}
#[derive(SimpleObject)]
pub struct CreateCommunityPayload {
    pub community: Community,
}

#[derive(InputObject)]
pub struct CompleteStartupStepInput {
    pub community_id: ID,
    pub step: StartupStep,
    pub notes: Option<String>,
}
#[derive(SimpleObject)]
pub struct CompleteStartupStepPayload {
    pub community: Community,
}

#[derive(InputObject)]
pub struct ReopenStartupStepInput {
    pub community_id: ID,
    pub step: StartupStep,
}
#[derive(SimpleObject)]
pub struct ReopenStartupStepPayload {
    pub community: Community,
}

#[derive(InputObject)]
pub struct ProposeDomainDefinitionInput {
    pub community_id: ID,
    pub text: String,
}
#[derive(SimpleObject)]
pub struct ProposeDomainDefinitionPayload {
    pub version: DomainDefinitionVersion,
}

#[derive(InputObject)]
pub struct AgreeDomainDefinitionInput {
    pub version_id: ID,
}
#[derive(SimpleObject)]
pub struct AgreeDomainDefinitionPayload {
    pub version: DomainDefinitionVersion,
    pub community: Community,
}

#[derive(InputObject)]
pub struct SetIntranetPageInput {
    pub community_id: ID,
    /// The intranet place (its URI), the parent of the published document.
    pub place_uri: String,
}
#[derive(SimpleObject)]
pub struct SetIntranetPagePayload {
    pub community: Community,
}

#[derive(InputObject)]
pub struct RetryIntranetPublicationInput {
    pub community_id: ID,
}
#[derive(SimpleObject)]
pub struct RetryIntranetPublicationPayload {
    pub community: Community,
}

#[derive(InputObject)]
pub struct InviteMemberInput {
    pub community_id: ID,
    pub email: String,
    /// Your own words: a warm, peer-toned invitation (FAQ 10).
    pub message: String,
}
#[derive(SimpleObject)]
pub struct InviteMemberPayload {
    pub invitation: CommunityInvitation,
}

#[derive(InputObject)]
pub struct AcceptInvitationInput {
    /// The token from the e-mailed link.
    pub token: String,
}
#[derive(SimpleObject)]
pub struct AcceptInvitationPayload {
    pub community: Community,
}

#[derive(InputObject)]
pub struct DeclineInvitationInput {
    pub token: String,
}
#[derive(SimpleObject)]
pub struct DeclineInvitationPayload {
    pub declined: bool,
}

#[derive(InputObject)]
pub struct JoinCommunityInput {
    pub community_id: ID,
    /// For ON_REQUEST communities: a note to the conveners.
    pub note: Option<String>,
}
#[derive(SimpleObject)]
pub struct JoinCommunityPayload {
    pub community: Community,
    /// Whether you are a member now (OPEN) or have asked to join (ON_REQUEST).
    pub joined: bool,
    pub request: Option<JoinRequest>,
}

#[derive(InputObject)]
pub struct LeaveCommunityInput {
    pub community_id: ID,
}
#[derive(SimpleObject)]
pub struct LeaveCommunityPayload {
    pub community: Community,
}

#[derive(InputObject)]
pub struct DecideJoinRequestInput {
    pub request_id: ID,
    pub approve: bool,
    /// Required when declining.
    pub reason: Option<String>,
}
#[derive(SimpleObject)]
pub struct DecideJoinRequestPayload {
    pub request: JoinRequest,
}

#[derive(InputObject)]
pub struct SetMemberRoleInput {
    pub community_id: ID,
    pub person_id: ID,
    pub role: MemberRole,
}
#[derive(SimpleObject)]
pub struct SetMemberRolePayload {
    pub member: CommunityMember,
}

async fn community_for_change(
    tx: &convene_store::sea_orm::DatabaseTransaction,
    id: &ID,
) -> ApiResult<convene_store::entities::community::Model> {
    let uuid = ids::decode("communityId", "Community", id)?;
    communities::lock(tx, uuid)
        .await?
        .ok_or_else(|| ApiError::field("communityId", "There is no such community"))
}

async fn my_role(
    tx: &convene_store::sea_orm::DatabaseTransaction,
    community: uuid::Uuid,
    person: uuid::Uuid,
) -> ApiResult<Option<d::MemberRole>> {
    Ok(communities::member(tx, community, person)
        .await?
        .and_then(|m| d::MemberRole::from_str(&m.role)))
}

/// Queue the publication of the community's agreed definition to the intranet, in the
/// caller's transaction.
async fn publish(
    tx: &convene_store::sea_orm::DatabaseTransaction,
    community: uuid::Uuid,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<()> {
    convene_store::repo::intranet::mark_pending(tx, community, now).await?;
    convene_store::repo::outbox::enqueue(
        tx,
        crate::intranet::KIND,
        &crate::intranet::payload(community),
        now,
    )
    .await?;
    Ok(())
}

/// Complete (`done`) or reopen a start-up step, as its owner may (FAQ 10).
async fn work_on_step(
    ctx: &Context<'_>,
    community_id: &ID,
    step: d::StartupStep,
    done: bool,
    notes: Option<&str>,
) -> ApiResult<Community> {
    let st = state(ctx);
    let v = require_signed_in(viewer(ctx))?;
    let now = now();
    let tx = begin_write(&st.db).await?;
    let c = community_for_change(&tx, community_id).await?;
    d::check_can_work_on_step(step, my_role(&tx, c.id, v.person.0).await?, stage(&c))?;
    let row = communities::set_step(&tx, c.id, step.as_str(), done, notes, v.person.0, now).await?;
    let action = if done {
        "complete_startup_step"
    } else {
        "reopen_startup_step"
    };
    audit(
        &tx,
        Some(v.person.0),
        "Community",
        c.id,
        action,
        None,
        Some(&row),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Community(c))
}

/// How many conveners a community has now.
async fn conveners(
    tx: &convene_store::sea_orm::DatabaseTransaction,
    community: uuid::Uuid,
) -> ApiResult<usize> {
    let members = communities::members_of(tx, &[community])
        .await?
        .remove(&community)
        .unwrap_or_default();
    Ok(members
        .iter()
        .filter(|m| m.role == d::MemberRole::Convener.as_str())
        .count())
}

fn stage(c: &convene_store::entities::community::Model) -> d::Stage {
    d::Stage::from_str(&c.stage).unwrap_or(d::Stage::Forming)
}

#[Object]
impl CommunityMutations {
    /// Start a community (anyone signed in); you become its convener.
    async fn create_community(
        &self,
        ctx: &Context<'_>,
        input: CreateCommunityInput,
    ) -> ApiResult<CreateCommunityPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let mut f = convene_domain::Fields::new();
        let name = f.take(d::parse_name("name", &input.name));
        let domain_id = f.take(
            ids::decode("domainId", "Domain", &input.domain_id)
                .map_err(super::accounts::api_to_domain),
        );
        let now = now();
        let tx = begin_write(&st.db).await?;
        if let Some(id) = domain_id {
            match domains::get(&tx, id).await? {
                Some(dm) => {
                    f.take(convene_domain::catalogue::check_open_for_applications(
                        domains::status(&dm),
                    ));
                }
                None => f.add("domainId", "Choose a domain from the list"),
            }
        }
        f.finish()?;
        let mode: d::MembershipMode = input.membership_mode.into();
        let c = communities::create(
            &tx,
            communities::NewCommunity {
                name: &name.expect("checked"),
                domain_id: domain_id.expect("checked"),
                origin: d::Origin::SelfOrganised.as_str(),
                application_id: None,
                funded: false,
                membership_mode: mode.as_str(),
                listed: input.listed,
                created_by: v.person.0,
            },
            &[v.person.0],
            now,
        )
        .await?;
        audit(
            &tx,
            Some(v.person.0),
            "Community",
            c.id,
            "create",
            None,
            Some(&c),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(CreateCommunityPayload {
            community: Community(c),
        })
    }

    /// Mark a start-up step done, with notes (its owner; any core member once active).
    async fn complete_startup_step(
        &self,
        ctx: &Context<'_>,
        input: CompleteStartupStepInput,
    ) -> ApiResult<CompleteStartupStepPayload> {
        let notes = input
            .notes
            .as_deref()
            .map(|n| d::parse_note("notes", Some(n)))
            .transpose()?;
        let community = work_on_step(
            ctx,
            &input.community_id,
            input.step.into(),
            true,
            notes.as_deref(),
        )
        .await?;
        Ok(CompleteStartupStepPayload { community })
    }

    /// Reopen a start-up step.
    async fn reopen_startup_step(
        &self,
        ctx: &Context<'_>,
        input: ReopenStartupStepInput,
    ) -> ApiResult<ReopenStartupStepPayload> {
        let community =
            work_on_step(ctx, &input.community_id, input.step.into(), false, None).await?;
        Ok(ReopenStartupStepPayload { community })
    }

    /// Propose a new version of the domain definition (conveners and core group).
    async fn propose_domain_definition(
        &self,
        ctx: &Context<'_>,
        input: ProposeDomainDefinitionInput,
    ) -> ApiResult<ProposeDomainDefinitionPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let text = d::parse_definition("text", &input.text)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let c = community_for_change(&tx, &input.community_id).await?;
        d::check_runs_it(
            my_role(&tx, c.id, v.person.0).await?,
            "propose its domain definition",
        )?;
        let version = communities::propose_definition(&tx, c.id, &text, v.person.0, now).await?;
        audit(
            &tx,
            Some(v.person.0),
            "Community",
            c.id,
            "propose_domain_definition",
            None,
            Some(&version),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(ProposeDomainDefinitionPayload {
            version: DomainDefinitionVersion(version),
        })
    }

    /// Agree a version of the domain definition (a convener or core member); it becomes the
    /// community's definition, and who agreed it and when is kept.
    async fn agree_domain_definition(
        &self,
        ctx: &Context<'_>,
        input: AgreeDomainDefinitionInput,
    ) -> ApiResult<AgreeDomainDefinitionPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::decode("versionId", "DomainDefinitionVersion", &input.version_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let version = communities::definition(&tx, id)
            .await?
            .ok_or_else(|| ApiError::field("versionId", "There is no such version"))?;
        let c = communities::lock(&tx, version.community_id)
            .await?
            .ok_or_else(|| ApiError::internal("community missing"))?;
        d::check_runs_it(
            my_role(&tx, c.id, v.person.0).await?,
            "agree its domain definition",
        )?;
        if version.agreed_at.is_some() {
            return Err(ApiError::new(
                "INVALID_STATE",
                "This version has already been agreed",
            ));
        }
        let agreed = communities::agree_definition(&tx, version.clone(), v.person.0, now).await?;
        if c.intranet_place_uri.is_some() {
            publish(&tx, c.id, now).await?;
        }
        audit(
            &tx,
            Some(v.person.0),
            "Community",
            c.id,
            "agree_domain_definition",
            Some(&version),
            Some(&agreed),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(AgreeDomainDefinitionPayload {
            version: DomainDefinitionVersion(agreed),
            community: Community(c),
        })
    }

    /// Set the community's intranet place (conveners and core group); an agreed definition is
    /// then published there.
    async fn set_intranet_page(
        &self,
        ctx: &Context<'_>,
        input: SetIntranetPageInput,
    ) -> ApiResult<SetIntranetPagePayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let place = d::parse_place_uri("placeUri", &input.place_uri)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let c = community_for_change(&tx, &input.community_id).await?;
        d::check_runs_it(
            my_role(&tx, c.id, v.person.0).await?,
            "set its intranet page",
        )?;
        let after = convene_store::repo::intranet::set_place(&tx, c.clone(), &place).await?;
        if communities::agreed_definition(&tx, c.id).await?.is_some() {
            publish(&tx, c.id, now).await?;
        }
        audit(
            &tx,
            Some(v.person.0),
            "Community",
            c.id,
            "set_intranet_page",
            Some(&c),
            Some(&after),
            now,
        )
        .await?;
        tx.commit().await?;
        st.outbox_wake.notify_one();
        Ok(SetIntranetPagePayload {
            community: Community(after),
        })
    }

    /// Try the intranet publication again by hand (conveners and core group).
    async fn retry_intranet_publication(
        &self,
        ctx: &Context<'_>,
        input: RetryIntranetPublicationInput,
    ) -> ApiResult<RetryIntranetPublicationPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let c = community_for_change(&tx, &input.community_id).await?;
        d::check_runs_it(
            my_role(&tx, c.id, v.person.0).await?,
            "retry its intranet publication",
        )?;
        if communities::agreed_definition(&tx, c.id).await?.is_none() {
            return Err(ApiError::new(
                "INVALID_STATE",
                "Agree a domain definition first: that is what is published",
            ));
        }
        publish(&tx, c.id, now).await?;
        audit(
            &tx,
            Some(v.person.0),
            "Community",
            c.id,
            "retry_intranet_publication",
            None,
            Some(&serde_json::json!({})),
            now,
        )
        .await?;
        tx.commit().await?;
        st.outbox_wake.notify_one();
        Ok(RetryIntranetPublicationPayload {
            community: Community(c),
        })
    }

    /// Invite someone, with or without an account, by e-mail (conveners and core group). The
    /// link carries a single-use token that works for two weeks.
    async fn invite_member(
        &self,
        ctx: &Context<'_>,
        input: InviteMemberInput,
    ) -> ApiResult<InviteMemberPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let mut f = convene_domain::Fields::new();
        let email = f.take(convene_domain::account::Email::parse("email", &input.email));
        let message = f.take(d::parse_invitation_message("message", &input.message));
        f.finish()?;
        let (email, message) = (email.expect("checked"), message.expect("checked"));
        let now = now();
        let tx = begin_write(&st.db).await?;
        let c = community_for_change(&tx, &input.community_id).await?;
        d::check_runs_it(my_role(&tx, c.id, v.person.0).await?, "invite people")?;
        if stage(&c) == d::Stage::Closed {
            return Err(ApiError::new("INVALID_STATE", "This community has closed"));
        }
        if let Some(p) = convene_store::repo::people::find_by_email(&tx, email.as_str()).await? {
            if communities::member(&tx, c.id, p.id).await?.is_some() {
                return Err(convene_domain::DomainError::conflict_on(
                    "email",
                    "This person is already a member",
                )
                .into());
            }
        }
        let token = crate::auth::random_token(32);
        let inv = communities::invite(
            &tx,
            c.id,
            email.as_str(),
            &message,
            &crate::auth::token_hash(&token),
            v.person.0,
            now,
        )
        .await?;
        let inviter = convene_store::repo::people::get(&tx, v.person.0)
            .await?
            .map(|p| p.name)
            .unwrap_or_default();
        let link = format!(
            "{}/invitations/{token}",
            st.config.public_url.trim_end_matches('/')
        );
        mail::enqueue(
            &tx,
            &templates::community_invitation(email.as_str(), &inviter, &c.name, &message, &link),
            now,
        )
        .await?;
        audit(
            &tx,
            Some(v.person.0),
            "Community",
            c.id,
            "invite_member",
            None,
            Some(&inv),
            now,
        )
        .await?;
        tx.commit().await?;
        st.outbox_wake.notify_one();
        Ok(InviteMemberPayload {
            invitation: CommunityInvitation(inv),
        })
    }

    /// Accept an invitation by its token (signed in, with any account: the link is the proof).
    async fn accept_invitation(
        &self,
        ctx: &Context<'_>,
        input: AcceptInvitationInput,
    ) -> ApiResult<AcceptInvitationPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let inv =
            communities::invitation_by_token(&tx, &crate::auth::token_hash(input.token.trim()))
                .await?
                .ok_or_else(|| ApiError::field("token", "This invitation link is not valid"))?;
        d::check_invitation_usable(d::invitation_state(inv.accepted, inv.sent_at, now))?;
        let c = communities::lock(&tx, inv.community_id)
            .await?
            .ok_or_else(|| ApiError::internal("community missing"))?;
        if communities::member(&tx, c.id, v.person.0).await?.is_none() {
            communities::add_member(&tx, c.id, v.person.0, d::MemberRole::Member.as_str(), now)
                .await?;
        }
        let after =
            communities::answer_invitation(&tx, inv.clone(), Some(v.person.0), true, now).await?;
        audit(
            &tx,
            Some(v.person.0),
            "Community",
            c.id,
            "accept_invitation",
            Some(&inv),
            Some(&after),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(AcceptInvitationPayload {
            community: Community(c),
        })
    }

    /// Decline an invitation by its token; no account needed.
    async fn decline_invitation(
        &self,
        ctx: &Context<'_>,
        input: DeclineInvitationInput,
    ) -> ApiResult<DeclineInvitationPayload> {
        let st = state(ctx);
        let now = now();
        let tx = begin_write(&st.db).await?;
        let inv =
            communities::invitation_by_token(&tx, &crate::auth::token_hash(input.token.trim()))
                .await?
                .ok_or_else(|| ApiError::field("token", "This invitation link is not valid"))?;
        d::check_invitation_usable(d::invitation_state(inv.accepted, inv.sent_at, now))?;
        let who = viewer(ctx).map(|v| v.person.0);
        let after = communities::answer_invitation(&tx, inv.clone(), who, false, now).await?;
        audit(
            &tx,
            viewer(ctx).map(|v| v.person.0),
            "Community",
            inv.community_id,
            "decline_invitation",
            Some(&inv),
            Some(&after),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(DeclineInvitationPayload { declined: true })
    }

    /// Join an OPEN community, or ask to join an ON_REQUEST one (with an optional note).
    async fn join_community(
        &self,
        ctx: &Context<'_>,
        input: JoinCommunityInput,
    ) -> ApiResult<JoinCommunityPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let note = d::parse_note("note", input.note.as_deref())?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let c = community_for_change(&tx, &input.community_id).await?;
        if communities::member(&tx, c.id, v.person.0).await?.is_some() {
            return Err(convene_domain::DomainError::conflict_on(
                "communityId",
                "You are already a member of this community",
            )
            .into());
        }
        let mode =
            d::MembershipMode::from_str(&c.membership_mode).unwrap_or(d::MembershipMode::OnRequest);
        let outcome = d::join(mode, stage(&c))?;
        let (joined, request) = match outcome {
            d::JoinOutcome::Joined => {
                let m = communities::add_member(
                    &tx,
                    c.id,
                    v.person.0,
                    d::MemberRole::Member.as_str(),
                    now,
                )
                .await?;
                audit(
                    &tx,
                    Some(v.person.0),
                    "Community",
                    c.id,
                    "join",
                    None,
                    Some(&m),
                    now,
                )
                .await?;
                (true, None)
            }
            d::JoinOutcome::Requested => {
                if communities::pending_request(&tx, c.id, v.person.0)
                    .await?
                    .is_some()
                {
                    return Err(convene_domain::DomainError::conflict_on(
                        "communityId",
                        "You have already asked to join: the conveners will answer",
                    )
                    .into());
                }
                let r = communities::request_to_join(&tx, c.id, v.person.0, &note, now).await?;
                audit(
                    &tx,
                    Some(v.person.0),
                    "Community",
                    c.id,
                    "request_to_join",
                    None,
                    Some(&r),
                    now,
                )
                .await?;
                (false, Some(JoinRequest(r)))
            }
        };
        tx.commit().await?;
        Ok(JoinCommunityPayload {
            community: Community(c),
            joined,
            request,
        })
    }

    /// Leave a community at any time; the last convener must hand over first.
    async fn leave_community(
        &self,
        ctx: &Context<'_>,
        input: LeaveCommunityInput,
    ) -> ApiResult<LeaveCommunityPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let c = community_for_change(&tx, &input.community_id).await?;
        let me = communities::member(&tx, c.id, v.person.0)
            .await?
            .ok_or_else(|| {
                ApiError::field("communityId", "You are not a member of this community")
            })?;
        let conveners = conveners(&tx, c.id).await?;
        d::check_can_leave(
            d::MemberRole::from_str(&me.role).unwrap_or(d::MemberRole::Member),
            conveners,
        )?;
        communities::remove_member(&tx, me.clone()).await?;
        audit(
            &tx,
            Some(v.person.0),
            "Community",
            c.id,
            "leave",
            Some(&me),
            None,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(LeaveCommunityPayload {
            community: Community(c),
        })
    }

    /// Approve or decline a request to join (conveners and core group); declining needs a reason.
    async fn decide_join_request(
        &self,
        ctx: &Context<'_>,
        input: DecideJoinRequestInput,
    ) -> ApiResult<DecideJoinRequestPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::decode("requestId", "JoinRequest", &input.request_id)?;
        let reason = d::check_join_decision(input.approve, input.reason.as_deref())?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let r = communities::request(&tx, id)
            .await?
            .ok_or_else(|| ApiError::field("requestId", "There is no such request"))?;
        d::check_runs_it(
            my_role(&tx, r.community_id, v.person.0).await?,
            "decide on requests to join",
        )?;
        let current = d::RequestStatus::from_str(&r.status).unwrap_or(d::RequestStatus::Pending);
        let status = d::decide_request(current, input.approve)?.as_str();
        if input.approve
            && communities::member(&tx, r.community_id, r.person_id)
                .await?
                .is_none()
        {
            communities::add_member(
                &tx,
                r.community_id,
                r.person_id,
                d::MemberRole::Member.as_str(),
                now,
            )
            .await?;
        }
        let after =
            communities::decide_request(&tx, r.clone(), status, reason, v.person.0, now).await?;
        audit(
            &tx,
            Some(v.person.0),
            "Community",
            r.community_id,
            "decide_join_request",
            Some(&r),
            Some(&after),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(DecideJoinRequestPayload {
            request: JoinRequest(after),
        })
    }

    /// Make someone a co-convener, core member or member (conveners only); the last convener stays.
    async fn set_member_role(
        &self,
        ctx: &Context<'_>,
        input: SetMemberRoleInput,
    ) -> ApiResult<SetMemberRolePayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let pid = ids::decode("personId", "Person", &input.person_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let c = community_for_change(&tx, &input.community_id).await?;
        let actor = my_role(&tx, c.id, v.person.0).await?.ok_or_else(|| {
            ApiError::new("FORBIDDEN", "Only a convener can change members' roles")
        })?;
        let target = communities::member(&tx, c.id, pid)
            .await?
            .ok_or_else(|| ApiError::field("personId", "This person is not a member"))?;
        let conveners = conveners(&tx, c.id).await?;
        let to: d::MemberRole = input.role.into();
        d::check_role_change(
            actor,
            d::MemberRole::from_str(&target.role).unwrap_or(d::MemberRole::Member),
            to,
            conveners,
        )?;
        let after = communities::set_role(&tx, target.clone(), to.as_str()).await?;
        audit(
            &tx,
            Some(v.person.0),
            "Community",
            c.id,
            "set_member_role",
            Some(&target),
            Some(&after),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(SetMemberRolePayload {
            member: CommunityMember(after),
        })
    }

    /// Turn a decided application, funded or not, into a community with its lead and co-leads
    /// as conveners (the lead, a co-lead or the programme team). Unfunded communities keep the
    /// network's admin and coaching support (FAQ 8).
    async fn start_community_from_application(
        &self,
        ctx: &Context<'_>,
        input: StartCommunityFromApplicationInput,
    ) -> ApiResult<StartCommunityFromApplicationPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let aid = ids::decode("applicationId", "Application", &input.application_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let app = apps::get(&tx, aid)
            .await?
            .ok_or_else(|| ApiError::field("applicationId", "There is no such application"))?;
        let parts = apps::participants_of(&tx, &[aid])
            .await?
            .remove(&aid)
            .unwrap_or_default();
        let rule = apps::as_rule_participants(&parts, &Default::default());
        if !v.is_programme_team()
            && !matches!(
                relation(v, &rule),
                ApplicationRelation::Lead | ApplicationRelation::CoLead
            )
        {
            return Err(ApiError::new("FORBIDDEN", "Only the applicants (or the programme team) can start a community from this application"));
        }
        let told = convene_store::repo::selection::told_applications(&tx, &[aid])
            .await?
            .contains(&aid);
        let on_panel = convene_store::repo::selection::panel(&tx, app.call_id)
            .await?
            .iter()
            .any(|m| m.person_id == v.person.0);
        if !convene_domain::selection::outcome_visible(v.is_programme_team(), on_panel, told) {
            return Err(ApiError::new(
                "INVALID_STATE",
                "The outcome of this application has not been sent yet",
            ));
        }
        let origin = origin_from_application(apps::status(&app))?;
        if communities::of_application(&tx, aid).await?.is_some() {
            return Err(ApiError::from(convene_domain::DomainError::conflict_on(
                "applicationId",
                "A community has already been started from this application",
            )));
        }
        let domain = domains::get(&tx, app.domain_id)
            .await?
            .map(|d| d.name)
            .unwrap_or_default();
        let conveners: Vec<uuid::Uuid> = parts
            .iter()
            .filter(|p| apps::co_lead_state(p) == CoLeadState::Accepted)
            .filter_map(|p| p.person_id)
            .collect();
        let c = communities::create(
            &tx,
            communities::NewCommunity {
                name: &format!("{domain} community of practice"),
                domain_id: app.domain_id,
                origin: origin.as_str(),
                application_id: Some(aid),
                funded: origin == convene_domain::community::Origin::FundedApplication,
                membership_mode: convene_domain::community::MembershipMode::OnRequest.as_str(),
                listed: true,
                created_by: v.person.0,
            },
            &conveners,
            now,
        )
        .await?;
        audit(
            &tx,
            Some(v.person.0),
            "Community",
            c.id,
            "start_from_application",
            None,
            Some(&c),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(StartCommunityFromApplicationPayload {
            community: Community(c),
        })
    }
}
