-- onrecord for Neovim: starts the language server on markdown and text
-- buffers, and lists the other reports of a quotation in the quickfix list.
--
--   require('onrecord').setup({ cmd = { 'onrecord', 'serve' }, settings = { ... } })
--
-- On Neovim 0.11 and later, setup() is vim.lsp.config() + vim.lsp.enable()
-- with the defaults of lsp/onrecord.lua; on older versions (0.8 to 0.10) it
-- starts the server with vim.lsp.start() from a FileType autocommand.

local M = {}

local NAME = 'onrecord'

--- The last `onrecord/status` of each client, by client id.
M.status = {}

local function notify(msg, level)
  vim.notify('onrecord: ' .. msg, level or vim.log.levels.INFO)
end

--- Neovim 0.11's vim.lsp.config and vim.lsp.enable are there.
local function has_enable()
  return type(vim.lsp.enable) == 'function' and vim.lsp.config ~= nil
end

--- `client:request` on 0.11 and later, `client.request` before.
local function request(client, method, params, handler, bufnr)
  if vim.fn.has('nvim-0.11') == 1 then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

local function get_clients(filter)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients(filter)
  end
  return vim.lsp.get_active_clients(filter)
end

local islist = vim.islist or vim.tbl_islist

--- Deep merge of option tables; lists (cmd, filetypes, paths) are replaced,
--- not merged by index.
local function merge(base, over)
  if type(base) ~= 'table' or type(over) ~= 'table' or islist(over) or islist(base) then
    if over == nil then
      return base
    end
    return over
  end
  local out = {}
  for k, v in pairs(base) do
    out[k] = v
  end
  for k, v in pairs(over) do
    out[k] = merge(base[k], v)
  end
  return out
end

--- The defaults: lsp/onrecord.lua from the runtimepath.
function M.defaults()
  local file = vim.api.nvim_get_runtime_file('lsp/onrecord.lua', false)[1]
  if not file then
    error('onrecord: lsp/onrecord.lua is not on the runtimepath')
  end
  return dofile(file)
end

--- The folder of the nearest root marker above a buffer's file, else the
--- current folder.
local function find_root(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == '' then
    return vim.fn.getcwd()
  end
  local found = vim.fs.find(markers, { path = vim.fs.dirname(name), upward = true })[1]
  if found then
    return vim.fs.dirname(found)
  end
  return vim.fn.getcwd()
end

--- Starts (or reuses) the server for a buffer: the path for Neovim 0.10 and
--- earlier.
local function start_legacy(config, bufnr)
  if vim.bo[bufnr].buftype ~= '' then
    return
  end
  local start = vim.tbl_extend('force', {}, config)
  start.name = NAME
  start.root_dir = find_root(bufnr, config.root_markers or { '.git' })
  start.filetypes = nil
  start.root_markers = nil
  return vim.lsp.start(start, { bufnr = bufnr })
end

--- Starts the server on markdown and text buffers.
---
--- opts: any vim.lsp config field (`cmd`, `settings`, `init_options`,
--- `filetypes`, `root_markers`, `on_attach`, `capabilities`, ...).
function M.setup(opts)
  opts = opts or {}
  if has_enable() then
    vim.lsp.config(NAME, opts)
    vim.lsp.enable(NAME)
    return
  end
  local config = merge(M.defaults(), opts)
  local group = vim.api.nvim_create_augroup('onrecord', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = config.filetypes,
    callback = function(args)
      start_legacy(config, args.buf)
    end,
  })
  -- Buffers that are already open.
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(config.filetypes, vim.bo[buf].filetype) then
      start_legacy(config, buf)
    end
  end
end

--- The onrecord client attached to a buffer.
function M.client(bufnr)
  return get_clients({ bufnr = bufnr or 0, name = NAME })[1]
end

local function contains(range, pos)
  local s, e = range.start, range['end']
  local after_start = pos.line > s.line or (pos.line == s.line and pos.character >= s.character)
  local before_end = pos.line < e.line or (pos.line == e.line and pos.character <= e.character)
  return after_start and before_end
end

--- Tells why there is nothing to list: no quotation at the position, or a
--- quotation that no source carries.
local function explain_empty(client, params, bufnr)
  request(client, 'textDocument/documentSymbol', { textDocument = params.textDocument }, function(err, symbols)
    if not err then
      for _, s in ipairs(symbols or {}) do
        if s.range and contains(s.range, params.position) then
          notify('no source article carries this quotation')
          return
        end
      end
    end
    notify('the cursor is not on a quotation')
  end, bufnr)
end

--- Asks the server for the other reports of the quotation at `params`
--- (TextDocumentPositionParams in the client's position encoding) and puts
--- them in the quickfix list. `done(items)` is called at the end, with the
--- items or nil.
function M.show_sources(client, params, bufnr, done)
  done = done or function() end
  request(client, 'onrecord/sources', params, function(err, result)
    if err then
      notify('onrecord/sources failed: ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
      return done(nil)
    end
    if result == nil or vim.tbl_isempty(result) then
      explain_empty(client, params, bufnr)
      return done(nil)
    end
    local items = vim.lsp.util.locations_to_items(result, client.offset_encoding)
    vim.fn.setqflist({}, ' ', {
      title = string.format('onrecord: %d other report%s', #items, #items == 1 and '' or 's'),
      items = items,
    })
    vim.cmd('botright copen')
    done(items)
  end, bufnr)
end

--- :OnrecordSources: the other reports of the quotation under the cursor.
function M.sources(done)
  local bufnr = vim.api.nvim_get_current_buf()
  local client = M.client(bufnr)
  if not client then
    notify('no onrecord language server is attached to this buffer', vim.log.levels.WARN)
    if done then
      done(nil)
    end
    return
  end
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  M.show_sources(client, params, bufnr, done)
end

--- The client side of the `onrecord.showSources` command of the code lens:
--- arguments are the document's URI and a position in it.
function M.show_sources_command(command, ctx)
  local args = command.arguments or {}
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  if not client or type(args[1]) ~= 'string' or type(args[2]) ~= 'table' then
    notify('onrecord.showSources: unexpected arguments ' .. vim.inspect(args), vim.log.levels.ERROR)
    return
  end
  local params = { textDocument = { uri = args[1] }, position = args[2] }
  M.show_sources(client, params, vim.uri_to_bufnr(args[1]))
end

local function codelens_pending(client, bufnr)
  for _, r in pairs(client.requests or {}) do
    if r.method == 'textDocument/codeLens' and r.bufnr == bufnr and r.type == 'pending' then
      return true
    end
  end
  return false
end

--- Buffers whose code lenses were requested (see plugin/onrecord.lua).
M.lens_buffers = {}

--- Fetches the code lenses of a buffer again if it asked for them, after the
--- answer to a lens request still in flight (which may be from before the
--- index).
local function refresh_codelens(client, bufnr, tries)
  if not vim.api.nvim_buf_is_loaded(bufnr) or not client.attached_buffers[bufnr] then
    return
  end
  if codelens_pending(client, bufnr) then
    if tries > 0 then
      vim.defer_fn(function()
        refresh_codelens(client, bufnr, tries - 1)
      end, 50)
    end
    return
  end
  if M.lens_buffers[bufnr] or not vim.tbl_isempty(vim.lsp.codelens.get(bufnr)) then
    vim.lsp.codelens.refresh({ bufnr = bufnr })
  end
end

--- Handler of the server's `onrecord/status` notification: remembers it and
--- fires the `User OnrecordStatus` autocommand (for status lines). Once the
--- corpus is indexed, code lenses asked for before (the server has none
--- to give until then) are fetched again.
function M.on_status(_, result, ctx)
  M.status[ctx.client_id] = result
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  if client and type(result) == 'table' and result.state == 'ready' then
    for bufnr in pairs(client.attached_buffers) do
      refresh_codelens(client, bufnr, 100)
    end
  end
  vim.api.nvim_exec_autocmds('User', { pattern = 'OnrecordStatus', modeline = false, data = result })
end

--- For a status line: "onrecord: indexing", "onrecord: 56 quotations in 5
--- articles", or "" when no onrecord server serves the buffer.
function M.statusline(bufnr)
  local client = M.client(bufnr)
  local s = client and M.status[client.id]
  if not s then
    return ''
  end
  if s.state == 'ready' then
    return string.format('onrecord: %d quotations in %d articles', s.quotations or 0, s.articles or 0)
  end
  return 'onrecord: ' .. tostring(s.state)
end

return M
