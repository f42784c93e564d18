-- A tiny test harness for headless Neovim: one line per test on stdout,
-- `PASS: <name>` or `FAIL: <name>: <reason>`, and the exit code of Neovim
-- says whether every test passed (`cquit N`, N the number of failures).
local T = {}

T.failures = 0
T.prefix = os.getenv('E2E_PREFIX') or 'nvim'
T.stopped = nil

local function out(line)
  io.stdout:write(line .. '\n')
  io.stdout:flush()
end

function T.pass(name)
  out('PASS: ' .. T.prefix .. ': ' .. name)
end

function T.fail(name, reason)
  T.failures = T.failures + 1
  reason = tostring(reason):gsub('\n', ' | ')
  out('FAIL: ' .. T.prefix .. ': ' .. name .. ': ' .. reason)
end

--- Runs one test; an error (assert, error()) fails it with its message.
--- After a test marked `essential` fails, the others are failed at once.
function T.run(name, fn, essential)
  if T.stopped then
    T.fail(name, 'not run: ' .. T.stopped .. ' failed')
    return false
  end
  local ok, err = xpcall(fn, function(e)
    return tostring(e)
  end)
  if ok then
    T.pass(name)
  else
    T.fail(name, err)
    if essential then
      T.stopped = name
    end
  end
  return ok
end

--- Waits up to `ms` for `cond()` to be true, running the event loop.
function T.wait(ms, cond, what)
  local ok = vim.wait(ms, cond, 20)
  if not ok then
    if type(what) == 'function' then
      what = what()
    end
    error('timed out after ' .. ms .. ' ms waiting for ' .. (what or 'a condition'), 2)
  end
end

function T.eq(got, want, what)
  if not vim.deep_equal(got, want) then
    error(string.format('%s: expected %s, got %s', what or 'value', vim.inspect(want), vim.inspect(got)), 2)
  end
end

function T.truthy(v, what)
  if not v then
    error(what or 'expected a true value', 2)
  end
  return v
end

function T.contains(haystack, needle, what)
  if type(haystack) ~= 'string' or not haystack:find(needle, 1, true) then
    error(string.format('%s: %s not found in %s', what or 'text', vim.inspect(needle), vim.inspect(haystack)), 2)
  end
end

--- Messages given to vim.notify, to check what the user is told.
T.messages = {}
local notify = vim.notify
vim.notify = function(msg, level, opts)
  table.insert(T.messages, msg)
  return notify(msg, level, opts)
end

function T.last_message()
  return T.messages[#T.messages]
end

--- Ends Neovim with the number of failures as its exit code.
function T.finish()
  if T.failures > 0 then
    vim.cmd('cquit ' .. math.min(T.failures, 100))
  else
    vim.cmd('qall!')
  end
end

--- Runs a test file's body: any error outside a test ends Neovim with 100.
function T.main(body)
  local ok, err = xpcall(body, debug.traceback)
  if not ok then
    T.fail('script', err)
    vim.cmd('cquit 100')
  end
  T.finish()
end

--- The environment the test script is given by test.sh.
T.bin = assert(os.getenv('ONRECORD_BIN'), 'ONRECORD_BIN not set')
T.repo = assert(os.getenv('E2E_REPO'), 'E2E_REPO not set')
T.workspace = assert(os.getenv('E2E_WORKSPACE'), 'E2E_WORKSPACE not set')
T.draft = T.workspace .. '/test-corpus/drafts/issues.md'

--- The code block after `<!-- snippet: NAME -->` in a markdown file of the
--- repository, without its indentation.
function T.snippet(file, name)
  local lines = vim.fn.readfile(T.repo .. '/' .. file)
  local i = 1
  while i <= #lines and vim.trim(lines[i]) ~= '<!-- snippet: ' .. name .. ' -->' do
    i = i + 1
  end
  if i > #lines then
    error('no snippet ' .. name .. ' in ' .. file)
  end
  i = i + 1
  local indent = lines[i]:match('^(%s*)```')
  if not indent then
    error('snippet ' .. name .. ': no code block after the marker')
  end
  local body = {}
  for j = i + 1, #lines do
    if vim.trim(lines[j]) == '```' then
      return table.concat(body, '\n')
    end
    table.insert(body, (lines[j]:sub(1, #indent) == indent) and lines[j]:sub(#indent + 1) or lines[j])
  end
  error('snippet ' .. name .. ': unterminated code block')
end

--- The single onrecord client of a buffer (errors when there is none).
function T.client(buf)
  local clients = vim.lsp.get_clients({ bufnr = buf, name = 'onrecord' })
  if #clients ~= 1 then
    error('expected one onrecord client on buffer ' .. buf .. ', found ' .. #clients, 2)
  end
  return clients[1]
end

--- Waits until the buffer's onrecord diagnostics are `n` in number.
function T.wait_diagnostics(buf, n, ms)
  T.wait(ms or 15000, function()
    return #vim.diagnostic.get(buf) == n
  end, n .. ' diagnostics')
  return vim.diagnostic.get(buf)
end

--- "line:code" for each diagnostic, 1-based lines, sorted.
function T.summary(diags)
  local s = {}
  for _, d in ipairs(diags) do
    table.insert(s, string.format('%d:%s', d.lnum + 1, tostring(d.code)))
  end
  table.sort(s)
  return s
end

--- The text of a file between two LSP positions on one line, converting the
--- client's position encoding to bytes.
function T.text_at(path, range, encoding)
  local lines = vim.fn.readfile(path)
  local line = lines[range.start.line + 1]
  if range['end'].line ~= range.start.line then
    error('range spans lines: ' .. vim.inspect(range))
  end
  local a = vim.str_byteindex(line, encoding, range.start.character, false)
  local b = vim.str_byteindex(line, encoding, range['end'].character, false)
  return line:sub(a + 1, b)
end

return T
