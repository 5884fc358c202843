--[[
evkin's Word copy (pandoc filter, JSON AST in, docx out).

The body arrives from convert.lua (raw text already made literal, a Div `.evkin-capaian` where
the capaian table belongs). This filter adds the title block, the capaian and comparison tables
and the signature block from evkin's data file (metadata `evkin-data`: a JSON path). Every value
from the data becomes a pandoc Str: text, never markup.
]]

local data

local function inlines(text)
  return pandoc.Inlines(text or '')
end

local function para(text, style)
  local p = pandoc.Para(inlines(text))
  if style then
    return pandoc.Div({p}, pandoc.Attr('', {}, {['custom-style'] = style}))
  end
  return p
end

local function cell(text)
  return {pandoc.Plain(inlines(text))}
end

-- Column widths as fractions of the text width, as the PDF lays the tables out (an equal
-- split wraps indicator names syllable by syllable).
local WIDTHS = {
  capaian = {0.06, 0.34, 0.12, 0.10, 0.12, 0.13, 0.13},
  comparison = {0.06, 0.31, 0.12, 0.12, 0.13, 0.13, 0.13},
  follow_up = {0.06, 0.30, 0.16, 0.13, 0.12, 0.23},
}

local function table_of(caption, headers, rows, aligns, widths)
  local hs = {}
  for i, h in ipairs(headers) do hs[i] = cell(h) end
  local body = {}
  for r, row in ipairs(rows) do
    local cells = {}
    for i = 1, #headers do cells[i] = cell(row[i] or '') end
    body[r] = cells
  end
  if widths == nil then
    widths = {}
    for i = 1, #headers do widths[i] = 0 end
  end
  local simple = pandoc.SimpleTable(inlines(caption), aligns, widths, hs, body)
  return pandoc.utils.from_simple_table(simple)
end

local function styled(make, text, align, colspan)
  return pandoc.Cell({pandoc.Plain({make(inlines(text))})}, align, 1, colspan or 1)
end

-- Table 1 as the PDF lays it out: each sasaran a bold row across the whole table, its
-- indicators, then its average under a label that spans the first five columns.
local function capaian_table(c)
  local width = #c.headers
  local rows = {}
  for _, group in ipairs(c.groups) do
    table.insert(rows, pandoc.Row({styled(pandoc.Strong, group.sasaran, 'AlignLeft', width)}))
    for _, row in ipairs(group.rows) do
      local cells = {}
      for i = 1, width do cells[i] = pandoc.Cell(cell(row[i] or '')) end
      table.insert(rows, pandoc.Row(cells))
    end
    table.insert(rows, pandoc.Row({
      styled(pandoc.Emph, group.average_label, 'AlignRight', width - 2),
      styled(pandoc.Strong, group.average, 'AlignRight'),
      styled(pandoc.Strong, group.predikat, 'AlignCenter')}))
  end
  local made = table_of(c.caption, c.headers, {},
    {'AlignCenter', 'AlignLeft', 'AlignCenter', 'AlignRight', 'AlignRight', 'AlignRight',
     'AlignCenter'}, WIDTHS.capaian)
  made.bodies = {{attr = pandoc.Attr(), body = rows, head = {}, row_head_columns = 0}}
  return made
end

local function capaian_blocks()
  local out = pandoc.Blocks({})
  local c = data.capaian
  out:insert(capaian_table(c))
  local notes = {}
  for _, note in ipairs(c.notes) do table.insert(notes, {pandoc.Plain(inlines(note))}) end
  out:insert(para('Keterangan:'))
  out:insert(pandoc.BulletList(notes))
  if data.comparison ~= nil and data.comparison ~= pandoc.json.null then
    local k = data.comparison
    out:insert(table_of(k.caption, k.headers, k.rows,
      {'AlignCenter', 'AlignLeft', 'AlignRight', 'AlignRight', 'AlignRight', 'AlignRight',
       'AlignRight'}, WIDTHS.comparison))
    for _, note in ipairs(k.notes) do out:insert(para(note)) end
  end
  for _, chart in ipairs(data.charts) do
    local img = pandoc.Image(inlines(chart.alt), chart.path, '')
    out:insert(pandoc.Figure({pandoc.Plain({img})}, {pandoc.Plain(inlines(chart.caption))}))
  end
  return out
end

local function follow_up_blocks()
  local out = pandoc.Blocks({})
  local f = data.follow_up
  if f == nil or f == pandoc.json.null then
    return out
  end
  out:insert(table_of(f.caption, f.headers, f.rows,
    {'AlignCenter', 'AlignLeft', 'AlignLeft', 'AlignCenter', 'AlignCenter', 'AlignLeft'},
    WIDTHS.follow_up))
  for _, note in ipairs(f.notes) do out:insert(para(note)) end
  return out
end

local function title_blocks()
  -- Title, Nomor (as subtitle) and agency come from metadata: pandoc's own title block.
  return pandoc.Blocks({para(data.review_note, 'Review Note')})
end

local function closing_blocks()
  local out = pandoc.Blocks({})
  local s = data.signer
  out:insert(para(s.place_date, 'Signature'))
  for _, line in ipairs(s.jabatan_lines) do out:insert(para(line, 'Signature')) end
  out:insert(para(data.state_note, 'Signature Note'))
  out:insert(pandoc.Div({pandoc.Para({pandoc.Strong(inlines(s.nama))})},
    pandoc.Attr('', {}, {['custom-style'] = 'Signature'})))
  if s.pangkat ~= '' then out:insert(para(s.pangkat, 'Signature')) end
  if s.nip ~= '' then out:insert(para('NIP. ' .. s.nip, 'Signature')) end
  out:insert(para(data.paraf_line, 'Paraf'))
  out:insert(para(data.stamp, 'Build Stamp'))
  return out
end

function Pandoc(doc)
  local path = pandoc.utils.stringify(doc.meta['evkin-data'])
  local handle = assert(io.open(path, 'rb'))
  data = pandoc.json.decode(handle:read('a'), false)
  handle:close()
  doc.meta['evkin-data'] = nil
  local blocks = title_blocks()
  doc.blocks = doc.blocks:walk({
    Div = function(div)
      if div.classes:includes('evkin-capaian') then
        return capaian_blocks()
      end
      if div.classes:includes('evkin-tindak-lanjut') then
        return follow_up_blocks()
      end
    end,
  })
  blocks:extend(doc.blocks)
  blocks:extend(closing_blocks())
  doc.blocks = blocks
  doc.meta.title = pandoc.MetaInlines(inlines(data.meta.title))
  doc.meta.subtitle = pandoc.MetaInlines(inlines(data.nomor_line))
  doc.meta.author = pandoc.MetaList({pandoc.MetaInlines(inlines(data.meta.author))})
  doc.meta.keywords = pandoc.MetaList({})
  for _, k in ipairs(data.meta.keywords) do
    doc.meta.keywords:insert(pandoc.MetaInlines(inlines(k)))
  end
  doc.meta.lang = pandoc.MetaString('id-ID')
  return doc
end
