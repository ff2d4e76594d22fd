use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use wiretrace_engine::{Config, Engine, Input, NoProgress};

pub fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(rel)
}

/// An analysed store of `inputs` in a temporary directory.
pub fn analysed(dir: &Path, inputs: &[PathBuf]) -> Engine {
    let mut engine = Engine::open(&dir.join("w.db"), Config::default()).unwrap();
    let inputs: Vec<Input> = inputs.iter().cloned().map(Input::Path).collect();
    engine.add(&inputs, &NoProgress).unwrap();
    engine.analyze(&NoProgress).unwrap();
    engine
}

/// A server on a free loopback port, running on its own thread until the test process ends.
pub fn start(engine: Engine) -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, wiretrace_web::server::router(engine))
                .await
                .unwrap();
        });
    });
    addr
}

/// A fictional story in two versions whose title, outlet and text carry HTML and script.
pub fn hostile_corpus(dir: &Path) -> PathBuf {
    let body = "Harbour officials in Vellmont said on Monday that the <img src=x onerror=\"window.__xss=1\"> \
                night ferry would stop running after 40 years, citing falling passenger numbers. \
                </textarea><script>window.__xss=2</script> The last crossing leaves at nine. \
                \"We kept it going as long as we could,\" said port director Anna <b>Kessel</b>. \
                Residents plan a farewell gathering on the quay <a href=\"javascript:window.__xss=3\">here</a>.";
    let lines = [
        serde_json::json!({"id": "x1", "title": "<script>window.__xss=4</script>Ferry ends", "outlet": "<i onmouseover=\"window.__xss=5\">Wire</i>",
            "published": "2026-01-05T08:00:00Z", "text": body}),
        serde_json::json!({"id": "x2", "title": "Night ferry <img src=y onerror=\"window.__xss=6\"> ends", "outlet": "Copy & Paste Daily",
            "published": "2026-01-05T12:00:00Z", "text": format!("{body} Via Wire.")}),
    ];
    let path = dir.join("hostile.jsonl");
    let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    std::fs::write(&path, text.join("\n")).unwrap();
    path
}

pub fn get(addr: SocketAddr, path: &str) -> (u16, String, Option<String>) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut res = agent.get(&format!("http://{addr}{path}")).call().unwrap();
    let csp = res
        .headers()
        .get("content-security-policy")
        .map(|v| v.to_str().unwrap().to_string());
    (
        res.status().as_u16(),
        res.body_mut().read_to_string().unwrap(),
        csp,
    )
}
