/// The Lua filter pandoc runs on a Word document before writing it as GitHub Markdown. It is
/// the tool's own code, written to the private folder pandoc runs in; it only reads pandoc's
/// document and writes two lists beside it: `sections.txt` (a top-level heading a line) and
/// `notes.txt` (what it dropped: `image`, `link`, `raw` or `merged`, a tab, the detail).
enum WordImportFilter {
    /// The filter's text. The section marker comes in as the metadata field
    /// `annual-report-section-marker`, a fresh random word each run, so no text of the document
    /// can be taken for a section break.
    static let lua = #"""
        -- annual-report's Word import (EditionFormat/Word/WordImportFilter.swift): what pandoc's document becomes before it is written as GitHub
        -- Markdown. Pictures and links the report could not keep are dropped and listed; tables
        -- become tables Markdown can hold; the top-level headings become section breaks.
        local notes = io.open("notes.txt", "w")
        local titles = io.open("sections.txt", "w")

        local function note(kind, detail)
          notes:write(kind, "\t", (detail:gsub("[\r\n\t]", " ")), "\n")
        end

        local function linkAllowed(target)
          local lower = target:lower()
          return lower:match("^https://") or lower:match("^http://") or lower:match("^mailto:")
        end

        -- A GitHub table cell holds one line: a cell's paragraphs are joined by spaces, and merged
        -- cells are split, their text in the first (Markdown tables cannot merge cells).
        local tables = 0

        local function cellInlines(cell)
          local inlines = pandoc.List()
          for _, block in ipairs(cell.contents) do
            local content = (block.t == "Para" or block.t == "Plain") and block.content
              or pandoc.List({ pandoc.Str(pandoc.utils.stringify(block)) })
            if #inlines > 0 and #content > 0 then inlines:insert(pandoc.Space()) end
            inlines:extend(content)
          end
          return inlines
        end

        local function flattenRows(rows, merged)
          local pending = {}
          for _, row in ipairs(rows) do
            local cells = pandoc.List()
            local column = 1
            local function fillCovered()
              while pending[column] and pending[column] > 0 do
                pending[column] = pending[column] - 1
                cells:insert(pandoc.Cell({}))
                column = column + 1
              end
            end
            for _, cell in ipairs(row.cells) do
              fillCovered()
              if cell.row_span > 1 or cell.col_span > 1 then merged[1] = true end
              cells:insert(pandoc.Cell({ pandoc.Plain(cellInlines(cell)) }, cell.alignment))
              for span = 1, cell.col_span do
                if cell.row_span > 1 then pending[column + span - 1] = cell.row_span - 1 end
                if span > 1 then cells:insert(pandoc.Cell({})) end
              end
              column = column + cell.col_span
            end
            fillCovered()
            row.cells = cells
          end
          return rows
        end

        local function flattenTable(tbl)
          tables = tables + 1
          local merged = { false }
          tbl.head.rows = flattenRows(tbl.head.rows, merged)
          for _, body in ipairs(tbl.bodies) do
            body.head = flattenRows(body.head, merged)
            body.body = flattenRows(body.body, merged)
          end
          tbl.foot.rows = flattenRows(tbl.foot.rows, merged)
          if merged[1] then note("merged", tostring(tables)) end
          return tbl
        end

        local content = {
          Image = function(image)
            note("image", image.src .. "\t" .. pandoc.utils.stringify(image.caption))
            return {}
          end,
          Link = function(link)
            if linkAllowed(link.target) then return nil end
            if not link.target:match("^#") then note("link", link.target .. "\t" .. pandoc.utils.stringify(link.content)) end
            return link.content
          end,
          RawInline = function(raw) note("raw", raw.text) return {} end,
          RawBlock = function(raw) note("raw", raw.text) return {} end,
          Table = flattenTable,
        }

        -- The highest level of heading used starts a section; lower ones move up to follow it.
        local function sections(doc)
          local marker = pandoc.utils.stringify(doc.meta["annual-report-section-marker"] or "")
          local top = 7
          for _, block in ipairs(doc.blocks) do
            if block.t == "Header" and block.level < top then top = block.level end
          end
          local blocks = pandoc.List()
          for _, block in ipairs(doc.blocks) do
            if block.t == "Header" and block.level == top then
              titles:write((pandoc.utils.stringify(block.content):gsub("[\r\n]", " ")), "\n")
              blocks:insert(pandoc.Para({ pandoc.Str(marker) }))
            else
              if block.t == "Header" then block.level = block.level - top + 1 end
              blocks:insert(block)
            end
          end
          notes:close()
          titles:close()
          return pandoc.Pandoc(blocks, doc.meta)
        end

        return { content, { Pandoc = sections } }
        """#
}
