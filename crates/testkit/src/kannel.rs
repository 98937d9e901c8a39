//! A real SMS gateway for the tests: Debian's Kannel (`bearerbox` and
//! `smsbox`) with its fake SMS centre (`fakesmsc`, from `kannel-extras`) as
//! the only SMS centre, all on free loopback ports, killed when dropped.
//! The fake centre prints every message Kannel hands it, which
//! [`Kannel::received`] reads back; [`Kannel::send_from_phone`] makes a
//! phone send a text in. A missing Kannel fails the test with instructions:
//! it never skips.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::{Duration, Instant};

use crate::free_port;

/// Where Debian's `kannel-extras` puts the fake SMS centre (not on `PATH`).
pub const FAKESMSC: &str = "/usr/lib/kannel/test/fakesmsc";
/// The `sendsms` account the tests configure.
pub const USER: &str = "sportello";
pub const PASSWORD: &str = "kannel-test-password";

/// One text the fake SMS centre received from Kannel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceivedSms {
    pub from: String,
    pub to: String,
    /// `text` (GSM-7) or `ucs-2`, as Kannel handed it over; `data` for
    /// the parts of a longer text (their UDH taken off).
    pub coding: String,
    pub text: String,
    /// How many parts it came in.
    pub parts: usize,
}

struct FakeSmsc {
    child: Child,
    /// Kept open: without a message to send, `fakesmsc` reads its stdin.
    _stdin: Option<ChildStdin>,
    log: PathBuf,
}

pub struct Kannel {
    dir: PathBuf,
    config: PathBuf,
    bearerbox: Option<Child>,
    smsbox: Option<Child>,
    /// Every fake centre started so far; the last one is connected.
    centres: Vec<FakeSmsc>,
    smsc_port: u16,
    admin_port: u16,
    pub sendsms_port: u16,
}

fn installed() {
    for program in ["/usr/sbin/bearerbox", "/usr/sbin/smsbox", FAKESMSC] {
        assert!(
            Path::new(program).exists(),
            "{program} is missing: install Debian's kannel and kannel-extras \
             (apt-get install kannel kannel-extras); scripts/test does"
        );
    }
}

impl Kannel {
    /// Starts Kannel and a fake SMS centre; texts sent in are passed on by
    /// `sms-service` to `inbound_url`, which gets `&from=…&text=…` appended
    /// (so it ends with a query string of its own, e.g. the secret).
    pub fn start(inbound_url: &str) -> Kannel {
        installed();
        let dir = std::env::temp_dir().join(format!(
            "sportello-kannel-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default()
                .as_nanos()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let (admin_port, box_port, smsc_port, sendsms_port) = (free_port(), free_port(), free_port(), free_port());
        let config = dir.join("kannel.conf");
        let log = |name: &str| dir.join(name).display().to_string();
        std::fs::write(
            &config,
            format!(
                "group = core\nadmin-port = {admin_port}\nadmin-password = admin-test\n\
                 smsbox-port = {box_port}\nbox-allow-ip = 127.0.0.1\nadmin-allow-ip = 127.0.0.1\n\
                 log-file = \"{bb}\"\nlog-level = 1\ndlr-storage = internal\n\n\
                 group = smsc\nsmsc = fake\nsmsc-id = fake\nport = {smsc_port}\n\
                 connect-allow-ip = 127.0.0.1\n\n\
                 group = smsbox\nbearerbox-host = 127.0.0.1\nbearerbox-port = {box_port}\n\
                 sendsms-port = {sendsms_port}\nsendsms-interface = 127.0.0.1\n\
                 log-file = \"{sb}\"\nlog-level = 1\n\n\
                 group = sendsms-user\nusername = {USER}\npassword = {PASSWORD}\n\
                 max-messages = 3\nconcatenation = true\n\n\
                 group = sms-service\nkeyword = default\ncatch-all = true\nmax-messages = 0\n\
                 get-url = \"{inbound_url}&from=%p&text=%a\"\n",
                bb = log("bearerbox.log"),
                sb = log("smsbox.log"),
                inbound_url = inbound_url.replace('%', "%%"),
            ),
        )
        .unwrap();
        let mut kannel = Kannel {
            dir,
            config,
            bearerbox: None,
            smsbox: None,
            centres: Vec::new(),
            smsc_port,
            admin_port,
            sendsms_port,
        };
        kannel.start_gateway();
        kannel.connect_centre(None);
        kannel
    }

    /// The `sendsms` address, for `--sms-url`.
    pub fn sendsms_url(&self) -> String {
        format!("http://127.0.0.1:{}/cgi-bin/sendsms", self.sendsms_port)
    }

    fn spawn(&self, program: &str, name: &str) -> Child {
        let out = File::create(self.dir.join(format!("{name}.out"))).unwrap();
        Command::new(program)
            .arg(&self.config)
            .stdin(Stdio::null())
            .stdout(out.try_clone().unwrap())
            .stderr(out)
            .spawn()
            .unwrap_or_else(|e| panic!("{program} starts: {e}"))
    }

    /// Starts `bearerbox` and `smsbox`, once `sendsms` answers.
    pub fn start_gateway(&mut self) {
        self.bearerbox = Some(self.spawn("/usr/sbin/bearerbox", "bearerbox"));
        wait_for_port(self.admin_port, "bearerbox");
        self.smsbox = Some(self.spawn("/usr/sbin/smsbox", "smsbox"));
        wait_for_port(self.sendsms_port, "smsbox");
    }

    /// Stops `bearerbox` (SIGKILL) and `smsbox` with it: `sendsms` refuses
    /// connections until [`Kannel::start_gateway`]. The fake centre, left
    /// without its gateway, is stopped too; [`Kannel::restart`] brings all back.
    pub fn stop_gateway(&mut self) {
        for child in [self.smsbox.take(), self.bearerbox.take()].into_iter().flatten() {
            kill(child);
        }
        if let Some(centre) = self.centres.last_mut() {
            let _ = centre.child.kill();
            let _ = centre.child.wait();
        }
    }

    /// The gateway and a fake centre, started again after [`Kannel::stop_gateway`].
    pub fn restart(&mut self) {
        self.start_gateway();
        self.connect_centre(None);
    }

    /// Connects a new fake SMS centre in place of the current one; with a
    /// message (`"FROM TO text WORDS"`), it sends that in once.
    fn connect_centre(&mut self, message: Option<&str>) {
        if let Some(old) = self.centres.last_mut() {
            let _ = old.child.kill();
            let _ = old.child.wait();
        }
        let log = self.dir.join(format!("fakesmsc-{}.out", self.centres.len()));
        let out = File::create(&log).unwrap();
        let mut command = Command::new(FAKESMSC);
        command.args(["-H", "127.0.0.1", "-r", &self.smsc_port.to_string()]);
        match message {
            Some(message) => command.args(["-m", "1", message]),
            None => command.args(["-m", "0"]),
        };
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(out.try_clone().unwrap())
            .stderr(out)
            .spawn()
            .unwrap_or_else(|e| panic!("{FAKESMSC} starts: {e}"));
        let stdin = child.stdin.take();
        self.centres.push(FakeSmsc {
            child,
            _stdin: stdin,
            log,
        });
        // Connected once bearerbox says the centre is online.
        let start = Instant::now();
        while !self.centre_online() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "the fake SMS centre never connected: {}",
                self.logs()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn centre_online(&self) -> bool {
        use std::io::{Read, Write};
        let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", self.admin_port)) else {
            return false;
        };
        let request = "GET /status.txt?password=admin-test HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
        let mut answer = String::new();
        if stream.write_all(request.as_bytes()).is_err() || stream.read_to_string(&mut answer).is_err() {
            return false;
        }
        answer.lines().any(|l| l.contains("fake") && l.contains("online"))
    }

    /// A phone `from` sends `text` (ASCII words) to the number `to`: a new
    /// fake centre connects, sends it, and stays connected.
    pub fn send_from_phone(&mut self, from: &str, to: &str, text: &str) {
        self.connect_centre(Some(&format!("{from} {to} text {text}")));
    }

    /// Every text that fake centres have received, in order.
    pub fn received(&self) -> Vec<ReceivedSms> {
        self.centres
            .iter()
            .flat_map(|c| parse_fakesmsc_log(&std::fs::read_to_string(&c.log).unwrap_or_default()))
            .collect()
    }

    /// Waits (at most `limit`) until a received text satisfies `found`.
    pub fn wait_for(&self, limit: Duration, found: impl Fn(&ReceivedSms) -> bool) -> ReceivedSms {
        let start = Instant::now();
        loop {
            if let Some(sms) = self.received().into_iter().find(&found) {
                return sms;
            }
            assert!(
                start.elapsed() < limit,
                "no such text reached the fake SMS centre; it has {:?}\n{}",
                self.received(),
                self.logs()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The ends of Kannel's logs, for failure messages.
    pub fn logs(&self) -> String {
        let mut all = String::new();
        for name in ["bearerbox.out", "smsbox.out", "bearerbox.log", "smsbox.log"] {
            let text = std::fs::read_to_string(self.dir.join(name)).unwrap_or_default();
            let tail: Vec<&str> = text.lines().rev().take(15).collect();
            all.push_str(&format!("--- {name}\n"));
            for line in tail.into_iter().rev() {
                all.push_str(line);
                all.push('\n');
            }
        }
        all
    }
}

fn kill(mut child: Child) {
    let _ = child.kill();
    let _ = child.wait();
}

fn wait_for_port(port: u16, what: &str) {
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{what} never listened on port {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

impl Drop for Kannel {
    fn drop(&mut self) {
        for centre in &mut self.centres {
            let _ = centre.child.kill();
            let _ = centre.child.wait();
        }
        for child in [self.smsbox.take(), self.bearerbox.take()].into_iter().flatten() {
            kill(child);
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The parts of a longer text received so far, by sender, recipient and
/// the text's reference in their headers; `None` for the parts to come.
type Pending = ((String, String, u8), Vec<Option<ReceivedSms>>);

/// The texts in a `fakesmsc` log: lines `Got message N: <FROM TO TYPE DATA>`,
/// where `DATA` is plain for `text`, URL-encoded UTF-16BE for `ucs-2`, and
/// for a part of a longer text (`udh`) its user data header (URL-encoded)
/// then the part's own type and data; the parts of one text are joined.
pub fn parse_fakesmsc_log(log: &str) -> Vec<ReceivedSms> {
    let mut texts: Vec<ReceivedSms> = Vec::new();
    let mut pending: Vec<Pending> = Vec::new();
    for line in log.lines() {
        let Some(rest) = line.split_once("Got message ").map(|(_, r)| r) else {
            continue;
        };
        let Some(inner) = rest.split_once(": <").and_then(|(_, i)| i.strip_suffix('>')) else {
            continue;
        };
        let mut fields = inner.splitn(4, ' ');
        let (Some(from), Some(to), Some(coding)) = (fields.next(), fields.next(), fields.next()) else {
            continue;
        };
        let data = fields.next().unwrap_or("");
        if coding != "udh" {
            texts.push(ReceivedSms {
                from: from.to_string(),
                to: to.to_string(),
                coding: coding.to_string(),
                text: decode(coding, data),
                parts: 1,
            });
            continue;
        }
        // `UDH TYPE DATA`, the header a concatenation one: 05 00 03 REF TOTAL SEQ.
        let mut inner = data.splitn(3, ' ');
        let (Some(udh), Some(kind)) = (inner.next(), inner.next()) else {
            continue;
        };
        let header = percent_decode(udh);
        let [5, 0, 3, reference, total, seq] = header[..] else {
            continue;
        };
        let part = ReceivedSms {
            from: from.to_string(),
            to: to.to_string(),
            coding: kind.to_string(),
            text: decode(kind, inner.next().unwrap_or("")),
            parts: usize::from(total),
        };
        let key = (from.to_string(), to.to_string(), reference);
        let at = match pending.iter().position(|(k, _)| *k == key) {
            Some(at) => at,
            None => {
                pending.push((key, vec![None; usize::from(total)]));
                pending.len() - 1
            }
        };
        if let Some(slot) = pending[at].1.get_mut(usize::from(seq).saturating_sub(1)) {
            *slot = Some(part);
        }
        if pending[at].1.iter().all(Option::is_some) {
            let (_, parts) = pending.remove(at);
            let parts: Vec<ReceivedSms> = parts.into_iter().flatten().collect();
            let mut whole = parts[0].clone();
            whole.text = parts.iter().map(|p| p.text.as_str()).collect();
            texts.push(whole);
        }
    }
    texts
}

/// The text of a message's data as `fakesmsc` prints it for `coding`.
fn decode(coding: &str, data: &str) -> String {
    match coding {
        "ucs-2" => {
            let bytes = percent_decode(data);
            let units: Vec<u16> = bytes
                .chunks(2)
                .map(|p| u16::from_be_bytes([p[0], *p.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        "data" => String::from_utf8_lossy(&percent_decode(data)).into_owned(),
        _ => data.to_string(),
    }
}

fn percent_decode(data: &str) -> Vec<u8> {
    let bytes = data.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = data.get(i + 1..i + 3)
            && let Ok(byte) = u8::from_str_radix(hex, 16)
        {
            out.push(byte);
            i += 3;
        } else {
            out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
            i += 1;
        }
    }
    out
}
