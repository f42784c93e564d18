//! The panic boundary around every handler: a panic while answering a
//! request becomes that request's error response and a line on standard
//! error (the editor's log), and the server goes on reading. Without it, a
//! panic in any handler would end the crate's serving loop, and with it
//! every diagnostic the writer sees.

use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::Pin;
use std::task::{Context, Poll};
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Id, Request, Response};
use tower_service::Service;

/// A service whose handlers' panics are caught.
pub struct CatchPanics<S>(pub S);

type Answer<E> = std::result::Result<Option<Response>, E>;

impl<S> Service<Request> for CatchPanics<S>
where
    S: Service<Request, Response = Option<Response>>,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
{
    type Response = Option<Response>;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Answer<S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<std::result::Result<(), S::Error>> {
        self.0.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        let id = req.id().cloned();
        let method = req.method().to_string();
        match catch_unwind(AssertUnwindSafe(|| self.0.call(req))) {
            Ok(inner) => Box::pin(Guarded {
                inner: Some(Box::pin(inner)),
                id,
                method,
            }),
            Err(panic) => {
                let answer = answer_panic(id, &method, panic.as_ref());
                Box::pin(std::future::ready(Ok(answer)))
            }
        }
    }
}

struct Guarded<F> {
    inner: Option<Pin<Box<F>>>,
    id: Option<Id>,
    method: String,
}

impl<F, E> Future for Guarded<F>
where
    F: Future<Output = Answer<E>>,
{
    type Output = Answer<E>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let Some(inner) = self.inner.as_mut() else {
            return Poll::Ready(Ok(None));
        };
        match catch_unwind(AssertUnwindSafe(|| inner.as_mut().poll(cx))) {
            Ok(p) => p,
            Err(panic) => {
                // The handler's future is dropped, never polled again.
                self.inner = None;
                let id = self.id.take();
                Poll::Ready(Ok(answer_panic(id, &self.method, panic.as_ref())))
            }
        }
    }
}

/// The error response (for a request) and the log line for a panic.
fn answer_panic(
    id: Option<Id>,
    method: &str,
    panic: &(dyn std::any::Any + Send),
) -> Option<Response> {
    let what = panic_message(panic);
    eprintln!("onrecord: internal error in {method}: {what}; the server goes on");
    id.map(|id| {
        Response::from_error(
            id,
            Error {
                code: ErrorCode::InternalError,
                message: format!("onrecord: internal error in {method}: {what}").into(),
                data: None,
            },
        )
    })
}

/// The message a panic carries, when it is text.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(std::string::ToString::to_string)
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Answers `ok` with `null` and panics on anything else.
    struct Fragile;

    impl Service<Request> for Fragile {
        type Response = Option<Response>;
        type Error = ();
        type Future = Pin<Box<dyn Future<Output = Answer<()>> + Send>>;

        fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<std::result::Result<(), ()>> {
            Poll::Ready(Ok(()))
        }

        fn call(&mut self, req: Request) -> Self::Future {
            Box::pin(async move {
                if req.method() != "ok" {
                    panic!("boom in {}", req.method());
                }
                Ok(req
                    .id()
                    .cloned()
                    .map(|id| Response::from_ok(id, serde_json::Value::Null)))
            })
        }
    }

    fn poll_once<F: Future>(f: F) -> F::Output {
        let mut f = std::pin::pin!(f);
        let mut cx = Context::from_waker(std::task::Waker::noop());
        match f.as_mut().poll(&mut cx) {
            Poll::Ready(v) => v,
            Poll::Pending => panic!("the test futures are ready at once"),
        }
    }

    #[test]
    fn a_panicking_handler_answers_an_internal_error_and_the_service_goes_on() {
        let mut s = CatchPanics(Fragile);
        let bad = Request::build("textDocument/hover").id(7).finish();
        let answer = poll_once(s.call(bad)).expect("no service error");
        let error = answer.and_then(|r| r.error().cloned()).expect("an error");
        assert_eq!(error.code, ErrorCode::InternalError);
        assert!(
            error.message.contains("boom in textDocument/hover"),
            "{error:?}"
        );
        // A notification that panics gets no answer.
        let note = Request::build("textDocument/didChange").finish();
        assert_eq!(poll_once(s.call(note)), Ok(None));
        // And the next request is served.
        let ok = Request::build("ok").id(8).finish();
        let answer = poll_once(s.call(ok))
            .expect("no service error")
            .expect("an answer");
        assert!(answer.is_ok());
    }
}
