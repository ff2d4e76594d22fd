//! The web viewer against real stores: HTTP behaviour, escaping, and a real headless Chromium.

mod e2e;
mod http;
mod util;
