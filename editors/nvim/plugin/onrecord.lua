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
