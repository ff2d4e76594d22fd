//! `wiretrace serve`: the views as HTML pages and as a JSON API, read-only, over one store.
//!
//! Every handler runs its engine call on the blocking pool. The engine (one SQLite connection) sits
//! behind a mutex; the story list takes it only to fetch the current [`StoryIndex`] (one cheap
//! version check), then filters and pages without it, so list requests do not queue on SQLite.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use maud::Markup;
use serde::Serialize;
use wiretrace_engine::model::{ArticleId, StoryId};
use wiretrace_engine::views::{StoryPage, StoryQuery};
use wiretrace_engine::{Engine, Error};

use crate::pages::{self, Assets, Links};
use crate::params::{self, BadParam, UnknownId};

/// The Content-Security-Policy of every response: only this server's own stylesheet and script,
/// no inline code, no frames, no other origins.
pub const CSP: &str = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; \
connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const CSS: &str = include_str!("assets/app.css");
const JS: &str = include_str!("assets/app.js");

/// Shared state: the engine.
#[derive(Clone)]
pub struct AppState {
    engine: Arc<Mutex<Engine>>,
}

/// URLs of the server.
pub struct ServerLinks;

impl Links for ServerLinks {
    fn list(&self) -> String {
        "/".into()
    }
    fn story(&self, id: StoryId) -> String {
        format!("/stories/{id}")
    }
    fn article(&self, id: ArticleId) -> String {
        format!("/articles/{id}")
    }
    fn compare(&self, a: ArticleId, b: ArticleId) -> String {
        format!("/compare?a={a}&b={b}")
    }
}

/// What went wrong in a request, as an HTML page or a JSON body.
enum Failure {
    NotFound(String),
    BadRequest(String),
    Internal(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        match e {
            Error::NotFound(m) => Failure::NotFound(m),
            other => Failure::Internal(other.to_string()),
        }
    }
}

impl From<BadParam> for Failure {
    fn from(e: BadParam) -> Self {
        Failure::BadRequest(e.0)
    }
}

impl From<UnknownId> for Failure {
    fn from(e: UnknownId) -> Self {
        Failure::NotFound(e.0)
    }
}

impl Failure {
    fn status(&self) -> (StatusCode, &str) {
        match self {
            Failure::NotFound(m) => (StatusCode::NOT_FOUND, m),
            Failure::BadRequest(m) => (StatusCode::BAD_REQUEST, m),
            Failure::Internal(m) => (StatusCode::INTERNAL_SERVER_ERROR, m),
        }
    }

    fn html(self) -> Response {
        let (status, msg) = self.status();
        let heading = match status {
            StatusCode::NOT_FOUND => "Not found",
            StatusCode::BAD_REQUEST => "Bad request",
            _ => "Server error",
        };
        (
            status,
            page(heading, pages::message_page(heading, msg, &ServerLinks)),
        )
            .into_response()
    }

    fn json(self) -> Response {
        let (status, msg) = self.status();
        (
            status,
            Json(serde_json::json!({"error": msg, "status": status.as_u16()})),
        )
            .into_response()
    }
}

fn page(title: &str, body: Markup) -> Html<String> {
    Html(pages::document(title, &Assets::Linked, body).into_string())
}

/// Runs an engine call on the blocking pool.
async fn with_engine<T: Send + 'static>(
    st: &AppState,
    f: impl FnOnce(&Engine) -> Result<T, Failure> + Send + 'static,
) -> Result<T, Failure> {
    let engine = Arc::clone(&st.engine);
    tokio::task::spawn_blocking(move || {
        let guard = engine.lock().unwrap_or_else(|e| e.into_inner());
        f(&guard)
    })
    .await
    .map_err(|e| Failure::Internal(e.to_string()))?
}

async fn story_page(st: &AppState, q: StoryQuery) -> Result<StoryPage, Failure> {
    let engine = Arc::clone(&st.engine);
    tokio::task::spawn_blocking(move || {
        let index = engine
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .story_index()
            .map_err(Failure::from)?;
        Ok(index.query(&q))
    })
    .await
    .map_err(|e| Failure::Internal(e.to_string()))?
}

fn json<T: Serialize>(r: Result<T, Failure>) -> Response {
    match r {
        Ok(v) => Json(v).into_response(),
        Err(f) => f.json(),
    }
}

fn respond(r: Result<Html<String>, Failure>) -> Response {
    match r {
        Ok(h) => h.into_response(),
        Err(f) => f.html(),
    }
}

type Params = Query<Vec<(String, String)>>;

async fn list_html(State(st): State<AppState>, Query(raw): Params) -> Response {
    let r = async {
        let q = params::story_query(&raw)?;
        let p = story_page(&st, q.clone()).await?;
        Ok(page("Stories", crate::list::list_page(&q, &p)))
    };
    respond(r.await)
}

async fn story_html(State(st): State<AppState>, Path(id): Path<String>) -> Response {
    let r = with_engine(&st, move |e| {
        let id = params::story_id(&id)?;
        let v = e.story_view(&id)?;
        Ok(page(
            v.story.headline.as_deref().unwrap_or("Story"),
            pages::story_page(&v, &ServerLinks),
        ))
    });
    respond(r.await)
}

async fn article_html(State(st): State<AppState>, Path(id): Path<String>) -> Response {
    let r = with_engine(&st, move |e| {
        let id = params::article_id(&id)?;
        let v = e.article_view(&id)?;
        Ok(page(
            v.article.title.as_deref().unwrap_or("Article"),
            pages::article_page(&v, &ServerLinks),
        ))
    });
    respond(r.await)
}

async fn compare_html(State(st): State<AppState>, Query(raw): Params) -> Response {
    let r = with_engine(&st, move |e| {
        let (a, b) = params::pair(&raw)?;
        let c = e.compare_specs(&a, &b)?;
        Ok(page("Compare", pages::compare_page(&c, &ServerLinks)))
    });
    respond(r.await)
}

async fn api_stories(State(st): State<AppState>, Query(raw): Params) -> Response {
    let r = async {
        let q = params::story_query(&raw)?;
        story_page(&st, q).await
    };
    json(r.await)
}

async fn api_story(State(st): State<AppState>, Path(id): Path<String>) -> Response {
    json(
        with_engine(&st, move |e| {
            let id = params::story_id(&id)?;
            Ok(e.story_view(&id)?)
        })
        .await,
    )
}

async fn api_article(State(st): State<AppState>, Path(id): Path<String>) -> Response {
    json(
        with_engine(&st, move |e| {
            let id = params::article_id(&id)?;
            Ok(e.article_view(&id)?)
        })
        .await,
    )
}

async fn api_compare(State(st): State<AppState>, Query(raw): Params) -> Response {
    json(
        with_engine(&st, move |e| {
            let (a, b) = params::pair(&raw)?;
            Ok(e.compare_specs(&a, &b)?)
        })
        .await,
    )
}

async fn api_search(State(st): State<AppState>, Query(raw): Params) -> Response {
    json(
        with_engine(&st, move |e| {
            let q = params::story_query(&raw)?;
            if q.q.as_deref().is_none_or(|s| s.trim().is_empty()) {
                return Err(Failure::BadRequest("search needs a non-empty q parameter".into()));
            }
            Ok(e.search(&q)?)
        })
        .await,
    )
}

async fn not_found_html() -> Response {
    Failure::NotFound("No such page.".into()).html()
}

async fn api_not_found() -> Response {
    Failure::NotFound("no such API endpoint".into()).json()
}

async fn css() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], CSS).into_response()
}

async fn js() -> Response {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], JS).into_response()
}

/// Adds the security headers to every response.
async fn secure(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    res
}

/// The application: pages, the JSON API and static assets, all GET (other methods get 405).
pub fn router(engine: Engine) -> Router {
    let st = AppState {
        engine: Arc::new(Mutex::new(engine)),
    };
    Router::new()
        .route("/", get(list_html))
        .route("/stories/{id}", get(story_html))
        .route("/articles/{id}", get(article_html))
        .route("/compare", get(compare_html))
        .route("/api/stories", get(api_stories))
        .route("/api/stories/{id}", get(api_story))
        .route("/api/articles/{id}", get(api_article))
        .route("/api/compare", get(api_compare))
        .route("/api/search", get(api_search))
        .route("/api/{*rest}", get(api_not_found))
        .route("/static/app.css", get(css))
        .route("/static/app.js", get(js))
        .fallback(not_found_html)
        .layer(axum::middleware::from_fn(secure))
        .with_state(st)
}

/// Serves until Ctrl-C. Prints the address it listens on.
///
/// # Errors
/// When the address cannot be bound.
pub async fn serve(engine: Engine, addr: SocketAddr) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let local = listener.local_addr()?;
    #[allow(clippy::print_stderr)]
    {
        eprintln!("wiretrace: serving on http://{local}/ (read-only; Ctrl-C stops)");
        if !local.ip().is_loopback() {
            eprintln!("wiretrace: warning: {local} is reachable from other machines");
        }
    }
    axum::serve(listener, router(engine))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}

/// Runs [`serve`] on a new multi-threaded runtime, blocking until Ctrl-C.
///
/// # Errors
/// When the runtime cannot start or the address cannot be bound.
pub fn run(engine: Engine, addr: SocketAddr) -> std::io::Result<()> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(serve(engine, addr))
}
