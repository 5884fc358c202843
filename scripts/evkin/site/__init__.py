"""SOP step 8, shown: the archive site staff browse and search. Pages generated as plain
Markdown files from the assembled reports (collect, generate), the PDFs and charts they link,
the MkDocs build and its hook, and the search index."""
