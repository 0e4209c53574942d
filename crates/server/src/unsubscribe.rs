//! `/mail/unsubscribe`: the one-click unsubscribe of RFC 8058. A mail client POSTs
//! `List-Unsubscribe=One-Click` to the URL of the `List-Unsubscribe` header; a person who
//! follows the link in a browser gets a page with one button that does the same.

use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::http::Http;

#[derive(Deserialize)]
pub struct Link {
    list: String,
    address: String,
    token: String,
}

fn page(status: StatusCode, body: &str) -> Response {
    let html = format!(
        "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Convene</title></head><body style=\"font-family: Arial, sans-serif\"><main>{body}</main></body></html>"
    );
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        html,
    )
        .into_response()
}

/// A browser following the link: one button, because a GET must change nothing (mail scanners
/// follow links).
pub async fn confirm(Query(link): Query<Link>) -> Response {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let action = format!(
        "?list={}&amp;address={}&amp;token={}",
        esc(&link.list),
        esc(&link.address),
        esc(&link.token)
    );
    page(
        StatusCode::OK,
        &format!(
            "<h1>Stop invitations by email</h1><p>{} will get no more invitations from Convene by email. Invitations still show in the product to an account that has confirmed the address.</p><form method=\"post\" action=\"{action}\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\"><button type=\"submit\">Stop these emails</button></form>",
            esc(&link.address)
        ),
    )
}

/// The one click itself (from a mail client, or the button above).
pub async fn one_click(State(http): State<Http>, Query(link): Query<Link>) -> Response {
    match crate::usecases::identity::unsubscribe(&http.state, &link.list, &link.address, &link.token)
        .await
    {
        Ok(()) => page(
            StatusCode::OK,
            "<h1>You are unsubscribed</h1><p>This address will get no more invitations from Convene by email.</p>",
        ),
        Err(e) => page(StatusCode::BAD_REQUEST, &format!("<h1>Not unsubscribed</h1><p>{}</p>", e.message)),
    }
}
