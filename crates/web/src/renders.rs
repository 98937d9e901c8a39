//! The cap on documents rendered at once by one node: offer posters and
//! cards, printed boards, the weekly report's PDF and card. Each render is
//! tens to hundreds of milliseconds of CPU on the blocking pool; beyond the
//! cap the request is answered at once with 503 and `Retry-After` instead
//! of piling up behind the others.

use std::sync::Arc;

use sportello_app::metrics::Metrics;
use sportello_domain::Lang;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::{AppError, Busy, Problem};

/// The render slots of a node, shared by every request.
#[derive(Debug, Clone)]
pub struct Renders {
    slots: Arc<Semaphore>,
    /// Where render times are counted.
    metrics: Arc<Metrics>,
}

impl Renders {
    /// At most `max` renders at once (0: every render is refused), timed in
    /// `metrics`.
    pub fn new(max: usize, metrics: Arc<Metrics>) -> Renders {
        Renders {
            slots: Arc::new(Semaphore::new(max)),
            metrics,
        }
    }

    /// Runs `work` on the blocking pool if a slot is free, keeping the slot
    /// until `work` ends (even if the client has gone); a 503 page in
    /// `lang` when every slot is taken. `what` names the render in logs;
    /// its time is counted as a `card`'s when `what` says card, else as a
    /// `pdf`'s.
    pub async fn run<T: Send + 'static>(
        &self,
        lang: Lang,
        what: &'static str,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, AppError> {
        let Some(slot) = self.hold() else {
            return Err(AppError::new(Problem::Busy(Busy::Renders)).page(lang));
        };
        let metrics = self.metrics.clone();
        let kind = if what.contains("card") { "card" } else { "pdf" };
        tokio::task::spawn_blocking(move || {
            let started = std::time::Instant::now();
            let result = work();
            metrics.render(kind, started.elapsed());
            drop(slot);
            result
        })
        .await
        .map_err(|e| AppError::new(Problem::Internal(format!("{what}: {e}"))).page(lang))
    }

    /// Takes a slot as a render does, until the permit is dropped; `None`
    /// when every slot is taken. Tests hold every slot to see the 503.
    pub fn hold(&self) -> Option<OwnedSemaphorePermit> {
        self.slots.clone().try_acquire_owned().ok()
    }
}
