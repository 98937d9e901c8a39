//! `sportello user add` and `sportello user list`: back-office accounts from
//! the command line. This is how the first administrator of an empty
//! database is made; later users can be made the same way.
//!
//! A new user gets exactly one grant, checked against the centres in the
//! database. Without `--password-stdin` the user gets a random one-time
//! password, printed once, that must be changed at the first sign-in.

use std::io::{BufRead, IsTerminal};

use chrono::Utc;
use clap::{Args, Subcommand, ValueEnum};
use sportello_auth::{PasswordProblem, check_policy, hash_password};
use sportello_domain::{Centre, Email, Grant, Lang, Role, Scope, User};
use sportello_storage::{NewUser, StorageError};

use crate::commands::{cli_actor, open};
use crate::config::{DbArgs, FileConfig};

/// Longest accepted name, in characters.
const MAX_NAME: usize = 200;
/// Characters of a generated one-time password (about 120 random bits).
const ONE_TIME_PASSWORD_LEN: usize = 20;

#[derive(Subcommand)]
pub enum UserCommand {
    /// Create a back-office user with one grant (the first administrator too).
    #[command(after_help = ADD_EXAMPLES)]
    Add(AddArgs),
    /// List the back-office users with their grants.
    List(DbArgs),
}

const ADD_EXAMPLES: &str = "\
Examples:
  sportello user add --email capo@example.it --name 'Anna Neri' --role admin
  sportello user add --email m.rossi@example.it --name 'Mario Rossi' --role operator --centre lecce
  sportello user add --email coord@example.it --name 'Lia Bianchi' --role coordinator --area lecce
  printf '%s\\n' \"$PASSWORD\" | sportello user add … --password-stdin";

#[derive(Args)]
pub struct AddArgs {
    /// E-mail address: the user's sign-in name.
    #[arg(long, value_name = "EMAIL")]
    email: String,
    /// The user's full name, as colleagues see it.
    #[arg(long, value_name = "NAME")]
    name: String,
    /// What the user may do.
    #[arg(long, value_enum)]
    role: RoleArg,
    /// The centre (slug, e.g. lecce) of an operator or mirato user.
    #[arg(long, value_name = "SLUG", conflicts_with = "area")]
    centre: Option<String>,
    /// The area (slug, e.g. lecce) of a coordinator.
    #[arg(long, value_name = "SLUG")]
    area: Option<String>,
    /// Language of the back office for this user.
    #[arg(long, value_enum, default_value = "it")]
    lang: LangArg,
    /// Read the password from the first line of standard input instead of
    /// generating a one-time password.
    #[arg(long)]
    password_stdin: bool,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum RoleArg {
    /// Users, grants, centres and settings of the whole installation (needs neither --centre nor --area).
    Admin,
    /// Reads every offer and report of an area (needs --area).
    Coordinator,
    /// The ordinary and EURES offers of a centre (needs --centre).
    Operator,
    /// The Collocamento Mirato offers of a centre, Law 68/1999 (needs --centre).
    Mirato,
}

impl From<RoleArg> for Role {
    fn from(role: RoleArg) -> Role {
        match role {
            RoleArg::Admin => Role::Admin,
            RoleArg::Coordinator => Role::Coordinator,
            RoleArg::Operator => Role::Operator,
            RoleArg::Mirato => Role::Mirato,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    It,
    En,
    Fr,
    De,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::It => Lang::It,
            LangArg::En => Lang::En,
            LangArg::Fr => Lang::Fr,
            LangArg::De => Lang::De,
        }
    }
}

pub async fn run(command: UserCommand, file: &FileConfig) -> Result<(), String> {
    match command {
        UserCommand::Add(args) => add(args, file).await,
        UserCommand::List(db) => list(db, file).await,
    }
}

/// Where the grant of a new user applies, as given on the command line
/// (checked against the database later by [`grant_for`]).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Place {
    Installation,
    Area(String),
    Centre(String),
}

/// Checks that the options go with the role: admin takes neither `--centre`
/// nor `--area`, a coordinator takes `--area`, operator and mirato `--centre`.
fn place_for(role: Role, centre: Option<&str>, area: Option<&str>) -> Result<Place, String> {
    let centre = centre.map(str::trim).filter(|s| !s.is_empty());
    let area = area.map(str::trim).filter(|s| !s.is_empty());
    match (role, centre, area) {
        (Role::Admin, None, None) => Ok(Place::Installation),
        (Role::Admin, Some(_), _) => Err("an admin works on the whole installation: leave out --centre".into()),
        (Role::Admin, None, Some(_)) => Err("an admin works on the whole installation: leave out --area".into()),
        (Role::Coordinator, _, Some(area)) if centre.is_none() => Ok(Place::Area(area.into())),
        (Role::Coordinator, Some(_), _) => {
            Err("a coordinator works on an area: use --area SLUG instead of --centre".into())
        }
        (Role::Coordinator, None, _) => {
            Err("a coordinator needs --area SLUG: the area whose centres they follow, e.g. lecce".into())
        }
        (Role::Operator | Role::Mirato, Some(centre), None) => Ok(Place::Centre(centre.into())),
        (Role::Operator | Role::Mirato, _, Some(_)) => Err(format!(
            "the role {} works at one centre: use --centre SLUG instead of --area",
            role.code()
        )),
        (Role::Operator | Role::Mirato, None, None) => Err(format!(
            "the role {} needs --centre SLUG: the centre where the user works, e.g. lecce",
            role.code()
        )),
    }
}

/// The grant for `place`, with the centre or area looked up among `centres`.
fn grant_for(role: Role, place: &Place, centres: &[Centre]) -> Result<Grant, String> {
    let scope = match place {
        Place::Installation => Scope::Installation,
        Place::Area(slug) => {
            if !centres.iter().any(|c| &c.data.area.slug == slug) {
                let mut areas: Vec<&str> = centres.iter().map(|c| c.data.area.slug.as_str()).collect();
                areas.sort_unstable();
                areas.dedup();
                return Err(format!(
                    "--area {slug}: no centre belongs to this area ({})",
                    known(&areas)
                ));
            }
            Scope::Area(slug.clone())
        }
        Place::Centre(slug) => match centres.iter().find(|c| &c.data.slug == slug) {
            Some(centre) => Scope::Centre(centre.id),
            None => {
                let slugs: Vec<&str> = centres.iter().map(|c| c.data.slug.as_str()).collect();
                return Err(format!("--centre {slug}: there is no such centre ({})", known(&slugs)));
            }
        },
    };
    Grant::new(role, scope).map_err(|e| e.to_string())
}

/// "known: a, b, c", or a hint when the database has no centres.
fn known(slugs: &[&str]) -> String {
    if slugs.is_empty() {
        "the database has no centres yet".into()
    } else {
        format!("known: {}", slugs.join(", "))
    }
}

/// What is wrong with a password chosen by hand, and what to do.
fn password_message(problem: PasswordProblem) -> String {
    let why = match problem {
        PasswordProblem::TooShort => format!(
            "it is too short: use at least {} characters",
            sportello_auth::password::MIN_LEN
        ),
        PasswordProblem::TooLong => format!(
            "it is too long: use at most {} characters",
            sportello_auth::password::MAX_LEN
        ),
        PasswordProblem::Common => "it is too common (it is on the list of passwords attackers try first)".into(),
        PasswordProblem::ContainsAccountName => "it contains the account name (the part of the e-mail before @)".into(),
    };
    format!("the password from standard input was refused: {why}")
}

/// Reads one line from standard input, without its line ending.
fn read_password() -> Result<String, String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprintln!("Type the password and press Enter (it is shown as you type):");
    }
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .map_err(|e| format!("cannot read the password from standard input: {e}"))?;
    let password = line.strip_suffix('\n').unwrap_or(&line);
    let password = password.strip_suffix('\r').unwrap_or(password);
    if password.is_empty() {
        return Err(
            "no password on standard input: give it as one line, or leave out --password-stdin to get a one-time password"
                .into(),
        );
    }
    Ok(password.to_string())
}

/// A random password meeting the policy, for one sign-in only: letters and
/// digits only, so that a double click selects all of it.
fn one_time_password(email: &str) -> String {
    loop {
        let token: String = sportello_auth::random_token()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .take(ONE_TIME_PASSWORD_LEN)
            .collect();
        if token.len() == ONE_TIME_PASSWORD_LEN && check_policy(&token, email).is_ok() {
            return token;
        }
    }
}

async fn add(args: AddArgs, file: &FileConfig) -> Result<(), String> {
    let email = Email::parse(&args.email).map_err(|e| format!("--email {:?}: {e}", args.email))?;
    let name = args.name.trim().to_string();
    if name.is_empty() {
        return Err("--name is empty: give the user's full name".into());
    }
    if name.chars().count() > MAX_NAME {
        return Err(format!("--name is too long: at most {MAX_NAME} characters"));
    }
    let role = Role::from(args.role);
    let place = place_for(role, args.centre.as_deref(), args.area.as_deref())?;
    let db = args.db.resolve(file)?;
    let chosen = if args.password_stdin {
        let password = read_password()?;
        check_policy(&password, email.as_str()).map_err(password_message)?;
        Some(password)
    } else {
        None
    };

    let storage = open(&db).await?;
    let centres = storage
        .centres()
        .await
        .map_err(|e| format!("cannot read the centres: {e}"))?;
    let grant = grant_for(role, &place, &centres)?;
    let duplicate = || format!("a user with the e-mail {email} already exists");
    if storage
        .credentials(email.as_str())
        .await
        .map_err(|e| format!("cannot look up the e-mail {email}: {e}"))?
        .is_some()
    {
        return Err(duplicate());
    }
    let password = chosen.clone().unwrap_or_else(|| one_time_password(email.as_str()));
    let new_user = NewUser {
        email: email.as_str().to_string(),
        name,
        lang: args.lang.into(),
        password_hash: hash_password(&password),
        must_change_password: chosen.is_none(),
        grants: vec![grant],
    };
    let user = match storage.insert_user(&new_user, &cli_actor(), Utc::now()).await {
        Ok(user) => user,
        Err(StorageError::Conflict(_)) => return Err(duplicate()),
        Err(e) => return Err(format!("cannot create the user {email}: {e}")),
    };

    println!(
        "Created the user {} ({}) in {db}: {}.",
        user.email,
        user.name,
        describe_grants(&user, &centres)
    );
    if chosen.is_none() {
        println!("One-time password (shown only this once):\n\n    {password}\n");
        println!("It must be changed at the first sign-in.");
    }
    if user.must_enrol_second_factor() {
        println!("A second factor (TOTP, with an authenticator app) will be set up at the first sign-in.");
    }
    Ok(())
}

async fn list(db: DbArgs, file: &FileConfig) -> Result<(), String> {
    let db = db.resolve(file)?;
    let storage = open(&db).await?;
    let users = storage
        .users()
        .await
        .map_err(|e| format!("cannot read the users: {e}"))?;
    if users.is_empty() {
        println!("No users in {db}: create the first administrator with `sportello user add --role admin …`.");
        return Ok(());
    }
    let centres = storage
        .centres()
        .await
        .map_err(|e| format!("cannot read the centres: {e}"))?;
    let rows: Vec<[String; 4]> = users
        .iter()
        .map(|u| {
            [
                u.email.clone(),
                u.name.clone(),
                if u.active { "yes" } else { "no" }.to_string(),
                describe_grants(u, &centres),
            ]
        })
        .collect();
    print!("{}", table(["E-MAIL", "NAME", "ACTIVE", "GRANTS"], &rows));
    Ok(())
}

/// The user's grants in words, e.g. "operator at lecce; coordinator of the area lecce".
fn describe_grants(user: &User, centres: &[Centre]) -> String {
    if user.grants.is_empty() {
        return "no grants".into();
    }
    let words: Vec<String> = user
        .grants
        .iter()
        .map(|g| match &g.scope {
            Scope::Installation => format!("{} of the whole installation", g.role.code()),
            Scope::Area(area) => format!("{} of the area {area}", g.role.code()),
            Scope::Centre(id) => {
                let slug = centres
                    .iter()
                    .find(|c| c.id == *id)
                    .map_or_else(|| format!("centre #{}", id.0), |c| c.data.slug.clone());
                format!("{} at {slug}", g.role.code())
            }
        })
        .collect();
    words.join("; ")
}

/// Left-aligned columns separated by two spaces, with a header row.
fn table<const N: usize>(header: [&str; N], rows: &[[String; N]]) -> String {
    let mut widths = header.map(|h| h.chars().count());
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        out.push_str(padded.join("  ").trim_end());
        out.push('\n');
    };
    line(header.to_vec());
    for row in rows {
        line(row.iter().map(String::as_str).collect());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sportello_domain::{Area, CentreId};
    use sportello_testkit::builders::stored_centre;

    /// Centre `id` of the area `area`.
    fn centre(id: i64, slug: &str, area: &str) -> Centre {
        let mut centre = stored_centre(id, slug, "XX");
        centre.data.area = Area {
            slug: area.into(),
            name: area.into(),
        };
        centre
    }

    #[test]
    fn each_role_takes_its_own_option_and_names_the_wrong_one() {
        assert_eq!(place_for(Role::Admin, None, None), Ok(Place::Installation));
        assert!(
            place_for(Role::Admin, Some("lecce"), None)
                .unwrap_err()
                .contains("--centre")
        );
        assert!(
            place_for(Role::Admin, None, Some("lecce"))
                .unwrap_err()
                .contains("--area")
        );
        assert_eq!(
            place_for(Role::Coordinator, None, Some("lecce")),
            Ok(Place::Area("lecce".into()))
        );
        assert!(place_for(Role::Coordinator, None, None).unwrap_err().contains("--area"));
        assert!(
            place_for(Role::Coordinator, Some("lecce"), None)
                .unwrap_err()
                .contains("instead of --centre")
        );
        for role in [Role::Operator, Role::Mirato] {
            assert_eq!(place_for(role, Some("nardo"), None), Ok(Place::Centre("nardo".into())));
            assert!(place_for(role, None, None).unwrap_err().contains("--centre"));
            assert!(
                place_for(role, None, Some("lecce"))
                    .unwrap_err()
                    .contains("instead of --area")
            );
        }
        assert!(place_for(Role::Operator, Some("  "), None).is_err(), "blank is missing");
    }

    #[test]
    fn centres_and_areas_must_exist() {
        let centres = [centre(1, "lecce", "lecce"), centre(2, "rimini", "rimini")];
        let grant = grant_for(Role::Operator, &Place::Centre("rimini".into()), &centres).unwrap();
        assert_eq!(grant.scope, Scope::Centre(CentreId(2)));
        let grant = grant_for(Role::Coordinator, &Place::Area("lecce".into()), &centres).unwrap();
        assert_eq!(grant.scope, Scope::Area("lecce".into()));
        let err = grant_for(Role::Mirato, &Place::Centre("bari".into()), &centres).unwrap_err();
        assert!(
            err.contains("--centre bari") && err.contains("known: lecce, rimini"),
            "{err}"
        );
        let err = grant_for(Role::Coordinator, &Place::Area("puglia".into()), &centres).unwrap_err();
        assert!(
            err.contains("--area puglia") && err.contains("known: lecce, rimini"),
            "{err}"
        );
        let err = grant_for(Role::Operator, &Place::Centre("lecce".into()), &[]).unwrap_err();
        assert!(err.contains("no centres yet"), "{err}");
        assert!(grant_for(Role::Admin, &Place::Installation, &[]).is_ok());
    }

    #[test]
    fn one_time_passwords_meet_the_policy_and_differ() {
        let a = one_time_password("anna@example.it");
        let b = one_time_password("anna@example.it");
        assert_eq!(a.chars().count(), ONE_TIME_PASSWORD_LEN);
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric()), "{a}");
        assert!(check_policy(&a, "anna@example.it").is_ok());
        assert_ne!(a, b);
    }

    #[test]
    fn password_problems_are_explained() {
        assert!(password_message(PasswordProblem::TooShort).contains("at least 12"));
        assert!(password_message(PasswordProblem::Common).contains("too common"));
        assert!(password_message(PasswordProblem::ContainsAccountName).contains("before @"));
    }

    #[test]
    fn tables_line_up() {
        let rows = [
            ["a@example.it".to_string(), "Anna".to_string()],
            ["bo@x.it".to_string(), "Bo".to_string()],
        ];
        assert_eq!(
            table(["E-MAIL", "NAME"], &rows),
            "E-MAIL        NAME\na@example.it  Anna\nbo@x.it       Bo\n"
        );
    }
}
