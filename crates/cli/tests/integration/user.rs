//! `sportello user add` and `user list` through the real binary, on SQLite
//! and on PostgreSQL: every role, the one-time password, a password from
//! standard input, and the mistakes a person makes.

use crate::common::{Run, database_with_centres, db_arg, sportello};
use sportello_domain::{Grant, Role, Scope};
use sportello_storage::AuditFilter;
use sportello_testkit::Backend;
use sportello_testkit::on_both_backends;

const GOOD_PASSWORD: &str = "ulivi-salento-2026-mare";

/// The one-time password printed on its own indented line.
fn printed_password(run: &Run) -> String {
    run.stdout
        .lines()
        .find_map(|l| l.strip_prefix("    "))
        .unwrap_or_else(|| panic!("no password in {}", run.text()))
        .trim()
        .to_string()
}

fn refused(run: &Run, words: &[&str]) {
    assert!(!run.ok, "should fail: {}", run.text());
    for word in words {
        assert!(run.stderr.contains(word), "{word:?} in {}", run.text());
    }
}

async fn every_role_and_every_mistake(backend: Backend) {
    let db = database_with_centres(backend).await;
    let url = db_arg(&db);
    let s = db.storage.as_ref();
    let centres = s.centres().await.unwrap();
    let lecce = centres.iter().find(|c| c.data.slug == "lecce").unwrap();
    let nardo = centres.iter().find(|c| c.data.slug == "nardo").unwrap();

    let empty = sportello(&["user", "list", "--db", &url], None);
    assert!(empty.ok && empty.stdout.contains("No users"), "{}", empty.text());

    // The first administrator of an empty database, with a one-time password.
    let run = sportello(
        &[
            "user",
            "add",
            "--email",
            " Anna.Neri@Example.IT ",
            "--name",
            "Anna Neri",
            "--role",
            "admin",
            "--db",
            &url,
        ],
        None,
    );
    assert!(run.ok, "{}", run.text());
    assert!(
        run.stdout.contains("must be changed at the first sign-in"),
        "{}",
        run.text()
    );
    assert!(run.stdout.contains("second factor (TOTP"), "{}", run.text());
    let password = printed_password(&run);
    assert_eq!(password.chars().count(), 20);
    let admin = s.credentials("anna.neri@example.it").await.unwrap().expect("stored");
    assert!(sportello_auth::verify_password(&admin.password_hash, &password));
    assert!(admin.password_hash.starts_with("$argon2id$"));
    assert!(admin.user.must_change_password);
    assert_eq!(
        admin.user.grants,
        vec![Grant {
            role: Role::Admin,
            scope: Scope::Installation
        }]
    );
    let audit = s
        .audit_entries(&AuditFilter {
            action: Some("user.create".into()),
            limit: 10,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].actor, "cli");
    let anna = s.credentials("anna.neri@example.it").await.unwrap().unwrap().user;
    assert_eq!(
        audit[0].object_id,
        anna.id.0.to_string(),
        "the user by id, not by address"
    );
    assert!(!audit[0].details.contains(&password), "no password in the audit log");

    // A coordinator of an area, an operator and a mirato user of a centre,
    // the last with a password of their own from standard input.
    let run = sportello(
        &[
            "user",
            "add",
            "--email",
            "lia@example.it",
            "--name",
            "Lia Bianchi",
            "--role",
            "coordinator",
            "--area",
            "lecce",
            "--lang",
            "en",
            "--db",
            &url,
        ],
        None,
    );
    assert!(run.ok, "{}", run.text());
    assert!(
        run.stdout.contains("second factor (TOTP"),
        "every role sets one up: {}",
        run.text()
    );
    let run = sportello(
        &[
            "user",
            "add",
            "--email",
            "mario@example.it",
            "--name",
            "Mario Rossi",
            "--role",
            "operator",
            "--centre",
            "lecce",
            "--db",
            &url,
        ],
        None,
    );
    assert!(run.ok, "{}", run.text());
    let run = sportello(
        &[
            "user",
            "add",
            "--email",
            "gio@example.it",
            "--name",
            "Giovanna Greco",
            "--role",
            "mirato",
            "--centre",
            "nardo",
            "--password-stdin",
            "--db",
            &url,
        ],
        Some(&format!("{GOOD_PASSWORD}\n")),
    );
    assert!(run.ok, "{}", run.text());
    assert!(!run.stdout.contains("One-time"), "{}", run.text());
    assert!(!run.text().contains(GOOD_PASSWORD), "a chosen password is never echoed");

    let lia = s.credentials("lia@example.it").await.unwrap().unwrap().user;
    assert_eq!(lia.grants[0].scope, Scope::Area("lecce".into()));
    assert_eq!(lia.lang, sportello_domain::Lang::En);
    let mario = s.credentials("mario@example.it").await.unwrap().unwrap().user;
    assert_eq!(
        mario.grants,
        vec![Grant {
            role: Role::Operator,
            scope: Scope::Centre(lecce.id)
        }]
    );
    let gio = s.credentials("gio@example.it").await.unwrap().unwrap();
    assert_eq!(
        gio.user.grants,
        vec![Grant {
            role: Role::Mirato,
            scope: Scope::Centre(nardo.id)
        }]
    );
    assert!(!gio.user.must_change_password);
    assert!(sportello_auth::verify_password(&gio.password_hash, GOOD_PASSWORD));

    // Mistakes: each names what to change, and writes nothing.
    let add = |extra: &[&str], stdin: Option<&str>| {
        let mut args = vec![
            "user",
            "add",
            "--email",
            "neu@example.it",
            "--name",
            "Neu",
            "--db",
            &url,
        ];
        args.extend_from_slice(extra);
        sportello(&args, stdin)
    };
    refused(
        &add(&["--role", "operator", "--centre", "bari"], None),
        &["--centre bari", "no such centre", "lecce"],
    );
    refused(&add(&["--role", "admin", "--centre", "lecce"], None), &["--centre"]);
    refused(&add(&["--role", "admin", "--area", "lecce"], None), &["--area"]);
    refused(&add(&["--role", "coordinator"], None), &["--area"]);
    refused(
        &add(&["--role", "coordinator", "--area", "puglia"], None),
        &["--area puglia", "rimini"],
    );
    refused(&add(&["--role", "mirato"], None), &["--centre"]);
    refused(&add(&["--role", "operator", "--area", "lecce"], None), &["--centre"]);
    refused(
        &add(
            &["--role", "operator", "--centre", "lecce", "--password-stdin"],
            Some("short\n"),
        ),
        &["at least 12 characters"],
    );
    refused(
        &add(
            &["--role", "operator", "--centre", "lecce", "--password-stdin"],
            Some("password1234\n"),
        ),
        &["too common"],
    );
    refused(
        &add(
            &["--role", "operator", "--centre", "lecce", "--password-stdin"],
            Some(""),
        ),
        &["no password"],
    );
    refused(&add(&["--role", "manager"], None), &["admin", "coordinator"]);
    let duplicate = sportello(
        &[
            "user",
            "add",
            "--email",
            "MARIO@example.it",
            "--name",
            "Mario",
            "--role",
            "admin",
            "--db",
            &url,
        ],
        None,
    );
    refused(&duplicate, &["mario@example.it already exists"]);
    let bad_email = sportello(
        &[
            "user",
            "add",
            "--email",
            "mario.example.it",
            "--name",
            "M",
            "--role",
            "admin",
            "--db",
            &url,
        ],
        None,
    );
    refused(&bad_email, &["--email", "name@example.it"]);
    assert_eq!(s.count_users().await.unwrap(), 4, "no mistake wrote a user");

    let list = sportello(&["user", "list", "--db", &url], None);
    assert!(list.ok, "{}", list.text());
    for expected in [
        "anna.neri@example.it",
        "admin of the whole installation",
        "coordinator of the area lecce",
        "operator at lecce",
        "mirato at nardo",
        "Giovanna Greco",
    ] {
        assert!(list.stdout.contains(expected), "{expected} in {}", list.stdout);
    }
}

on_both_backends!(every_role_and_every_mistake,);
