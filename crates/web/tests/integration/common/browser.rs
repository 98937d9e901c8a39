//! A small browser for back-office tests: keeps cookies, sends the CSRF
//! token of the last page with each form, follows nothing by itself; and
//! test users, with the second factor their grants need.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use sportello_auth::TotpSecret;
use sportello_domain::{Actor, Grant, Lang, User, UserId};
use sportello_storage::NewUser;

use super::{TestApp, TestResponse};

/// A password that passes the policy, for test users.
pub const PASSWORD: &str = "correct horse battery staple";

/// A test user's second factor: the key and the last time step whose code
/// a helper sent (each step works once per account).
type Factor = (TotpSecret, Option<i64>);

/// The second factors given to test users, by e-mail.
#[derive(Debug, Clone, Default)]
pub struct Factors(Arc<Mutex<HashMap<String, Factor>>>);

impl Factors {
    fn set(&self, email: &str, secret: TotpSecret) {
        let mut factors = self.0.lock().unwrap();
        factors.insert(email.to_string(), (secret, None));
    }

    fn knows(&self, email: &str) -> bool {
        self.0.lock().unwrap().contains_key(email)
    }

    /// A code of `email`'s key that the server will take: the current step's,
    /// or the next one's (the verifier takes one step either side) when the
    /// current one was sent already; otherwise waits for the next step.
    pub async fn fresh_code(&self, email: &str) -> String {
        loop {
            let now = chrono::Utc::now().timestamp();
            let step = now.div_euclid(sportello_auth::totp::STEP_SECONDS);
            {
                let mut factors = self.0.lock().unwrap();
                let (secret, last) = factors
                    .get_mut(email)
                    .unwrap_or_else(|| panic!("{email} has no second factor from the test helpers"));
                if let Some(chosen) = [step, step + 1].into_iter().find(|s| last.is_none_or(|l| *s > l)) {
                    *last = Some(chosen);
                    return secret.code_at(chosen * sportello_auth::totp::STEP_SECONDS);
                }
            }
            let next = (step + 1) * sportello_auth::totp::STEP_SECONDS;
            let wait = u64::try_from(next - now).unwrap_or(1);
            tokio::time::sleep(std::time::Duration::from_millis(wait * 1000 + 100)).await;
        }
    }
}

pub struct Browser<'a> {
    app: &'a TestApp,
    /// The node the next requests go to (see `TestApp::second_node`).
    pub node: usize,
    pub cookies: BTreeMap<String, String>,
    /// The CSRF token of the last page that had a form.
    csrf: Option<String>,
}

/// The `value` of the first `<input … name="NAME" … value="…">` in `html`.
pub fn input_value(html: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker)? + marker.len();
    let end = start + html[start..].find('"')?;
    Some(
        html[start..end]
            .replace("&amp;", "&")
            .replace("&#39;", "'")
            .replace("&quot;", "\""),
    )
}

impl<'a> Browser<'a> {
    pub fn new(app: &'a TestApp) -> Browser<'a> {
        Browser {
            app,
            node: 0,
            cookies: BTreeMap::new(),
            csrf: None,
        }
    }

    pub fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn remember(&mut self, response: &TestResponse) {
        for value in response.headers.get_all("set-cookie") {
            let text = value.to_str().unwrap();
            let (pair, attributes) = text.split_once(';').unwrap_or((text, ""));
            let (name, value) = pair.split_once('=').unwrap();
            if attributes.contains("Max-Age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_string(), value.to_string());
            }
        }
        if let Some(token) = input_value(&response.body, "csrf") {
            self.csrf = Some(token);
        }
    }

    pub async fn get(&mut self, path: &str) -> TestResponse {
        let cookie = self.cookie_header();
        let response = self
            .app
            .request_on(self.node, "GET", path, &[("cookie", &cookie)], Vec::new())
            .await;
        self.remember(&response);
        response
    }

    /// The status of `path`, keeping the CSRF token of the page before.
    pub async fn get_without_token_refresh(&mut self, path: &str) -> axum::http::StatusCode {
        let kept = self.csrf.clone();
        let status = self.get(path).await.status;
        self.csrf = kept;
        status
    }

    /// Posts `fields` with the CSRF token of the last page (unless `fields` has one).
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        let mut pairs: Vec<(String, String)> = fields.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        if !fields.iter().any(|(k, _)| *k == "csrf") {
            pairs.push(("csrf".into(), self.csrf.clone().unwrap_or_default()));
        }
        let body = serde_urlencoded::to_string(&pairs).unwrap();
        let cookie = self.cookie_header();
        let response = self
            .app
            .request_on(
                self.node,
                "POST",
                path,
                &[
                    ("cookie", &cookie),
                    ("content-type", "application/x-www-form-urlencoded"),
                ],
                body.into_bytes(),
            )
            .await;
        self.remember(&response);
        response
    }

    /// Signs in with e-mail and password; answers the sign-in POST.
    pub async fn sign_in(&mut self, email: &str, password: &str) -> TestResponse {
        self.get("/it/office/sign-in").await;
        self.post("/it/office/sign-in", &[("email", email), ("password", password)])
            .await
    }

    /// Signs in with e-mail and password and, when the account has a second
    /// factor (one from [`TestApp::add_user`] or
    /// [`TestApp::enrol_second_factor`]), with a fresh code; answers the last
    /// POST (a 303 to the office when all went well).
    pub async fn sign_in_fully(&mut self, email: &str, password: &str) -> TestResponse {
        let first = self.sign_in(email, password).await;
        if !first.header("location").contains("/office/sign-in/second-factor") {
            return first;
        }
        self.get("/it/office/sign-in/second-factor").await;
        let code = self.app.factors.fresh_code(email).await;
        self.post("/it/office/sign-in/second-factor", &[("code", &code)]).await
    }

    /// Signs `user` in with [`PASSWORD`] and the second factor, giving them
    /// one first if the helpers gave them none; answers the second step's POST.
    pub async fn sign_in_with_second_factor(&mut self, user: &User) -> TestResponse {
        if !self.app.factors.knows(&user.email) {
            self.app.enrol_second_factor(user).await;
        }
        let done = self.sign_in_fully(&user.email, PASSWORD).await;
        assert_eq!(
            done.status,
            axum::http::StatusCode::SEE_OTHER,
            "signing in {}: {}",
            user.email,
            done.text()
        );
        done
    }
}

impl TestApp {
    /// A user with [`PASSWORD`] and `grants`, ready to sign in: with a
    /// second factor (see [`Browser::sign_in_fully`]) when the grants need
    /// one, as every grant does.
    pub async fn add_user(&self, email: &str, grants: Vec<Grant>) -> User {
        let user = self.add_user_without_second_factor(email, grants).await;
        if user.must_enrol_second_factor() {
            self.enrol_second_factor(&user).await;
            return self.storage().user(user.id).await.unwrap().unwrap();
        }
        user
    }

    /// A user with [`PASSWORD`] and `grants` who has not set up the second
    /// factor yet: whatever their grants, they must do it first.
    pub async fn add_user_without_second_factor(&self, email: &str, grants: Vec<Grant>) -> User {
        let user = NewUser {
            email: email.into(),
            name: email.split('@').next().unwrap().into(),
            lang: Lang::It,
            password_hash: sportello_auth::hash_password(PASSWORD),
            must_change_password: false,
            grants,
        };
        self.storage()
            .insert_user(&user, &Actor::system(), chrono::Utc::now())
            .await
            .unwrap()
    }

    /// Turns on a new second factor for `user` (revoking their API tokens,
    /// as any change of the factor does), known to the helpers.
    pub async fn enrol_second_factor(&self, user: &User) {
        let secret = TotpSecret::generate();
        self.storage()
            .set_totp(
                user.id,
                Some(&secret.to_base32()),
                &[],
                &Actor::system(),
                chrono::Utc::now(),
            )
            .await
            .unwrap();
        self.factors.set(&user.email, secret);
    }

    /// A code of the second factor the helpers gave `email`, not sent yet.
    pub async fn fresh_code(&self, email: &str) -> String {
        self.factors.fresh_code(email).await
    }

    /// The user with this id.
    pub async fn user(&self, id: UserId) -> User {
        self.storage().user(id).await.unwrap().unwrap()
    }

    /// The centre with this slug.
    pub async fn centre(&self, slug: &str) -> sportello_domain::Centre {
        self.storage().centre_by_slug(slug).await.unwrap().unwrap()
    }
}
