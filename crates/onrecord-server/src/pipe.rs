//! The client end of an in-memory pipe to [`serve`](crate::serve): framed
//! JSON-RPC written and read. The protocol tests and the `server_messages`
//! fuzz target both speak to the server through it, so the framing a
//! client writes and checks exists once. Test code: it panics on a frame
//! the server should never write.

use serde_json::{json, Value};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream};
use tokio::task::JoinHandle;

/// One message from the server.
#[derive(Debug)]
pub enum Received {
    /// An answer to one of the client's requests.
    Response(Value),
    /// A request of the server's, already answered with `null`.
    Request(Value),
    Notification(Value),
}

/// A server on the far end of two in-memory pipes.
pub struct Pipe {
    to_server: DuplexStream,
    from_server: BufReader<DuplexStream>,
}

impl Pipe {
    /// Starts the server (on the current tokio runtime). The handle's
    /// value says whether the client sent `shutdown` before the end.
    pub fn start() -> (Pipe, JoinHandle<bool>) {
        let (client_w, server_r) = tokio::io::duplex(1 << 20);
        let (server_w, client_r) = tokio::io::duplex(1 << 20);
        let server = tokio::spawn(crate::serve(server_r, server_w));
        let pipe = Pipe {
            to_server: client_w,
            from_server: BufReader::new(client_r),
        };
        (pipe, server)
    }

    /// Writes one frame holding `body`, whatever it is.
    pub async fn send_body(&mut self, body: &[u8]) {
        let head = format!("Content-Length: {}\r\n\r\n", body.len());
        self.to_server
            .write_all(head.as_bytes())
            .await
            .expect("the server closed its input");
        self.to_server
            .write_all(body)
            .await
            .expect("the server closed its input");
        self.to_server.flush().await.expect("flush");
    }

    /// Writes one message.
    pub async fn send(&mut self, msg: &Value) {
        self.send_body(&serde_json::to_vec(msg).expect("JSON"))
            .await;
    }

    /// Reads one frame: a JSON-RPC 2.0 message with its `Content-Length`.
    pub async fn read(&mut self) -> Value {
        let mut len = None;
        loop {
            let mut line = String::new();
            let n = self
                .from_server
                .read_line(&mut line)
                .await
                .expect("read from the server");
            assert!(n > 0, "the server closed the pipe");
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                len = Some(v.parse::<usize>().expect("a Content-Length"));
            }
        }
        let mut body = vec![0u8; len.expect("a frame with Content-Length")];
        self.from_server
            .read_exact(&mut body)
            .await
            .expect("a whole frame");
        let v: Value = serde_json::from_slice(&body).expect("the server's frame is JSON");
        assert_eq!(v["jsonrpc"], "2.0", "{v}");
        v
    }

    /// Reads the next message, answering the server's requests with
    /// `null`; panics when none comes within `patience` (a hang).
    pub async fn receive(&mut self, patience: Duration) -> Received {
        let msg = tokio::time::timeout(patience, self.read())
            .await
            .expect("the server stopped answering");
        if msg.get("method").is_none() {
            return Received::Response(msg);
        }
        match msg.get("id") {
            Some(id) => {
                let reply = json!({"jsonrpc": "2.0", "id": id, "result": null});
                self.send(&reply).await;
                Received::Request(msg)
            }
            None => Received::Notification(msg),
        }
    }
}
