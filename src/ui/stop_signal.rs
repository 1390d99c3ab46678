//! How a worker tells the page it has stopped. On wasm32 a panic aborts the worker's wasm
//! (there is no unwinding), so a job's answer never comes and the page would wait out its
//! time limit with "Reading…" on screen, while the worker kept its memory. Each job names a
//! broadcast channel; the worker's panic hook posts on it before the abort, so the page stops
//! waiting at once. The hook then ends the worker, whose wasm cannot be trusted after a panic.
//!
//! Both halves are here: `run_job` on the page; `install` and `arm` in the worker.

use std::cell::RefCell;
use std::future::Future;
use std::time::Duration;

use futures::future::{select, Either};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::BroadcastChannel;

/// A job for a worker, with the channel to tell if the worker stops while doing it (`None`
/// for a job nobody waits on).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Job<T> {
    pub work: T,
    pub stop_channel: Option<String>,
}

/// How a job sent to a worker ended.
#[derive(Debug)]
pub enum Outcome<T> {
    /// The worker's answer.
    Answered(T),
    /// The worker stopped part way (its code panicked on what it was given), and has ended.
    Stopped,
    /// No answer within the time limit: out of memory (which aborts without the panic hook),
    /// or far too much work.
    TimedOut,
}

/// Sends `work` to a worker through `send` and waits for the first of: its answer, its
/// signal that it stopped, or `limit`.
pub async fn run_job<W, T, F>(work: W, limit: Duration, send: impl FnOnce(Job<W>) -> F) -> Outcome<T>
where
    F: Future<Output = T>,
{
    // Random, so that two tabs of the app never share a channel.
    let name = format!("wrb-job-{:013x}", (js_sys::Math::random() * 4.5e15) as u64);
    let (stop, stopped) = futures::channel::oneshot::channel::<()>();
    let channel = BroadcastChannel::new(&name).ok();
    let _listening = channel.as_ref().map(|channel| {
        gloo::events::EventListener::once(channel, "message", move |_| {
            let _ = stop.send(());
        })
    });
    // Without a channel (a browser that refuses one) only the answer and the limit remain.
    let stopped = async move {
        if stopped.await.is_err() {
            futures::future::pending::<()>().await
        }
    };
    let answer = send(Job { work, stop_channel: Some(name) });
    let timeout = yew::platform::time::sleep(limit);
    futures::pin_mut!(answer, stopped, timeout);
    let outcome = match select(answer, select(stopped, timeout)).await {
        Either::Left((answer, _)) => Outcome::Answered(answer),
        Either::Right((Either::Left(_), _)) => Outcome::Stopped,
        Either::Right((Either::Right(_), _)) => Outcome::TimedOut,
    };
    if let Some(channel) = channel {
        channel.close();
    }
    outcome
}

thread_local! {
    /// The channel of the job the worker is doing, if anyone waits on it.
    static STOP_CHANNEL: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// In a worker, before it serves: from then on a panic writes its message to the worker's
/// console (for developers), tells the page on the current job's channel, and ends the worker.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        gloo::console::error!(info.to_string());
        STOP_CHANNEL.with(|current| {
            let Ok(current) = current.try_borrow() else { return };
            if let Some(channel) = current.as_deref().and_then(|name| BroadcastChannel::new(name).ok()) {
                let _ = channel.post_message(&JsValue::from_str("stopped"));
            }
        });
        if let Ok(worker) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() {
            worker.close();
        }
    }));
}

/// In a worker, as a job starts: names the channel a panic is told on until the job ends (the
/// returned guard is dropped). A job must not await while armed, or the worker could start
/// another and a panic would be told on the wrong channel.
#[must_use]
pub fn arm(stop_channel: Option<&str>) -> Armed {
    STOP_CHANNEL.with(|current| *current.borrow_mut() = stop_channel.map(str::to_owned));
    Armed
}

/// The current job's channel named; dropping it clears the name.
pub struct Armed;

impl Drop for Armed {
    fn drop(&mut self) {
        STOP_CHANNEL.with(|current| *current.borrow_mut() = None);
    }
}
