;;; test.el --- end-to-end test of onrecord with Emacs and eglot  -*- lexical-binding: t -*-

;; Run by test.sh:
;;   emacs --batch -l test.el
;;
;; Loads the eglot snippet of editors/README.md as it is, opens
;; test-corpus/drafts/issues.md of a fresh workspace in markdown-mode, and
;; checks what the server answers through eglot: Flymake diagnostics, hover,
;; go to definition (xref) and a code action.  The workspace has the
;; README's .dir-locals.el example, which makes misquotes errors.
;;
;; Prints `PASS: emacs: NAME' or `FAIL: emacs: NAME: REASON' per test and
;; exits with the number of failures.

(require 'cl-lib)
(require 'subr-x)

(defvar e2e-failures 0)
(defvar e2e-stopped nil "The essential test that failed, if any.")
(defvar e2e-repo (getenv "E2E_REPO"))
(defvar e2e-workspace (getenv "E2E_WORKSPACE"))
(defvar e2e-draft (expand-file-name "test-corpus/drafts/issues.md" e2e-workspace))

(defun e2e-out (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defun e2e-fail (name reason)
  (cl-incf e2e-failures)
  (e2e-out "FAIL: emacs: %s: %s" name (replace-regexp-in-string "\n" " | " reason)))

(defmacro e2e-test (name essential &rest body)
  "Run BODY as the test NAME.  After an ESSENTIAL test fails, skip the rest."
  (declare (indent 2))
  `(if e2e-stopped
       (e2e-fail ,name (format "not run: %s failed" e2e-stopped))
     (condition-case err
         (progn ,@body (e2e-out "PASS: emacs: %s" ,name))
       (error
        (e2e-fail ,name (error-message-string err))
        (when ,essential (setq e2e-stopped ,name))))))

(defun e2e-check (ok fmt &rest args)
  (unless ok (error "%s" (apply #'format fmt args))))

(defun e2e-wait (seconds pred what)
  "Wait up to SECONDS for PRED, letting processes and command hooks run.
Batch Emacs runs no commands, so the hooks a command would run are run
here: eglot-ensure connects from `post-command-hook'."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      (run-hooks 'post-command-hook))
    (unless (funcall pred)
      (error "Timed out after %s s waiting for %s" seconds what))))

(defun e2e-snippet (name)
  "The code block that follows <!-- snippet: NAME --> in editors/README.md."
  (with-temp-buffer
    (insert-file-contents (expand-file-name "editors/README.md" e2e-repo))
    (goto-char (point-min))
    (unless (search-forward (format "<!-- snippet: %s -->" name) nil t)
      (error "No snippet %s in editors/README.md" name))
    (re-search-forward "^```[a-z]*\n")
    (let ((start (point)))
      (re-search-forward "^```$")
      (buffer-substring-no-properties start (match-beginning 0)))))

(defun e2e-diagnostics ()
  "The buffer's Flymake diagnostics as (LINE CODE TYPE), sorted by line."
  (sort (mapcar (lambda (d)
                  (list (line-number-at-pos (flymake-diagnostic-beg d))
                        (plist-get (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d)) :code)
                        (flymake-diagnostic-type d)))
                (flymake-diagnostics))
        (lambda (a b) (< (car a) (car b)))))

(defun e2e-flymake-count (n)
  "Whether Flymake shows N diagnostics, asking it to check again first."
  (when (bound-and-true-p flymake-mode)
    (flymake-start))
  (= n (length (flymake-diagnostics))))

(defun e2e-goto (line column)
  (goto-char (point-min))
  (forward-line (1- line))
  (forward-char column))

(defconst e2e-words
  "They announced they were going to shut down their system for maintenance and we asked them not to")

(defun e2e-main ()
  ;; What an interactive Emacs does at start-up: activate the installed
  ;; packages (eglot and markdown-mode from ELPA or Debian's elpa-*).
  (package-activate-all)
  (let ((buf nil) (server nil))
    (e2e-test "snippet from editors/README.md" t
      (let ((code (e2e-snippet "emacs-eglot")))
        (eval (car (read-from-string (concat "(progn\n" code "\n)"))) t)
        (e2e-check (memq #'eglot-ensure markdown-mode-hook)
                   "eglot-ensure is not on markdown-mode-hook")
        (require 'eglot)
        (e2e-check (equal (cdr (assoc '(markdown-mode text-mode) eglot-server-programs))
                          '("onrecord" "serve"))
                   "no onrecord entry in eglot-server-programs: %S" (car eglot-server-programs))))

    (e2e-test "dir-locals settings from editors/README.md" t
      (with-temp-file (expand-file-name ".dir-locals.el" e2e-workspace)
        (insert (e2e-snippet "emacs-dir-locals"))))

    (e2e-test "connect" t
      (setq buf (find-file-noselect e2e-draft))
      (set-buffer buf)
      (e2e-check (eq major-mode 'markdown-mode) "major mode is %s" major-mode)
      (e2e-wait 20 (lambda () (with-current-buffer buf (eglot-current-server)))
                "eglot to connect")
      (setq server (eglot-current-server))
      (e2e-check (equal (file-name-as-directory (expand-file-name (project-root (eglot--project server))))
                        (file-name-as-directory e2e-workspace))
                 "project root %s, expected %s" (project-root (eglot--project server)) e2e-workspace)
      (e2e-check (equal (process-command (jsonrpc--process server))
                        '("onrecord" "serve"))
                 "server command %S" (process-command (jsonrpc--process server)))
      (e2e-check (string= (executable-find "onrecord") (getenv "E2E_ONRECORD_ON_PATH"))
                 "onrecord on the PATH is %s" (executable-find "onrecord")))

    (e2e-test "flymake diagnostics" t
      (with-current-buffer buf
        (e2e-wait 20 (lambda () (e2e-flymake-count 4)) "4 Flymake diagnostics")
        (let ((got (mapcar (lambda (d) (list (nth 0 d) (nth 1 d))) (e2e-diagnostics))))
          (e2e-check (equal got '((7 "unattributed-quote") (15 "misquote")
                                  (19 "misattributed-quote") (23 "unknown-quote")))
                     "diagnostics %S" got))))

    (e2e-test "settings from .dir-locals.el" nil
      (with-current-buffer buf
        (let ((types (mapcar (lambda (d) (list (nth 1 d) (nth 2 d))) (e2e-diagnostics))))
          (e2e-check (equal types '(("unattributed-quote" eglot-warning) ("misquote" eglot-error)
                                    ("misattributed-quote" eglot-warning) ("unknown-quote" eglot-note)))
                     "severities %S" types))))

    (e2e-test "hover names the speaker and the sources" nil
      (with-current-buffer buf
        (e2e-goto 7 10)
        (let* ((hover (jsonrpc-request server :textDocument/hover
                                       (eglot--TextDocumentPositionParams)))
               (md (plist-get (plist-get hover :contents) :value)))
          (e2e-check (stringp md) "no hover: %S" hover)
          (dolist (want '("Said by **State Department official**" "3 sources:"
                          "`001_3e6dcae349e62da4.txt:13`" "`002_0c5362f621e694e9.txt:10`"
                          "`003_0c2ef44d899710dd.txt:16`"))
            (e2e-check (string-search want md) "%S not in the hover: %S" want md)))
        (e2e-goto 15 20)
        (let* ((hover (jsonrpc-request server :textDocument/hover
                                       (eglot--TextDocumentPositionParams)))
               (md (plist-get (plist-get hover :contents) :value)))
          (dolist (want '("Said by **Ian Kelly** (State Department spokesman)" "**monitoring**"))
            (e2e-check (string-search want md) "%S not in the hover on line 15: %S" want md)))))

    (e2e-test "go to definition (xref)" nil
      (with-current-buffer buf
        (e2e-goto 7 10)
        (let* ((defs (xref-backend-definitions 'eglot (xref-backend-identifier-at-point 'eglot)))
               (loc (and defs (xref-item-location (car defs)))))
          (e2e-check loc "no definition")
          (let ((file (xref-file-location-file loc))
                (line (xref-file-location-line loc))
                (marker (xref-location-marker loc)))
            (e2e-check (string= (file-name-nondirectory file) "001_3e6dcae349e62da4.txt")
                       "definition in %s" file)
            (e2e-check (= line 13) "definition on line %s" line)
            (with-current-buffer (marker-buffer marker)
              (let ((text (buffer-substring-no-properties
                           marker (min (point-max) (+ marker (length e2e-words))))))
                (e2e-check (string= text e2e-words) "text at the definition: %S" text)))))))

    (e2e-test "code action inserts the attribution" nil
      (with-current-buffer buf
        (e2e-goto 7 20)
        (let ((before (buffer-substring-no-properties (line-beginning-position) (line-end-position)))
              (title "Attribute to a State Department official")
              (offered nil))
          ;; Pick the action as a user would in the completion prompt.
          (cl-letf (((symbol-function 'completing-read)
                     (lambda (_prompt collection &rest _)
                       (setq offered (all-completions "" collection))
                       title)))
            (let ((last-nonmenu-event ?a))
              (eglot-code-actions (point) nil nil t)))
          (e2e-check (member title offered) "offered actions %S" offered)
          (e2e-goto 7 0)
          (let ((after (buffer-substring-no-properties (line-beginning-position) (line-end-position))))
            (e2e-check (string= after (concat (substring before 0 -2)
                                              ",\" a State Department official said."))
                       "line 7 after the action: %S" after))
          ;; Eglot sends the change from an idle timer, which batch Emacs
          ;; never runs: send it now.
          (eglot--signal-textDocument/didChange)
          (e2e-wait 20 (lambda () (e2e-flymake-count 3)) "3 diagnostics after the edit")
          (let ((got (mapcar #'car (e2e-diagnostics))))
            (e2e-check (equal got '(15 19 23)) "diagnostic lines after the edit %S" got)))))

    (when server
      (ignore-errors (eglot-shutdown server nil 5))))
  (kill-emacs (min e2e-failures 100)))

(condition-case err
    (e2e-main)
  (error
   (e2e-fail "script" (error-message-string err))
   (kill-emacs 100)))

;;; test.el ends here
