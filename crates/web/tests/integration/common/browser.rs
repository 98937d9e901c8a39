//! A small browser for back-office tests: keeps cookies, sends the CSRF
//! token of the last page with each form, follows nothing by itself.

use std::collections::BTreeMap;

use sportello_domain::{Grant, Lang, User};
use sportello_storage::NewUser;

use super::{TestApp, TestResponse};

/// A password that passes the policy, for test users.
pub const PASSWORD: &str = "correct horse battery staple";

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

    /// Gives `user` a second factor and signs in with it, both steps;
    /// answers the second step's POST.
    pub async fn sign_in_with_second_factor(&mut self, user: &User) -> TestResponse {
        let secret = sportello_auth::TotpSecret::generate();
        let now = chrono::Utc::now();
        self.app
            .storage()
            .set_totp(
                user.id,
                Some(&secret.to_base32()),
                &[],
                &sportello_domain::Actor::system(),
                now,
            )
            .await
            .unwrap();
        self.sign_in(&user.email, PASSWORD).await;
        self.get("/it/office/sign-in/second-factor").await;
        let code = secret.code_at(chrono::Utc::now().timestamp());
        self.post("/it/office/sign-in/second-factor", &[("code", &code)]).await
    }
}

impl TestApp {
    /// A user with [`PASSWORD`] and `grants`, ready to sign in.
    pub async fn add_user(&self, email: &str, grants: Vec<Grant>) -> User {
        let user = NewUser {
            email: email.into(),
            name: email.split('@').next().unwrap().into(),
            lang: Lang::It,
            password_hash: sportello_auth::hash_password(PASSWORD),
            must_change_password: false,
            grants,
        };
        self.storage()
            .insert_user(&user, &sportello_domain::Actor::system(), chrono::Utc::now())
            .await
            .unwrap()
    }

    /// The centre with this slug.
    pub async fn centre(&self, slug: &str) -> sportello_domain::Centre {
        self.storage().centre_by_slug(slug).await.unwrap().unwrap()
    }
}
