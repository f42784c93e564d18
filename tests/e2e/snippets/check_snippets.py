"""Tests the Helix and Zed snippets of editors/README.md for real.

Neither editor can be installed here, so this does what each editor does
with its snippet: it reads the snippet from the README (so the docs cannot
drift from what is tested), parses it as the editor would (TOML for Helix,
JSON for Zed), takes the server command, arguments and options from it,
starts exactly that command, and talks the Language Server Protocol to it
like the editor: initialize, open a draft, wait for the diagnostics.

Usage: check_snippets.py REPO WORKSPACE
`onrecord` must be on the PATH (test.sh links the binary under test there).
Prints one `PASS: <name>` or `FAIL: <name>: <reason>` line per test and
exits with 1 when any failed.
"""

import json
import os
import re
import shutil
import sys
import tomllib
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Client, LspError, file_uri  # noqa: E402

# test-corpus/drafts/issues.md: (1-based line, code) of each finding.
EXPECTED = [
    (7, "unattributed-quote"),
    (15, "misquote"),
    (19, "misattributed-quote"),
    (23, "unknown-quote"),
]
ERROR, WARNING, INFORMATION = 1, 2, 3

failures = 0


def report(name, error=None):
    global failures
    if error is None:
        print(f"PASS: {name}", flush=True)
    else:
        failures += 1
        reason = str(error).replace("\n", " | ")
        print(f"FAIL: {name}: {reason}", flush=True)


def run(name, fn):
    try:
        fn()
    except AssertionError as e:
        report(name, e or "assertion failed")
    except Exception as e:  # noqa: BLE001 - any error fails the test
        report(name, f"{type(e).__name__}: {e} [{traceback.format_exc(limit=2).splitlines()[-1]}]")
    else:
        report(name)


def snippet(readme, name):
    """The fenced block after `<!-- snippet: NAME -->`, dedented."""
    lines = readme.splitlines()
    marker = f"<!-- snippet: {name} -->"
    at = next((i for i, l in enumerate(lines) if l.strip() == marker), None)
    assert at is not None, f"no snippet {name} in editors/README.md"
    i = at + 1
    while i < len(lines) and not lines[i].strip():
        i += 1
    m = re.match(r"^(\s*)```(\S*)\s*$", lines[i]) if i < len(lines) else None
    assert m, f"snippet {name}: no code block after the marker"
    indent = m.group(1)
    body = []
    for line in lines[i + 1 :]:
        if line.strip() == "```":
            return "\n".join(body) + "\n"
        body.append(line[len(indent) :] if line.startswith(indent) else line)
    raise AssertionError(f"snippet {name}: unterminated code block")


class Session:
    """One server started from a snippet's command, with a draft open."""

    def __init__(self, argv, workspace, init_options=None, settings=None, encodings=None):
        exe = shutil.which(argv[0])
        assert exe, f"{argv[0]} is not on the PATH"
        self.workspace = workspace
        self.draft = os.path.join(workspace, "test-corpus", "drafts", "issues.md")
        self.uri = file_uri(self.draft)
        self.client = Client(argv, cwd=workspace)
        general = {"positionEncodings": encodings} if encodings else {}
        params = {
            "processId": os.getpid(),
            "rootUri": file_uri(workspace),
            "workspaceFolders": [{"uri": file_uri(workspace), "name": os.path.basename(workspace)}],
            "capabilities": {
                "general": general,
                "textDocument": {
                    "publishDiagnostics": {"relatedInformation": True},
                    "hover": {"contentFormat": ["markdown", "plaintext"]},
                },
                "window": {"workDoneProgress": True},
            },
        }
        if init_options is not None:
            params["initializationOptions"] = init_options
        self.init = self.client.request("initialize", params, timeout=10)
        self.client.notify("initialized", {})
        if settings is not None:
            self.client.notify("workspace/didChangeConfiguration", {"settings": settings})
        with open(self.draft, encoding="utf-8") as f:
            text = f.read()
        self.client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": self.uri, "languageId": "markdown", "version": 1, "text": text}},
        )

    def diagnostics(self, timeout=20):
        n = self.client.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == self.uri
            and m["params"]["diagnostics"],
            timeout,
        )
        assert n, f"no diagnostics for the draft within {timeout} s; stderr: {''.join(self.client.stderr)[-500:]}"
        return n["params"]["diagnostics"]

    def hover(self, line, character):
        return self.client.request(
            "textDocument/hover",
            {"textDocument": {"uri": self.uri}, "position": {"line": line, "character": character}},
        )

    def close(self):
        code = self.client.stop()
        assert code == 0, f"the server exited with {code} after shutdown and exit"


def check_diagnostics(diags, severity_of=None):
    got = sorted((d["range"]["start"]["line"] + 1, d.get("code")) for d in diags)
    assert got == EXPECTED, f"diagnostics {got}, expected {EXPECTED}"
    for d in diags:
        assert d.get("source") == "onrecord", f"source {d.get('source')!r}"
        if severity_of and d["code"] in severity_of:
            want = severity_of[d["code"]]
            assert d.get("severity") == want, f"{d['code']}: severity {d.get('severity')}, expected {want}"


def check_hover(session):
    h = session.hover(6, 10)
    md = h and h["contents"]["value"]
    for want in ("Said by **State Department official**", "`001_3e6dcae349e62da4.txt:13`"):
        assert md and want in md, f"{want!r} not in the hover: {md!r}"


def main():
    repo, workspace = sys.argv[1], sys.argv[2]
    with open(os.path.join(repo, "editors", "README.md"), encoding="utf-8") as f:
        readme = f.read()

    # -- Helix ---------------------------------------------------------
    helix = {}

    def helix_parse():
        cfg = tomllib.loads(snippet(readme, "helix"))
        server = cfg["language-server"]["onrecord"]
        assert server["command"] == "onrecord", f"command {server['command']!r}"
        assert server["args"] == ["serve"], f"args {server['args']!r}"
        md = [l for l in cfg["language"] if l["name"] == "markdown"]
        assert len(md) == 1, "no [[language]] named markdown"
        assert "onrecord" in md[0]["language-servers"], f"language-servers {md[0]['language-servers']}"
        helix["argv"] = [server["command"], *server["args"]]
        helix["config"] = server.get("config")

    def helix_server():
        # Helix offers UTF-8 positions first; the server takes them.
        s = Session(helix["argv"], workspace, init_options=helix["config"], encodings=["utf-8", "utf-32", "utf-16"])
        try:
            assert s.init["capabilities"].get("positionEncoding") == "utf-8", s.init["capabilities"].get("positionEncoding")
            assert s.init["serverInfo"]["name"] == "onrecord"
            check_diagnostics(s.diagnostics(), {"misquote": WARNING, "unknown-quote": INFORMATION})
            check_hover(s)
        finally:
            s.close()

    def helix_settings():
        cfg = tomllib.loads(snippet(readme, "helix") + "\n" + snippet(readme, "helix-settings"))
        server = cfg["language-server"]["onrecord"]
        assert server["config"] == {"onrecord": {"check": {"severity": {"misquote": "error"}}}}, server.get("config")
        # Helix sends `config` as initializationOptions.
        s = Session([server["command"], *server["args"]], workspace, init_options=server["config"])
        try:
            check_diagnostics(s.diagnostics(), {"misquote": ERROR, "misattributed-quote": WARNING})
        finally:
            s.close()

    run("helix: languages.toml snippet parses", helix_parse)
    if "argv" in helix:
        run("helix: the snippet's command serves diagnostics and hover", helix_server)
    else:
        report("helix: the snippet's command serves diagnostics and hover", "not run: the snippet does not parse")
    run("helix: config settings reach the server", helix_settings)

    # -- Zed -----------------------------------------------------------
    zed = {}

    def zed_parse():
        settings = json.loads(snippet(readme, "zed-settings"))
        lsp = settings["lsp"]["onrecord"]
        binary = lsp["binary"]
        assert binary["path"] == "onrecord", binary
        assert binary["arguments"] == ["serve"], binary
        servers = settings["languages"]["Markdown"]["language_servers"]
        assert "onrecord" in servers, f"language_servers {servers}"
        zed["argv"] = [binary["path"], *binary["arguments"]]
        zed["init"] = lsp.get("initialization_options")
        zed["settings"] = lsp.get("settings")

    def zed_extension():
        ext = tomllib.loads(snippet(readme, "zed-extension"))
        assert ext["id"] == "onrecord", ext["id"]
        assert ext["schema_version"] == 1
        server = ext["language_servers"]["onrecord"]
        assert "Markdown" in server["languages"], server
        cargo = tomllib.loads(snippet(readme, "zed-cargo"))
        assert cargo["lib"]["crate-type"] == ["cdylib"], cargo["lib"]
        assert "zed_extension_api" in cargo["dependencies"]
        lib = snippet(readme, "zed-lib")
        # The extension reads the settings of the server the extension
        # registers, and defaults to the command the other snippets use.
        assert lib.count('LspSettings::for_worktree("onrecord"') == 3, "LspSettings::for_worktree(\"onrecord\") x3"
        assert '"onrecord".to_string()' in lib and 'vec!["serve".to_string()]' in lib, "default command"
        assert "zed::register_extension!(Onrecord);" in lib

    def zed_server():
        s = Session(zed["argv"], workspace, init_options=zed["init"], settings=zed["settings"])
        try:
            check_diagnostics(s.diagnostics(), {"misquote": WARNING, "unknown-quote": INFORMATION})
            check_hover(s)
        finally:
            s.close()

    run("zed: settings.json snippet parses", zed_parse)
    run("zed: extension snippets agree with the settings", zed_extension)
    if "argv" in zed:
        run("zed: the settings' command serves diagnostics and hover", zed_server)
    else:
        report("zed: the settings' command serves diagnostics and hover", "not run: the snippet does not parse")

    # -- The settings shape the README documents for every editor --------
    def settings_json():
        settings = json.loads(snippet(readme, "settings-json"))
        # Corpus paths relative to the workspace root: the sample's corpus.
        settings["onrecord"]["corpus"]["paths"] = ["test-corpus"]
        s = Session(["onrecord", "serve"], workspace, init_options=settings)
        try:
            check_diagnostics(s.diagnostics(), {"misquote": ERROR})
        finally:
            s.close()

    run("docs: settings JSON reaches the server", settings_json)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
