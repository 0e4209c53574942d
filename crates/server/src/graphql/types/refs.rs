//! The node a row refers to by its id, read through the request's loaders, so that a field
//! like `Meeting.community` is one line: `refs::community(ctx, self.0.community_id).await`. A
//! dangling reference is an internal error (`loaders::must`).

use async_graphql::Context;
use uuid::Uuid;

use super::application::Application;
use super::call::{Call, Criterion};
use super::catalogue::Domain;
use super::community::Community;
use super::organisation::Organisation;
use super::person::Person;
use super::practice::Practice;
use crate::graphql::error::ApiResult;
use crate::graphql::loaders::{loaders, must};

pub async fn person(ctx: &Context<'_>, id: Uuid) -> ApiResult<Person> {
    Ok(Person::from(
        must(&loaders(ctx).people, id, "person").await?,
    ))
}

pub async fn organisation(ctx: &Context<'_>, id: Uuid) -> ApiResult<Organisation> {
    let row = must(&loaders(ctx).organisations, id, "organisation").await?;
    Ok(Organisation(row))
}

pub async fn domain(ctx: &Context<'_>, id: Uuid) -> ApiResult<Domain> {
    Ok(Domain(must(&loaders(ctx).domains, id, "domain").await?))
}

pub async fn call(ctx: &Context<'_>, id: Uuid) -> ApiResult<Call> {
    Ok(Call(must(&loaders(ctx).calls, id, "call").await?))
}

pub async fn criterion(ctx: &Context<'_>, id: Uuid) -> ApiResult<Criterion> {
    let row = must(&loaders(ctx).criterion_by_id, id, "criterion").await?;
    Ok(Criterion(row))
}

pub async fn application(ctx: &Context<'_>, id: Uuid) -> ApiResult<Application> {
    let row = must(&loaders(ctx).applications, id, "application").await?;
    Ok(Application::from(row))
}

pub async fn community(ctx: &Context<'_>, id: Uuid) -> ApiResult<Community> {
    let row = must(&loaders(ctx).communities, id, "community").await?;
    Ok(Community(row))
}

pub async fn practice(ctx: &Context<'_>, id: Uuid) -> ApiResult<Practice> {
    Ok(Practice(
        must(&loaders(ctx).practices, id, "practice").await?,
    ))
}
