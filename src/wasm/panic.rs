//! A panic is contained: reported with what broke, and the instance left quiet for a new one.
//!
//! The Wasm is built with `panic = "abort"`, so a panic traps the instance: the call that
//! panicked throws a `RuntimeError` to the JavaScript that made it, and the Rust state it
//! was changing (a `RefCell` left borrowed, an update half done) can no longer be trusted.
//! The hook [`on_panic`] installs therefore reports the panic, with the rule or parser
//! involved ([`crate::stage`]), to the console and to the callback it was given (content.js
//! starts a fresh instance of the module and tells the popup; the service worker, which
//! keeps no state between calls, passes the message on with the failed request), and marks
//! the instance [`stopped`]: the page's callbacks into the web layer check that before they
//! touch any state, so the old instance stays silent beside the new one.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

use wasm_bindgen::prelude::*;

static STOPPED: AtomicBool = AtomicBool::new(false);
static INSTALL: Once = Once::new();

thread_local! {
    static REPORT: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Installs the panic hook; `report` is called with what broke ("rule tone-shout
/// (src/rules/tone_shout.rs:42)") if this instance ever panics. It runs while the
/// instance is trapping, so it must not call back into this module: schedule the recovery.
#[wasm_bindgen(js_name = onPanic)]
pub fn on_panic(report: js_sys::Function) {
    REPORT.with(|callback| callback.replace(Some(report)));
    INSTALL.call_once(|| std::panic::set_hook(Box::new(report_panic)));
}

/// Whether this instance has panicked; nothing may run on its state once it has.
pub fn stopped() -> bool {
    STOPPED.load(Ordering::Relaxed)
}

fn report_panic(info: &std::panic::PanicHookInfo) {
    STOPPED.store(true, Ordering::Relaxed);
    // What broke and where, safe to keep and show: a panic's own reason may quote the
    // text it failed on (str slicing does), which is the agent's draft or a customer's
    // message, so the reason goes to the console only.
    let stage = crate::stage::current().unwrap_or_else(|| "the web layer".to_string());
    let summary = match info.location() {
        Some(place) => format!("{stage} ({}:{})", place.file(), place.line()),
        None => stage,
    };
    web_sys::console::error_1(&format!("Reply Coach stopped: {summary}: {info}").into());
    REPORT.with(|callback| {
        let Ok(callback) = callback.try_borrow() else { return };
        if let Some(report) = callback.as_ref() {
            // A reporter that throws must not make a second panic inside this one.
            let _ = report.call1(&JsValue::NULL, &JsValue::from(summary));
        }
    });
}
