use async_graphql::{Interface, ID};

use super::application::Application;
use super::audit::AuditEntry;
use super::call::{Call, Criterion};
use super::catalogue::Domain;
use super::community::Community;
use super::community_work::Challenge;
use super::honoraria::HonorariumShare;
use super::meeting::Meeting;
use super::notification::Notification;
use super::organisation::Organisation;
use super::partner::ServiceClient;
use super::person::Person;
use super::practice::{Exchange, Inquiry, InquiryAnswer, Practice, SharingProtocol};
use super::webhook::{WebhookDelivery, WebhookSubscription};

/// Every entity has a global ID that `node(id)` resolves.
#[derive(Interface)]
#[graphql(field(name = "id", ty = "ID"))]
pub enum Node {
    Person(Person),
    Organisation(Organisation),
    Domain(Domain),
    Call(Call),
    Criterion(Criterion),
    Application(Application),
    AuditEntry(AuditEntry),
    HonorariumShare(HonorariumShare),
    Community(Community),
    Meeting(Meeting),
    ServiceClient(ServiceClient),
    Notification(Notification),
    Practice(Practice),
    Exchange(Exchange),
    Inquiry(Inquiry),
    InquiryAnswer(InquiryAnswer),
    SharingProtocol(SharingProtocol),
    Challenge(Challenge),
    WebhookSubscription(WebhookSubscription),
    WebhookDelivery(WebhookDelivery),
}
