-- End-to-end test of the Neovim plugin with Neovim 0.11's vim.lsp.config /
-- vim.lsp.enable and the configuration in editors/nvim/lsp/onrecord.lua.
--
-- Run by test.sh:
--   nvim --headless --clean -u NONE -i NONE -n -c 'luafile lsp_test.lua'
local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
package.path = here .. '/?.lua;' .. package.path
local T = require('harness')

-- The expected findings of test-corpus/drafts/issues.md (1-based lines).
local EXPECTED = { '15:misquote', '19:misattributed-quote', '23:unknown-quote', '7:unattributed-quote' }
local WORDS = 'They announced they were going to shut down their system for maintenance and we asked them not to'
-- The other reports of the line-7 quotation: file and 1-based line.
local SOURCES = {
  { '001_3e6dcae349e62da4.txt', 13 },
  { '002_0c5362f621e694e9.txt', 10 },
  { '003_0c2ef44d899710dd.txt', 16 },
}

T.main(function()
  vim.cmd('filetype on')
  vim.opt.runtimepath:prepend(T.repo .. '/editors/nvim')
  vim.cmd('runtime plugin/onrecord.lua')

  local buf, win, client

  T.run('config from lsp/onrecord.lua', function()
    local c = vim.lsp.config.onrecord
    T.truthy(c, 'vim.lsp.config.onrecord is nil: lsp/onrecord.lua not found on the runtimepath')
    T.eq(c.cmd, { 'onrecord', 'serve' }, 'cmd')
    T.eq(c.filetypes, { 'markdown', 'text' }, 'filetypes')
    T.eq(c.root_markers, { 'onrecord.toml', '.git' }, 'root_markers')
    T.truthy(type(c.before_init) == 'function', 'before_init is missing')
    T.truthy(c.commands and c.commands['onrecord.showSources'], 'the onrecord.showSources command is missing')
    T.truthy(vim.fn.exists(':OnrecordSources') == 2, ':OnrecordSources is not defined')
  end, true)

  T.run('code lens snippet of editors/nvim/README.md', function()
    local code = T.snippet('editors/nvim/README.md', 'nvim-codelens')
    assert(loadstring(code, 'nvim-codelens snippet'))()
  end)

  -- The binary under test, and a server process in Neovim's process group
  -- so that test.sh can end it whatever happens.
  vim.lsp.config('onrecord', { cmd = { T.bin, 'serve' }, detached = false })
  vim.lsp.enable('onrecord')

  T.run('attach', function()
    vim.cmd.edit(vim.fn.fnameescape(T.draft))
    buf = vim.api.nvim_get_current_buf()
    win = vim.api.nvim_get_current_win()
    T.eq(vim.bo[buf].filetype, 'markdown', 'filetype')
    T.wait(10000, function()
      return #vim.lsp.get_clients({ bufnr = buf, name = 'onrecord' }) == 1
    end, 'the onrecord client to attach')
    client = T.client(buf)
    T.eq(client.config.root_dir, T.workspace, 'root_dir (found from .git)')
    T.eq(client.offset_encoding, 'utf-8', 'position encoding')
  end, true)

  T.run('status notification', function()
    T.wait(15000, function()
      return require('onrecord').statusline(buf):find('in 5 articles', 1, true) ~= nil
    end, 'onrecord/status ready with 5 articles, got ' .. vim.inspect(require('onrecord').status))
  end)

  T.run('diagnostics', function()
    local diags = T.wait_diagnostics(buf, 4)
    -- Nothing else arrives a moment later.
    vim.wait(300)
    diags = vim.diagnostic.get(buf)
    T.eq(T.summary(diags), EXPECTED, 'line:code of each diagnostic')
    for _, d in ipairs(diags) do
      T.eq(d.source, 'onrecord', 'source')
      T.eq(d.col, 0, 'start column of the diagnostic on line ' .. (d.lnum + 1))
    end
  end, true)

  T.run('hover names the speaker and the sources', function()
    vim.api.nvim_win_set_cursor(win, { 7, 10 })
    local params = vim.lsp.util.make_position_params(win, client.offset_encoding)
    local res = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 5000)
    local r = T.truthy(res and res[client.id], 'no hover answer')
    T.truthy(not r.err, vim.inspect(r.err))
    local md = r.result.contents.value
    T.contains(md, 'Said by **State Department official**', 'hover')
    T.contains(md, '3 sources:', 'hover')
    for _, s in ipairs(SOURCES) do
      T.contains(md, string.format('`%s:%d`', s[1], s[2]), 'hover')
    end
    -- The misquote: who said it, and the source wording with the word that
    -- differs in bold.
    vim.api.nvim_win_set_cursor(win, { 15, 20 })
    params = vim.lsp.util.make_position_params(win, client.offset_encoding)
    res = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 5000)
    md = res[client.id].result.contents.value
    T.contains(md, 'Said by **Ian Kelly** (State Department spokesman)', 'hover on line 15')
    T.contains(md, '**monitoring**', 'hover on line 15')
  end)

  T.run('go to definition', function()
    vim.api.nvim_win_set_cursor(win, { 7, 10 })
    local params = vim.lsp.util.make_position_params(win, client.offset_encoding)
    local res = vim.lsp.buf_request_sync(buf, 'textDocument/definition', params, 5000)
    local r = T.truthy(res and res[client.id], 'no definition answer')
    local loc = r.result
    if vim.islist(loc) then
      loc = loc[1]
    end
    T.truthy(loc and loc.uri, 'no location: ' .. vim.inspect(r))
    local path = vim.uri_to_fname(loc.uri)
    T.eq(vim.fs.basename(path), SOURCES[1][1], 'file')
    T.eq(loc.range.start.line + 1, SOURCES[1][2], 'line')
    T.eq(T.text_at(path, loc.range, client.offset_encoding), WORDS, 'text at the range')
    -- The same through vim.lsp.buf.definition(), as a user would: the cursor
    -- lands on the first quoted word in the source file.
    vim.lsp.buf.definition()
    T.wait(5000, function()
      return vim.fs.basename(vim.api.nvim_buf_get_name(0)) == SOURCES[1][1]
    end, 'the jump to ' .. SOURCES[1][1])
    local row, col = unpack(vim.api.nvim_win_get_cursor(0))
    T.eq(row, SOURCES[1][2], 'cursor line after the jump')
    local line = vim.api.nvim_get_current_line()
    T.eq(line:sub(col + 1, col + #WORDS), WORDS, 'text under the cursor after the jump')
    vim.api.nvim_win_set_buf(win, buf)
  end)

  -- Runs :OnrecordSources (or `action`) and waits for a new quickfix list.
  local function quickfix_after(action)
    vim.fn.setqflist({}, ' ', { title = 'before', items = {} })
    vim.cmd('cclose')
    vim.api.nvim_set_current_win(win)
    action()
    T.wait(5000, function()
      return vim.fn.getqflist({ title = 0 }).title ~= 'before'
    end, 'a new quickfix list')
    return vim.fn.getqflist()
  end

  local function check_sources(items)
    T.eq(#items, #SOURCES, 'number of quickfix items')
    for i, s in ipairs(SOURCES) do
      local it = items[i]
      local path = vim.api.nvim_buf_get_name(it.bufnr)
      T.eq(vim.fs.basename(path), s[1], 'file of item ' .. i)
      T.eq(it.lnum, s[2], 'line of item ' .. i)
      local line = vim.fn.readfile(path)[it.lnum]
      T.eq(it.text, line, 'text of item ' .. i)
      -- col is a 1-based byte column: it points at the quoted words even
      -- after curly quote marks (three bytes each).
      T.eq(line:sub(it.col, it.col + #WORDS - 1), WORDS, 'text at the column of item ' .. i)
    end
    T.truthy(vim.fn.getqflist({ winid = 0 }).winid ~= 0, 'the quickfix window is not open')
  end

  T.run(':OnrecordSources fills the quickfix list', function()
    local items = quickfix_after(function()
      vim.api.nvim_win_set_cursor(win, { 7, 30 })
      vim.cmd('OnrecordSources')
    end)
    check_sources(items)
    T.contains(vim.fn.getqflist({ title = 0 }).title, '3 other reports', 'quickfix title')
  end)

  T.run(':OnrecordSources off a quotation', function()
    vim.fn.setqflist({}, ' ', { title = 'before', items = {} })
    vim.api.nvim_set_current_win(win)
    local n = #T.messages
    vim.api.nvim_win_set_cursor(win, { 3, 10 })
    vim.cmd('OnrecordSources')
    T.wait(5000, function()
      return #T.messages > n
    end, 'a message')
    T.contains(T.last_message(), 'the cursor is not on a quotation', 'message')
    -- The made-up quotation on line 23 is a quotation, with no source.
    n = #T.messages
    vim.api.nvim_win_set_cursor(win, { 23, 10 })
    vim.cmd('OnrecordSources')
    T.wait(5000, function()
      return #T.messages > n
    end, 'a message')
    T.contains(T.last_message(), 'no source article carries this quotation', 'message')
    T.eq(vim.fn.getqflist({ title = 0 }).title, 'before', 'the quickfix list was changed')
  end)

  T.run(':OnrecordSources without a server', function()
    local n = #T.messages
    vim.cmd('new')
    vim.cmd('OnrecordSources')
    T.truthy(#T.messages > n, 'no message')
    T.contains(T.last_message(), 'no onrecord language server is attached', 'message')
    vim.cmd('bwipeout!')
    vim.api.nvim_set_current_win(win)
  end)

  T.run('code lens runs the sources command', function()
    -- Fetched by the README's autocommand when the client attached (before
    -- the corpus was indexed), and again by the plugin once it was.
    local title
    T.wait(5000, function()
      for _, lens in ipairs(vim.lsp.codelens.get(buf)) do
        if lens.range.start.line == 6 and lens.command then
          title = lens.command.title
        end
      end
      return title == '3 sources · State Department official'
    end, function()
      return 'the code lens on line 7, last seen ' .. vim.inspect(title)
    end)
    T.eq(title, '3 sources · State Department official', 'lens title')
    local items = quickfix_after(function()
      vim.api.nvim_win_set_cursor(win, { 7, 0 })
      vim.lsp.codelens.run()
    end)
    check_sources(items)
  end)

  T.run('code action inserts the attribution', function()
    vim.cmd('cclose')
    vim.api.nvim_set_current_win(win)
    local before = vim.api.nvim_buf_get_lines(buf, 6, 7, false)[1]
    vim.api.nvim_win_set_cursor(win, { 7, 20 })
    local pos = vim.lsp.util.make_position_params(win, client.offset_encoding).position
    local params = {
      textDocument = vim.lsp.util.make_text_document_params(buf),
      range = { start = pos, ['end'] = pos },
      context = { diagnostics = {} },
    }
    local res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 5000)
    local actions = T.truthy(res and res[client.id] and res[client.id].result, 'no code actions')
    local chosen
    for _, a in ipairs(actions) do
      if a.title:find('^Attribute to') then
        chosen = a
      end
    end
    T.truthy(chosen, 'no "Attribute to" action among ' .. vim.inspect(vim.tbl_map(function(a)
      return a.title
    end, actions)))
    T.eq(chosen.title, 'Attribute to a State Department official', 'title')
    vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
    local after = vim.api.nvim_buf_get_lines(buf, 6, 7, false)[1]
    T.eq(after, before:sub(1, -3) .. '," a State Department official said.', 'line 7 after the edit')
    -- The server sees the change: the finding on line 7 goes away.
    T.wait(10000, function()
      return #vim.diagnostic.get(buf) == 3
    end, 'the diagnostics after the edit, got ' .. vim.inspect(T.summary(vim.diagnostic.get(buf))))
    T.eq(T.summary(vim.diagnostic.get(buf)), { '15:misquote', '19:misattributed-quote', '23:unknown-quote' }, 'diagnostics after the edit')
  end)
end)
