"""One report assembled (``assembly.assemble``) and what reads only that assembly: where it
stands in the SOP (progress), the pull request's comment, and the PDF and Word copy
handed to ``render`` (outputs)."""
