//! The framing layer between the editor's pipe and the protocol crate.
//!
//! Every frame the client sends is read whole and checked here first: its
//! headers, its length, UTF-8, JSON, the `jsonrpc` field and the id. A bad
//! frame gets its JSON-RPC error (id `null` when none can be read) and the
//! next frame is read, so one malformed message never ends the session.
//! Good frames go on to the crate unchanged; the crate's replies and ours are
//! written to the editor one whole frame at a time.

use serde_json::{json, Value};
use std::sync::Arc;
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::Mutex;

/// A body larger than this is refused rather than read into memory.
const MAX_BODY: usize = 1 << 30;
/// A header line longer than this is not a header.
const MAX_HEADER_LINE: usize = 8 * 1024;

/// What a frame's headers said.
enum Header {
    Length(usize),
    /// Readable headers, but no usable `Content-Length`: answered.
    Bad(String),
    /// A header block with no `Content-Length` at all: not a frame
    /// (perhaps the rest of a body that was shorter than its length said),
    /// skipped with a line in the log.
    Skip(String),
    /// The input ended.
    End,
}

/// Reads one header block (lines up to an empty line).
async fn read_header<R: AsyncBufRead + Unpin>(r: &mut R) -> std::io::Result<Header> {
    let mut length: Option<Result<usize, String>> = None;
    let mut seen_any = false;
    loop {
        let mut line = Vec::new();
        let n = (&mut *r)
            .take(MAX_HEADER_LINE as u64)
            .read_until(b'\n', &mut line)
            .await?;
        if n == 0 {
            return Ok(if seen_any {
                Header::Bad("the input ended inside the headers".into())
            } else {
                Header::End
            });
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        // Resynchronising: a header glued to the end of other bytes starts
        // where its name does. (`to_ascii_lowercase` keeps byte offsets.)
        let text = match text.to_ascii_lowercase().find("content-length:") {
            Some(p) if p > 0 => &text[p..],
            _ => text,
        };
        if text.is_empty() {
            if !seen_any {
                // Stray blank lines between frames.
                continue;
            }
            return Ok(match length {
                Some(Ok(n)) if n <= MAX_BODY => Header::Length(n),
                Some(Ok(n)) => Header::Bad(format!("Content-Length {n} is over the limit")),
                Some(Err(e)) => Header::Bad(e),
                None => Header::Skip("a header block without Content-Length".into()),
            });
        }
        seen_any = true;
        if let Some((name, value)) = text.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                let v = value.trim();
                length = Some(
                    v.parse::<usize>()
                        .map_err(|_| format!("Content-Length `{v}` is not a number")),
                );
            }
        }
    }
}

/// Why a well-framed body is not a message the crate can take.
#[derive(Debug)]
enum Refusal {
    /// Answered with this JSON-RPC error (id `null` when none could be read).
    Answer {
        id: Value,
        code: i64,
        message: String,
    },
    /// A response of the client's, which is never answered: logged only.
    Ignore(String),
}

fn refuse(id: Value, code: i64, message: &str) -> Refusal {
    Refusal::Answer {
        id,
        code,
        message: message.to_string(),
    }
}

/// The message a well-framed body holds, or why it is not one the crate can
/// take.
fn check_message(body: &[u8]) -> Result<Value, Refusal> {
    let text = std::str::from_utf8(body)
        .map_err(|_| refuse(Value::Null, -32700, "Parse error: the body is not UTF-8"))?;
    let v: Value = serde_json::from_str(text)
        .map_err(|e| refuse(Value::Null, -32700, &format!("Parse error: {e}")))?;
    let Some(obj) = v.as_object() else {
        return Err(refuse(
            Value::Null,
            -32600,
            "Invalid Request: not an object",
        ));
    };
    let id = obj.get("id").cloned();
    let id_ok = match &id {
        None | Some(Value::String(_) | Value::Null) => true,
        // The crate's ids are `i64`: a larger one would end its session.
        Some(Value::Number(n)) => n.is_i64(),
        Some(_) => false,
    };
    let answer_id = if id_ok {
        id.clone().unwrap_or(Value::Null)
    } else {
        Value::Null
    };
    if obj.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return Err(refuse(
            answer_id,
            -32600,
            "Invalid Request: `jsonrpc` must be \"2.0\"",
        ));
    }
    if !id_ok {
        return Err(refuse(
            Value::Null,
            -32600,
            "Invalid Request: the id must be an integer or a string",
        ));
    }
    match obj.get("method") {
        Some(_) if obj.contains_key("result") || obj.contains_key("error") => Err(refuse(
            answer_id,
            -32600,
            "Invalid Request: a message has a `method` or a `result`/`error`, not both",
        )),
        Some(Value::String(m)) => {
            // `$/` requests this server does not know get an answer; the
            // crate would drop them and leave the client waiting.
            if m.starts_with("$/") && id.is_some() {
                return Err(refuse(answer_id, -32601, &format!("Method not found: {m}")));
            }
            Ok(v)
        }
        Some(_) => Err(refuse(
            answer_id,
            -32600,
            "Invalid Request: `method` must be a string",
        )),
        // A response to one of the server's own requests.
        None if id.is_some() && (obj.contains_key("result") || obj.contains_key("error")) => {
            match response_fault(obj) {
                None => Ok(v),
                Some(why) => Err(Refusal::Ignore(why)),
            }
        }
        None => Err(refuse(answer_id, -32600, "Invalid Request: no `method`")),
    }
}

/// Why a response from the client cannot be handed on, if it cannot: one
/// that the crate would misread as a request and answer.
fn response_fault(obj: &serde_json::Map<String, Value>) -> Option<String> {
    let id = obj.get("id").map(Value::to_string).unwrap_or_default();
    match (obj.get("result"), obj.get("error")) {
        (Some(_), Some(_)) => Some(format!(
            "response {id} has both `result` and `error`; ignored"
        )),
        (None, Some(e)) => {
            let code_ok = e.get("code").is_some_and(Value::is_i64);
            let message_ok = e.get("message").is_some_and(Value::is_string);
            (!(e.is_object() && code_ok && message_ok)).then(|| {
                format!("response {id} has an `error` without an integer `code` and a string `message`; ignored")
            })
        }
        _ => None,
    }
}

/// The body the framing layer hands on to the protocol crate for a
/// client's body, or `None` when it answers or drops the body itself
/// (the rules of [`read_client`], for clients that must know, such as
/// the fuzzer's).
pub fn forwarded(body: &[u8]) -> Option<Vec<u8>> {
    check_message(body).ok().map(|m| rewritten(&m, body))
}

/// A message written again from its parsed value: a key the client wrote
/// twice (which the crate refuses, ending its session) keeps its last
/// value, as JSON readers do.
fn rewritten(message: &Value, body: &[u8]) -> Vec<u8> {
    serde_json::to_vec(message).unwrap_or_else(|_| body.to_vec())
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

async fn write_frame<W: AsyncWrite + Unpin>(out: &Mutex<W>, body: &[u8]) {
    let mut w = out.lock().await;
    let _ = w.write_all(&frame(body)).await;
    let _ = w.flush().await;
}

/// Reads the client's frames from `input`; good ones go to `to_server`, bad
/// ones are answered on `out`. Returns when the input ends: `Err` with the
/// line it logged when it ended inside a message.
pub async fn read_client<R, S, W>(
    input: R,
    mut to_server: S,
    out: Arc<Mutex<W>>,
) -> Result<(), String>
where
    R: tokio::io::AsyncRead + Unpin,
    S: AsyncWrite + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut r = tokio::io::BufReader::new(input);
    loop {
        let header = match read_header(&mut r).await {
            Ok(h) => h,
            Err(e) => return Err(log(format!("reading the client's input failed: {e}"))),
        };
        let n = match header {
            Header::End => return Ok(()),
            Header::Skip(why) => {
                log(format!("{why}; skipped"));
                continue;
            }
            Header::Bad(why) => {
                let err = json!({"jsonrpc": "2.0", "id": null,
                    "error": {"code": -32700, "message": format!("Parse error: {why}")}});
                write_frame(&out, err.to_string().as_bytes()).await;
                continue;
            }
            Header::Length(n) => n,
        };
        // Grown as it arrives: a length that is never sent costs nothing.
        let mut body = Vec::with_capacity(n.min(1 << 20));
        match (&mut r).take(n as u64).read_to_end(&mut body).await {
            Ok(got) if got == n => {}
            Ok(got) => {
                return Err(log(format!(
                    "the input ended {got} bytes into a message body of {n} (its Content-Length); stopping"
                )));
            }
            Err(e) => return Err(log(format!("reading a message body failed: {e}; stopping"))),
        }
        match check_message(&body) {
            Ok(message) => {
                let body = rewritten(&message, &body);
                if to_server.write_all(&frame(&body)).await.is_err() {
                    return Ok(());
                }
                let _ = to_server.flush().await;
            }
            Err(Refusal::Answer { id, code, message }) => {
                let err = json!({"jsonrpc": "2.0", "id": id,
                    "error": {"code": code, "message": message}});
                write_frame(&out, err.to_string().as_bytes()).await;
            }
            Err(Refusal::Ignore(why)) => {
                log(why);
            }
        }
    }
}

/// One line on standard error (the client's log), given back.
fn log(line: String) -> String {
    eprintln!("onrecord: {line}");
    line
}

/// Copies the crate's frames from `from_server` to `out`, one whole frame at
/// a time, so that the errors written above never split one.
pub async fn write_server<R, W>(from_server: R, out: Arc<Mutex<W>>)
where
    R: tokio::io::AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut r = tokio::io::BufReader::new(from_server);
    loop {
        let Ok(Header::Length(n)) = read_header(&mut r).await else {
            return;
        };
        let mut body = vec![0u8; n];
        if r.read_exact(&mut body).await.is_err() {
            return;
        }
        write_frame(&out, &body).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `read_client` hands on and answers for `input`, and how it
    /// ended.
    async fn read_all(input: &[u8]) -> (Vec<u8>, Vec<u8>, Result<(), String>) {
        let mut to_server = Vec::new();
        let out = Arc::new(Mutex::new(Vec::new()));
        let ended = read_client(input, &mut to_server, out.clone()).await;
        let answered = std::mem::take(&mut *out.lock().await);
        (to_server, answered, ended)
    }

    #[tokio::test]
    async fn a_body_cut_short_by_the_end_of_input_ends_reading_with_one_line() {
        let good = br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let mut input = frame(good);
        input.extend(b"Content-Length: 100\r\n\r\n{\"jsonrpc\":");
        let (to_server, answered, ended) = read_all(&input).await;
        assert_eq!(to_server, frame(good), "the whole frame before it went on");
        assert!(answered.is_empty());
        let why = ended.expect_err("ended inside a body");
        assert!(!why.contains('\n'), "{why}");
        assert!(why.contains("11 bytes") && why.contains("100"), "{why}");
    }

    #[tokio::test]
    async fn a_header_block_without_content_length_is_skipped_and_reading_resynchronises() {
        let one = br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let two = br#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;
        let mut input = b"Content-Type: application/vscode-jsonrpc\r\n\r\n".to_vec();
        // Its body, with the next frame's header glued to its end.
        input.extend(br#"{"jsonrpc":"2.0","method":"lost"}"#);
        input.extend(frame(one));
        input.extend(b"X-Junk: 1\r\n\r\n");
        input.extend(frame(two));
        let (to_server, answered, ended) = read_all(&input).await;
        // As the framing layer writes them again (keys in its order).
        let mut expected = frame(&forwarded(one).expect("a message"));
        expected.extend(frame(&forwarded(two).expect("a message")));
        assert_eq!(
            String::from_utf8_lossy(&to_server),
            String::from_utf8_lossy(&expected)
        );
        assert!(
            answered.is_empty(),
            "{}",
            String::from_utf8_lossy(&answered)
        );
        assert_eq!(ended, Ok(()));
    }

    #[test]
    fn messages_are_checked_before_the_crate_sees_them() {
        let ok = br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#;
        assert!(check_message(ok).is_ok());
        let response = br#"{"jsonrpc":"2.0","id":7,"result":null}"#;
        assert!(check_message(response).is_ok());
        let code = |b: &[u8]| match check_message(b) {
            Err(Refusal::Answer { code, .. }) => code,
            other => panic!("expected an answer, got {other:?}"),
        };
        assert_eq!(code(b"not json"), -32700);
        assert_eq!(
            code(b"{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":\"\\ud800\"}"),
            -32700
        );
        assert_eq!(code(&[0xff, 0xfe]), -32700);
        assert_eq!(code(br#"{"id":1,"method":"initialize"}"#), -32600);
        assert_eq!(code(br#"{"jsonrpc":"2.0","id":1.5,"method":"x"}"#), -32600);
        assert_eq!(code(br#"{"jsonrpc":"2.0","id":{},"method":"x"}"#), -32600);
        assert_eq!(
            code(br#"{"jsonrpc":"2.0","id":3,"method":"$/unknown"}"#),
            -32601
        );
        let notification = br#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}"#;
        assert!(check_message(notification).is_ok());
        // Caught by fuzzing: the crate ends its session on an id past
        // `i64::MAX` and on a key written twice.
        assert_eq!(
            code(br#"{"jsonrpc":"2.0","id":18446744073709551615,"method":"x"}"#),
            -32600
        );
        // A request that also carries a result is answered, not handed on
        // (the crate took it as a request and never answered).
        assert_eq!(
            code(br#"{"jsonrpc":"2.0","id":4,"method":"x","result":1}"#),
            -32600
        );
        // A malformed response is never answered (the crate answered it
        // "Method not found"), only logged.
        for bad in [
            &br#"{"jsonrpc":"2.0","id":5,"error":false}"#[..],
            br#"{"jsonrpc":"2.0","id":5,"error":{"code":"x","message":"m"}}"#,
            br#"{"jsonrpc":"2.0","id":5,"result":1,"error":{"code":1,"message":"m"}}"#,
        ] {
            assert!(matches!(check_message(bad), Err(Refusal::Ignore(_))));
        }
        let error = br#"{"jsonrpc":"2.0","id":5,"error":{"code":-1,"message":"m"}}"#;
        assert!(check_message(error).is_ok());
        let twice = br#"{"jsonrpc":"2.0","id":2,"method":"x","method":"shutdown"}"#;
        let message = check_message(twice).expect("a message");
        assert_eq!(message["method"], "shutdown");
        assert_eq!(
            serde_json::to_string(&message)
                .unwrap()
                .matches("method")
                .count(),
            1
        );
    }
}
