"""A small Language Server Protocol client over stdio, for tests.

It starts a server command, answers the requests a server may send
(capability registration, progress tokens, configuration) and keeps every
notification, so that a test can wait for the ones it needs.
"""

import json
import os
import queue
import subprocess
import threading
import time


class LspError(Exception):
    pass


class Client:
    def __init__(self, argv, cwd=None, env=None):
        self.proc = subprocess.Popen(
            argv,
            cwd=cwd,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.next_id = 0
        self.responses = {}
        self.notifications = []
        self.cond = threading.Condition()
        self.stderr = []
        self.closed = False
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    # -- wire --------------------------------------------------------------
    def _send(self, msg):
        body = json.dumps(msg).encode("utf-8")
        head = f"Content-Length: {len(body)}\r\n\r\n".encode("ascii")
        self.proc.stdin.write(head + body)
        self.proc.stdin.flush()

    def _read_stderr(self):
        for line in self.proc.stderr:
            self.stderr.append(line.decode("utf-8", "replace"))

    def _read(self):
        out = self.proc.stdout
        try:
            while True:
                length = None
                while True:
                    line = out.readline()
                    if not line:
                        return
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.decode("ascii").partition(":")
                    if name.lower() == "content-length":
                        length = int(value.strip())
                if length is None:
                    continue
                msg = json.loads(out.read(length))
                self._dispatch(msg)
        finally:
            with self.cond:
                self.closed = True
                self.cond.notify_all()

    def _dispatch(self, msg):
        if "id" in msg and "method" in msg:
            # A request from the server.
            method = msg["method"]
            if method == "workspace/configuration":
                result = [None for _ in msg.get("params", {}).get("items", [])]
            else:
                result = None
            self._send({"jsonrpc": "2.0", "id": msg["id"], "result": result})
            with self.cond:
                self.notifications.append(msg)
                self.cond.notify_all()
        elif "id" in msg:
            with self.cond:
                self.responses[msg["id"]] = msg
                self.cond.notify_all()
        else:
            with self.cond:
                self.notifications.append(msg)
                self.cond.notify_all()

    # -- API ---------------------------------------------------------------
    def request(self, method, params, timeout=10):
        with self.cond:
            self.next_id += 1
            rid = self.next_id
        self._send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        with self.cond:
            while rid not in self.responses:
                left = deadline - time.monotonic()
                if left <= 0 or self.closed:
                    raise LspError(f"no answer to {method} within {timeout} s")
                self.cond.wait(left)
            msg = self.responses.pop(rid)
        if "error" in msg:
            raise LspError(f"{method}: {msg['error']}")
        return msg.get("result")

    def notify(self, method, params):
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_for(self, pred, timeout=10):
        """The first notification for which pred is true, waiting for it."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for n in self.notifications:
                    if pred(n):
                        return n
                left = deadline - time.monotonic()
                if left <= 0 or self.closed:
                    return None
                self.cond.wait(left)

    def stop(self, timeout=5):
        """Shuts the server down politely, then for sure. Returns its exit code."""
        try:
            if self.proc.poll() is None:
                self.request("shutdown", None, timeout=timeout)
                self.notify("exit", None)
                self.proc.stdin.close()
        except (LspError, OSError, ValueError):
            pass
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None


def file_uri(path):
    from urllib.parse import quote

    return "file://" + quote(os.path.abspath(path))
