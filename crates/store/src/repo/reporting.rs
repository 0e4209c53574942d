//! The programme dashboard's counts (SPEC §8): one aggregate statement per figure, counted by
//! the database (GROUP BY, COUNT(DISTINCT)), never by loading tables. Periods are bound as
//! instants and dates, so the same SQL runs on SQLite and PostgreSQL.

use chrono::{DateTime, NaiveDate, Utc};
use convene_domain::application::{ApplicationStatus, CoLeadState};
use convene_domain::call::CallStatus;
use convene_domain::community::{MeetingStatus, MemberRole, Stage};
use convene_domain::honorarium::PaymentStatus;
use convene_domain::reporting::Period;
use sea_orm::{ConnectionTrait, FromQueryResult};
use uuid::Uuid;

use super::sql::Sql;
use crate::Result;

/// What the dashboard is narrowed to: one call (applications, reviews, decisions, outcomes,
/// honoraria) and a period of UK dates.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scope {
    pub call: Option<Uuid>,
    pub period: Period,
}

/// The dashboard's own clauses on the store's `Sql` builder.
impl Sql {
    /// ` AND {col} = ?` for the scope's call.
    fn call(&mut self, col: &str, scope: &Scope) -> &mut Sql {
        self.bind_opt(&format!(" AND {col} = ?"), scope.call)
    }
    /// ` AND {col} >= start AND {col} < end` for an instant column.
    fn within(&mut self, col: &str, p: &Period) -> &mut Sql {
        self.bind_opt(&format!(" AND {col} >= ?"), p.starts_at())
            .bind_opt(&format!(" AND {col} < ?"), p.ends_before())
    }
    /// ` AND {col} < end`: what existed at the end of the period.
    fn by_end(&mut self, col: &str, p: &Period) -> &mut Sql {
        self.bind_opt(&format!(" AND {col} < ?"), p.ends_before())
    }
}

/// A stored word (an enum's value) and how many.
#[derive(Debug, Clone, FromQueryResult)]
pub struct KeyCount {
    pub k: String,
    pub n: i64,
}

/// A thing with an ID and a name, and how many.
#[derive(Debug, Clone, FromQueryResult)]
pub struct IdCount {
    pub id: Uuid,
    pub label: String,
    pub n: i64,
}

fn considered() -> [&'static str; 3] {
    [
        ApplicationStatus::Submitted,
        ApplicationStatus::Funded,
        ApplicationStatus::NotFunded,
    ]
    .map(|s| s.as_str())
}

/// Applications submitted (in the period), per domain, most first.
pub async fn applications_by_domain(
    db: &impl ConnectionTrait,
    scope: &Scope,
) -> Result<Vec<IdCount>> {
    let mut q = Sql::new(
        "SELECT a.domain_id AS id, d.name AS label, COUNT(*) AS n \
         FROM applications a JOIN domains d ON d.id = a.domain_id \
         WHERE a.submitted_at IS NOT NULL",
    );
    q.call("a.call_id", scope)
        .within("a.submitted_at", &scope.period)
        .push(" GROUP BY a.domain_id, d.name ORDER BY n DESC, label");
    q.all(db).await
}

/// Applications submitted (in the period), per sector of the lead's organisation when applying.
pub async fn applications_by_sector(
    db: &impl ConnectionTrait,
    scope: &Scope,
) -> Result<Vec<KeyCount>> {
    let mut q = Sql::new(
        "SELECT o.sector AS k, COUNT(*) AS n FROM applications a \
         JOIN participants p ON p.application_id = a.id",
    );
    q.bind(" AND p.is_lead = ?", true)
        .push(
            " JOIN organisations o ON o.id = p.organisation_id \
             WHERE a.submitted_at IS NOT NULL",
        )
        .call("a.call_id", scope)
        .within("a.submitted_at", &scope.period)
        .push(" GROUP BY o.sector");
    q.all(db).await
}

/// Applications per status now; with a period, those submitted in it.
pub async fn applications_by_status(
    db: &impl ConnectionTrait,
    scope: &Scope,
) -> Result<Vec<KeyCount>> {
    let mut q = Sql::new("SELECT a.status AS k, COUNT(*) AS n FROM applications a WHERE 1 = 1");
    q.call("a.call_id", scope)
        .within("a.submitted_at", &scope.period)
        .push(" GROUP BY a.status");
    q.all(db).await
}

#[derive(Debug, Clone, FromQueryResult)]
pub struct ReviewRow {
    pub call_id: Uuid,
    pub person_id: Uuid,
    pub assigned: i64,
    pub submitted: i64,
    pub conflicts: i64,
    /// Assigned applications still in the running (submitted) that they have not reviewed.
    pub outstanding: i64,
    pub reviews_due_on: Option<NaiveDate>,
}

/// Each panel member of each call (not drafts): reviews assigned, reviews submitted (in the
/// period), and the applications that went forward they are conflicted on: declared, or found
/// as `selection::conflict` finds them (an accepted lead or co-lead, or working now for an
/// accepted lead's or co-lead's organisation when applying, or for the sponsor).
pub async fn review_progress(db: &impl ConnectionTrait, scope: &Scope) -> Result<Vec<ReviewRow>> {
    let [s1, s2, s3] = considered();
    let mut q = Sql::new(
        "SELECT pm.call_id AS call_id, pm.person_id AS person_id, \
         (SELECT COUNT(*) FROM review_assignments ra \
            WHERE ra.call_id = pm.call_id AND ra.reviewer_id = pm.person_id) AS assigned, \
         (SELECT COUNT(*) FROM reviews r \
            WHERE r.call_id = pm.call_id AND r.reviewer_id = pm.person_id",
    );
    q.within("r.submitted_at", &scope.period)
        .push(
            ") AS submitted, \
             (SELECT COUNT(*) FROM applications a WHERE a.call_id = pm.call_id",
        )
        .bind(" AND a.status IN (?", s1)
        .bind(", ?", s2)
        .bind(", ?)", s3)
        .push(
            " AND (EXISTS (SELECT 1 FROM declared_conflicts dc \
                     WHERE dc.application_id = a.id AND dc.person_id = pm.person_id) \
                 OR a.sponsor_organisation_id = me.organisation_id \
                 OR EXISTS (SELECT 1 FROM participants p WHERE p.application_id = a.id",
        )
        .bind(" AND p.state = ?", CoLeadState::Accepted.as_str())
        .push(
            " AND (p.person_id = pm.person_id OR p.organisation_id = me.organisation_id)))) \
             AS conflicts, c.reviews_due_on AS reviews_due_on, \
             (SELECT COUNT(*) FROM review_assignments ra JOIN applications a \
                ON a.id = ra.application_id \
                WHERE ra.call_id = pm.call_id AND ra.reviewer_id = pm.person_id",
        )
        .bind(" AND a.status = ?", ApplicationStatus::Submitted.as_str())
        .push(
            " AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.application_id = ra.application_id \
                  AND r.reviewer_id = ra.reviewer_id)) AS outstanding \
             FROM panel_members pm JOIN people me ON me.id = pm.person_id \
             JOIN calls c ON c.id = pm.call_id",
        )
        .bind(" WHERE c.status <> ?", CallStatus::Draft.as_str())
        .call("pm.call_id", scope)
        .push(" ORDER BY c.opens_at, c.title, c.id, pm.chair DESC, me.name, me.id");
    q.all(db).await
}

#[derive(Debug, Clone, FromQueryResult)]
pub struct DecisionRow {
    pub call_id: Uuid,
    pub decided_at: Option<DateTime<Utc>>,
    pub funded: i64,
    pub not_funded: i64,
}

/// Each call past its draft: when it was decided and how many applications were funded and
/// not. With a period, calls decided outside it are left out (undecided ones stay).
pub async fn decisions(db: &impl ConnectionTrait, scope: &Scope) -> Result<Vec<DecisionRow>> {
    let mut q = Sql::new("SELECT c.id AS call_id, d.decided_at AS decided_at");
    q.bind(
        ", (SELECT COUNT(*) FROM applications a WHERE a.call_id = c.id AND a.status = ?) AS funded",
        ApplicationStatus::Funded.as_str(),
    )
    .bind(
        ", (SELECT COUNT(*) FROM applications a WHERE a.call_id = c.id AND a.status = ?) AS not_funded",
        ApplicationStatus::NotFunded.as_str(),
    )
    .push(" FROM calls c LEFT JOIN decisions d ON d.call_id = c.id")
    .bind(" WHERE c.status <> ?", CallStatus::Draft.as_str())
    .call("c.id", scope)
    .push(" AND (d.decided_at IS NULL OR (1 = 1")
    .within("d.decided_at", &scope.period)
    .push(")) ORDER BY c.opens_at, c.title, c.id");
    q.all(db).await
}

#[derive(Debug, Clone, FromQueryResult)]
pub struct PendingRow {
    pub call_id: Uuid,
    pub decision_due_on: NaiveDate,
    pub pending: i64,
}

/// Each call past its draft, with how many people are owed an outcome: the lead and accepted
/// co-leads of each application that went forward (submitted, funded or not funded) who have
/// not been sent one yet.
pub async fn outcomes_pending(db: &impl ConnectionTrait, scope: &Scope) -> Result<Vec<PendingRow>> {
    let [s1, s2, s3] = considered();
    let mut q = Sql::new(
        "SELECT c.id AS call_id, c.decision_due_on AS decision_due_on, \
         (SELECT COUNT(*) FROM participants p JOIN applications a ON a.id = p.application_id \
            WHERE a.call_id = c.id",
    );
    q.bind(" AND a.status IN (?", s1)
        .bind(", ?", s2)
        .bind(", ?)", s3)
        .bind(" AND p.state = ?", CoLeadState::Accepted.as_str())
        .push(
            " AND NOT EXISTS (SELECT 1 FROM outcome_notices n \
                WHERE n.application_id = a.id AND n.email = p.email)) AS pending \
             FROM calls c",
        )
        .bind(" WHERE c.status <> ?", CallStatus::Draft.as_str())
        .call("c.id", scope)
        .push(" ORDER BY c.decision_due_on, c.title, c.id");
    q.all(db).await
}

/// Communities created by the end of the period, per stage now.
pub async fn communities_by_stage(db: &impl ConnectionTrait, p: &Period) -> Result<Vec<KeyCount>> {
    let mut q = Sql::new("SELECT c.stage AS k, COUNT(*) AS n FROM communities c WHERE 1 = 1");
    q.by_end("c.created_at", p).push(" GROUP BY c.stage");
    q.all(db).await
}

/// How many communities (created by the end of the period, not closed) have done each step.
pub async fn startup_steps_done(db: &impl ConnectionTrait, p: &Period) -> Result<Vec<KeyCount>> {
    let mut q = Sql::new(
        "SELECT s.step AS k, COUNT(DISTINCT s.community_id) AS n FROM startup_steps s \
         JOIN communities c ON c.id = s.community_id",
    );
    q.bind(" WHERE s.done = ?", true)
        .bind(" AND c.stage <> ?", Stage::Closed.as_str())
        .by_end("c.created_at", p)
        .push(" GROUP BY s.step");
    q.all(db).await
}

/// Distinct people, organisations (the people's own, now) and sectors among members.
#[derive(Debug, Clone, FromQueryResult)]
pub struct ReachRow {
    pub community_id: Uuid,
    pub stage: String,
    pub members: i64,
    pub organisations: i64,
    pub sectors: i64,
}

#[derive(Debug, Clone, FromQueryResult)]
pub struct NetworkReachRow {
    pub members: i64,
    pub organisations: i64,
    pub sectors: i64,
}

/// Each community created by the end of the period, by name, with the reach of the members
/// who had joined by then.
pub async fn community_reach(db: &impl ConnectionTrait, p: &Period) -> Result<Vec<ReachRow>> {
    let mut q = Sql::new(
        "SELECT c.id AS community_id, c.stage AS stage, COUNT(DISTINCT m.person_id) AS members, \
         COUNT(DISTINCT pe.organisation_id) AS organisations, COUNT(DISTINCT o.sector) AS sectors \
         FROM communities c LEFT JOIN community_members m ON m.community_id = c.id",
    );
    q.by_end("m.joined_at", p)
        .push(
            " LEFT JOIN people pe ON pe.id = m.person_id \
             LEFT JOIN organisations o ON o.id = pe.organisation_id WHERE 1 = 1",
        )
        .by_end("c.created_at", p)
        .push(" GROUP BY c.id, c.stage, c.name ORDER BY c.name, c.id");
    q.all(db).await
}

/// The same across the network: each person counted once, whatever communities they are in.
pub async fn network_reach(db: &impl ConnectionTrait, p: &Period) -> Result<NetworkReachRow> {
    let mut q = Sql::new(
        "SELECT COUNT(DISTINCT m.person_id) AS members, \
         COUNT(DISTINCT pe.organisation_id) AS organisations, COUNT(DISTINCT o.sector) AS sectors \
         FROM community_members m JOIN communities c ON c.id = m.community_id \
         JOIN people pe ON pe.id = m.person_id \
         JOIN organisations o ON o.id = pe.organisation_id WHERE 1 = 1",
    );
    q.by_end("m.joined_at", p).by_end("c.created_at", p);
    q.one(db).await
}

#[derive(Debug, Clone, FromQueryResult)]
pub struct ProfessionRow {
    pub community_id: Uuid,
    pub profession: String,
}

/// The distinct professions, as written, of each community's members (the domain decides
/// which spellings are one profession).
pub async fn member_professions(
    db: &impl ConnectionTrait,
    p: &Period,
) -> Result<Vec<ProfessionRow>> {
    let mut q = Sql::new(
        "SELECT DISTINCT m.community_id AS community_id, pe.profession AS profession \
         FROM community_members m JOIN communities c ON c.id = m.community_id \
         JOIN people pe ON pe.id = m.person_id WHERE pe.profession IS NOT NULL",
    );
    q.by_end("m.joined_at", p).by_end("c.created_at", p);
    q.all(db).await
}

#[derive(Debug, Clone, FromQueryResult)]
pub struct MeetingRow {
    pub held: i64,
    pub scheduled: i64,
    pub cancelled: i64,
    pub attendances: i64,
}

/// Meetings starting in the period: held (started by `now`, not cancelled), scheduled (still
/// to come), cancelled; and the attendances recorded at those held.
pub async fn meetings(
    db: &impl ConnectionTrait,
    p: &Period,
    now: DateTime<Utc>,
) -> Result<MeetingRow> {
    let on = MeetingStatus::Scheduled.as_str();
    let mut q = Sql::new("SELECT");
    q.bind(" COALESCE(SUM(CASE WHEN m.status = ?", on)
        .bind(" AND m.starts_at <= ? THEN 1 ELSE 0 END), 0) AS held,", now)
        .bind(" COALESCE(SUM(CASE WHEN m.status = ?", on)
        .bind(
            " AND m.starts_at > ? THEN 1 ELSE 0 END), 0) AS scheduled,",
            now,
        )
        .bind(
            " COALESCE(SUM(CASE WHEN m.status = ? THEN 1 ELSE 0 END), 0) AS cancelled,",
            MeetingStatus::Cancelled.as_str(),
        )
        .push(
            " (SELECT COUNT(*) FROM meeting_attendance ma JOIN meetings h ON h.id = ma.meeting_id",
        )
        .bind(" WHERE h.status = ?", on)
        .bind(" AND h.starts_at <= ?", now)
        .within("h.starts_at", p)
        .push(") AS attendances FROM meetings m WHERE 1 = 1")
        .within("m.starts_at", p);
    q.one(db).await
}

/// Practice exchanges shared in the period, per visibility (counts only: the safe forum).
pub async fn exchanges_by_visibility(
    db: &impl ConnectionTrait,
    p: &Period,
) -> Result<Vec<KeyCount>> {
    let mut q =
        Sql::new("SELECT x.visibility AS k, COUNT(*) AS n FROM practice_exchanges x WHERE 1 = 1");
    q.within("x.created_at", p).push(" GROUP BY x.visibility");
    q.all(db).await
}

#[derive(Debug, Clone, FromQueryResult)]
struct Count {
    n: i64,
}

/// Practices marked promising (in the period, by when they were last marked).
pub async fn promising_practices(db: &impl ConnectionTrait, p: &Period) -> Result<i64> {
    let mut q = Sql::new(
        "SELECT COUNT(*) AS n FROM practices pr WHERE pr.promising_visibility IS NOT NULL",
    );
    q.within("pr.marked_at", p);
    Ok(q.one::<Count>(db).await?.n)
}

#[derive(Debug, Clone, FromQueryResult)]
pub struct HonorariaRow {
    pub call_id: Uuid,
    pub honorarium_pence: i64,
    pub funded_places: i32,
    pub committed_pence: i64,
    pub paid_pence: i64,
}

/// Each call past its draft: committed (shares not cancelled, as `honorarium::totals` counts
/// them) and paid (in the period, by the date paid).
pub async fn honoraria(db: &impl ConnectionTrait, scope: &Scope) -> Result<Vec<HonorariaRow>> {
    let mut q = Sql::new(
        "SELECT c.id AS call_id, c.honorarium_pence AS honorarium_pence, \
         c.funded_places AS funded_places",
    );
    q.bind(
        ", COALESCE(CAST(SUM(CASE WHEN s.status <> ? THEN s.amount_pence ELSE 0 END) AS BIGINT), 0) AS committed_pence",
        PaymentStatus::Cancelled.as_str(),
    )
    .bind(
        ", COALESCE(CAST(SUM(CASE WHEN s.status = ?",
        PaymentStatus::Paid.as_str(),
    )
    .bind_opt(" AND s.paid_on >= ?", scope.period.from)
    .bind_opt(" AND s.paid_on <= ?", scope.period.to)
    .push(
        " THEN s.amount_pence ELSE 0 END) AS BIGINT), 0) AS paid_pence \
         FROM calls c LEFT JOIN honorarium_shares s ON s.call_id = c.id",
    )
    .bind(" WHERE c.status <> ?", CallStatus::Draft.as_str())
    .call("c.id", scope)
    .push(
        " GROUP BY c.id, c.honorarium_pence, c.funded_places, c.opens_at, c.title \
         ORDER BY c.opens_at, c.title, c.id",
    );
    q.all(db).await
}

/// One member of a community as its conveners' export lists them.
#[derive(Debug, Clone, FromQueryResult)]
pub struct MemberRow {
    pub person_id: Uuid,
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub sector: String,
    pub profession: Option<String>,
    pub role: String,
    pub joined_at: DateTime<Utc>,
}

/// A community's members: conveners, then core, then members, each by name.
pub async fn members_of(db: &impl ConnectionTrait, community: Uuid) -> Result<Vec<MemberRow>> {
    let mut q = Sql::new(
        "SELECT pe.id AS person_id, pe.name AS name, pe.email AS email, o.name AS organisation, o.sector AS sector, \
         pe.profession AS profession, m.role AS role, m.joined_at AS joined_at \
         FROM community_members m JOIN people pe ON pe.id = m.person_id \
         JOIN organisations o ON o.id = pe.organisation_id",
    );
    q.bind(" WHERE m.community_id = ?", community)
        .bind(
            " ORDER BY CASE m.role WHEN ? THEN 0",
            MemberRole::Convener.as_str(),
        )
        .bind(
            " WHEN ? THEN 1 ELSE 2 END, pe.name, pe.id",
            MemberRole::Core.as_str(),
        );
    q.all(db).await
}
