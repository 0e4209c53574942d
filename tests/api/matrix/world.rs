//! The one world the matrix asks its questions in, built through the API: a decided call with
//! applications A (a lead and an accepted co-lead, funded), B (another applicant) and C (a
//! throwaway target), a panel with a member, a member conflicted on A and the chair; an active
//! community with a convener, a core member, a member and a coach, and something of each kind
//! in it; partner clients with each scope and with all; spare targets for destructive rows.

use std::collections::HashMap;

use convene_blackbox::*;
use serde_json::{json, Value};

use super::Caller;

pub struct World {
    /// Each signed-in caller's bearer token (people and partner systems); none for anonymous.
    pub tokens: HashMap<Caller, String>,
    /// A fresh refresh token per caller kind, so that `refreshSession` spends its own.
    pub refresh: HashMap<Caller, String>,
    pub lead_id: String,
    pub co_lead_email: String,
    pub member_id: String,
    pub coach_id: String,
    pub call: String,
    pub draft_call: String,
    /// A criterion of the draft call's rubric.
    pub draft_criterion: String,
    pub criteria: Vec<String>,
    pub domain: String,
    pub spare_domain: String,
    pub proposed_domain: String,
    pub merged_domain: String,
    pub org: String,
    pub spare_org: String,
    pub app_a: String,
    pub app_c: String,
    pub lead_share: String,
    pub co_lead_share: String,
    /// Someone with no relation at all: signs in, is given and loses roles, joins the panel.
    pub spare_id: String,
    pub spare_email: String,
    pub spare_panel_id: String,
    pub community: String,
    pub unlisted_community: String,
    pub join_request: String,
    pub version: String,
    pub meeting: String,
    pub spare_meeting: String,
    pub entry: String,
    /// Spare entries and needs, one for each of the convener and the core member to remove.
    pub spare_entries: HashMap<Caller, String>,
    pub need: String,
    pub spare_needs: HashMap<Caller, String>,
    pub function: String,
    pub support_request: String,
    pub challenge: String,
    pub practice: String,
    pub network_practice: String,
    pub exchange: String,
    pub inquiry: String,
    pub protocol: String,
    pub community_protocol: String,
    pub accept_token: String,
    pub decline_token: String,
    /// An invitation already declined (cancelling it is refused, whoever asks).
    pub answered_invitation: String,
    pub client_id: String,
    pub client_secret: String,
    pub client_node: String,
    pub spare_client: String,
    pub webhook: String,
    pub spare_webhook: String,
    pub audit_entry: String,
}

impl World {
    pub fn token(&self, c: Caller) -> Option<&str> {
        self.tokens.get(&c).map(String::as_str)
    }
}

/// Run `name(input: $i) { select }` as `token` (anonymously when empty); panics unless it works.
async fn run(app: &TestApp, token: &str, name: &str, input: Value, select: &str) -> Value {
    let mut upper = name.to_string();
    upper[..1].make_ascii_uppercase();
    let doc = format!("mutation($i: {upper}Input!) {{ {name}(input: $i) {{ {select} }} }}");
    let token = (!token.is_empty()).then_some(token);
    let v = app.gql(token, &doc, json!({ "i": input })).await;
    ok(&v)[name].clone()
}

async fn query(app: &TestApp, token: &str, doc: &str, vars: Value) -> Value {
    let v = app.gql(Some(token), doc, vars).await;
    ok(&v).clone()
}

fn id(v: &Value) -> String {
    as_string(&v["id"])
}

/// The token in the last invitation mail to `to`.
async fn invitation_token(app: &TestApp, to: &str) -> String {
    let mail = unfold(&app.wait_for_mail(to, "/invitations/").await);
    let start = mail.find("/invitations/").unwrap() + "/invitations/".len();
    mail[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// The first for the convener, the second for the core member.
fn spares(ids: &[String]) -> HashMap<Caller, String> {
    HashMap::from([
        (Caller::Convener, ids[0].clone()),
        (Caller::CoreMember, ids[1].clone()),
    ])
}

impl World {
    /// A spare target of `caller`'s own when it has one, else the convener's.
    pub fn spare(of: &HashMap<Caller, String>, caller: Caller) -> &str {
        of.get(&caller).unwrap_or(&of[&Caller::Convener])
    }
}

pub async fn build(app: &TestApp) -> World {
    let team = app.admin().await;
    let nhs = app
        .create_org(&team, "Riverside NHS Trust", "NHS_TRUST", true)
        .await;
    let nhs2 = app
        .create_org(&team, "Lakeside NHS Trust", "NHS_TRUST", true)
        .await;
    let nhs3 = app
        .create_org(&team, "Hillside NHS Trust", "NHS_TRUST", true)
        .await;
    let network = app
        .create_org(&team, "Network office", "NETWORK", false)
        .await;
    let spare_org = app
        .create_org(&team, "Spare Trust", "NHS_TRUST", false)
        .await;
    let mut domains = Vec::new();
    for name in [
        "Medication safety",
        "Falls prevention",
        "Maternity",
        "Spare domain",
    ] {
        domains.push(app.create_domain(&team, name).await);
    }

    let mut tokens = HashMap::new();
    let person = |email: &'static str, org: &str| {
        let (app, org) = (app, org.to_string());
        async move { app.register(email, &org).await }
    };
    let (lead, lead_id) = person("lead@riverside.nhs.uk", &nhs).await;
    let co_lead_email = "colead@lakeside.nhs.uk".to_string();
    let (co_lead, _) = person("colead@lakeside.nhs.uk", &nhs2).await;
    let (other, _) = person("other@hillside.nhs.uk", &nhs3).await;
    let (third, _) = person("third@hillside.nhs.uk", &nhs3).await;
    let (panel, panel_id) = person("panel@network.example", &network).await;
    let (conflicted, conflicted_id) = person("conflicted@network.example", &network).await;
    let (chair, chair_id) = person("chair@network.example", &network).await;
    let (_, spare_panel_id) = person("spare.panel@network.example", &network).await;
    let (convener, _) = person("convener@riverside.nhs.uk", &nhs).await;
    let (core, core_id) = person("core@lakeside.nhs.uk", &nhs2).await;
    let (member, member_id) = person("member@hillside.nhs.uk", &nhs3).await;
    let (outsider, _) = person("outsider@hillside.nhs.uk", &nhs3).await;
    let (unverified, _) = app
        .register_unverified("unverified@hillside.nhs.uk", &nhs3)
        .await;
    let (_, coach_id) = person("coach@network.example", &network).await;
    let (joiner, _) = person("joiner@hillside.nhs.uk", &nhs3).await;
    let spare_email = "spare@hillside.nhs.uk".to_string();
    let (_, spare_id) = person("spare@hillside.nhs.uk", &nhs3).await;
    app.grant(&team, &coach_id, "COACH").await;
    for (c, t) in [
        (Caller::Applicant, &lead),
        (Caller::CoLead, &co_lead),
        (Caller::OtherApplicant, &other),
        (Caller::PanelMember, &panel),
        (Caller::ConflictedPanelMember, &conflicted),
        (Caller::Chair, &chair),
        (Caller::Convener, &convener),
        (Caller::CoreMember, &core),
        (Caller::Member, &member),
        (Caller::Outsider, &outsider),
        (Caller::Unverified, &unverified),
        (Caller::ProgrammeTeam, &team),
    ] {
        tokens.insert(c, t.clone());
    }
    // the coach's token is taken after the role is given, so that it carries COACH
    tokens.insert(
        Caller::Coach,
        app.sign_in("coach@network.example", PASSWORD).await,
    );

    // ---- the call: A (funded), B and C; the panel; reviews; the decision
    let now = chrono::Utc::now();
    let v = app
        .gql(
            Some(&team),
            CREATE_CALL,
            json!({ "i": call_input(now - chrono::Duration::days(1), now + chrono::Duration::days(30)) }),
        )
        .await;
    let call_v = &ok(&v)["createCall"]["call"];
    let call = id(call_v);
    let criteria: Vec<String> = call_v["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(id)
        .collect();
    let mut draft = call_input(
        now + chrono::Duration::days(5),
        now + chrono::Duration::days(40),
    );
    draft["draft"] = json!(true);
    let draft = run(
        app,
        &team,
        "createCall",
        draft,
        "call { id criteria { id } }",
    )
    .await;
    let draft_call = id(&draft["call"]);
    let draft_criterion = id(&draft["call"]["criteria"][0]);
    let app_a = app.start_application(&lead, &call, &domains[0]).await;
    app.add_co_lead(&lead, &app_a, &co_lead_email, &co_lead)
        .await;
    ok(&app.submit(&lead, &app_a).await);
    let app_b = app.start_application(&other, &call, &domains[1]).await;
    ok(&app.submit(&other, &app_b).await);
    let app_c = app.start_application(&third, &call, &domains[2]).await;
    ok(&app.submit(&third, &app_c).await);
    for (p, is_chair) in [
        (&panel_id, false),
        (&conflicted_id, false),
        (&chair_id, true),
        (&spare_panel_id, false),
    ] {
        run(
            app,
            &team,
            "addPanelMember",
            json!({ "callId": call, "personId": p, "chair": is_chair }),
            "__typename",
        )
        .await;
    }
    run(
        app,
        &conflicted,
        "declareConflict",
        json!({ "applicationId": app_a, "reason": "I mentored the lead last year" }),
        "__typename",
    )
    .await;
    run(
        app,
        &team,
        "closeCall",
        json!({ "callId": call }),
        "__typename",
    )
    .await;
    let reviews = [
        (&panel_id, &panel, &app_a),
        (&panel_id, &panel, &app_b),
        (&panel_id, &panel, &app_c),
        (&chair_id, &chair, &app_b),
        (&conflicted_id, &conflicted, &app_b),
    ];
    for (reviewer, _, a) in reviews {
        run(
            app,
            &team,
            "addReviewAssignment",
            json!({ "applicationId": a, "reviewerId": reviewer }),
            "__typename",
        )
        .await;
    }
    for (_, token, a) in reviews {
        let scores: Vec<Value> = criteria
            .iter()
            .map(|c| json!({ "criterionId": c, "score": 4, "comment": "Clear and well argued" }))
            .collect();
        run(
            app,
            token,
            "submitReview",
            json!({ "applicationId": a, "scores": scores }),
            "__typename",
        )
        .await;
    }
    run(
        app,
        &chair,
        "recordDecision",
        json!({ "callId": call, "fundedApplicationIds": [app_a], "rationale": "The strongest domain, with wide reach" }),
        "__typename",
    )
    .await;
    let h = query(
        app,
        &team,
        "query($c: ID!) { call(id: $c) { honoraria { shares { id person { id } } } } }",
        json!({ "c": call }),
    )
    .await;
    let shares = h["call"]["honoraria"][0]["shares"]
        .as_array()
        .unwrap()
        .clone();
    let share_of = |lead: bool| {
        id(shares
            .iter()
            .find(|s| (s["person"]["id"] == lead_id.as_str()) == lead)
            .unwrap())
    };
    let (lead_share, co_lead_share) = (share_of(true), share_of(false));

    // ---- the catalogue's spare targets
    let proposed_domain = id(&run(
        app,
        &outsider,
        "proposeDomain",
        json!({ "name": "Sepsis recognition" }),
        "domain { id }",
    )
    .await["domain"]);
    let merged_domain = id(&run(
        app,
        &outsider,
        "proposeDomain",
        json!({ "name": "Medicines safety" }),
        "domain { id }",
    )
    .await["domain"]);

    // ---- the community: active, on request, listed
    let community = id(&run(
        app,
        &convener,
        "createCommunity",
        json!({ "name": "Medication safety peers", "domainId": domains[0], "membershipMode": "OPEN", "listed": true }),
        "community { id }",
    )
    .await["community"]);
    for t in [&core, &member] {
        run(
            app,
            t,
            "joinCommunity",
            json!({ "communityId": community }),
            "joined",
        )
        .await;
    }
    run(
        app,
        &convener,
        "setMemberRole",
        json!({ "communityId": community, "personId": core_id, "role": "CORE" }),
        "__typename",
    )
    .await;
    run(
        app,
        &convener,
        "updateCommunity",
        json!({ "communityId": community, "stage": "ACTIVE", "membershipMode": "ON_REQUEST" }),
        "__typename",
    )
    .await;
    run(
        app,
        &joiner,
        "joinCommunity",
        json!({ "communityId": community, "note": "I lead our ward's medicines work" }),
        "joined",
    )
    .await;
    let jr = query(
        app,
        &convener,
        "query($c: ID!) { community(id: $c) { joinRequests { id } } }",
        json!({ "c": community }),
    )
    .await;
    let join_request = id(&jr["community"]["joinRequests"][0]);
    run(
        app,
        &team,
        "assignCoach",
        json!({ "communityId": community, "coachId": coach_id }),
        "__typename",
    )
    .await;
    let version = id(&run(
        app,
        &convener,
        "proposeDomainDefinition",
        json!({ "communityId": community, "text": "Safer prescribing and administration of medicines" }),
        "version { id }",
    )
    .await["version"]);
    run(
        app,
        &convener,
        "inviteMember",
        json!({ "communityId": community, "email": "pending@example.nhs.uk", "message": "Would you like to join our peers?" }),
        "__typename",
    )
    .await;
    let mut meetings = Vec::new();
    for days in [10, 11] {
        let starts = (now + chrono::Duration::days(days)).to_rfc3339();
        meetings.push(id(&run(
            app,
            &convener,
            "scheduleMeeting",
            json!({ "communityId": community, "startsAt": starts, "durationMinutes": 60, "mode": "VIDEO", "joiningDetails": "https://meet.example/abc", "agenda": "Introductions" }),
            "meeting { id }",
        )
        .await["meeting"]));
    }
    let mut entries = Vec::new();
    for name in ["A pharmacist", "A patient", "A porter"] {
        entries.push(id(&run(
            app,
            &convener,
            "addMemberMapEntry",
            json!({ "communityId": community, "name": name, "email": "map@example.nhs.uk", "tags": ["HAS_INTEREST"] }),
            "entry { id }",
        )
        .await["entry"]));
    }
    let mut needs = Vec::new();
    for what in ["Audit data", "A literature review", "A room"] {
        needs.push(id(&run(
            app,
            &convener,
            "addPlanNeed",
            json!({ "communityId": community, "kind": "INFORMATION", "what": what, "fromWhom": "The trust's audit team" }),
            "need { id }",
        )
        .await["need"]));
    }
    let today = chrono::Utc::now().date_naive().to_string();
    let function = id(&run(
        app,
        &convener,
        "assignFunction",
        json!({ "communityId": community, "personId": member_id, "function": "AGENDA", "from": today }),
        "function { id }",
    )
    .await["function"]);
    let support_request = id(&run(
        app,
        &convener,
        "requestSupport",
        json!({ "communityId": community, "kind": "MEETING_DESIGN", "details": "Help us design the first meeting" }),
        "request { id }",
    )
    .await["request"]);
    run(
        app,
        &team,
        "assignSupportRequest",
        json!({ "requestId": support_request, "personId": coach_id }),
        "__typename",
    )
    .await;
    let challenge = id(&run(
        app,
        &member,
        "postChallenge",
        json!({ "communityId": community, "title": "Night-time omissions", "body": "Doses are missed at night" }),
        "challenge { id }",
    )
    .await["challenge"]);
    let practice = id(&run(
        app,
        &member,
        "proposePractice",
        json!({ "communityId": community, "name": "Double checks at night", "description": "Two nurses check every dose" }),
        "practice { id }",
    )
    .await["practice"]);
    let exchange = id(&run(
        app,
        &member,
        "shareExchange",
        json!({ "practiceId": practice, "technical": "We used a checklist", "visibility": "COMMUNITY" }),
        "exchange { id }",
    )
    .await["exchange"]);
    let inquiry = id(&run(
        app,
        &convener,
        "askInquiry",
        json!({ "exchangeId": exchange, "question": "How long did it take?" }),
        "inquiry { id }",
    )
    .await["inquiry"]);
    let protocol = id(&run(
        app,
        &team,
        "createSharingProtocol",
        json!({ "name": "Round the table", "prompts": [{ "prompt": "What did you try?", "minutes": 5 }] }),
        "sharingProtocol { id }",
    )
    .await["sharingProtocol"]);
    let community_protocol = id(&run(
        app,
        &convener,
        "adoptSharingProtocol",
        json!({ "communityId": community, "protocolId": protocol }),
        "sharingProtocol { id }",
    )
    .await["sharingProtocol"]);

    // ---- a community by invitation, whose invitations are accepted and declined by the matrix
    let by_invitation = id(&run(
        app,
        &convener,
        "createCommunity",
        json!({ "name": "Invitation-only peers", "domainId": domains[1], "membershipMode": "INVITATION", "listed": true }),
        "community { id }",
    )
    .await["community"]);
    for to in ["accept@example.nhs.uk", "decline@example.nhs.uk"] {
        run(
            app,
            &convener,
            "inviteMember",
            json!({ "communityId": by_invitation, "email": to, "message": "Would you like to join our peers?" }),
            "__typename",
        )
        .await;
    }
    let accept_token = invitation_token(app, "accept@example.nhs.uk").await;
    let decline_token = invitation_token(app, "decline@example.nhs.uk").await;
    let answered_invitation = id(&run(
        app,
        &convener,
        "inviteMember",
        json!({ "communityId": by_invitation, "email": "answered@example.nhs.uk", "message": "Would you like to join our peers?" }),
        "invitation { id }",
    )
    .await["invitation"]);
    let answered = invitation_token(app, "answered@example.nhs.uk").await;
    run(
        app,
        "",
        "declineInvitation",
        json!({ "token": answered }),
        "declined",
    )
    .await;

    // ---- an unlisted community with a practice in the library for the network only
    let unlisted_community = id(&run(
        app,
        &convener,
        "createCommunity",
        json!({ "name": "Quiet peers", "domainId": domains[2], "membershipMode": "OPEN", "listed": false }),
        "community { id }",
    )
    .await["community"]);
    let network_practice = id(&run(
        app,
        &convener,
        "proposePractice",
        json!({ "communityId": unlisted_community, "name": "Huddles", "description": "Five minutes at nine" }),
        "practice { id }",
    )
    .await["practice"]);
    run(
        app,
        &convener,
        "markPromising",
        json!({ "practiceId": network_practice, "evidence": "Fewer missed doses", "outcomes": "Calmer wards", "visibility": "NETWORK" }),
        "__typename",
    )
    .await;

    // ---- partner systems and webhooks
    let client = |name: &'static str, scopes: Vec<&'static str>| {
        let (app, team, org) = (app, team.clone(), nhs.clone());
        async move {
            let c = run(
                app,
                &team,
                "createServiceClient",
                json!({ "name": name, "organisationId": org, "scopes": scopes }),
                "client { id clientId } clientSecret",
            )
            .await;
            (
                id(&c["client"]),
                as_string(&c["client"]["clientId"]),
                as_string(&c["clientSecret"]),
            )
        }
    };
    let mut partner_creds = Vec::new();
    for (caller, name, scopes) in [
        (Caller::PartnerCalls, "Calls reader", vec!["read:calls"]),
        (
            Caller::PartnerCommunities,
            "Communities reader",
            vec!["read:communities"],
        ),
        (
            Caller::PartnerPractices,
            "Practices reader",
            vec!["read:practices"],
        ),
        (
            Caller::PartnerAll,
            "Everything reader",
            vec!["read:calls", "read:communities", "read:practices"],
        ),
    ] {
        let (node, client_id, secret) = client(name, scopes).await;
        let v = run(
            app,
            "",
            "issueServiceToken",
            json!({ "clientId": client_id, "clientSecret": secret }),
            "accessToken",
        )
        .await;
        tokens.insert(caller, as_string(&v["accessToken"]));
        partner_creds.push((node, client_id, secret));
    }
    let (client_node, client_id, client_secret) = partner_creds.pop().unwrap();
    let (_, spare_client, _) = client("Spare reader", vec!["read:calls"]).await;
    let mut hooks = Vec::new();
    for path in ["hook", "spare"] {
        hooks.push(id(&run(
            app,
            &team,
            "createWebhookSubscription",
            json!({ "url": format!("http://127.0.0.1:9/{path}"), "events": ["application.submitted"] }),
            "subscription { id }",
        )
        .await["subscription"]));
    }
    let audit = query(
        app,
        &team,
        "{ auditLog(first: 1) { nodes { id } } }",
        json!({}),
    )
    .await;
    let audit_entry = id(&audit["auditLog"]["nodes"][0]);

    // ---- a fresh refresh token of the spare person for each caller kind
    let mut refresh = HashMap::new();
    for c in Caller::ALL {
        let v = run(
            app,
            "",
            "signIn",
            json!({ "email": spare_email, "password": PASSWORD }),
            "refreshToken",
        )
        .await;
        refresh.insert(c, as_string(&v["refreshToken"]));
    }

    World {
        tokens,
        refresh,
        lead_id,
        co_lead_email,
        member_id,
        coach_id,
        call,
        draft_call,
        draft_criterion,
        criteria,
        domain: domains[0].clone(),
        spare_domain: domains[3].clone(),
        proposed_domain,
        merged_domain,
        org: nhs,
        spare_org,
        app_a,
        app_c,
        lead_share,
        co_lead_share,
        spare_id,
        spare_email,
        spare_panel_id,
        community,
        unlisted_community,
        join_request,
        version,
        meeting: meetings[0].clone(),
        spare_meeting: meetings[1].clone(),
        entry: entries[0].clone(),
        spare_entries: spares(&entries[1..]),
        need: needs[0].clone(),
        spare_needs: spares(&needs[1..]),
        function,
        support_request,
        challenge,
        practice,
        network_practice,
        exchange,
        inquiry,
        protocol,
        community_protocol,
        accept_token,
        decline_token,
        answered_invitation,
        client_id,
        client_secret,
        client_node,
        spare_client,
        webhook: hooks[0].clone(),
        spare_webhook: hooks[1].clone(),
        audit_entry,
    }
}
