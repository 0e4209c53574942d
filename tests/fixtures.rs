//! Fixtures shared by the black-box modules: "a community with a convener and members" and
//! "a call with a panel", made through typed operations (`tests/operations/*.graphql`, checked
//! against `schema.graphql` when the suite compiles) rather than strings indexed by hand.

use graphql_client::{GraphQLQuery, Response};
use serde_json::Value;

use crate::TestApp;

// A selection of a `DateTime` or `Date` field would need `type DateTime = String;` here.

macro_rules! operation {
    ($($name:ident),* $(,)?) => {$(
        #[derive(GraphQLQuery)]
        #[graphql(
            schema_path = "../schema.graphql",
            query_path = "operations/fixtures.graphql",
            response_derives = "Debug, Clone, PartialEq",
            variables_derives = "Debug, Clone"
        )]
        pub struct $name;
    )*};
}

operation!(
    CreateCommunity,
    JoinCommunity,
    CommunityMembers,
    AddPanelMember,
    CallPanel
);

/// Someone with an account: their token and person ID.
#[derive(Debug, Clone)]
pub struct Person {
    pub token: String,
    pub id: String,
    pub email: String,
}

/// A listed, open community with its convener and `members` who joined.
#[derive(Debug, Clone)]
pub struct Community {
    pub id: String,
    pub domain: String,
    pub convener: Person,
    pub members: Vec<Person>,
}

/// An open call with a panel: the chair first, then the other members.
#[derive(Debug, Clone)]
pub struct Panel {
    pub admin: String,
    pub call: String,
    pub chair: Person,
    pub members: Vec<Person>,
}

impl TestApp {
    /// Run a typed operation; GraphQL errors come back as they are, for tests about refusals.
    pub async fn typed<Q: GraphQLQuery>(
        &self,
        token: Option<&str>,
        variables: Q::Variables,
    ) -> Response<Q::ResponseData> {
        // The whole body, `operationName` included: the operations share one document.
        let body = Q::build_query(variables);
        let mut req = self.http.post(format!("{}/graphql", self.base)).json(&body);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let v: Value = req
            .send()
            .await
            .expect("the server answers")
            .json()
            .await
            .expect("a JSON answer");
        let errors: Option<Vec<graphql_client::Error>> =
            serde_json::from_value(v["errors"].clone()).ok();
        // async-graphql leaves a refused field out of its parent, so a refusal's partial data
        // need not have the operation's shape; an answer without errors must.
        let data = match serde_json::from_value(v["data"].clone()) {
            Ok(d) => d,
            Err(_) if errors.as_ref().is_some_and(|e| !e.is_empty()) => None,
            Err(e) => panic!("the answer has not the operation's shape ({e}): {v}"),
        };
        Response {
            data,
            errors,
            extensions: None,
        }
    }

    /// Run a typed operation that must succeed.
    pub async fn run<Q: GraphQLQuery>(
        &self,
        token: Option<&str>,
        variables: Q::Variables,
    ) -> Q::ResponseData {
        let r = self.typed::<Q>(token, variables).await;
        if let Some(errors) = r.errors.filter(|e| !e.is_empty()) {
            panic!("{} failed: {errors:?}", std::any::type_name::<Q>());
        }
        r.data.expect("data")
    }

    /// Someone new at a new NHS organisation.
    pub async fn person(&self, admin: &str, label: &str) -> Person {
        let n = uuid::Uuid::new_v4().simple().to_string();
        let org = self
            .create_org(
                admin,
                &format!("Trust {label} {}", &n[..6]),
                "NHS_TRUST",
                true,
            )
            .await;
        let email = format!("{label}.{}@nhs.example", &n[..8]);
        let (token, id) = self.register(&email, &org).await;
        Person { token, id, email }
    }

    /// A listed, open community started by a new convener, joined by `members` new people.
    pub async fn community_with_members(&self, members: usize) -> Community {
        let admin = self.admin().await;
        let domain = self
            .create_domain(&admin, &format!("Domain {}", uuid::Uuid::new_v4().simple()))
            .await;
        let convener = self.person(&admin, "convener").await;
        let made = self
            .run::<CreateCommunity>(
                Some(&convener.token),
                create_community::Variables {
                    input: create_community::CreateCommunityInput {
                        domain_id: domain.clone(),
                        listed: true,
                        membership_mode: create_community::MembershipMode::OPEN,
                        name: "Medicines safety peers".into(),
                    },
                },
            )
            .await;
        let id = made.create_community.community.id;
        let mut people = Vec::new();
        for i in 0..members {
            let p = self.person(&admin, &format!("member{i}")).await;
            let joined = self
                .run::<JoinCommunity>(
                    Some(&p.token),
                    join_community::Variables {
                        community_id: id.clone(),
                    },
                )
                .await;
            assert!(
                joined.join_community.joined,
                "an OPEN community is joined at once"
            );
            people.push(p);
        }
        Community {
            id,
            domain,
            convener,
            members: people,
        }
    }

    /// An open call with a chair and `others` further panel members, all at the network.
    pub async fn call_with_panel(&self, others: usize) -> Panel {
        let admin = self.admin().await;
        let call = self.create_open_call(&admin).await;
        let chair = self.person(&admin, "chair").await;
        self.add_panel_member(&admin, &call, &chair, true).await;
        let mut members = Vec::new();
        for i in 0..others {
            let p = self.person(&admin, &format!("panel{i}")).await;
            self.add_panel_member(&admin, &call, &p, false).await;
            members.push(p);
        }
        Panel {
            admin,
            call,
            chair,
            members,
        }
    }

    async fn add_panel_member(&self, admin: &str, call: &str, who: &Person, chair: bool) {
        let added = self
            .run::<AddPanelMember>(
                Some(admin),
                add_panel_member::Variables {
                    input: add_panel_member::AddPanelMemberInput {
                        call_id: call.to_string(),
                        person_id: who.id.clone(),
                        chair,
                    },
                },
            )
            .await;
        assert_eq!(added.add_panel_member.panel_member.person.id, who.id);
        assert_eq!(added.add_panel_member.panel_member.chair, chair);
    }
}

/// The `extensions.code` of a typed answer's first error.
pub fn first_code<T>(r: &Response<T>) -> Option<String> {
    let e = r.errors.as_ref()?.first()?;
    match e.extensions.as_ref()?.get("code")? {
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}
