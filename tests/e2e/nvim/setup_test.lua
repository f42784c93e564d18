-- End-to-end test of require('onrecord').setup{}, the set-up for plugin
-- managers and for Neovim before 0.11.
--
-- With E2E_LEGACY=1, vim.lsp.enable is hidden before setup() runs, so that
-- setup() takes the path of Neovim 0.10 and earlier (vim.lsp.start from a
-- FileType autocommand, root found with vim.fs.find).
--
-- The workspace has an onrecord.toml at its root and no .git; the settings
-- passed to setup() make misquotes errors.
local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
package.path = here .. '/?.lua;' .. package.path
local T = require('harness')

local legacy = os.getenv('E2E_LEGACY') == '1'
local SETTINGS = {
  onrecord = {
    corpus = { paths = { 'test-corpus' }, exclude = { 'drafts/' } },
    check = { severity = { misquote = 'error' } },
  },
}

T.main(function()
  vim.cmd('filetype on')
  vim.opt.runtimepath:prepend(T.repo .. '/editors/nvim')
  vim.cmd('runtime plugin/onrecord.lua')
  if legacy then
    vim.lsp.enable = false
  end

  local onrecord = require('onrecord')
  local buf, client

  T.run('setup', function()
    onrecord.setup({ cmd = { T.bin, 'serve' }, settings = SETTINGS, detached = false })
    if legacy then
      local autocmds = vim.api.nvim_get_autocmds({ group = 'onrecord', event = 'FileType' })
      local patterns = vim.tbl_map(function(a)
        return a.pattern
      end, autocmds)
      table.sort(patterns)
      T.eq(patterns, { 'markdown', 'text' }, 'FileType autocommands of the onrecord group')
    else
      T.truthy(vim.lsp.is_enabled('onrecord'), 'onrecord is not enabled')
      T.eq(vim.lsp.config.onrecord.filetypes, { 'markdown', 'text' }, 'filetypes')
    end
  end, true)

  T.run('attach', function()
    vim.cmd.edit(vim.fn.fnameescape(T.draft))
    buf = vim.api.nvim_get_current_buf()
    T.wait(10000, function()
      return #vim.lsp.get_clients({ bufnr = buf, name = 'onrecord' }) == 1
    end, 'the onrecord client to attach')
    client = T.client(buf)
    T.eq(client.config.root_dir, T.workspace, 'root_dir (found from onrecord.toml)')
    T.eq(client.config.cmd, { T.bin, 'serve' }, 'cmd')
  end, true)

  T.run('settings reach the server', function()
    local diags = T.wait_diagnostics(buf, 4)
    T.eq(T.summary(diags), { '15:misquote', '19:misattributed-quote', '23:unknown-quote', '7:unattributed-quote' }, 'line:code')
    for _, d in ipairs(diags) do
      local want = d.code == 'misquote' and vim.diagnostic.severity.ERROR or d.code == 'unknown-quote' and vim.diagnostic.severity.INFO or vim.diagnostic.severity.WARN
      T.eq(d.severity, want, 'severity of ' .. d.code)
    end
  end)

  T.run('settings also go with initialize', function()
    local params = {}
    client.config.before_init(params, client.config)
    T.eq(params.initializationOptions, SETTINGS, 'initializationOptions')
    -- Explicit init_options win.
    params = { initializationOptions = { onrecord = {} } }
    client.config.before_init(params, client.config)
    T.eq(params.initializationOptions, { onrecord = {} }, 'initializationOptions given by the user')
  end)

  T.run(':OnrecordSources', function()
    vim.api.nvim_win_set_cursor(0, { 19, 10 })
    vim.fn.setqflist({}, ' ', { title = 'before', items = {} })
    vim.cmd('OnrecordSources')
    T.wait(5000, function()
      return vim.fn.getqflist({ title = 0 }).title ~= 'before'
    end, 'a new quickfix list')
    local got = {}
    for _, it in ipairs(vim.fn.getqflist()) do
      table.insert(got, vim.fs.basename(vim.api.nvim_buf_get_name(it.bufnr)) .. ':' .. it.lnum)
    end
    T.eq(got, { '002_0c5362f621e694e9.txt:17' }, 'quickfix items')
    vim.cmd('cclose')
  end)

  T.run('second draft shares the client', function()
    vim.cmd.edit(vim.fn.fnameescape(T.workspace .. '/test-corpus/drafts/unattributed.md'))
    local b2 = vim.api.nvim_get_current_buf()
    T.wait(10000, function()
      return #vim.lsp.get_clients({ bufnr = b2, name = 'onrecord' }) == 1
    end, 'the onrecord client to attach')
    T.eq(T.client(b2).id, client.id, 'client of the second draft')
    T.eq(#vim.lsp.get_clients({ name = 'onrecord' }), 1, 'number of onrecord clients')
    T.eq(T.summary(T.wait_diagnostics(b2, 2)), { '15:unattributed-quote', '7:unattributed-quote' }, 'line:code')
  end)
end)
