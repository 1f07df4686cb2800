// Generated from templates/*.mustache by `make templates` (scripts/embed_templates.py): edit the
// templates, not this file. A test fails when the two differ.

extension TemplateSet {
    /// The report's look as the package ships it, by template name: the files of `templates/`,
    /// compiled in so that an installed binary needs nothing beside it.
    static let builtInSources: [String: String] = [
        "block": #"""
        <div class="block{{#keepTogether}} keep-together{{/keepTogether}}">
        {{#blockHeading}}<h3>{{blockHeading}}</h3>
        {{/blockHeading}}{{#paragraphs}}<p>{{.}}</p>
        {{/paragraphs}}{{#hasItems}}<ul class="points">
        {{#items}}<li>{{.}}</li>
        {{/items}}</ul>
        {{/hasItems}}{{#chart}}<figure class="chart">
        <figcaption><strong>{{title}}.</strong> {{summary}} The figures are in the table <a href="#{{tableAnchor}}">{{tableCaption}}</a>.</figcaption>
        {{{svg}}}
        </figure>
        {{/chart}}{{#table}}{{> table}}{{/table}}
        </div>

        """#,
        "report": #"""
        {{#xhtml}}<?xml version="1.0" encoding="UTF-8"?>
        {{/xhtml}}<!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="{{language}}" xml:lang="{{language}}">
        <head>
        <meta charset="UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>{{title}}</title>
        <meta name="author" content="{{partnership}}"/>
        <meta name="generator" content="{{generator}}"/>
        {{#publicationDate}}<meta name="dcterms.created" content="{{publicationDate}}"/>
        <meta name="dcterms.modified" content="{{publicationDate}}"/>
        {{/publicationDate}}
        <style>
        {{> style}}
        </style>
        </head>
        <body>
        <a class="skip-link" href="#main">Skip to the report</a>
        <header class="title-block">
        {{#isDraft}}
        <div class="draft-banner" role="note">
        <p><strong>DRAFT</strong>: this report is not for publication.{{#hasDraftFindings}} The data behind it has errors, listed here, that must be fixed first.{{/hasDraftFindings}}</p>
        {{#hasDraftFindings}}<ul>{{#draftFindings}}<li>{{place}}: {{message}}</li>{{/draftFindings}}</ul>{{/hasDraftFindings}}
        </div>
        {{/isDraft}}
        <p class="partnership">{{partnership}}</p>
        <h1>{{title}}</h1>
        <p class="period">{{periodLabel}}</p>
        {{#publicationLine}}<p class="publication">{{publicationLine}}</p>{{/publicationLine}}
        </header>
        <nav class="contents" aria-labelledby="contents-heading">
        <h2 id="contents-heading">Contents</h2>
        <ol>
        {{#contents}}<li><a href="{{href}}">{{label}}</a></li>
        {{/contents}}</ol>
        </nav>
        <main id="main">
        {{#sections}}{{> section}}{{/sections}}{{#appendices}}{{> section}}{{/appendices}}</main>
        </body>
        </html>

        """#,
        "row": #"""
        <tr{{#rowAnchor}} id="{{rowAnchor}}"{{/rowAnchor}}><th scope="row"{{#isMember}} class="member"{{/isMember}}>{{header}}</th>{{#cells}}<td{{#numeric}} class="numeric"{{/numeric}}>{{#correctionHref}}<a href="{{correctionHref}}">{{text}} (corrected)</a>{{/correctionHref}}{{^correctionHref}}{{text}}{{/correctionHref}}</td>{{/cells}}</tr>

        """#,
        "section": #"""
        <section id="{{anchor}}" class="{{#isAppendix}}appendix{{/isAppendix}}{{^isAppendix}}report-section{{/isAppendix}}" aria-labelledby="{{anchor}}-heading">
        <h2 id="{{anchor}}-heading"><span class="section-number">{{number}}</span> {{heading}}</h2>
        {{#periodNotes}}<p class="period-note"><strong>Period:</strong> {{.}}</p>
        {{/periodNotes}}{{{narrativeHTML}}}
        {{#blocks}}{{> block}}{{/blocks}}</section>

        """#,
        "style": #"""
        /* A calm public-sector look, after the GOV.UK type scale. No web fonts, no scripts. */
        body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 19px; line-height: 1.47;
          color: #0b0c0c; background: #ffffff; margin: 0 auto; max-width: 1000px; padding: 0 20px 60px; }
        h1 { font-size: 48px; line-height: 1.04; margin: 0 0 30px; }
        h2 { font-size: 36px; line-height: 1.11; margin: 60px 0 20px; }
        h3 { font-size: 27px; line-height: 1.11; margin: 40px 0 15px; }
        h4 { font-size: 19px; margin: 30px 0 10px; }
        p, li { max-width: 40em; overflow-wrap: break-word; }
        a { color: #1d70b8; }
        a:visited { color: #4c2c92; }
        a:focus { outline: 3px solid transparent; background: #ffdd00; color: #0b0c0c; box-shadow: 0 4px #0b0c0c; text-decoration: none; }
        .skip-link { position: absolute; left: -9999px; }
        .skip-link:focus { position: static; display: inline-block; margin: 10px 0; }
        .title-block { border-bottom: 10px solid #1d70b8; padding: 40px 0 20px; margin-bottom: 40px; }
        .partnership { font-size: 24px; font-weight: 700; color: #505a5f; margin: 0 0 10px; }
        .period, .publication { font-size: 19px; margin: 0 0 5px; }
        .draft-banner { border: 5px solid #d4351c; padding: 15px 20px; margin-bottom: 30px; }
        .draft-banner strong { color: #d4351c; font-size: 27px; }
        .contents ol { padding-left: 0; list-style: none; }
        .contents li { margin-bottom: 5px; }
        .section-number { color: #505a5f; margin-right: 10px; }
        .period-note { border-left: 10px solid #b1b4b6; background: #f3f2f1; padding: 15px; }
        table { border-collapse: collapse; width: 100%; font-size: 16px; margin: 0 0 10px; font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-weight: 700; font-size: 19px; padding-bottom: 10px; }
        th, td { border-bottom: 1px solid #b1b4b6; padding: 10px 20px 10px 0; text-align: left; vertical-align: top; }
        th.numeric, td.numeric { text-align: right; }
        td.align-right, th.align-right { text-align: right; }
        td.align-center, th.align-center { text-align: center; }
        th.member { padding-left: 20px; font-weight: 400; }
        tfoot th, tfoot td { font-weight: 700; border-top: 2px solid #0b0c0c; }
        /* A table wider than the screen scrolls in its own labelled, focusable region; the page never does. */
        .block { margin-bottom: 40px; }
        .table-wrap { margin-bottom: 10px; overflow-x: auto; max-width: 100%; }
        .table-wrap:focus { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: inset 0 0 0 2px #0b0c0c; }
        .table-note { font-size: 16px; color: #505a5f; }
        ul.points li { margin-bottom: 10px; }
        figure.chart { margin: 30px 0 20px; max-width: 720px; }
        figure.chart figcaption { margin-bottom: 10px; max-width: 40em; }
        /* Charts have no view box: their text is drawn at its own size at any width, never scaled down. */
        svg.chart { display: block; width: 100%; overflow: visible; }
        svg.chart text { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 16px; fill: #0b0c0c; }
        svg.chart .chart-heading { font-weight: 700; }
        svg.chart .chart-bar { fill: #1d70b8; }
        @media screen and (max-width: 640px) {
          body { font-size: 16px; padding: 0 15px 40px; }
          h1 { font-size: 32px; }
          h2 { font-size: 24px; margin-top: 40px; }
          h3 { font-size: 19px; }
          .partnership { font-size: 19px; }
          .period, .publication, caption { font-size: 16px; }
          table { font-size: 14px; }
          th, td { padding: 8px 12px 8px 0; }
        }
        /* Print: A4, the report's own page numbers and short title in the margins, headings kept
           with what follows, captions with their tables, charts whole, totals printed once. */
        @page {
          size: {{pageSize}};
          margin: 20mm 16mm 22mm;
          @top-right { content: "{{{runningHeadCSS}}}"; font-family: "Liberation Sans", Arial, sans-serif; font-size: 8pt; color: #505a5f; }
          @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: "Liberation Sans", Arial, sans-serif; font-size: 9pt; }
        }
        @page :first { @top-right { content: none; } }
        @media print {
          body { font-size: 11pt; max-width: none; padding: 0; }
          h1 { font-size: 26pt; }
          h2 { font-size: 18pt; margin-top: 24pt; }
          h3 { font-size: 14pt; margin-top: 18pt; }
          h2, h3, h4, caption, figcaption { break-after: avoid; page-break-after: avoid; }
          p, li { orphans: 3; widows: 3; }
          li { break-inside: avoid; }
          table { font-size: 9pt; }
          th, td { padding: 3pt 8pt 3pt 0; }
          caption { font-size: 11pt; padding-bottom: 4pt; }
          .block { margin-bottom: 14pt; }
          .table-wrap { margin-bottom: 4pt; }
          tr, figure.chart, svg.chart, .keep-together { break-inside: avoid; page-break-inside: avoid; }
          thead tr, tbody tr:first-child { break-before: avoid; }
          /* A totals row is printed once, at the table's end, not under every page's fragment. */
          tfoot { display: table-row-group; }
          .table-wrap { overflow: visible; }
          .table-wrap:focus { outline: none; box-shadow: none; }
          svg.chart text { font-size: 11pt; }
          .skip-link { display: none; }
          nav.contents, .appendix { break-before: page; }
          /* The title block is the cover. */
          .title-block { min-height: 200mm; padding-top: 60mm; border-bottom-width: 6mm; box-sizing: border-box; }
          .title-block h1 { font-size: 32pt; }
          /* The contents list with page numbers, where the printer knows them (target-counter: WeasyPrint). */
          nav.contents a { text-decoration: none; }
          nav.contents a::after { content: leader(".") target-counter(attr(href url), page); }
          a { color: #0b0c0c; }
          a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 90%; overflow-wrap: anywhere; }
        }

        """#,
        "table": #"""
        <div class="table-wrap" role="region" aria-labelledby="{{anchor}}-caption" tabindex="0">
        <table id="{{anchor}}">
        <caption id="{{anchor}}-caption">{{caption}}</caption>
        <thead><tr>{{#columns}}<th scope="col"{{#numeric}} class="numeric"{{/numeric}}>{{label}}</th>{{/columns}}</tr></thead>
        <tbody>
        {{#rows}}{{> row}}{{/rows}}</tbody>
        {{#hasFoot}}<tfoot>
        {{#footRows}}{{> row}}{{/footRows}}</tfoot>
        {{/hasFoot}}</table>
        </div>
        {{#note}}<p class="table-note">{{note}}</p>
        {{/note}}

        """#,
    ]
}
