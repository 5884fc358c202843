"""SOP step 8's record of what was published: the typed manifest, its signature with the
record key, and the chain from one manifest to the next. Below the site, which shows
it, and below publication, which writes it."""
