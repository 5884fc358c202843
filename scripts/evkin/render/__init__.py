"""The official documents (steps 6-8: what is initialled, signed and published): Typst
template, Lua filters, chart SVG, PDF and Word builders. They take the assembled report and
ask git nothing."""
