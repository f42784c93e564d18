-- :OnrecordSources lists, in the quickfix list, every other report of the
-- quotation under the cursor (the server's `onrecord/sources` request).
if vim.g.loaded_onrecord then
  return
end
vim.g.loaded_onrecord = true

vim.api.nvim_create_user_command('OnrecordSources', function()
  require('onrecord').sources()
end, { desc = 'onrecord: other reports of the quotation under the cursor' })

-- The code lens command, also for servers started without lsp/onrecord.lua
-- (nvim-lspconfig, a hand-written vim.lsp.start call).
vim.lsp.commands['onrecord.showSources'] = vim.lsp.commands['onrecord.showSources']
  or function(command, ctx)
    require('onrecord').show_sources_command(command, ctx)
  end

-- Buffers whose code lenses were asked for: the server has none to give
-- before its corpus is indexed, so these are fetched again once it is.
pcall(vim.api.nvim_create_autocmd, 'LspRequest', {
  group = vim.api.nvim_create_augroup('onrecord_lens_requests', { clear = true }),
  callback = function(args)
    local request = args.data and args.data.request
    if request and request.method == 'textDocument/codeLens' then
      require('onrecord').lens_buffers[args.buf] = true
    end
  end,
})
