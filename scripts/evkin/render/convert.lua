--[[
Batch Markdown → Typst (or → pandoc JSON) for evkin, run as `pandoc lua convert.lua JOBS OUT`.

One pandoc process converts every Markdown part of a batch (report bodies and the step 1–4
documents), so 100 reports cost one process start instead of hundreds.

Safety and fidelity, per part:
  * Raw HTML/Typst/TeX never reaches the output as code: a raw element becomes literal code
    text (visible, not dropped) and is reported back as a note. HTML comments, which
    `evkin check` allows as authors' notes, are left out as comments are.
  * Images become `#evkin-image(N)` / `#evkin-figure(N)` calls whose path and alt text travel as
    data (JSON), never as Typst source: pandoc 3.9's Typst writer drops alt text, and user text
    must not be pasted into code.
  * Identifiers get a per-part prefix so report and lampiran never share a label; an internal
    link to a heading that does not exist becomes plain text and is reported.
  * With `insert_after` set, a raw `#evkin-capaian()` block is placed at the end of that
    heading's section (the N-th heading, 0-based, counted like markdown-it counts them), or at
    the end of the part when the index is -1.

Cost: every `doc:walk` hands the whole tree between Haskell and Lua, so a part gets only the
walks its content needs: one for raw elements and identifiers (which also notes internal links
and counts images and headings), a second for internal links and standalone-image paragraphs
only if there are any, a third for the remaining (inline) images only if there are any, and a
walk into a top-level block, to count headings, only if some heading is not at the top level.
Each walk keeps pandoc's default order (all inlines, then all blocks; children before parents),
so notes and image numbers come out exactly as with one walk per step.

JOBS: {"reader": "...", "writer": "typst"|"json", "jobs": [{"markdown": "...", "part": "p0",
       "insert_after": null|-1|N}]}
OUT:  [{"text": "...", "images": [{"src", "alt", "title", "figure"}], "notes": [{...}]}]
]]

local function read_file(path)
  local handle = assert(io.open(path, 'rb'))
  local text = handle:read('a')
  handle:close()
  return text
end

local function literal_inline(text)
  return pandoc.Code(text)
end

local function stringify(x)
  return pandoc.utils.stringify(x)
end

-- Blocks that cannot hold other blocks, hence no heading.
local LEAF_BLOCKS = {CodeBlock = true, RawBlock = true, HorizontalRule = true}

-- A generated block (``#name()`` in Typst, a Div of class ``name`` otherwise) at the end of
-- the section of the ``wanted``-th heading (0-based, counted as markdown-it counts them), or at
-- the end of the part when the index is -1 or the heading cannot be found.
local function place(doc, notes, writer, name, wanted, heading_count, at_end_note)
  local marker
  if writer == 'typst' then
    marker = pandoc.RawBlock('typst', '#' .. name .. '()')
  else
    marker = pandoc.Div({}, pandoc.Attr('', {name}))
  end
  local placed = false
  if wanted >= 0 then
    -- Count headings in document order at any depth, as markdown-it does.
    local count = -1
    local found_level, found_top = nil, nil
    local blocks = doc.blocks
    -- Only a block that holds blocks can hide a heading (a paragraph can, in a footnote), and
    -- only when some heading is not a top-level block; walking the others would find none.
    local top_headings = 0
    for _, block in ipairs(blocks) do
      if block.t == 'Header' then top_headings = top_headings + 1 end
    end
    local nested_headings = heading_count > top_headings
    for i, block in ipairs(blocks) do
      if block.t == 'Header' then
        count = count + 1
        if count == wanted then
          found_level, found_top = block.level, i
          break
        end
      elseif nested_headings and not LEAF_BLOCKS[block.t] then
        local nested = 0
        pandoc.Blocks({block}):walk({
          Header = function(h) nested = nested + 1 end,
        })
        if count + nested >= wanted then
          break -- the heading is nested inside another block: fall back to the end
        end
        count = count + nested
      end
    end
    if found_top then
      local insert_at = #blocks + 1
      for j = found_top + 1, #blocks do
        if blocks[j].t == 'Header' and blocks[j].level <= found_level then
          insert_at = j
          break
        end
      end
      blocks:insert(insert_at, marker)
      placed = true
    end
  end
  if not placed then
    if wanted >= 0 then
      notes:insert({code = at_end_note})
    end
    doc.blocks:insert(marker)
  end
end

local function convert(job, reader, writer)
  local notes = pandoc.List()
  local images = pandoc.List()
  local prefix = job.part .. '-'
  local doc = pandoc.read(job.markdown, reader)

  -- 1. Raw content is shown literally, never interpreted.
  -- 2. Identifiers: collect, then prefix (same walk: neither a raw element nor what it becomes
  --    has an identifier); internal links must point at a known id (next walk).
  local function is_comment(el)
    return el.format == 'html' and el.text:match('^%s*<!%-%-.*%-%->%s*$') ~= nil
  end
  local ids = {}
  local function note_id(el)
    if el.identifier and el.identifier ~= '' then
      ids[el.identifier] = true
      el.identifier = prefix .. el.identifier
      return el
    end
  end
  -- What the later steps will meet, so that a walk with nothing to do is skipped. This walk
  -- neither adds nor removes links, images or headings; later ones only remove (an image's
  -- caption), so the counts are never too low.
  local internal_links, image_count, heading_count = false, 0, 0
  doc = doc:walk({
    RawInline = function(el)
      if is_comment(el) then return {} end
      notes:insert({code = 'raw', format = el.format, text = el.text})
      return literal_inline(el.text)
    end,
    RawBlock = function(el)
      if is_comment(el) then return {} end
      notes:insert({code = 'raw', format = el.format, text = el.text})
      return pandoc.CodeBlock(el.text)
    end,
    Header = function(el)
      heading_count = heading_count + 1
      return note_id(el)
    end,
    Div = note_id, Span = note_id, CodeBlock = note_id,
    Code = note_id, Table = note_id, Figure = note_id,
    Link = function(el)
      if el.target:sub(1, 1) == '#' then internal_links = true end
    end,
    Image = function(el)
      image_count = image_count + 1
    end,
  })

  -- 3. Images travel as data; alt text survives (as alt and, for a standalone image, caption).
  --    Standalone-image paragraphs are numbered first (with the links: inlines come first in a
  --    walk), the images left inline after them, in a walk of their own.
  local second = {}
  if internal_links then
    second.Link = function(el)
      local target = el.target
      if target:sub(1, 1) == '#' then
        local id = target:sub(2)
        if ids[id] then
          el.target = '#' .. prefix .. id
          return el
        end
        notes:insert({code = 'link_missing', target = target, text = stringify(el.content)})
        return pandoc.Span(el.content)
      end
      return el
    end
  end
  local figures = 0
  local function image_call(img, figure)
    images:insert({src = img.src, alt = stringify(img.caption), title = img.title or '',
                   figure = figure})
    local name = figure and 'evkin-figure' or 'evkin-image'
    return string.format('#%s(%d)', name, #images - 1)
  end
  if writer == 'typst' and image_count > 0 then
    second.Para = function(para)
      if #para.content == 1 and para.content[1].t == 'Image' then
        figures = figures + 1
        return pandoc.RawBlock('typst', image_call(para.content[1], true))
      end
    end
  end
  if next(second) ~= nil then
    doc = doc:walk(second)
  end
  if writer == 'typst' and image_count > figures then -- a figure takes one image (or more)
    doc = doc:walk({
      Image = function(img)
        return pandoc.RawInline('typst', image_call(img, false))
      end,
    })
  end

  -- 4. The capaian table (and chart) after the realisasi section; the follow-up table of
  -- earlier recommendations after the rekomendasi section.
  if job.insert_after ~= nil and job.insert_after ~= pandoc.json.null then
    place(doc, notes, writer, 'evkin-capaian', job.insert_after, heading_count, 'capaian_at_end')
  end
  if job.follow_up_after ~= nil and job.follow_up_after ~= pandoc.json.null then
    place(doc, notes, writer, 'evkin-tindak-lanjut', job.follow_up_after, heading_count,
          'follow_up_at_end')
  end

  local text
  if writer == 'typst' then
    text = pandoc.write(doc, 'typst', {wrap_text = 'preserve'})
  else
    text = pandoc.write(doc, 'json')
  end
  return {text = text, images = images, notes = notes}
end

local spec = pandoc.json.decode(read_file(arg[1]), false)
local results = {}
for i, job in ipairs(spec.jobs) do
  results[i] = convert(job, spec.reader, spec.writer)
end
local out = assert(io.open(arg[2], 'wb'))
out:write(pandoc.json.encode(results))
out:close()
