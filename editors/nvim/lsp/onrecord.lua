-- Configuration of the onrecord language server for Neovim 0.11 and later:
--
--   vim.lsp.enable('onrecord')
--
-- Override any field with vim.lsp.config('onrecord', { ... }), for example
-- `cmd` when `onrecord` is not on PATH, or `settings` to choose the corpus:
--
--   vim.lsp.config('onrecord', {
--     settings = { onrecord = { corpus = { paths = { 'wire' } } } },
--   })

---@type vim.lsp.Config
return {
  cmd = { 'onrecord', 'serve' },
  filetypes = { 'markdown', 'text' },
  -- The folder holding `onrecord.toml`, else the repository: the default
  -- corpus folders (sources/, corpus/, test-corpus/) are looked for there.
  root_markers = { 'onrecord.toml', '.git' },
  -- Same keys as onrecord.toml, under `onrecord`:
  -- { onrecord = { corpus = { paths = {...}, exclude = {...} },
  --                check = { min_words = 4, inlay_hints = true,
  --                          severity = { misquote = 'error' } } } }
  settings = {},
  before_init = function(params, config)
    -- Send the settings with `initialize` as well, so that the first index
    -- of the corpus already uses them (Neovim sends `settings` only after
    -- initialization, which would index the corpus a second time).
    if params.initializationOptions == nil and type(config.settings) == 'table' and next(config.settings) ~= nil then
      params.initializationOptions = config.settings
    end
  end,
  handlers = {
    ['onrecord/status'] = function(err, result, ctx)
      local ok, onrecord = pcall(require, 'onrecord')
      if ok then
        onrecord.on_status(err, result, ctx)
      end
    end,
  },
  commands = {
    -- The code lens above each quotation ("3 sources · Ian Kelly").
    ['onrecord.showSources'] = function(command, ctx)
      require('onrecord').show_sources_command(command, ctx)
    end,
  },
}
