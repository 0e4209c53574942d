//! THE table: who may do and see what (SPEC §7 and the doc comments of the schema). Each row
//! names who is allowed; everyone else is derived — anonymous callers are told to sign in,
//! partner systems are refused every mutation and see no sensitive field, other people are
//! refused (or, where the API does not tell them the thing exists, hidden) — with explicit
//! overrides where the answer differs. Destructive rows come last or aim at spare targets.

use convene_blackbox::{call_input, unknown_id, PASSWORD};
use serde_json::{json, Value};

use super::Outcome::{self, *};
use super::{Caller, Caller::*, Op, Row, Vars, World};

const TEAM: &[Caller] = &[ProgrammeTeam];
const PEOPLE: &[Caller] = &Caller::PEOPLE;
const EVERYONE: &[Caller] = &[
    Anonymous,
    Applicant,
    CoLead,
    OtherApplicant,
    PanelMember,
    ConflictedPanelMember,
    Chair,
    Convener,
    CoreMember,
    Member,
    Outsider,
    Unverified,
    Coach,
    ProgrammeTeam,
];
const APPLICANTS: &[Caller] = &[Applicant, CoLead];
/// Those who read an application: its applicants, the unconflicted panel and the team.
const READERS: &[Caller] = &[Applicant, CoLead, PanelMember, Chair, ProgrammeTeam];
const PANEL: &[Caller] = &[PanelMember, ConflictedPanelMember, Chair];
const PANEL_TEAM: &[Caller] = &[PanelMember, ConflictedPanelMember, Chair, ProgrammeTeam];
const UNCONFLICTED_TEAM: &[Caller] = &[PanelMember, Chair, ProgrammeTeam];
/// The conveners and core group, who run a community.
const RUNNERS: &[Caller] = &[Convener, CoreMember];
const RUNNERS_TEAM: &[Caller] = &[Convener, CoreMember, ProgrammeTeam];
const MEMBERS: &[Caller] = &[Convener, CoreMember, Member];
const MEMBERS_TEAM: &[Caller] = &[Convener, CoreMember, Member, ProgrammeTeam];

pub fn mutation(name: &'static str, vars: Vars) -> Row {
    Row {
        op: Op::Mutation(name),
        vars,
        allow: &[],
        others: Forbidden,
        anonymous: Unauthenticated,
        partners: Forbidden,
        overrides: Vec::new(),
    }
}

pub fn field(
    label: &'static str,
    doc: &'static str,
    path: &'static [&'static str],
    vars: Vars,
) -> Row {
    Row {
        op: Op::Field { label, doc, path },
        vars,
        allow: &[],
        others: Hidden,
        anonymous: Hidden,
        partners: Hidden,
        overrides: Vec::new(),
    }
}

/// A download whose answer for anonymous callers and partner systems (whose tokens name no
/// person) is a 401.
pub fn export(label: &'static str, vars: Vars) -> Row {
    Row {
        op: Op::Export { label },
        vars,
        allow: &[],
        others: Forbidden,
        anonymous: Unauthenticated,
        partners: Unauthenticated,
        overrides: Vec::new(),
    }
}

impl Row {
    pub fn allow(mut self, who: &'static [Caller]) -> Self {
        self.allow = who;
        self
    }
    /// Anonymous callers are asked to sign in (rather than shown nothing).
    pub fn sign_in(mut self) -> Self {
        self.anonymous = Unauthenticated;
        self
    }
    /// People who may not are not told the target exists.
    pub fn hides(mut self) -> Self {
        self.others = Hidden;
        self
    }
    pub fn except(mut self, who: Caller, o: Outcome) -> Self {
        self.overrides.push((who, o));
        self
    }
}

fn today() -> String {
    chrono::Utc::now().date_naive().to_string()
}

fn scores(w: &World) -> Value {
    w.criteria
        .iter()
        .map(|c| json!({ "criterionId": c, "score": 3, "comment": "Fair" }))
        .collect()
}

const MESSAGE: &str = "Would you like to join our peers? We meet monthly.";

pub fn rows() -> Vec<Row> {
    let mut rows = fields();
    rows.extend(exports());
    rows.extend(mutations());
    rows.extend(destructive());
    rows
}

/// Every export route (issue 15): each answers whom its GraphQL field answers, by the same
/// rule. The world's call is decided, so every panel member's own reviews are in.
fn exports() -> Vec<Row> {
    vec![
        export("GET applications.csv", |w, _| {
            json!({ "path": format!("/exports/calls/{}/applications.csv", w.call) })
        })
        .allow(PANEL_TEAM),
        // as in Call.ranking: a member conflicted on A is not given A's row
        export("GET applications.csv → A's row", |w, _| {
            json!({ "path": format!("/exports/calls/{}/applications.csv", w.call), "mark": w.app_a })
        })
        .allow(UNCONFLICTED_TEAM)
        .except(ConflictedPanelMember, Hidden),
        export("GET honoraria.csv", |w, _| {
            json!({ "path": format!("/exports/calls/{}/honoraria.csv", w.call) })
        })
        .allow(TEAM),
        export("GET dashboard/honoraria.csv", |_, _| {
            json!({ "path": "/exports/dashboard/honoraria.csv" })
        })
        .allow(TEAM),
        export("GET dashboard/review-progress.csv", |w, _| {
            json!({ "path": format!("/exports/dashboard/review-progress.csv?callId={}", w.call) })
        })
        .allow(TEAM),
        export("GET members.csv", |w, _| {
            json!({ "path": format!("/exports/communities/{}/members.csv", w.community) })
        })
        .allow(&[Convener, ProgrammeTeam]),
        // as Person.email: another member's address is not in the convener's file (the mark is
        // the address cell: test people are named after their addresses)
        export("GET members.csv → a member's address", |w, _| {
            json!({ "path": format!("/exports/communities/{}/members.csv", w.community), "mark": ",member@hillside.nhs.uk," })
        })
        .allow(TEAM)
        .except(Convener, Hidden),
    ]
}

fn fields() -> Vec<Row> {
    vec![
        // ---- applications and selection (SPEC §1, §2)
        field(
            "Application.motivation",
            "query($id: ID!) { application(id: $id) { motivation } }",
            &["application", "motivation"],
            |w, _| json!({ "id": w.app_a }),
        )
        .allow(READERS)
        .sign_in(),
        field(
            "node(Application).motivation",
            "query($id: ID!) { node(id: $id) { ... on Application { motivation } } }",
            &["node", "motivation"],
            |w, _| json!({ "id": w.app_a }),
        )
        .allow(READERS)
        .sign_in(),
        // the same text reached through the selection's other paths
        field(
            "Call.conflicts → Application.motivation",
            "query($id: ID!) { call(id: $id) { conflicts { application { motivation } } } }",
            &["call", "conflicts", "0", "application", "motivation"],
            |w, _| json!({ "id": w.call }),
        )
        .allow(TEAM)
        .sign_in(),
        field(
            "Call.decision.funded → Application.motivation",
            "query($id: ID!) { call(id: $id) { decision { funded { motivation } } } }",
            &["call", "decision", "funded", "0", "motivation"],
            |w, _| json!({ "id": w.call }),
        )
        .allow(UNCONFLICTED_TEAM)
        .sign_in(),
        field(
            "Application.reviews",
            "query($id: ID!) { application(id: $id) { reviews { id } } }",
            &["application", "reviews"],
            |w, _| json!({ "id": w.app_a }),
        )
        .allow(UNCONFLICTED_TEAM)
        .sign_in(),
        // applicants learn the outcome when they are told it; the panel sees it at once
        field(
            "Application.outcome (not yet told)",
            "query($id: ID!) { application(id: $id) { outcome } }",
            &["application", "outcome"],
            |w, _| json!({ "id": w.app_a }),
        )
        .allow(UNCONFLICTED_TEAM)
        .sign_in(),
        field(
            "Call.decision",
            "query($id: ID!) { call(id: $id) { decision { rationale } } }",
            &["call", "decision"],
            |w, _| json!({ "id": w.call }),
        )
        .allow(PANEL_TEAM)
        .sign_in(),
        field(
            "Call.ranking",
            "query($id: ID!) { call(id: $id) { ranking { rank } } }",
            &["call", "ranking"],
            |w, _| json!({ "id": w.call }),
        )
        .allow(PANEL_TEAM)
        .sign_in(),
        field(
            "Call.allocationProposal",
            "query($id: ID!) { call(id: $id) { allocationProposal { funded { id } } } }",
            &["call", "allocationProposal"],
            |w, _| json!({ "id": w.call }),
        )
        .allow(PANEL_TEAM)
        .sign_in(),
        field(
            "Call.panel",
            "query($id: ID!) { call(id: $id) { panel { chair } } }",
            &["call", "panel"],
            |w, _| json!({ "id": w.call }),
        )
        .allow(PANEL_TEAM)
        .sign_in(),
        field(
            "Call.conflicts",
            "query($id: ID!) { call(id: $id) { conflicts { reason } } }",
            &["call", "conflicts"],
            |w, _| json!({ "id": w.call }),
        )
        .allow(PANEL_TEAM)
        .sign_in(),
        // a draft call's rubric is for whoever may see the draft: the programme team
        field(
            "node(Criterion of a draft call)",
            "query($id: ID!) { node(id: $id) { ... on Criterion { weight } } }",
            &["node", "weight"],
            |w, _| json!({ "id": w.draft_criterion }),
        )
        .allow(TEAM),
        field(
            "Call.applications",
            "query($id: ID!) { call(id: $id) { applications { totalCount } } }",
            &["call", "applications"],
            |w, _| json!({ "id": w.call }),
        )
        .allow(TEAM)
        .sign_in(),
        field(
            "Call.assignments",
            "query($id: ID!) { call(id: $id) { assignments { id } } }",
            &["call", "assignments"],
            |w, _| json!({ "id": w.call }),
        )
        .allow(TEAM)
        .sign_in(),
        field(
            "Call.pendingOutcomes.email",
            "query($id: ID!) { call(id: $id) { pendingOutcomes { email } } }",
            &["call", "pendingOutcomes"],
            |w, _| json!({ "id": w.call }),
        )
        .allow(TEAM)
        .sign_in(),
        field(
            "Call.outcomesPending",
            "query($id: ID!) { call(id: $id) { outcomesPending } }",
            &["call", "outcomesPending"],
            |w, _| json!({ "id": w.call }),
        )
        .allow(TEAM)
        .sign_in(),
        // ---- honoraria (SPEC §3)
        field(
            "Call.honoraria",
            "query($id: ID!) { call(id: $id) { honoraria { shares { amountPence } } } }",
            &["call", "honoraria"],
            |w, _| json!({ "id": w.call }),
        )
        .allow(TEAM)
        .sign_in(),
        field(
            "Call.honorariaTotals",
            "query($id: ID!) { call(id: $id) { honorariaTotals { paidPence } } }",
            &["call", "honorariaTotals"],
            |w, _| json!({ "id": w.call }),
        )
        .allow(TEAM)
        .sign_in(),
        field(
            "node(HonorariumShare).amountPence",
            "query($id: ID!) { node(id: $id) { ... on HonorariumShare { amountPence } } }",
            &["node", "amountPence"],
            |w, _| json!({ "id": w.co_lead_share }),
        )
        .allow(TEAM)
        .sign_in(),
        // ---- people (SPEC §7)
        field(
            "Person.email",
            "query($id: ID!) { node(id: $id) { ... on Person { email } } }",
            &["node", "email"],
            |w, _| json!({ "id": w.lead_id }),
        )
        .allow(&[Applicant, ProgrammeTeam])
        .sign_in(),
        // a co-lead's address, as Person.email: the co-lead, the lead who invited them, the
        // team; not the panel, by whatever path (issue 15)
        field(
            "Application.coLeads.email",
            "query($id: ID!) { application(id: $id) { coLeads { email } } }",
            &["application", "coLeads", "0", "email"],
            |w, _| json!({ "id": w.app_a }),
        )
        .allow(&[Applicant, CoLead, ProgrammeTeam])
        .sign_in(),
        field(
            "Call.conflicts → Application.coLeads.email",
            "query($id: ID!) { call(id: $id) { conflicts { application { coLeads { email } } } } }",
            &[
                "call",
                "conflicts",
                "0",
                "application",
                "coLeads",
                "0",
                "email",
            ],
            |w, _| json!({ "id": w.call }),
        )
        .allow(TEAM)
        .sign_in(),
        field(
            "Person.applications",
            "query($id: ID!) { node(id: $id) { ... on Person { applications { totalCount } } } }",
            &["node", "applications"],
            |w, _| json!({ "id": w.lead_id }),
        )
        .allow(&[Applicant, ProgrammeTeam])
        .sign_in(),
        field(
            "Person.calendarFeedToken",
            "query($id: ID!) { node(id: $id) { ... on Person { calendarFeedToken } } }",
            &["node", "calendarFeedToken"],
            |w, _| json!({ "id": w.lead_id }),
        )
        .allow(&[Applicant])
        .sign_in(),
        field(
            "Person.communities",
            "query($id: ID!) { node(id: $id) { ... on Person { communities { role } } } }",
            &["node", "communities"],
            |w, _| json!({ "id": w.member_id }),
        )
        .allow(&[Member, ProgrammeTeam])
        .sign_in(),
        field(
            "people",
            "{ people { totalCount } }",
            &["people"],
            |_, _| json!({}),
        )
        .allow(TEAM)
        .sign_in(),
        // ---- communities (SPEC §4): inside a listed community, for its members
        field(
            "Community.members",
            "query($id: ID!) { community(id: $id) { members { role } } }",
            &["community", "members"],
            |w, _| json!({ "id": w.community }),
        )
        .allow(MEMBERS_TEAM),
        field(
            "Community.invitations",
            "query($id: ID!) { community(id: $id) { invitations { email } } }",
            &["community", "invitations"],
            |w, _| json!({ "id": w.community }),
        )
        .allow(RUNNERS_TEAM),
        field(
            "Community.joinRequests",
            "query($id: ID!) { community(id: $id) { joinRequests { note } } }",
            &["community", "joinRequests"],
            |w, _| json!({ "id": w.community }),
        )
        .allow(RUNNERS_TEAM),
        // the coach sees the requests assigned to them
        field(
            "Community.supportRequests",
            "query($id: ID!) { community(id: $id) { supportRequests { details } } }",
            &["community", "supportRequests"],
            |w, _| json!({ "id": w.community }),
        )
        .allow(&[Convener, CoreMember, Coach, ProgrammeTeam])
        .sign_in(),
        field(
            "Community.memberMap",
            "query($id: ID!) { community(id: $id) { memberMap { entries { email } } } }",
            &["community", "memberMap"],
            |w, _| json!({ "id": w.community }),
        )
        .allow(MEMBERS_TEAM),
        field(
            "Community.meetings",
            "query($id: ID!) { community(id: $id) { meetings { totalCount } } }",
            &["community", "meetings"],
            |w, _| json!({ "id": w.community }),
        )
        .allow(MEMBERS_TEAM),
        field(
            "Community.challenges",
            "query($id: ID!) { community(id: $id) { challenges { totalCount } } }",
            &["community", "challenges"],
            |w, _| json!({ "id": w.community }),
        )
        .allow(MEMBERS_TEAM),
        field(
            "Community.workingPlan",
            "query($id: ID!) { community(id: $id) { workingPlan { needs { what } } } }",
            &["community", "workingPlan"],
            |w, _| json!({ "id": w.community }),
        )
        .allow(MEMBERS_TEAM),
        field(
            "Community.functions",
            "query($id: ID!) { community(id: $id) { functions { name } } }",
            &["community", "functions"],
            |w, _| json!({ "id": w.community }),
        )
        .allow(MEMBERS_TEAM),
        field(
            "Community.startupSteps",
            "query($id: ID!) { community(id: $id) { startupSteps { done } } }",
            &["community", "startupSteps"],
            |w, _| json!({ "id": w.community }),
        )
        .allow(MEMBERS_TEAM),
        field(
            "Community.domainDefinitionVersions",
            "query($id: ID!) { community(id: $id) { domainDefinitionVersions { text } } }",
            &["community", "domainDefinitionVersions"],
            |w, _| json!({ "id": w.community }),
        )
        .allow(MEMBERS_TEAM),
        field(
            "Community.sharingProtocols",
            "query($id: ID!) { community(id: $id) { sharingProtocols { name } } }",
            &["community", "sharingProtocols"],
            |w, _| json!({ "id": w.community }),
        )
        .allow(MEMBERS_TEAM),
        field(
            "Community.coach",
            "query($id: ID!) { community(id: $id) { coach { id } } }",
            &["community", "coach"],
            |w, _| json!({ "id": w.community }),
        )
        .allow(MEMBERS_TEAM),
        field(
            "Community.calendarUrl",
            "query($id: ID!) { community(id: $id) { calendarUrl } }",
            &["community", "calendarUrl"],
            |w, _| json!({ "id": w.community }),
        )
        .allow(MEMBERS_TEAM),
        field(
            "node(Meeting).agenda",
            "query($id: ID!) { node(id: $id) { ... on Meeting { agenda } } }",
            &["node", "agenda"],
            |w, _| json!({ "id": w.meeting }),
        )
        .allow(MEMBERS_TEAM),
        field(
            "node(Challenge).body",
            "query($id: ID!) { node(id: $id) { ... on Challenge { body } } }",
            &["node", "body"],
            |w, _| json!({ "id": w.challenge }),
        )
        .allow(MEMBERS_TEAM),
        field(
            "community(unlisted)",
            "query($id: ID!) { community(id: $id) { name } }",
            &["community", "name"],
            |w, _| json!({ "id": w.unlisted_community }),
        )
        .allow(&[Convener, ProgrammeTeam]),
        field(
            "node(Community unlisted)",
            "query($id: ID!) { node(id: $id) { ... on Community { name } } }",
            &["node", "name"],
            |w, _| json!({ "id": w.unlisted_community }),
        )
        .allow(&[Convener, ProgrammeTeam]),
        field(
            "supportQueue",
            "{ supportQueue { totalCount } }",
            &["supportQueue"],
            |_, _| json!({}),
        )
        .allow(&[Coach, ProgrammeTeam])
        .sign_in(),
        // ---- practices (SPEC §5): the safe forum is its community's, not the network's staff's
        field(
            "node(Exchange COMMUNITY).technical",
            "query($id: ID!) { node(id: $id) { ... on Exchange { technical } } }",
            &["node", "technical"],
            |w, _| json!({ "id": w.exchange }),
        )
        .allow(MEMBERS),
        field(
            "node(Inquiry on it).question",
            "query($id: ID!) { node(id: $id) { ... on Inquiry { question } } }",
            &["node", "question"],
            |w, _| json!({ "id": w.inquiry }),
        )
        .allow(MEMBERS),
        field(
            "node(SharingProtocol community's)",
            "query($id: ID!) { node(id: $id) { ... on SharingProtocol { name } } }",
            &["node", "name"],
            |w, _| json!({ "id": w.community_protocol }),
        )
        .allow(MEMBERS_TEAM),
        field(
            "Practice.promising (NETWORK library)",
            "query($id: ID!) { practice(id: $id) { promising { evidence } } }",
            &["practice", "promising"],
            |w, _| json!({ "id": w.network_practice }),
        )
        .allow(PEOPLE),
        field(
            "sharingProtocols",
            "{ sharingProtocols { totalCount } }",
            &["sharingProtocols"],
            |_, _| json!({}),
        )
        .allow(PEOPLE)
        .sign_in(),
        // ---- the network's own records (SPEC §6, §7)
        field(
            "auditLog",
            "{ auditLog { totalCount } }",
            &["auditLog"],
            |_, _| json!({}),
        )
        .allow(TEAM)
        .sign_in(),
        field(
            "node(AuditEntry)",
            "query($id: ID!) { node(id: $id) { ... on AuditEntry { action } } }",
            &["node", "action"],
            |w, _| json!({ "id": w.audit_entry }),
        )
        .allow(TEAM)
        .sign_in(),
        field(
            "auditEntityTypes",
            "{ auditEntityTypes }",
            &["auditEntityTypes"],
            |_, _| json!({}),
        )
        .allow(TEAM)
        .sign_in(),
        // ---- reporting (SPEC §8) and a person's own data (SPEC §7)
        field(
            "programmeDashboard",
            "{ programmeDashboard { promisingPractices } }",
            &["programmeDashboard"],
            |_, _| json!({}),
        )
        .allow(TEAM)
        .sign_in(),
        field(
            "exportMyData (query)",
            "{ exportMyData { exportedAt } }",
            &["exportMyData"],
            |_, _| json!({}),
        )
        .allow(PEOPLE)
        .sign_in(),
        field(
            "serviceClients",
            "{ serviceClients { totalCount } }",
            &["serviceClients"],
            |_, _| json!({}),
        )
        .allow(TEAM)
        .sign_in(),
        field(
            "node(ServiceClient)",
            "query($id: ID!) { node(id: $id) { ... on ServiceClient { clientId } } }",
            &["node", "clientId"],
            |w, _| json!({ "id": w.client_node }),
        )
        .allow(TEAM)
        .sign_in(),
        field(
            "webhookSubscriptions",
            "{ webhookSubscriptions { totalCount } }",
            &["webhookSubscriptions"],
            |_, _| json!({}),
        )
        .allow(TEAM)
        .sign_in(),
        field(
            "node(WebhookSubscription)",
            "query($id: ID!) { node(id: $id) { ... on WebhookSubscription { url } } }",
            &["node", "url"],
            |w, _| json!({ "id": w.webhook }),
        )
        .allow(TEAM)
        .sign_in(),
    ]
}

fn mutations() -> Vec<Row> {
    vec![
        // ---- accounts: the credential is the proof
        mutation("register", |w, _| json!({ "email": "newcomer@example.nhs.uk", "password": PASSWORD, "name": "New Comer", "organisationId": w.org }))
            .allow(EVERYONE),
        mutation("signIn", |w, _| json!({ "email": w.spare_email, "password": PASSWORD })).allow(EVERYONE),
        mutation("refreshSession", |w, c| json!({ "refreshToken": w.refresh[&c] })).allow(EVERYONE),
        mutation("issueServiceToken", |w, _| json!({ "clientId": w.client_id, "clientSecret": w.client_secret }))
            .allow(EVERYONE),
        mutation("resetCalendarFeedToken", |_, _| Value::Null).allow(PEOPLE),
        mutation("markNotificationsRead", |_, _| json!({ "ids": [] })).allow(PEOPLE),
        mutation("exportMyData", |_, _| Value::Null).allow(PEOPLE),
        // a wrong password: past the door (VALIDATION on password), and nobody is deleted
        mutation("deleteMyAccount", |_, _| json!({ "password": "not the right password" }))
            .allow(PEOPLE),
        // ---- identity: a token or a password is the proof; wrong ones change nothing
        mutation("verifyEmail", |_, _| json!({ "token": "not-a-token" })).allow(EVERYONE),
        mutation("resendVerificationEmail", |_, _| Value::Null).allow(PEOPLE),
        mutation("requestPasswordReset", |_, _| json!({ "email": "nobody@example.nhs.uk" })).allow(EVERYONE),
        mutation("resetPassword", |_, _| json!({ "token": "not-a-token", "newPassword": "a long new password" }))
            .allow(EVERYONE),
        mutation("confirmEmailChange", |_, _| json!({ "token": "not-a-token" })).allow(EVERYONE),
        mutation("exchangeSignInCode", |_, _| json!({ "code": "not-a-code" })).allow(EVERYONE),
        mutation("changePassword", |_, _| json!({ "currentPassword": "not the right password", "newPassword": "a long new password" }))
            .allow(PEOPLE),
        mutation("changeEmail", |_, _| json!({ "newEmail": "moved@example.nhs.uk", "password": "not the right password" }))
            .allow(PEOPLE),
        mutation("updateProfile", |_, _| json!({})).allow(PEOPLE),
        mutation("signOutSession", |_, _| json!({ "sessionId": "U2Vzc2lvbjowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA" }))
            .allow(PEOPLE),
        // ---- the catalogue
        mutation("createOrganisation", |_, _| json!({ "name": "Matrix Trust", "sector": "NHS_TRUST", "nhsMember": true }))
            .allow(TEAM),
        mutation("setOrganisationNhsMember", |w, _| json!({ "organisationId": w.spare_org, "nhsMember": false }))
            .allow(TEAM),
        mutation("importOrganisations", |_, _| json!({ "csv": "name,sector,nhsMember\nMatrix Import Trust,NHS_TRUST,yes\n", "dryRun": true }))
            .allow(TEAM),
        mutation("createDomain", |_, _| json!({ "name": "Matrix domain" })).allow(TEAM),
        mutation("proposeDomain", |_, _| json!({ "name": "Matrix proposal" })).allow(PEOPLE),
        mutation("acceptDomain", |w, _| json!({ "domainId": w.proposed_domain })).allow(TEAM),
        mutation("renameDomain", |w, _| json!({ "domainId": w.spare_domain, "name": "Spare domain" }))
            .allow(TEAM),
        // ---- calls and applications (SPEC §1)
        mutation("createCall", |_, _| {
            let now = chrono::Utc::now();
            call_input(now, now + chrono::Duration::days(30))
        })
        .allow(TEAM),
        mutation("openCall", |w, _| json!({ "callId": w.draft_call })).allow(TEAM),
        mutation("updateCall", |w, _| json!({ "callId": w.call, "description": "Fixed a typo" }))
            .allow(TEAM),
        mutation("startApplication", |w, _| json!({ "callId": w.call, "domainId": w.domain })).allow(PEOPLE),
        mutation("updateApplication", |w, _| json!({ "applicationId": w.app_a, "motivation": "Changed" }))
            .allow(APPLICANTS),
        mutation("inviteCoLead", |w, _| json!({ "applicationId": w.app_a, "email": "late@example.nhs.uk" }))
            .allow(&[Applicant]),
        mutation("acceptCoLead", |w, _| json!({ "applicationId": w.app_a })).allow(&[CoLead]),
        mutation("declineCoLead", |w, _| json!({ "applicationId": w.app_a })).allow(&[CoLead]),
        mutation("removeCoLead", |w, _| json!({ "applicationId": w.app_a, "email": w.co_lead_email }))
            .allow(&[Applicant]),
        mutation("submitApplication", |w, _| json!({ "applicationId": w.app_a })).allow(&[Applicant]),
        // ---- selection (SPEC §2)
        mutation("addPanelMember", |w, _| json!({ "callId": w.call, "personId": w.spare_id, "chair": false }))
            .allow(TEAM),
        mutation("declareConflict", |w, _| json!({ "applicationId": w.app_c, "reason": "A former colleague" }))
            .allow(PANEL),
        mutation("assignReviewers", |w, _| json!({ "callId": w.call })).allow(TEAM),
        mutation("addReviewAssignment", |w, _| json!({ "applicationId": w.app_c, "reviewerId": w.spare_panel_id }))
            .allow(TEAM),
        mutation("removeReviewAssignment", |w, _| json!({ "applicationId": w.app_c, "reviewerId": w.spare_panel_id }))
            .allow(TEAM),
        mutation("submitReview", |w, _| json!({ "applicationId": w.app_a, "scores": scores(w) }))
            .allow(&[PanelMember]),
        mutation("sendReviewReminders", |w, _| json!({ "callId": w.call })).allow(TEAM),
        mutation("recordDecision", |w, _| json!({ "callId": w.call, "fundedApplicationIds": [w.app_a], "rationale": "Again" }))
            .allow(&[Chair]),
        mutation("sendOutcomes", |w, _| json!({ "callId": w.call })).allow(TEAM),
        mutation("startCommunityFromApplication", |w, _| json!({ "applicationId": w.app_a }))
            .allow(&[Applicant, CoLead, ProgrammeTeam]),
        // ---- honoraria (SPEC §3)
        mutation("approvePayment", |w, _| json!({ "shareId": w.co_lead_share })).allow(TEAM),
        mutation("markPaymentPaid", |w, _| json!({ "shareId": w.co_lead_share, "reference": "BACS-1", "paidOn": today() }))
            .allow(TEAM),
        mutation("setPaymentRoute", |w, _| json!({ "shareId": w.lead_share, "route": "PERSON" })).allow(TEAM),
        mutation("cancelPayment", |w, _| json!({ "shareId": w.lead_share })).allow(TEAM),
        // ---- communities (SPEC §4)
        mutation("createCommunity", |w, _| json!({ "name": "Matrix peers", "domainId": w.domain, "membershipMode": "OPEN" }))
            .allow(PEOPLE)
            .except(Unverified, Forbidden),
        mutation("updateCommunity", |w, _| json!({ "communityId": w.community, "listed": true }))
            .allow(&[Convener, ProgrammeTeam]),
        mutation("assignCoach", |w, _| json!({ "communityId": w.community, "coachId": w.coach_id })).allow(TEAM),
        mutation("completeStartupStep", |w, _| json!({ "communityId": w.community, "step": "DEVELOP_DOMAIN" }))
            .allow(RUNNERS),
        mutation("reopenStartupStep", |w, _| json!({ "communityId": w.community, "step": "DEVELOP_DOMAIN" }))
            .allow(RUNNERS),
        mutation("proposeDomainDefinition", |w, _| json!({ "communityId": w.community, "text": "Safer medicines, start to finish" }))
            .allow(RUNNERS),
        mutation("agreeDomainDefinition", |w, _| json!({ "versionId": w.version })).allow(RUNNERS),
        mutation("setIntranetPage", |w, _| json!({ "communityId": w.community, "placeUri": "https://intranet.example/api/core/v3/places/1" }))
            .allow(RUNNERS),
        mutation("retryIntranetPublication", |w, _| json!({ "communityId": w.community })).allow(RUNNERS),
        mutation("inviteMember", |w, _| json!({ "communityId": w.community, "email": "another@example.nhs.uk", "message": MESSAGE }))
            .allow(RUNNERS),
        // an invitation's link is the proof: any account may accept it, no account decline it
        mutation("acceptInvitation", |w, _| json!({ "token": w.accept_token })).allow(PEOPLE),
        mutation("declineInvitation", |w, _| json!({ "token": w.decline_token })).allow(EVERYONE),
        mutation("joinCommunity", |w, _| json!({ "communityId": w.community, "note": "May I?" })).allow(PEOPLE),
        mutation("decideJoinRequest", |w, _| json!({ "requestId": w.join_request, "approve": true }))
            .allow(RUNNERS),
        mutation("setMemberRole", |w, _| json!({ "communityId": w.community, "personId": w.member_id, "role": "MEMBER" }))
            .allow(&[Convener]),
        // aimed at someone who is not a member: the authorization is decided before that
        mutation("removeMember", |w, _| json!({ "communityId": w.community, "personId": unknown_id("Person"), "reason": "Left the network" }))
            .allow(&[Convener, ProgrammeTeam]),
        // an answered invitation: who may cancel is decided before it is refused as answered
        mutation("cancelInvitation", |w, _| json!({ "invitationId": w.answered_invitation }))
            .allow(&[Convener, ProgrammeTeam]),
        mutation("scheduleMeeting", |w, _| json!({ "communityId": w.community, "startsAt": (chrono::Utc::now() + chrono::Duration::days(20)).to_rfc3339(), "durationMinutes": 60, "mode": "IN_PERSON", "location": "Room 1" }))
            .allow(RUNNERS),
        // outsiders learn nothing about a community's meetings, not even that one exists
        mutation("updateMeeting", |w, _| json!({ "meetingId": w.meeting, "notes": "We agreed a plan" }))
            .allow(RUNNERS).hides().except(Member, Forbidden),
        mutation("recordAttendance", |w, _| json!({ "meetingId": w.meeting, "attendeeIds": [] }))
            .allow(RUNNERS).hides().except(Member, Forbidden),
        mutation("cancelMeeting", |w, _| json!({ "meetingId": w.spare_meeting }))
            .allow(RUNNERS).hides().except(Member, Forbidden),
        mutation("requestSupport", |w, _| json!({ "communityId": w.community, "kind": "ADMIN", "details": "Room bookings" }))
            .allow(RUNNERS),
        mutation("assignSupportRequest", |w, _| json!({ "requestId": w.support_request, "personId": w.coach_id }))
            .allow(TEAM),
        mutation("updateSupportRequest", |w, _| json!({ "requestId": w.support_request, "note": "Call booked" }))
            .allow(&[Coach, ProgrammeTeam]),
        mutation("addMemberMapEntry", |w, _| json!({ "communityId": w.community, "name": "A GP", "tags": ["NEEDED_FOR_EXPERTISE"] }))
            .allow(RUNNERS),
        mutation("updateMemberMapEntry", |w, _| json!({ "entryId": w.entry, "name": "A pharmacist", "tags": ["HAS_INTEREST"] }))
            .allow(RUNNERS),
        mutation("removeMemberMapEntry", |w, c| json!({ "entryId": World::spare(&w.spare_entries, c) })).allow(RUNNERS),
        mutation("assignFunction", |w, _| json!({ "communityId": w.community, "personId": w.member_id, "function": "NOTE_TAKING", "from": today() }))
            .allow(RUNNERS),
        mutation("rotateFunction", |w, _| json!({ "functionId": w.function, "personId": w.member_id, "from": (chrono::Utc::now() + chrono::Duration::days(7)).date_naive().to_string() }))
            .allow(RUNNERS),
        mutation("endFunction", |w, _| json!({ "functionId": w.function })).allow(RUNNERS),
        mutation("addPlanNeed", |w, _| json!({ "communityId": w.community, "kind": "RESEARCH", "what": "Evidence", "fromWhom": "The library" }))
            .allow(RUNNERS),
        mutation("completePlanNeed", |w, _| json!({ "needId": w.need })).allow(RUNNERS),
        mutation("removePlanNeed", |w, c| json!({ "needId": World::spare(&w.spare_needs, c) })).allow(RUNNERS),
        mutation("postChallenge", |w, _| json!({ "communityId": w.community, "title": "Handover gaps", "body": "Things get lost" }))
            .allow(MEMBERS),
        mutation("replyToChallenge", |w, _| json!({ "challengeId": w.challenge, "body": "Try a checklist" }))
            .allow(MEMBERS),
        // ---- practices (SPEC §5)
        mutation("proposePractice", |w, _| json!({ "communityId": w.community, "name": "Safety huddle" })).allow(MEMBERS),
        mutation("setPracticeStatus", |w, _| json!({ "practiceId": w.practice, "status": "EXPLORING" }))
            .allow(RUNNERS),
        mutation("shareExchange", |w, _| json!({ "practiceId": w.practice, "technical": "It took a week" }))
            .allow(MEMBERS),
        // the author only; people outside the community are not told the exchange exists
        mutation("setExchangeVisibility", |w, _| json!({ "exchangeId": w.exchange, "visibility": "COMMUNITY", "anonymous": false }))
            .allow(&[Member]).hides().except(Convener, Forbidden).except(CoreMember, Forbidden),
        mutation("askInquiry", |w, _| json!({ "exchangeId": w.exchange, "question": "Who checked?" }))
            .allow(MEMBERS).hides(),
        mutation("answerInquiry", |w, _| json!({ "inquiryId": w.inquiry, "answer": "About a week" }))
            .allow(MEMBERS).hides(),
        mutation("markPromising", |w, _| json!({ "practiceId": w.practice, "evidence": "Audit", "outcomes": "Fewer misses", "visibility": "NETWORK" }))
            .allow(&[Convener, ProgrammeTeam]),
        mutation("createSharingProtocol", |_, _| json!({ "name": "Fishbowl", "prompts": [{ "prompt": "Tell us", "minutes": 3 }] }))
            .allow(TEAM),
        mutation("adoptSharingProtocol", |w, _| json!({ "communityId": w.community, "protocolId": w.protocol }))
            .allow(RUNNERS),
        mutation("updateSharingProtocol", |w, _| json!({ "protocolId": w.community_protocol, "name": "Our round", "prompts": [{ "prompt": "What happened?", "minutes": 4 }] }))
            .allow(RUNNERS),
        // ---- partner systems (SPEC §6)
        mutation("createServiceClient", |w, _| json!({ "name": "Matrix reader", "organisationId": w.org, "scopes": ["read:calls"] }))
            .allow(TEAM),
        mutation("createWebhookSubscription", |_, _| json!({ "url": "http://127.0.0.1:9/more", "events": ["selection.decided"] }))
            .allow(TEAM),
        mutation("sendTestWebhook", |w, _| json!({ "subscriptionId": w.webhook })).allow(TEAM),
        // an active subscription: who may enable is decided before it is refused as active
        mutation("enableWebhookSubscription", |w, _| json!({ "subscriptionId": w.webhook })).allow(TEAM),
    ]
}

/// Rows whose allowed answer changes or removes something: last, and at spare targets where
/// there is one.
fn destructive() -> Vec<Row> {
    vec![
        mutation(
            "mergeDomain",
            |w, _| json!({ "domainId": w.merged_domain, "intoDomainId": w.spare_domain }),
        )
        .allow(TEAM),
        mutation(
            "withdrawApplication",
            |w, _| json!({ "applicationId": w.app_a }),
        )
        .allow(&[Applicant]),
        mutation("closeCall", |w, _| json!({ "callId": w.call })).allow(TEAM),
        mutation(
            "grantRole",
            |w, _| json!({ "personId": w.spare_id, "role": "COACH" }),
        )
        .allow(TEAM),
        mutation(
            "revokeRole",
            |w, _| json!({ "personId": w.spare_id, "role": "COACH" }),
        )
        .allow(TEAM),
        mutation(
            "removePanelMember",
            |w, _| json!({ "callId": w.call, "personId": w.spare_panel_id }),
        )
        .allow(TEAM),
        mutation(
            "revokeServiceClient",
            |w, _| json!({ "clientId": w.spare_client }),
        )
        .allow(TEAM),
        mutation(
            "deleteWebhookSubscription",
            |w, _| json!({ "subscriptionId": w.spare_webhook }),
        )
        .allow(TEAM),
        // anyone may leave at any time: someone who does not belong is told so, not refused
        mutation(
            "leaveCommunity",
            |w, _| json!({ "communityId": w.community }),
        )
        .allow(PEOPLE),
        // every session of the caller ends; their access token lives on until it expires
        mutation("signOut", |_, _| Value::Null).allow(PEOPLE),
        // last of all: every session of the caller ends, access tokens included
        mutation("signOutEverywhere", |_, _| Value::Null).allow(PEOPLE),
    ]
}
