//! The cap on Argon2 work at once on one node: checking or making a
//! password takes tens of milliseconds of CPU and about 19 MiB of memory,
//! so a burst of sign-in attempts could exhaust both. Beyond the cap an
//! attempt is answered at once with 503 and `Retry-After` (the limiter
//! still counted it). A test hook, [`Gate`], holds every hash until it is
//! released, so that a test sees hashes overlap.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};

use sportello_domain::Lang;
use tokio::sync::Semaphore;

use crate::error::{AppError, Busy, Problem};

/// The hashing slots of a node, shared by every request.
#[derive(Debug, Clone)]
pub struct Hashing {
    slots: Arc<Semaphore>,
    gate: Arc<Gate>,
}

impl Hashing {
    /// At most `max` Argon2 computations at once (at least one).
    pub fn new(max: usize) -> Hashing {
        Hashing {
            slots: Arc::new(Semaphore::new(max.max(1))),
            gate: Arc::default(),
        }
    }

    /// The test hook every hash passes before it starts.
    pub fn gate(&self) -> &Gate {
        &self.gate
    }

    /// Runs `work` (Argon2) on the blocking pool if a slot is free, keeping
    /// the slot until it ends; a 503 page in `lang` when every slot is taken.
    pub async fn run<T: Send + 'static>(
        &self,
        lang: Lang,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, AppError> {
        let Ok(slot) = self.slots.clone().try_acquire_owned() else {
            return Err(AppError::new(Problem::Busy(Busy::Hashing)).page(lang));
        };
        let gate = self.gate.clone();
        tokio::task::spawn_blocking(move || {
            gate.pass();
            let result = work();
            drop(slot);
            result
        })
        .await
        .map_err(|e| AppError::new(Problem::Internal(format!("argon2: {e}"))).page(lang))
    }
}

/// Open unless a test closes it; while closed, every hash waits at it.
#[derive(Debug, Default)]
pub struct Gate {
    closed: Mutex<bool>,
    opened: Condvar,
    waiting: AtomicUsize,
}

impl Gate {
    /// Holds every hash that starts from now on.
    pub fn close(&self) {
        *self.closed.lock().unwrap_or_else(|e| e.into_inner()) = true;
    }

    /// Lets every held hash go on.
    pub fn open(&self) {
        *self.closed.lock().unwrap_or_else(|e| e.into_inner()) = false;
        self.opened.notify_all();
    }

    /// How many hashes are held now.
    pub fn waiting(&self) -> usize {
        self.waiting.load(Ordering::SeqCst)
    }

    fn pass(&self) {
        let mut closed = self.closed.lock().unwrap_or_else(|e| e.into_inner());
        if !*closed {
            return;
        }
        self.waiting.fetch_add(1, Ordering::SeqCst);
        while *closed {
            closed = self.opened.wait(closed).unwrap_or_else(|e| e.into_inner());
        }
        self.waiting.fetch_sub(1, Ordering::SeqCst);
    }
}
