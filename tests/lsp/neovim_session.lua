-- Run by tests/lsp/test_neovim.py in headless Neovim 0.7 (nvim --headless --clean -c "luafile ..."):
-- start `vplint lsp` with the 0.7 API (vim.lsp.start_client + vim.lsp.buf_attach_client), open a canvas
-- with a defect, wait for its diagnostic, fix the line, wait for the list to clear, break another line,
-- wait for the new diagnostic, and write what Neovim saw to the JSON file the test reads.
-- Inputs (environment): VPLINT_NVIM_CANVAS, VPLINT_NVIM_ROOT, VPLINT_NVIM_OUT, VPLINT_NVIM_CMD (a JSON list).
local canvas = os.getenv("VPLINT_NVIM_CANVAS")
local root = os.getenv("VPLINT_NVIM_ROOT")
local out = os.getenv("VPLINT_NVIM_OUT")
local cmd = vim.fn.json_decode(os.getenv("VPLINT_NVIM_CMD"))
local result = { nvim = tostring(vim.version().major) .. "." .. tostring(vim.version().minor) }

local function seen(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(list, {
      lnum = d.lnum, col = d.col, severity = d.severity, source = d.source,
      message = d.message, code = d.code or lsp.code,
    })
  end
  return list
end

local function line_of(bufnr, needle)
  for i, text in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if text == needle then return i - 1 end
  end
  error("no line " .. needle)
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(canvas))
  local bufnr = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({ name = "vplint", cmd = cmd, root_dir = root })
  assert(id, "start_client failed")
  assert(vim.lsp.buf_attach_client(bufnr, id), "buf_attach_client failed")
  local start = vim.loop.hrtime()
  result.opened = vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 10)
  result.open_ms = (vim.loop.hrtime() - start) / 1e6
  result.on_open = seen(bufnr)

  local bad = line_of(bufnr, "- Type: problem-solvin")
  vim.api.nvim_buf_set_lines(bufnr, bad, bad + 1, false, { "- Type: problem-solving" })
  start = vim.loop.hrtime()
  result.cleared = vim.wait(30000, function() return #vim.diagnostic.get(bufnr) == 0 end, 10)
  result.clear_ms = (vim.loop.hrtime() - start) / 1e6
  result.after_fix = seen(bufnr)

  local kind = line_of(bufnr, "- Continuity: discontinuous")
  vim.api.nvim_buf_set_lines(bufnr, kind, kind + 1, false, { "- Continuity: discontinous" })
  start = vim.loop.hrtime()
  result.broken_again = vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 10)
  result.again_ms = (vim.loop.hrtime() - start) / 1e6
  result.after_edit = seen(bufnr)
  result.edited_line = kind
end)
result.ok = ok
result.error = err and tostring(err) or nil
local file = assert(io.open(out, "w"))
file:write(vim.fn.json_encode(result))
file:close()
vim.cmd("qa!")
