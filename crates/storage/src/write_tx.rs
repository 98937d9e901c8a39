//! A write transaction that, on SQLite, also holds this process's turn to
//! write. SQLite has one writer at a time: without a queue of our own, every
//! writer that finds the file locked sleeps and retries in SQLite's busy
//! handler (1, 2, 5 … 100 ms), and under load a few wait far longer than the
//! rest. Taking a fair in-process turn first (a `tokio` mutex) makes writers
//! queue in order instead; the busy timeout remains for other processes.
//!
//! The turn is held until the transaction has really ended: after `commit`,
//! or after the rollback that dropping an uncommitted transaction starts
//! (done here, then the turn is released), so the next writer never meets a
//! file still locked by a transaction that is being rolled back.

use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use sqlx::{Database, Transaction};
use tokio::sync::{Mutex, OwnedMutexGuard};

/// Whose turn it is to write, shared by the connections of one store.
pub type WriteTurn = Arc<Mutex<()>>;

/// A transaction that derefs to its connection, like [`Transaction`].
pub struct WriteTx<DB: Database> {
    tx: Option<Transaction<'static, DB>>,
    turn: Option<OwnedMutexGuard<()>>,
}

impl<DB: Database> WriteTx<DB> {
    /// Wraps `tx`; `turn` is the writer's turn when the backend needs one.
    pub fn new(tx: Transaction<'static, DB>, turn: Option<OwnedMutexGuard<()>>) -> WriteTx<DB> {
        WriteTx { tx: Some(tx), turn }
    }

    pub async fn commit(mut self) -> Result<(), sqlx::Error> {
        let tx = self.tx.take().expect("a transaction until it ends");
        let result = tx.commit().await;
        self.turn.take();
        result
    }

    #[cfg_attr(not(test), allow(dead_code))]
    pub async fn rollback(mut self) -> Result<(), sqlx::Error> {
        let tx = self.tx.take().expect("a transaction until it ends");
        let result = tx.rollback().await;
        self.turn.take();
        result
    }
}

impl<DB: Database> Deref for WriteTx<DB> {
    type Target = DB::Connection;

    fn deref(&self) -> &DB::Connection {
        self.tx.as_ref().expect("a transaction until it ends")
    }
}

impl<DB: Database> DerefMut for WriteTx<DB> {
    fn deref_mut(&mut self) -> &mut DB::Connection {
        self.tx.as_mut().expect("a transaction until it ends")
    }
}

impl<DB: Database> Drop for WriteTx<DB> {
    /// An uncommitted transaction (an error, a refusal) is rolled back before
    /// the turn passes on.
    fn drop(&mut self) {
        let (Some(tx), Some(turn)) = (self.tx.take(), self.turn.take()) else {
            return;
        };
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                runtime.spawn(async move {
                    if let Err(e) = tx.rollback().await {
                        tracing::warn!(error = %e, "rolling back a write transaction failed");
                    }
                    drop(turn);
                });
            }
            Err(_) => drop((tx, turn)),
        }
    }
}
