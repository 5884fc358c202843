"""The official documents: Typst template, Lua filters, chart SVG, PDF and Word builders."""
