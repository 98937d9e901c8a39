//! Administration of users: create them with their grants, change grants
//! (a Collocamento Mirato grant only proposed: see `mirato_grants`),
//! deactivate and reactivate, reset a password (a one-time password shown
//! once, to be changed at the next sign-in). Administrators only.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use minijinja::context;
use serde::Serialize;
use sportello_auth::hash_password;
use sportello_auth::tokens::random_token;
use sportello_domain::{CentreId, Email, Grant, Lang, Role, Scope, User, UserId};
use sportello_storage::NewUser;

use crate::AppState;
use crate::error::{AnswerAs, AppError, Problem};
use crate::extract::{FormFields, Locale, PathParams};
use crate::pages::office::{render, see_other};
use crate::session::{Office, SignedIn};

use super::mirato_grants;
use sportello_app::i18n::{args, msg, msg_args};

#[derive(Debug, Serialize)]
struct GrantView {
    /// `role:scope`, the value of its check box.
    value: String,
    role: &'static str,
    scope: String,
}

/// Every grant an administrator can give, for check boxes.
fn possible_grants(user: &SignedIn) -> Vec<GrantView> {
    let mut grants = vec![GrantView {
        value: "admin:".into(),
        role: "role-admin",
        scope: String::new(),
    }];
    let mut areas: Vec<(String, String)> = user
        .centres
        .iter()
        .map(|c| (c.data.area.slug.clone(), c.data.area.name.clone()))
        .collect();
    areas.dedup();
    for (slug, name) in areas {
        grants.push(GrantView {
            value: format!("coordinator:{slug}"),
            role: "role-coordinator",
            scope: name,
        });
    }
    for role in [Role::Operator, Role::Mirato] {
        for c in &user.centres {
            grants.push(GrantView {
                value: format!("{}:{}", role.code(), c.id.0),
                role: if role == Role::Operator {
                    "role-operator"
                } else {
                    "role-mirato"
                },
                scope: c.data.name.clone(),
            });
        }
    }
    grants
}

fn grant_value(g: &Grant) -> String {
    match &g.scope {
        Scope::Installation => format!("{}:", g.role.code()),
        Scope::Area(a) => format!("{}:{a}", g.role.code()),
        Scope::Centre(c) => format!("{}:{}", g.role.code(), c.0),
    }
}

fn parse_grants(user: &SignedIn, values: &[String]) -> Result<Vec<Grant>, AppError> {
    let lang = user.lang;
    let bad = |v: &str| AppError::bad_parameter("grant", v).page(lang);
    values
        .iter()
        .map(|v| {
            let (role, scope) = v.split_once(':').ok_or_else(|| bad(v))?;
            let role = Role::parse(role).ok_or_else(|| bad(v))?;
            let scope = match role {
                Role::Admin => Scope::Installation,
                Role::Coordinator if user.centres.iter().any(|c| c.data.area.slug == scope) => {
                    Scope::Area(scope.into())
                }
                Role::Operator | Role::Mirato => {
                    let id: i64 = scope.parse().map_err(|_| bad(v))?;
                    if !user.centres.iter().any(|c| c.id.0 == id) {
                        return Err(bad(v));
                    }
                    Scope::Centre(CentreId(id))
                }
                Role::Coordinator => return Err(bad(v)),
            };
            Grant::new(role, scope).map_err(|_| bad(v))
        })
        .collect()
}

#[derive(Debug, Serialize)]
struct UserRow {
    id: i64,
    email: String,
    name: String,
    active: bool,
    totp: bool,
    grants: Vec<String>,
}

fn user_row(u: &User) -> UserRow {
    UserRow {
        id: u.id.0,
        email: u.email.clone(),
        name: u.name.clone(),
        active: u.active,
        totp: u.totp_enabled,
        grants: u.grants.iter().map(grant_value).collect(),
    }
}

/// `GET /{lang}/office/admin/users`.
pub async fn users(State(state): State<AppState>, Locale(_): Locale, user: Office) -> Result<Response, AppError> {
    user.admin_only(&state, "user.list").await?;
    users_page(&state, &user, &FormFields::default(), &[], None, StatusCode::OK).await
}

/// The users page; `typed` and `errors` (field, message) belong to the
/// new-user form when it came back with mistakes; `notice` says why a
/// change was not made.
async fn users_page(
    state: &AppState,
    user: &SignedIn,
    typed: &FormFields,
    errors: &[(&str, String)],
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let lang = user.lang;
    let all = state.storage.users().await.on_page(lang)?;
    let proposals = mirato_grants::waiting(state, user, &all).await.on_page(lang)?;
    let users: Vec<UserRow> = all.iter().map(user_row).collect();
    let title = msg(lang, "office-users-title");
    let ctx = context! {
        notice,
        proposals => minijinja::value::Serde(&proposals),
        users => minijinja::value::Serde(&users),
        grants => minijinja::value::Serde(possible_grants(user)),
        user_languages => Lang::ALL.iter().map(|l| (l.code(), l.native_name())).collect::<Vec<_>>(),
        errors => errors.iter().map(|(f, m)| (f.to_string(), m.clone())).collect::<std::collections::BTreeMap<_, _>>(),
        new => context! {
            email => typed.get("new-email"),
            name => typed.get("new-name"),
            lang => typed.get("lang"),
            grants => typed.all("grant"),
        },
    };
    let mut response = render(
        "office/users.html",
        lang,
        "/office/admin/users",
        &title,
        Some(user),
        ctx,
    )?;
    *response.status_mut() = status;
    Ok(response)
}

/// A Collocamento Mirato grant asked for where no second administrator can
/// approve it: nothing changed, and the page says what to do.
async fn single_admin(state: &AppState, user: &SignedIn, typed: &FormFields) -> Result<Response, AppError> {
    let notice = Some(msg(user.lang, "user-mirato-needs-second-admin"));
    users_page(state, user, typed, &[], notice, StatusCode::UNPROCESSABLE_ENTITY).await
}

/// A one-time password for a new user or a reset (20 random letters and
/// digits) and its Argon2id hash.
async fn one_time_password(state: &AppState, lang: Lang) -> Result<(String, String), AppError> {
    let password: String = random_token()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(20)
        .collect();
    let typed = password.clone();
    let hash = crate::pages::office::argon2(state, lang, move || hash_password(&typed)).await?;
    Ok((password, hash))
}

async fn show_password(user: &SignedIn, email: &str, password: String) -> Result<Response, AppError> {
    let title = msg(user.lang, "one-time-password-title");
    let ctx = context! { email, password };
    render(
        "office/one_time_password.html",
        user.lang,
        "/office/admin/users",
        &title,
        Some(user),
        ctx,
    )
}

/// `POST /{lang}/office/admin/users`: a new user with a one-time password.
pub async fn create(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    user.admin_only(&state, "user.create").await?;
    let email = Email::parse(&form.get("new-email"));
    let name = form.get("new-name").trim().to_string();
    let mut errors = Vec::new();
    if email.is_err() {
        errors.push(("new-email", msg(lang, "request-email-invalid")));
    }
    if name.is_empty() {
        errors.push(("new-name", msg(lang, "field-required")));
    } else if name.chars().count() > 200 {
        errors.push((
            "new-name",
            msg_args(lang, "field-too-long", &args(&[("max", 200.into())])),
        ));
    }
    let existing = match &email {
        Ok(e) => state.storage.credentials(e.as_str()).await.on_page(lang)?,
        Err(_) => None,
    };
    if existing.is_some() {
        errors.push(("new-email", msg(lang, "user-email-taken")));
    }
    let Ok(email) = email
        .map_err(|_| ())
        .and_then(|e| if errors.is_empty() { Ok(e) } else { Err(()) })
    else {
        return users_page(&state, &user, &form, &errors, None, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let user_lang = Lang::parse(&form.get("lang")).unwrap_or(lang);
    let grants = parse_grants(&user, &form.all("grant"))?;
    let Some(split) = mirato_grants::split(&state, grants, &[]).await.on_page(lang)? else {
        return single_admin(&state, &user, &form).await;
    };
    let (password, hash) = one_time_password(&state, lang).await?;
    let new = NewUser {
        email: email.as_str().to_string(),
        name,
        lang: user_lang,
        password_hash: hash,
        must_change_password: true,
        grants: split.now.clone(),
    };
    let created = state
        .storage
        .insert_user(&new, &user.actor(), Utc::now())
        .await
        .on_page(lang)?;
    mirato_grants::propose(&state, &user, created.id, &split)
        .await
        .on_page(lang)?;
    let mut response = show_password(&user, email.as_str(), password).await?;
    *response.status_mut() = StatusCode::CREATED;
    Ok(response)
}

/// `POST /{lang}/office/admin/users/{id}`: `action` = grants (with the
/// ticked `grant`s), deactivate, activate, reset-password or
/// reset-second-factor (for a lost phone).
pub async fn change(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    PathParams((_, id)): PathParams<(String, i64)>,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let action = form.get("action");
    user.admin_only(&state, &format!("user.{action}")).await?;
    let target = state
        .storage
        .user(UserId(id))
        .await
        .on_page(lang)?
        .ok_or_else(|| AppError::not_found().page(lang))?;
    let now = Utc::now();
    let actor = user.actor();
    match action.as_str() {
        "grants" => {
            let grants = parse_grants(&user, &form.all("grant"))?;
            if target.id == user.user.id && !grants.iter().any(|g| g.role == Role::Admin) {
                return Err(AppError::new(Problem::NotPossible("own admin grant".into())).page(lang));
            }
            let Some(split) = mirato_grants::split(&state, grants, &target.grants)
                .await
                .on_page(lang)?
            else {
                return single_admin(&state, &user, &FormFields::default()).await;
            };
            state
                .storage
                .set_grants(target.id, &split.now, &actor, now)
                .await
                .on_page(lang)?;
            mirato_grants::propose(&state, &user, target.id, &split)
                .await
                .on_page(lang)?;
        }
        "deactivate" | "activate" => {
            if target.id == user.user.id {
                return Err(AppError::new(Problem::NotPossible("own account".into())).page(lang));
            }
            state
                .storage
                .update_user(target.id, &target.name, target.lang, action == "activate", &actor, now)
                .await
                .on_page(lang)?;
        }
        "reset-password" => {
            let (password, hash) = one_time_password(&state, lang).await?;
            state
                .storage
                .set_password(target.id, &hash, true, None, &actor, now)
                .await
                .on_page(lang)?;
            return show_password(&user, &target.email, password).await;
        }
        "reset-second-factor" => {
            // The user sets up a new one at the next sign-in (required for administrators).
            state
                .storage
                .set_totp(target.id, None, &[], &actor, now)
                .await
                .on_page(lang)?;
        }
        other => return Err(AppError::bad_parameter("action", other).page(lang)),
    }
    Ok(see_other(&format!("/{lang}/office/admin/users#user-{}", target.id.0)))
}
